import { and, eq } from 'drizzle-orm';
import {
	checkReviewDraft,
	sameScores,
	storedScores,
	type ReviewDraft
} from '$lib/review/juror-review';
import { recordAudit } from '../audit/record-audit';
import { db, type Executor } from '../db';
import { review } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { assertScoringOpen, criteriaOf, ReviewConflict } from './juror-rules';
import { lockReviewForJuror } from './queries';

type LockedReview = Awaited<ReturnType<typeof lockReviewForJuror>>;

/** A review the juror may still change: scoring open, no conflict confirmed, not submitted. */
export function assertDraftEditable(row: LockedReview, now: Date) {
	assertScoringOpen(row.settings, now);
	if (!row.review.noConflictAt)
		throw new AppError('conflict', 'conflict_check_pending', { _form: 'conflict_check_pending' });
	if (row.review.status === 'submitted')
		throw new AppError('conflict', 'review_locked', { _form: 'review_locked' });
}

/** Checks a posted draft against the call's criteria; field codes on failure. */
export async function checkedDraft(
	tx: Executor,
	callId: string,
	input: { scores?: unknown; comment?: unknown; privateNote?: unknown }
): Promise<ReviewDraft> {
	const checked = checkReviewDraft(await criteriaOf(tx, callId), input);
	if (!checked.ok) throw new AppError('invalid_input', 'review_invalid', checked.errors);
	return checked.draft;
}

/**
 * Writes a checked draft over the locked review (the caller checked its version): the first save
 * starts the review; a change of scores is audited with the old and the new scores, a change of
 * the texts alone is not (it would log every pause in typing).
 */
export async function writeDraft(
	tx: Executor,
	actor: Actor,
	row: LockedReview,
	draft: ReviewDraft,
	now: Date
) {
	const before = storedScores(row.review.scores);
	const [saved] = await tx
		.update(review)
		.set({
			scores: draft.scores,
			comment: draft.comment,
			privateNote: draft.privateNote,
			status: row.review.status === 'assigned' ? 'started' : row.review.status,
			startedAt: row.review.startedAt ?? now,
			version: row.review.version + 1,
			updatedAt: now
		})
		.where(and(eq(review.id, row.review.id), eq(review.version, row.review.version)))
		.returning({ version: review.version, status: review.status, updatedAt: review.updatedAt });
	if (!sameScores(before, draft.scores)) {
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'review.scores_changed',
			entityType: 'review',
			entityId: row.review.id,
			organisationId: row.call.organisationId,
			data: { applicationId: row.review.applicationId, old: before, new: draft.scores }
		});
	}
	return { version: saved.version, status: saved.status, savedAt: saved.updatedAt };
}

/**
 * Autosave of a juror's draft: scores, the comment for the applicant and the private note for the
 * jury. Only the juror it is assigned to, only after they confirmed no conflict, only while
 * scoring is open and the review is not submitted, and only on top of the version they edited.
 */
export async function saveReview({
	actor,
	reviewId,
	version,
	scores,
	comment,
	privateNote,
	now = new Date()
}: {
	actor: Actor;
	reviewId: string;
	version: number;
	scores: unknown;
	comment?: unknown;
	privateNote?: unknown;
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		const row = await lockReviewForJuror(tx, actor, reviewId);
		assertDraftEditable(row, now);
		if (row.review.version !== version) throw new ReviewConflict(row.review.version);
		const draft = await checkedDraft(tx, row.call.id, { scores, comment, privateNote });
		return writeDraft(tx, actor, row, draft, now);
	});
}
