import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '$lib/calls/form-definition';
import {
	chooseLocalCopy,
	interpretSaveResponse,
	isLocalCopyKey,
	localCopyKey,
	mergeAnswers,
	parseLocalCopy,
	restoreDecision,
	retryDelay,
	sameAnswer,
	saveableAnswers,
	saveDelay,
	toFormValues,
	type LocalCopy
} from './autosave-logic';

const form: FormDefinition = {
	sections: [
		{
			id: 'about',
			title: { en: 'About' },
			questions: [
				{ id: 'title', type: 'short_text', maxLength: 20, required: true, label: { en: 'Title' } },
				{ id: 'contact', type: 'email', required: true, label: { en: 'Contact' } },
				{ id: 'staff', type: 'number', integer: true, required: false, label: { en: 'Staff' } },
				{
					id: 'needs',
					type: 'multiple_choice',
					required: false,
					label: { en: 'Needs' },
					options: [
						{ id: 'tech', label: { en: 'Tech' } },
						{ id: 'money', label: { en: 'Money' } }
					]
				},
				{ id: 'ok', type: 'confirm', required: true, label: { en: 'OK' } }
			]
		}
	]
};

describe('saveDelay', () => {
	it('saveDelay waits the debounce after the last keystroke', () => {
		expect(saveDelay({ firstChangeAt: 1_000, lastChangeAt: 1_200, now: 1_300 })).toBe(700);
	});

	it('saveDelay never waits past the maximum since the first unsaved change', () => {
		expect(saveDelay({ firstChangeAt: 0, lastChangeAt: 4_900, now: 4_900 })).toBe(100);
	});

	it('saveDelay is zero once the time has come', () => {
		expect(saveDelay({ firstChangeAt: 0, lastChangeAt: 0, now: 2_000 })).toBe(0);
	});
});

describe('retryDelay', () => {
	it('retryDelay doubles from one second', () => {
		const middle = () => 0.5;
		expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, middle))).toEqual([
			1_000, 2_000, 4_000, 8_000, 16_000
		]);
	});

	it('retryDelay is capped at thirty seconds', () => {
		expect(retryDelay(12, () => 1)).toBe(30_000);
	});

	it('retryDelay jitters by at most a fifth', () => {
		expect(retryDelay(2, () => 0)).toBe(1_600);
		expect(retryDelay(2, () => 1)).toBe(2_400);
	});
});

describe('sameAnswer', () => {
	it('sameAnswer treats every kind of empty alike', () => {
		expect(sameAnswer('', undefined)).toBe(true);
		expect(sameAnswer([], undefined)).toBe(true);
		expect(sameAnswer(false, '')).toBe(true);
	});

	it('sameAnswer compares numbers with their text and choices as sets', () => {
		expect(sameAnswer(12, '12')).toBe(true);
		expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(true);
		expect(sameAnswer(['a'], ['a', 'b'])).toBe(false);
		expect(sameAnswer(true, 'true')).toBe(false);
	});
});

describe('toFormValues', () => {
	it('toFormValues keeps only the form questions and turns numbers into text', () => {
		expect(toFormValues(form, { title: 'x', staff: 4, removed: 'old' })).toEqual({
			title: 'x',
			staff: '4'
		});
	});
});

describe('saveableAnswers', () => {
	it('saveableAnswers sends valid draft answers as they are', () => {
		expect(saveableAnswers(form, { title: 'Idea', contact: '' }, {}, 'draft')).toEqual({
			answers: { title: 'Idea', contact: '' },
			heldBack: []
		});
	});

	it('saveableAnswers holds back a half-typed answer and keeps its last saved value', () => {
		expect(
			saveableAnswers(
				form,
				{ title: 'Idea 2', contact: 'amira@' },
				{ title: 'Idea', contact: 'a@b.se' },
				'draft'
			)
		).toEqual({ answers: { title: 'Idea 2', contact: 'a@b.se' }, heldBack: ['contact'] });
	});

	it('saveableAnswers leaves out a held back answer that was never saved', () => {
		expect(saveableAnswers(form, { title: 'Idea', staff: 'many' }, {}, 'draft')).toEqual({
			answers: { title: 'Idea' },
			heldBack: ['staff']
		});
	});

	it('saveableAnswers in a submitted application keeps a required answer that was emptied', () => {
		const saved = { title: 'Idea', contact: 'a@b.se', ok: true };
		expect(saveableAnswers(form, { ...saved, title: '' }, saved, 'submit')).toEqual({
			answers: saved,
			heldBack: ['title']
		});
	});

	it('saveableAnswers drops answers to questions the form no longer has', () => {
		expect(saveableAnswers(form, { gone: 'x', title: 'Idea' }, {}, 'draft').answers).toEqual({
			title: 'Idea'
		});
	});
});

describe('mergeAnswers', () => {
	it('mergeAnswers keeps changes made on either side', () => {
		expect(
			mergeAnswers(
				{ title: 'A', contact: 'a@b.se' },
				{ title: 'A local', contact: 'a@b.se' },
				{ title: 'A', contact: 'remote@b.se' }
			)
		).toEqual({ answers: { title: 'A local', contact: 'remote@b.se' }, conflicts: [] });
	});

	it('mergeAnswers keeps the saved version when both sides changed the same answer', () => {
		expect(mergeAnswers({ title: 'A' }, { title: 'Mine' }, { title: 'Theirs' })).toEqual({
			answers: { title: 'Theirs' },
			conflicts: ['title']
		});
	});

	it('mergeAnswers keeps an answer removed on the other side removed', () => {
		expect(mergeAnswers({ needs: ['tech'] }, { needs: ['tech'] }, {})).toEqual({
			answers: {},
			conflicts: []
		});
	});

	it('mergeAnswers does not call the same change on both sides a conflict', () => {
		expect(mergeAnswers({ title: 'A' }, { title: 'B' }, { title: 'B' })).toEqual({
			answers: { title: 'B' },
			conflicts: []
		});
	});
});

