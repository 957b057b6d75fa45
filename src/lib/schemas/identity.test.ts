import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/validation';
import {
	codeSchema,
	createOrganisationSchema,
	inviteMemberSchema,
	localeSchema,
	organisationIdSchema,
	profileSchema,
	safeRedirect,
	signInSchema
} from './identity';

describe('signInSchema', () => {
	it('an email with spaces and capitals is trimmed and lower-cased', () => {
		expect(parseForm(signInSchema, { email: '  Anna.Svensson@Example.ORG ' })).toEqual({
			ok: true,
			data: { email: 'anna.svensson@example.org' }
		});
	});

	it('a redirect target is kept', () => {
		expect(parseForm(signInSchema, { email: 'a@example.org', redirectTo: '/app?x=1' })).toEqual({
			ok: true,
			data: { email: 'a@example.org', redirectTo: '/app?x=1' }
		});
	});

	it('a missing email is required', () => {
		expect(parseForm(signInSchema, {})).toEqual({
			ok: false,
			errors: { email: 'required' },
			values: {}
		});
	});

	it('an empty email is required', () => {
		expect(parseForm(signInSchema, { email: '' })).toEqual({
			ok: false,
			errors: { email: 'required' },
			values: { email: '' }
		});
	});

	it('an email over 254 characters is too long', () => {
		const long = `${'a'.repeat(250)}@example.org`;
		expect(parseForm(signInSchema, { email: long })).toEqual({
			ok: false,
			errors: { email: 'too_long|254' },
			values: { email: long }
		});
	});

	it('an address without an at sign is email_invalid', () => {
		expect(parseForm(signInSchema, { email: 'anna.example.org' })).toEqual({
			ok: false,
			errors: { email: 'email_invalid' },
			values: { email: 'anna.example.org' }
		});
	});

	it('a redirect target over 500 characters is too long', () => {
		const target = `/${'x'.repeat(500)}`;
		expect(parseForm(signInSchema, { email: 'a@example.org', redirectTo: target })).toEqual({
			ok: false,
			errors: { redirectTo: 'too_long|500' },
			values: { email: 'a@example.org', redirectTo: target }
		});
	});
});

describe('codeSchema', () => {
	it('a six-digit code with spaces around it is trimmed', () => {
		expect(parseForm(codeSchema, { email: 'a@example.org', code: ' 012345 ' })).toEqual({
			ok: true,
			data: { email: 'a@example.org', code: '012345' }
		});
	});

	it('a five-digit code is code_invalid', () => {
		expect(parseForm(codeSchema, { email: 'a@example.org', code: '12345' })).toEqual({
			ok: false,
			errors: { code: 'code_invalid' },
			values: { email: 'a@example.org', code: '12345' }
		});
	});

	it('a code with letters is code_invalid', () => {
		expect(parseForm(codeSchema, { email: 'a@example.org', code: '12a456' })).toEqual({
			ok: false,
			errors: { code: 'code_invalid' },
			values: { email: 'a@example.org', code: '12a456' }
		});
	});

	it('a missing code and a bad email are both reported', () => {
		expect(parseForm(codeSchema, { email: 'nope' })).toEqual({
			ok: false,
			errors: { email: 'email_invalid', code: 'required' },
			values: { email: 'nope' }
		});
	});
});

describe('inviteMemberSchema', () => {
	it('a manager invitation parses', () => {
		expect(parseForm(inviteMemberSchema, { email: 'New@Example.org', role: 'manager' })).toEqual({
			ok: true,
			data: { email: 'new@example.org', role: 'manager' }
		});
	});

	it('an unknown role is invalid_choice', () => {
		expect(parseForm(inviteMemberSchema, { email: 'new@example.org', role: 'owner' })).toEqual({
			ok: false,
			errors: { role: 'invalid_choice' },
			values: { email: 'new@example.org', role: 'owner' }
		});
	});
});

