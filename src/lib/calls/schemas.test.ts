import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/validation';
import { callSettingsSchema, collectLocalized, criteriaSchema } from './schemas';

const settings = {
	title_en: 'Social Innovation Call',
	title_sv: 'Utlysning',
	summary_en: ' Money for pilots ',
	fallbackLocale: 'en',
	timeZone: 'Europe/Stockholm',
	opensAt: '2026-11-01T09:00',
	closesAt: '2026-12-01T17:00',
	editAfterSubmit: 'on',
	maxApplicationsPerEnterprise: '2'
};

function errorsOf(input: Record<string, unknown>) {
	const result = parseForm(callSettingsSchema, input);
	return result.ok ? null : result.errors;
}

describe('callSettingsSchema', () => {
	it('turns the settings form into call settings with instants', () => {
		expect(parseForm(callSettingsSchema, settings)).toEqual({
			ok: true,
			data: {
				title: { en: 'Social Innovation Call', sv: 'Utlysning' },
				summary: { en: 'Money for pilots' },
				description: {},
				eligibilityText: {},
				fallbackLocale: 'en',
				timeZone: 'Europe/Stockholm',
				opensAt: new Date('2026-11-01T08:00:00Z'),
				closesAt: new Date('2026-12-01T16:00:00Z'),
				editAfterSubmit: true,
				maxApplicationsPerEnterprise: 2,
				version: undefined
			}
		});
	});
	it('reads 17:00 in New York and Tokyo in their own zones', () => {
		const closes = (timeZone: string) => {
			const result = parseForm(callSettingsSchema, { ...settings, timeZone });
			return result.ok ? result.data.closesAt.toISOString() : result.errors;
		};
		expect([closes('Europe/Stockholm'), closes('America/New_York'), closes('Asia/Tokyo')]).toEqual([
			'2026-12-01T16:00:00.000Z',
			'2026-12-01T22:00:00.000Z',
			'2026-12-01T08:00:00.000Z'
		]);
	});
	it('reads a summer wall time with summer time', () => {
		const result = parseForm(callSettingsSchema, {
			...settings,
			opensAt: '2026-05-01T09:00',
			closesAt: '2026-06-15T23:59'
		});
		expect(result.ok && result.data.closesAt.toISOString()).toBe('2026-06-15T21:59:00.000Z');
	});
	it('a missing title in the fallback language is required', () => {
		expect(errorsOf({ ...settings, fallbackLocale: 'de' })).toEqual({ title_de: 'required' });
	});
	it('an unknown time zone is time_zone_invalid', () => {
		expect(errorsOf({ ...settings, timeZone: 'Europe/Atlantis' })).toEqual({
			timeZone: 'time_zone_invalid'
		});
	});
	it('a wall time that does not exist is datetime_invalid', () => {
		expect(
			errorsOf({ ...settings, opensAt: '2026-03-29T02:30', closesAt: '2026-13-01T10:00' })
		).toEqual({ opensAt: 'datetime_invalid', closesAt: 'datetime_invalid' });
	});
	it('a closing time at the opening time is closes_before_opens', () => {
		expect(errorsOf({ ...settings, closesAt: settings.opensAt })).toEqual({
			closesAt: 'closes_before_opens'
		});
	});
	it('a closing time before the opening time in another zone is closes_before_opens', () => {
		expect(
			errorsOf({
				...settings,
				timeZone: 'Asia/Tokyo',
				opensAt: '2026-12-01T17:00',
				closesAt: '2026-12-01T16:59'
			})
		).toEqual({ closesAt: 'closes_before_opens' });
	});
	it('the application limit is a whole number from 1 to 20', () => {
		expect(
			['0', '21', '1.5', 'many'].map(
				(v) =>
					errorsOf({ ...settings, maxApplicationsPerEnterprise: v })?.maxApplicationsPerEnterprise
			)
		).toEqual(['number_min|1', 'number_max|20', 'integer_required', 'number_invalid']);
	});
	it('an unticked edit-after-submit box is false', () => {
		const result = parseForm(callSettingsSchema, { ...settings, editAfterSubmit: undefined });
		expect(result.ok && result.data.editAfterSubmit).toBe(false);
	});
	it('a title over 200 characters is too_long', () => {
		expect(errorsOf({ ...settings, title_sv: 'x'.repeat(201) })).toEqual({
			title_sv: 'too_long|200'
		});
	});
});

describe('collectLocalized', () => {
	it('keeps the non-empty texts of a prefix, trimmed', () => {
		expect(
			collectLocalized(
				{ name_en: ' Name ', name_de: '   ', name_sv: 'Namn', other_en: 'x' },
				'name'
			)
		).toEqual({ en: 'Name', sv: 'Namn' });
	});
});

describe('criteriaSchema', () => {
	const criterion = {
		name: { en: 'Impact' },
		rubric: { en: 'How many people benefit?' },
		weight: 3,
		scaleMin: 1,
		scaleMax: 5,
		anchors: [
			{ value: 1, text: { en: 'Few' } },
			{ value: 5, text: { en: 'Many' } }
		]
	};
	function firstIssue(input: unknown) {
		const result = criteriaSchema.safeParse(input);
		return result.success
			? null
			: { path: result.error.issues[0].path.join('.'), message: result.error.issues[0].message };
	}

	it('accepts a criterion with anchors on its scale', () => {
		expect(criteriaSchema.parse([criterion])).toEqual([criterion]);
	});
	it('a scale whose top is not above its bottom is scale_invalid', () => {
		expect(firstIssue([{ ...criterion, scaleMin: 5, scaleMax: 5, anchors: [] }])).toEqual({
			path: '0.scaleMax',
			message: 'scale_invalid'
		});
	});
	it('an anchor outside the scale is anchor_outside_scale', () => {
		expect(firstIssue([{ ...criterion, anchors: [{ value: 6, text: { en: 'Beyond' } }] }])).toEqual(
			{ path: '0.anchors', message: 'anchor_outside_scale' }
		);
	});
	it('a criterion without a name in any language is required', () => {
		expect(firstIssue([{ ...criterion, name: { en: '  ' } }])).toEqual({
			path: '0.name',
			message: 'required'
		});
	});
	it('a weight of 0 is refused', () => {
		expect(firstIssue([{ ...criterion, weight: 0 }])).toEqual({
			path: '0.weight',
			message: 'too_small|1'
		});
	});
	it('more than 30 criteria are refused', () => {
		expect(firstIssue(Array.from({ length: 31 }, () => criterion))).toEqual({
			path: '',
			message: 'too_long|30'
		});
	});
});