describe('restoreDecision', () => {
	const copy = (version: number, answers: Record<string, string>, base = {}) => ({
		version,
		base,
		answers,
		changedAt: 1
	});

	it('restoreDecision does nothing without a local copy', () => {
		expect(restoreDecision(form, null, { version: 3, answers: {} })).toEqual({
			kind: 'none',
			discard: false
		});
	});

	it('restoreDecision restores unsaved answers typed on the current version', () => {
		expect(
			restoreDecision(form, copy(3, { title: 'Typed' }), { version: 3, answers: { title: 'Old' } })
		).toEqual({ kind: 'restore', answers: { title: 'Typed' }, conflicts: [] });
	});

	it('restoreDecision discards a copy the server already has', () => {
		expect(
			restoreDecision(form, copy(3, { staff: '4' }), { version: 4, answers: { staff: 4 } })
		).toEqual({ kind: 'none', discard: true });
	});

	it('restoreDecision merges a copy typed on an older version', () => {
		expect(
			restoreDecision(form, copy(2, { title: 'Typed', contact: '' }, { title: 'Old' }), {
				version: 5,
				answers: { title: 'Old', contact: 'new@b.se' }
			})
		).toEqual({
			kind: 'restore',
			answers: { title: 'Typed', contact: 'new@b.se' },
			conflicts: []
		});
	});

	it('restoreDecision discards a copy from a later version than the server knows', () => {
		expect(restoreDecision(form, copy(9, { title: 'Typed' }), { version: 2, answers: {} })).toEqual(
			{ kind: 'none', discard: true }
		);
	});
});

describe('parseLocalCopy', () => {
	it('parseLocalCopy reads what was stored', () => {
		const stored = { version: 2, base: {}, answers: { title: 'x' }, changedAt: 5 };
		expect(parseLocalCopy(JSON.stringify(stored))).toEqual(stored);
	});

	it('parseLocalCopy ignores anything malformed', () => {
		expect([parseLocalCopy('{'), parseLocalCopy('{"version":"2"}'), parseLocalCopy(null)]).toEqual([
			null,
			null,
			null
		]);
	});

	it('localCopyKey names the application and the tab', () => {
		expect(localCopyKey('abc', 't1')).toBe('tandem:application-draft:abc:t1');
		expect(isLocalCopyKey(localCopyKey('abc', 't1'), 'abc')).toBe(true);
		// A copy written before copies were kept per tab is still found.
		expect(isLocalCopyKey('tandem:application-draft:abc', 'abc')).toBe(true);
		expect(isLocalCopyKey(localCopyKey('abcd', 't1'), 'abc')).toBe(false);
		expect(isLocalCopyKey('tandem:tab', 'abc')).toBe(false);
	});

	it("chooseLocalCopy prefers the tab's own copy, else takes over the newest other tab's", () => {
		const copy = (changedAt: number): LocalCopy => ({
			version: 1,
			base: {},
			answers: { name: String(changedAt) },
			changedAt
		});
		expect(chooseLocalCopy(copy(1), [{ key: 'b', copy: copy(9) }])).toEqual({
			copy: copy(1),
			takenFrom: null
		});
		expect(
			chooseLocalCopy(null, [
				{ key: 'b', copy: copy(5) },
				{ key: 'c', copy: null },
				{ key: 'd', copy: copy(7) },
				{ key: 'e', copy: copy(6) }
			])
		).toEqual({ copy: copy(7), takenFrom: 'd' });
		expect(chooseLocalCopy(null, [{ key: 'c', copy: null }])).toBeNull();
		expect(chooseLocalCopy(null, [])).toBeNull();
	});
});

describe('interpretSaveResponse', () => {
	it('interpretSaveResponse reads a saved version', () => {
		expect(interpretSaveResponse(200, { version: 4, savedAt: '2026-11-23T10:00:00.000Z' })).toEqual(
			{ kind: 'saved', version: 4, savedAt: new Date('2026-11-23T10:00:00.000Z') }
		);
	});

	it('interpretSaveResponse tells a conflict from a closed application', () => {
		expect(interpretSaveResponse(409, { conflict: true, currentVersion: 7 })).toEqual({
			kind: 'conflict',
			currentVersion: 7
		});
		expect(interpretSaveResponse(409, { errors: { _form: 'not_editable' } })).toEqual({
			kind: 'closed'
		});
	});

	it('interpretSaveResponse retries server trouble but not a refusal', () => {
		expect(
			[502, 429, 400, 401, 404].map((status) => interpretSaveResponse(status, null).kind)
		).toEqual(['retry', 'retry', 'failed', 'signed_out', 'failed']);
	});

	it('interpretSaveResponse passes on field errors', () => {
		expect(interpretSaveResponse(400, { errors: { contact: 'email_invalid' } })).toEqual({
			kind: 'invalid',
			errors: { contact: 'email_invalid' }
		});
	});
});
