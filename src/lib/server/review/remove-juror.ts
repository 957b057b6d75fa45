import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { juryMember, review } from '../db/schema';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { lockJury } from './lock-jury';

/**
 * Takes a juror off a call's panel (or withdraws an open invitation). Reviews they had not started
 * are deleted, so a re-run gives those applications someone else; started and submitted ones stay,
 * listed as the work of a removed juror.
 */
export async function removeJuror({
	actor,
	callId,
	memberId,
	now = new Date()
}: {
	actor: Actor;
	callId: string;
	memberId: string;
	now?: Date;
}) {
	if (!UUID.test(memberId)) throw new AppError('not_found');
	return db().transaction(async (tx) => {
		const { call } = await lockJury(tx, actor, callId);
		const [member] = await tx
			.select()
			.from(juryMember)
			.where(and(eq(juryMember.id, memberId), eq(juryMember.callId, callId)))
			.for('update');
		if (!member) throw new AppError('not_found');
		if (member.removedAt) return { deleted: 0, kept: 0 };

		const deleted = await tx
			.delete(review)
			.where(and(eq(review.juryMemberId, memberId), eq(review.status, 'assigned')))
			.returning({ applicationId: review.applicationId });
		const kept = await tx
			.select({ id: review.id })
			.from(review)
			.where(eq(review.juryMemberId, memberId));
		await tx
			.update(juryMember)
			.set({ removedAt: now, tokenHash: null })
			.where(eq(juryMember.id, memberId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.juror_removed',
			entityType: 'jury_member',
			entityId: memberId,
			organisationId: call.organisationId,
			data: {
				callId,
				email: member.email,
				deletedReviews: deleted.length,
				keptReviews: kept.length
			}
		});
		return { deleted: deleted.length, kept: kept.length };
	});
}
