import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/validation';
import { enterpriseProfileSchema } from './enterprise';

const form = {
	name: ' Grön Kooperativ ',
	organisationNumber: '769600-1234',
	country: 'SE',
	legalForm: 'cooperative',
	foundedYear: '2019',
	employees: '12',
	website: 'https://gron.example.se',
	impactAreas: ['13', '2', '2'],
	teamNames: ['Anna', '', 'Jonas'],
	teamRoles: ['Chair', 'ignored', ''],
	founderBackground: 'women_led',
	founderConsent: 'on'
};

function errorsOf(input: Record<string, unknown>) {
	const result = parseForm(enterpriseProfileSchema, input);
	return result.ok ? null : result.errors;
}

describe('enterpriseProfileSchema', () => {
	it('turns the profile form into a profile', () => {
		expect(parseForm(enterpriseProfileSchema, form)).toEqual({
			ok: true,
			data: {
				name: 'Grön Kooperativ',
				organisationNumber: '769600-1234',
				country: 'SE',
				legalForm: 'cooperative',
				foundedYear: 2019,
				employees: 12,
				website: 'https://gron.example.se',
				impactAreas: [2, 13],
				team: [
					{ name: 'Anna', role: 'Chair' },
					{ name: 'Jonas', role: '' }
				],
				founderBackground: ['women_led']
			}
		});
	});
	it('empty optional fields become null and empty lists', () => {
		expect(
			parseForm(enterpriseProfileSchema, {
				name: 'Verein',
				country: 'DE',
				legalForm: 'association',
				foundedYear: '',
				employees: '',
				website: ''
			})
		).toEqual({
			ok: true,
			data: {
				name: 'Verein',
				organisationNumber: null,
				country: 'DE',
				legalForm: 'association',
				foundedYear: null,
				employees: null,
				website: null,
				impactAreas: [],
				team: [],
				founderBackground: null
			}
		});
	});
	it('a founder background without consent is consent_required', () => {
		expect(errorsOf({ ...form, founderConsent: undefined })).toEqual({
			founderConsent: 'consent_required'
		});
	});
	it('consent without a background stores no background', () => {
		const result = parseForm(enterpriseProfileSchema, { ...form, founderBackground: undefined });
		expect(result.ok && result.data.founderBackground).toBeNull();
	});
	it('a founding year in the future is number_max with this year', () => {
		const year = new Date().getFullYear();
		expect(errorsOf({ ...form, foundedYear: String(year + 1) })).toEqual({
			foundedYear: `number_max|${year}`
		});
	});
	it('a negative or fractional employee count is refused', () => {
		expect([
			errorsOf({ ...form, employees: '-1' }),
			errorsOf({ ...form, employees: '2.5' }),
			errorsOf({ ...form, employees: 'some' })
		]).toEqual([
			{ employees: 'number_min|0' },
			{ employees: 'integer_required' },
			{ employees: 'number_invalid' }
		]);
	});
	it('a website that is not http or https is url_invalid', () => {
		expect(errorsOf({ ...form, website: 'javascript:alert(1)' })).toEqual({
			website: 'url_invalid'
		});
	});
	it('an unknown legal form and a country outside the list are invalid_choice', () => {
		expect(errorsOf({ ...form, legalForm: 'plc', country: 'US' })).toEqual({
			legalForm: 'invalid_choice',
			country: 'invalid_choice'
		});
	});
	it('an impact area that is not one of the 17 goals is refused', () => {
		expect(errorsOf({ ...form, impactAreas: ['18'] })).toEqual({ 'impactAreas.0': 'too_long|17' });
	});
	it('a missing name is required', () => {
		expect(errorsOf({ ...form, name: '  ' })).toEqual({ name: 'required' });
	});
});
