import { and, eq, isNull } from 'drizzle-orm';
import type { LocalizedText } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call, juryMember, programme, programmeRole } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { hashToken } from '../identity/tokens';

/** What the invitation page shows: the token is the permission to see whom it is for. */
export async function findJuryInvitation(token: string, now = new Date()) {
	const [row] = await db()
		.select({
			email: juryMember.email,
			expiresAt: juryMember.expiresAt,
			acceptedAt: juryMember.acceptedAt,
			removedAt: juryMember.removedAt,
			callId: call.id,
			callTitle: call.title,
			fallbackLocale: call.fallbackLocale,
			programmeName: programme.name
		})
		.from(juryMember)
		.innerJoin(call, eq(call.id, juryMember.callId))
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.where(eq(juryMember.tokenHash, hashToken(token)));
	if (!row) return null;
	const usable = !row.removedAt && row.expiresAt !== null && row.expiresAt > now;
	return { ...row, usable };
}

/**
 * The signed-in person whose address the invitation was sent to joins the call's jury: the panel
 * member becomes theirs and they get the programme's juror role, so their review space opens.
 * Accepting twice is harmless; another address, an expired or withdrawn invitation is refused.
 */
export async function acceptJuryInvitation({
	actor,
	token,
	now = new Date()
}: {
	actor: Actor;
	token: string;
	now?: Date;
}): Promise<{ callId: string; callTitle: LocalizedText }> {
	return db().transaction(async (tx) => {
		const [row] = await tx
			.select({
				member: juryMember,
				programmeId: call.programmeId,
				organisationId: call.organisationId,
				callTitle: call.title
			})
			.from(juryMember)
			.innerJoin(call, eq(call.id, juryMember.callId))
			.where(eq(juryMember.tokenHash, hashToken(token)))
			.for('update', { of: juryMember });
		if (!row || row.member.removedAt || !row.member.expiresAt || row.member.expiresAt <= now)
			throw new AppError('invitation_invalid');
		const { member } = row;
		if (member.email !== actor.email.toLowerCase()) throw new AppError('invitation_wrong_email');

		if (!member.acceptedAt) {
			await tx
				.update(juryMember)
				.set({ userId: actor.userId, acceptedAt: now })
				.where(and(eq(juryMember.id, member.id), isNull(juryMember.acceptedAt)));
			await tx
				.insert(programmeRole)
				.values({ programmeId: row.programmeId, userId: actor.userId, role: 'juror' })
				.onConflictDoNothing();
			await recordAudit(tx, {
				actorUserId: actor.userId,
				action: 'jury.invitation_accepted',
				entityType: 'jury_member',
				entityId: member.id,
				organisationId: row.organisationId,
				data: { callId: member.callId }
			});
		}
		return { callId: member.callId, callTitle: row.callTitle };
	});
}
