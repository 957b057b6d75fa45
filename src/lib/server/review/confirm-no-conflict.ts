import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { review } from '../db/schema';
import type { Actor } from '../identity/actor';
import { assertConflictCheckOpen } from './juror-rules';
import { lockReviewForJuror } from './queries';

/**
 * The juror confirms they have no conflict of interest with the application; only then do they
 * see its content. Possible in setup and while scoring is open; confirming twice is harmless.
 */
export async function confirmNoConflict({
	actor,
	reviewId,
	now = new Date()
}: {
	actor: Actor;
	reviewId: string;
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		const row = await lockReviewForJuror(tx, actor, reviewId);
		if (row.review.noConflictAt)
			return { confirmedAt: row.review.noConflictAt, version: row.review.version };
		assertConflictCheckOpen(row.settings, now);
		const [saved] = await tx
			.update(review)
			.set({ noConflictAt: now, version: row.review.version + 1, updatedAt: now })
			.where(eq(review.id, reviewId))
			.returning({ confirmedAt: review.noConflictAt, version: review.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'review.no_conflict_confirmed',
			entityType: 'review',
			entityId: reviewId,
			organisationId: row.call.organisationId,
			data: { applicationId: row.review.applicationId }
		});
		return { confirmedAt: saved.confirmedAt as Date, version: saved.version };
	});
}
