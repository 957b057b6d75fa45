import { and, eq } from 'drizzle-orm';
import { missingScores, sameScores, scoreField, storedScores } from '$lib/review/juror-review';
import { reviewTotal } from '$lib/review/scoring';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { review } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { criteriaOf, ReviewConflict } from './juror-rules';
import { lockReviewForJuror } from './queries';
import { assertDraftEditable, checkedDraft, writeDraft } from './save-review';

/**
 * Submits a juror's review: every criterion scored, the weighted total computed, and the review
 * locked (only a manager's reopening unlocks it). A form posted without JavaScript brings its
 * latest draft along, which is saved in the same transaction. Submitting the same version twice
 * is harmless.
 */
export async function submitReview({
	actor,
	reviewId,
	version,
	draft,
	now = new Date()
}: {
	actor: Actor;
	reviewId: string;
	version: number;
	draft?: { scores?: unknown; comment?: unknown; privateNote?: unknown };
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		const row = await lockReviewForJuror(tx, actor, reviewId);
		if (row.review.status === 'submitted' && row.review.version === version)
			return { version, total: row.review.total, alreadySubmitted: true };
		assertDraftEditable(row, now);
		if (row.review.version !== version) throw new ReviewConflict(row.review.version);

		const criteria = await criteriaOf(tx, row.call.id);
		let current = {
			scores: storedScores(row.review.scores),
			comment: row.review.comment,
			privateNote: row.review.privateNote
		};
		let next = row;
		if (draft) {
			const checked = await checkedDraft(tx, row.call.id, draft);
			const changed =
				!sameScores(checked.scores, current.scores) ||
				checked.comment !== current.comment ||
				checked.privateNote !== current.privateNote;
			if (changed) {
				const written = await writeDraft(tx, actor, row, checked, now);
				next = {
					...row,
					review: {
						...row.review,
						version: written.version,
						startedAt: row.review.startedAt ?? now
					}
				};
				current = checked;
			}
		}
		const missing = missingScores(criteria, current.scores);
		// The scoring library's weighted total (0–100); an incomplete review has none.
		const total =
			missing.length === 0 && criteria.length > 0 ? reviewTotal(criteria, current.scores) : null;
		if (total === null)
			throw new AppError(
				'invalid_input',
				'review_incomplete',
				criteria.length === 0
					? { _form: 'no_criteria' }
					: Object.fromEntries(missing.map((id) => [scoreField(id), 'score_required']))
			);

		const [saved] = await tx
			.update(review)
			.set({
				status: 'submitted',
				total,
				submittedAt: now,
				startedAt: next.review.startedAt ?? now,
				version: next.review.version + 1,
				updatedAt: now
			})
			.where(and(eq(review.id, reviewId), eq(review.version, next.review.version)))
			.returning({ version: review.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'review.submitted',
			entityType: 'review',
			entityId: reviewId,
			organisationId: row.call.organisationId,
			data: { applicationId: row.review.applicationId, scores: current.scores, total }
		});
		return { version: saved.version, total, alreadySubmitted: false };
	});
}
