import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/validation';
import { amountToMinor, programmeSchema } from './programmes';

describe('amountToMinor', () => {
	it('reads whole amounts, decimals with a point or a comma, and spaces between thousands', () => {
		expect(
			['150000', '8168675.50', '8168675,5', '1 234 567,89', '1\u00a0000', '0.05'].map(amountToMinor)
		).toEqual([15_000_000, 816_867_550, 816_867_550, 123_456_789, 100_000, 5]);
	});
	it('refuses negative amounts, three decimals, thousands separators and words', () => {
		expect(['-5', '12.345', '1,000.50', 'ten', '', '12.'].map(amountToMinor)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null
		]);
	});
	it('reads the largest amount of 13 digits exactly', () => {
		expect(amountToMinor('9999999999999.99')).toBe(999_999_999_999_999);
	});
});

describe('programmeSchema', () => {
	const form = {
		name_en: 'Social Economy Boost',
		summary_en: 'Support for social enterprises',
		fallbackLocale: 'en',
		funder: 'Interreg',
		startsOn: '2026-01-01',
		endsOn: '2027-12-31',
		budget: '8168675.50',
		currency: 'EUR',
		partnerIds: '8a3c9b3e-2b4d-4f7e-9c1a-5e6f7a8b9c0d',
		targets: [{ indicator: 'enterprises_supported', label: 'Enterprises', target: '40' }]
	};
	function errorsOf(input: Record<string, unknown>) {
		const result = parseForm(programmeSchema, input);
		return result.ok ? null : result.errors;
	}

	it('turns the programme form into a programme with the budget in minor units', () => {
		expect(parseForm(programmeSchema, form)).toEqual({
			ok: true,
			data: {
				name: { en: 'Social Economy Boost' },
				summary: { en: 'Support for social enterprises' },
				fallbackLocale: 'en',
				funder: 'Interreg',
				startsOn: '2026-01-01',
				endsOn: '2027-12-31',
				budgetMinor: 816_867_550,
				currency: 'EUR',
				partnerIds: ['8a3c9b3e-2b4d-4f7e-9c1a-5e6f7a8b9c0d'],
				targets: [{ indicator: 'enterprises_supported', label: 'Enterprises', target: 40 }]
			}
		});
	});
	it('an amount it cannot read is amount_invalid', () => {
		expect(errorsOf({ ...form, budget: '8,168,675' })).toEqual({ budget: 'amount_invalid' });
	});
	it('an end before the start is ends_before_starts', () => {
		expect(errorsOf({ ...form, endsOn: '2025-12-31' })).toEqual({ endsOn: 'ends_before_starts' });
	});
	it('a name missing in the fallback language is required', () => {
		expect(errorsOf({ ...form, fallbackLocale: 'sv' })).toEqual({ name_sv: 'required' });
	});
	it('an indicator listed twice is indicator_duplicate on the second', () => {
		expect(
			errorsOf({
				...form,
				targets: [
					{ indicator: 'jobs', label: 'Jobs', target: '5' },
					{ indicator: 'jobs', label: 'Jobs again', target: '6' }
				]
			})
		).toEqual({ 'targets.1.indicator': 'indicator_duplicate' });
	});
	it('a partner id that is not a uuid is invalid_choice', () => {
		expect(errorsOf({ ...form, partnerIds: ['cluster-b'] })).toEqual({
			'partnerIds.0': 'invalid_choice'
		});
	});
	it('a day in another format is date_invalid', () => {
		expect(errorsOf({ ...form, startsOn: '01.01.2026' })).toEqual({ startsOn: 'date_invalid' });
	});
});