describe('organisationIdSchema', () => {
	it('a uuid parses', () => {
		const id = '6f1c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
		expect(parseForm(organisationIdSchema, { organisationId: id })).toEqual({
			ok: true,
			data: { organisationId: id }
		});
	});

	it('a forged non-uuid is organisation_unknown', () => {
		expect(parseForm(organisationIdSchema, { organisationId: "1' OR '1'='1" })).toEqual({
			ok: false,
			errors: { organisationId: 'organisation_unknown' },
			values: { organisationId: "1' OR '1'='1" }
		});
	});
});

describe('createOrganisationSchema', () => {
	const valid = {
		name: ' Coompanion Örebro ',
		kind: 'cluster',
		country: 'SE',
		timeZone: 'Europe/Stockholm'
	};

	it('a complete organisation parses with its name trimmed', () => {
		expect(parseForm(createOrganisationSchema, valid)).toEqual({
			ok: true,
			data: {
				name: 'Coompanion Örebro',
				kind: 'cluster',
				country: 'SE',
				timeZone: 'Europe/Stockholm'
			}
		});
	});

	it('an unknown time zone is time_zone_invalid', () => {
		expect(
			parseForm(createOrganisationSchema, { ...valid, timeZone: 'Mars/Olympus_Mons' })
		).toEqual({
			ok: false,
			errors: { timeZone: 'time_zone_invalid' },
			values: { ...valid, timeZone: 'Mars/Olympus_Mons' }
		});
	});

	it('an unlisted country and kind are invalid_choice', () => {
		expect(
			parseForm(createOrganisationSchema, { ...valid, country: 'US', kind: 'charity' })
		).toEqual({
			ok: false,
			errors: { country: 'invalid_choice', kind: 'invalid_choice' },
			values: { ...valid, country: 'US', kind: 'charity' }
		});
	});

	it('an empty name is required', () => {
		expect(parseForm(createOrganisationSchema, { ...valid, name: '' })).toEqual({
			ok: false,
			errors: { name: 'required' },
			values: { ...valid, name: '' }
		});
	});
});

describe('profileSchema', () => {
	it('an empty locale means follow the browser', () => {
		expect(parseForm(profileSchema, { name: ' Maja ', locale: '' })).toEqual({
			ok: true,
			data: { name: 'Maja', locale: '' }
		});
	});

	it('a supported locale parses', () => {
		expect(parseForm(profileSchema, { name: 'Maja', locale: 'sv' })).toEqual({
			ok: true,
			data: { name: 'Maja', locale: 'sv' }
		});
	});

	it('an unsupported locale is invalid_choice', () => {
		expect(parseForm(profileSchema, { name: 'Maja', locale: 'fr' })).toEqual({
			ok: false,
			errors: { locale: 'invalid_choice' },
			values: { name: 'Maja', locale: 'fr' }
		});
	});

	it('a name over 120 characters is too long', () => {
		const name = 'n'.repeat(121);
		expect(parseForm(profileSchema, { name, locale: '' })).toEqual({
			ok: false,
			errors: { name: 'too_long|120' },
			values: { name, locale: '' }
		});
	});
});

describe('localeSchema', () => {
	it('an empty locale is invalid_choice', () => {
		expect(parseForm(localeSchema, { locale: '' })).toEqual({
			ok: false,
			errors: { locale: 'invalid_choice' },
			values: { locale: '' }
		});
	});
});

describe('safeRedirect', () => {
	it('a path inside the site is kept with its query', () => {
		expect(safeRedirect('/app?x=1')).toBe('/app?x=1');
	});

	it('a protocol-relative url falls back', () => {
		expect(safeRedirect('//evil.example')).toBe('/app');
	});

	it('an absolute url to another host falls back', () => {
		expect(safeRedirect('https://evil.example/app')).toBe('/app');
	});

	it('a backslash path that browsers read as another host falls back', () => {
		expect(safeRedirect('/\\evil.example')).toBe('/app');
	});

	it('an empty, null or missing target falls back to the given fallback', () => {
		expect([
			safeRedirect('', '/home'),
			safeRedirect(null, '/home'),
			safeRedirect(undefined, '/home')
		]).toEqual(['/home', '/home', '/home']);
	});

	it('a relative path without a leading slash falls back', () => {
		expect(safeRedirect('app')).toBe('/app');
	});
});
