import { eq } from 'drizzle-orm';
import { z } from 'zod';
import '$lib/forms/validation';
import { REVIEW_LIMITS } from '$lib/review/juror-review';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { juryConflict, review } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { log } from '../log';
import { reassignAfterConflict } from './assign-reviewers';
import { assertConflictCheckOpen } from './juror-rules';
import { lockReviewForJuror } from './queries';

export const conflictReasonSchema = z.string().trim().min(1).max(REVIEW_LIMITS.reasonMax);

/**
 * The juror declares a conflict of interest with the application, with a reason: the conflict is
 * recorded, the review removed (with any draft), and the application goes to another juror. A
 * submitted review cannot be conflicted away (a manager would first have to reopen it). Possible
 * in setup and while scoring is open.
 */
export async function declareConflict({
	actor,
	reviewId,
	reason,
	now = new Date()
}: {
	actor: Actor;
	reviewId: string;
	reason: unknown;
	now?: Date;
}) {
	const result = await db().transaction(async (tx) => {
		const row = await lockReviewForJuror(tx, actor, reviewId);
		assertConflictCheckOpen(row.settings, now);
		if (row.review.status === 'submitted')
			throw new AppError('conflict', 'review_submitted', { _form: 'review_submitted' });
		const parsed = conflictReasonSchema.safeParse(reason);
		if (!parsed.success)
			throw new AppError('invalid_input', 'reason_invalid', {
				reason: parsed.error.issues[0]?.message ?? 'invalid'
			});

		const [conflict] = await tx
			.insert(juryConflict)
			.values({
				callId: row.call.id,
				juryMemberId: row.member.id,
				applicationId: row.review.applicationId,
				source: 'declared',
				reason: parsed.data,
				createdAt: now
			})
			.onConflictDoUpdate({
				target: [juryConflict.juryMemberId, juryConflict.applicationId],
				set: { source: 'declared', reason: parsed.data }
			})
			.returning({ id: juryConflict.id });
		await tx.delete(review).where(eq(review.id, reviewId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'review.conflict_declared',
			entityType: 'review',
			entityId: reviewId,
			organisationId: row.call.organisationId,
			data: {
				applicationId: row.review.applicationId,
				juryMemberId: row.member.id,
				conflictId: conflict.id,
				reason: parsed.data,
				status: row.review.status
			}
		});
		return { callId: row.call.id, conflictId: conflict.id };
	});
	const reassigned = await reassignQuietly(result.callId);
	return { conflictId: result.conflictId, reassigned };
}

/**
 * Finds the application another juror after the commit. The juror's declaration stands whatever
 * happens here: a failure is logged, and the assignment records what it could not do for the
 * managers (jury_settings.last_run).
 */
async function reassignQuietly(callId: string): Promise<boolean> {
	try {
		await reassignAfterConflict(callId);
		return true;
	} catch (error) {
		log.error({ err: error, callId }, 'reassignment after a declared conflict failed');
		return false;
	}
}
