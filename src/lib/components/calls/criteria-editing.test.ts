import { describe, expect, it } from 'vitest';
import { criteriaSchema } from '$lib/calls/schemas';
import {
	criteriaIssueKeys,
	criteriaPayload,
	scalePoints,
	type CriterionDraft
} from './criteria-editing';

const draft = (over: Partial<CriterionDraft> = {}): CriterionDraft => ({
	key: 0,
	name: { en: 'Impact' },
	rubric: {},
	weight: 2,
	scaleMin: 1,
	scaleMax: 3,
	anchors: {},
	...over
});

describe('scalePoints', () => {
	it('scalePoints of 1 to 5 lists every point', () => {
		expect(scalePoints({ scaleMin: 1, scaleMax: 5 })).toEqual([1, 2, 3, 4, 5]);
	});
	it('scalePoints of a scale longer than eleven points is empty', () => {
		expect(scalePoints({ scaleMin: 0, scaleMax: 11 })).toEqual([]);
	});
	it('scalePoints of a cleared bound is empty', () => {
		expect(scalePoints({ scaleMin: null, scaleMax: 5 })).toEqual([]);
	});
});

describe('criteriaPayload', () => {
	it('criteriaPayload keeps anchors on the scale with a text and drops empty translations', () => {
		const payload = criteriaPayload([
			draft({
				rubric: { en: ' ', de: 'Wirkung' },
				anchors: { 1: { en: 'Weak' }, 2: { en: '' }, 4: { en: 'Off the scale' } }
			})
		]);
		expect(payload).toEqual([
			{
				name: { en: 'Impact' },
				rubric: { de: 'Wirkung' },
				weight: 2,
				scaleMin: 1,
				scaleMax: 3,
				anchors: [{ value: 1, text: { en: 'Weak' } }]
			}
		]);
	});
	it('criteriaPayload of a filled-in criterion passes the schema', () => {
		expect(criteriaSchema.safeParse(criteriaPayload([draft()])).success).toBe(true);
	});
});

describe('criteriaIssueKeys', () => {
	it('criteriaIssueKeys names issues by position and field', () => {
		const result = criteriaSchema.safeParse(
			criteriaPayload([draft(), draft({ name: {}, scaleMin: 4, scaleMax: 2 })])
		);
		expect(criteriaIssueKeys(result.error?.issues ?? [])).toEqual({
			'1.name': 'required',
			'1.scaleMax': 'scale_invalid'
		});
	});
});
