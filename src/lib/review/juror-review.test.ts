import { describe, expect, it } from 'vitest';
import {
	checkReviewDraft,
	missingScores,
	othersScoresVisible,
	parseScore,
	sameScores,
	storedScores
} from './juror-review';

const impact = { id: 'impact', scaleMin: 1, scaleMax: 5 };
const team = { id: 'team', scaleMin: 0, scaleMax: 10 };

describe('parseScore', () => {
	it('parseScore of a blank is no score', () => {
		expect(parseScore('', impact)).toEqual({ ok: true, value: null });
		expect(parseScore(null, impact)).toEqual({ ok: true, value: null });
		expect(parseScore(undefined, impact)).toEqual({ ok: true, value: null });
	});
	it('parseScore of a whole number on the scale, as number or text, is that number', () => {
		expect(parseScore(1, impact)).toEqual({ ok: true, value: 1 });
		expect(parseScore(' 5 ', impact)).toEqual({ ok: true, value: 5 });
		expect(parseScore('0', team)).toEqual({ ok: true, value: 0 });
	});
	it('parseScore outside the scale names the scale', () => {
		expect(parseScore(6, impact)).toEqual({ ok: false, code: 'score_out_of_range|1|5' });
		expect(parseScore(0, impact)).toEqual({ ok: false, code: 'score_out_of_range|1|5' });
	});
	it('parseScore of a fraction or of text is refused', () => {
		expect(parseScore(3.5, impact)).toEqual({ ok: false, code: 'integer_required' });
		expect(parseScore('three', impact)).toEqual({ ok: false, code: 'number_invalid' });
		expect(parseScore(true, impact)).toEqual({ ok: false, code: 'number_invalid' });
		expect(parseScore(Number.NaN, impact)).toEqual({ ok: false, code: 'number_invalid' });
	});
});

describe('checkReviewDraft', () => {
	it('checkReviewDraft keeps the numbers and drops blanks', () => {
		expect(
			checkReviewDraft([impact, team], {
				scores: { impact: '4', team: '' },
				comment: 'Clear plan.',
				privateNote: ''
			})
		).toEqual({
			ok: true,
			draft: { scores: { impact: 4 }, comment: 'Clear plan.', privateNote: '' }
		});
	});
	it('checkReviewDraft gives one code per field', () => {
		expect(
			checkReviewDraft([impact, team], {
				scores: { impact: 9, team: 2.5, ghost: 3 },
				comment: 'x'.repeat(5001),
				privateNote: 7
			})
		).toEqual({
			ok: false,
			errors: {
				'scores.impact': 'score_out_of_range|1|5',
				'scores.team': 'integer_required',
				'scores.ghost': 'unknown_criterion',
				comment: 'too_long|5000',
				privateNote: 'invalid'
			}
		});
	});
	it('checkReviewDraft of scores that are not an object is refused', () => {
		expect(checkReviewDraft([impact], { scores: [3] })).toEqual({
			ok: false,
			errors: { scores: 'invalid' }
		});
	});
});

describe('missingScores and sameScores', () => {
	it('missingScores lists unscored criteria in order', () => {
		expect(missingScores([impact, team], { team: 3 })).toEqual(['impact']);
		expect(missingScores([impact, team], { impact: 1, team: 0 })).toEqual([]);
	});
	it('sameScores treats a missing score and a null alike', () => {
		expect(sameScores({ a: 1, b: null }, { a: 1 })).toBe(true);
		expect(sameScores({ a: 1 }, { a: 2 })).toBe(false);
	});
	it('storedScores keeps only numbers', () => {
		expect(storedScores({ a: 1, b: null })).toEqual({ a: 1 });
		expect(storedScores(null)).toEqual({});
	});
});

describe('othersScoresVisible', () => {
	it('othersScoresVisible after submitting, in a call that shows them, is true', () => {
		expect(othersScoresVisible({ showScoresAfterSubmit: true }, 'submitted')).toBe(true);
	});
	it('othersScoresVisible before submitting is false', () => {
		expect(othersScoresVisible({ showScoresAfterSubmit: true }, 'assigned')).toBe(false);
		expect(othersScoresVisible({ showScoresAfterSubmit: true }, 'started')).toBe(false);
	});
	it('othersScoresVisible in a call that hides them is false even after submitting', () => {
		expect(othersScoresVisible({ showScoresAfterSubmit: false }, 'submitted')).toBe(false);
	});
});
