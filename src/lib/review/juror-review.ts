/**
 * The rules of one juror's review, shared by the server (which enforces them) and the review page
 * (which checks as the juror types): what a score is, what a draft may hold, when a review is
 * complete, and when a juror may see the other jurors' scores. Pure functions, no I/O.
 */

export const REVIEW_LIMITS = {
	/** The comment for the applicant. */
	commentMax: 5_000,
	/** The note for the jury and the managers. */
	privateNoteMax: 5_000,
	/** A declared conflict's reason. */
	reasonMax: 1_000
} as const;

/** What a juror is shown of the enterprise behind an application (see blind-answers.ts). */
export interface JurorProfile {
	/** Null in blind review. */
	name: string | null;
	website: string | null;
	organisationNumber: string | null;
	country: string;
	legalForm: string | null;
	foundedYear: number | null;
	employees: number | null;
	impactAreas: number[];
	/** Null in blind review: people identify an enterprise. */
	team: { name: string; role: string }[] | null;
	teamSize: number;
}

/** A criterion as far as scoring needs it. */
export interface ScaleCriterion {
	id: string;
	scaleMin: number;
	scaleMax: number;
}

/** Criterion id → the juror's score on that criterion's scale (unscored criteria are absent). */
export type Scores = Record<string, number>;

export interface ReviewDraft {
	scores: Scores;
	comment: string;
	privateNote: string;
}

/** The form field (and error key) of one criterion's score. */
export const scoreField = (criterionId: string) => `scores.${criterionId}`;

export type ScoreParse = { ok: true; value: number | null } | { ok: false; code: string };

/**
 * One score as it arrives: a number from JSON, text from a form, blank for "not scored". It must
 * be a whole number on the criterion's scale; anything else is a language-free error code.
 */
export function parseScore(value: unknown, criterion: ScaleCriterion): ScoreParse {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return { ok: true, value: null };
	const number =
		typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(number)) return { ok: false, code: 'number_invalid' };
	if (!Number.isInteger(number)) return { ok: false, code: 'integer_required' };
	if (number < criterion.scaleMin || number > criterion.scaleMax)
		return {
			ok: false,
			code: `score_out_of_range|${criterion.scaleMin}|${criterion.scaleMax}`
		};
	return { ok: true, value: number };
}

export type DraftCheck =
	{ ok: true; draft: ReviewDraft } | { ok: false; errors: Record<string, string> };

function text(
	value: unknown,
	max: number
): { ok: true; value: string } | { ok: false; code: string } {
	if (value === undefined || value === null) return { ok: true, value: '' };
	if (typeof value !== 'string') return { ok: false, code: 'invalid' };
	if (value.length > max) return { ok: false, code: `too_long|${max}` };
	return { ok: true, value };
}

/**
 * Checks a draft against the call's criteria: every score a whole number on its criterion's
 * scale (or blank), no score for a criterion the call does not have, texts within their limits.
 * Errors are keyed by field (`scores.<criterionId>`, `comment`, `privateNote`).
 */
export function checkReviewDraft(
	criteria: readonly ScaleCriterion[],
	input: { scores?: unknown; comment?: unknown; privateNote?: unknown }
): DraftCheck {
	const errors: Record<string, string> = {};
	const scores: Scores = {};
	const raw = input.scores ?? {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		errors.scores = 'invalid';
	} else {
		const byId = new Map(criteria.map((c) => [c.id, c]));
		for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
			const criterion = byId.get(id);
			if (!criterion) {
				errors[scoreField(id)] = 'unknown_criterion';
				continue;
			}
			const parsed = parseScore(value, criterion);
			if (!parsed.ok) errors[scoreField(id)] = parsed.code;
			else if (parsed.value !== null) scores[id] = parsed.value;
		}
	}
	const comment = text(input.comment, REVIEW_LIMITS.commentMax);
	if (!comment.ok) errors.comment = comment.code;
	const privateNote = text(input.privateNote, REVIEW_LIMITS.privateNoteMax);
	if (!privateNote.ok) errors.privateNote = privateNote.code;
	if (Object.keys(errors).length > 0 || !comment.ok || !privateNote.ok)
		return { ok: false, errors };
	return { ok: true, draft: { scores, comment: comment.value, privateNote: privateNote.value } };
}

/** The criteria still without a score, in the call's order. */
export function missingScores(
	criteria: readonly ScaleCriterion[],
	scores: Record<string, number | null | undefined>
): string[] {
	return criteria.filter((c) => typeof scores[c.id] !== 'number').map((c) => c.id);
}

/** Scores stored as criterion id → number, without blanks: two drafts with the same scores are equal. */
export function sameScores(
	a: Record<string, number | null | undefined>,
	b: Record<string, number | null | undefined>
): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) if ((a[key] ?? null) !== (b[key] ?? null)) return false;
	return true;
}

/** Only the numbers of a stored scores object (older rows may hold nulls). */
export function storedScores(value: Record<string, number | null | undefined> | null): Scores {
	const scores: Scores = {};
	for (const [id, score] of Object.entries(value ?? {}))
		if (typeof score === 'number') scores[id] = score;
	return scores;
}

/**
 * Whether a juror may see the other jurors' scores for an application: only when the call shows
 * them at all, and only once this juror has submitted their own (so nobody is anchored by them).
 */
export function othersScoresVisible(
	settings: { showScoresAfterSubmit: boolean },
	ownStatus: 'assigned' | 'started' | 'submitted'
): boolean {
	return settings.showScoresAfterSubmit && ownStatus === 'submitted';
}
