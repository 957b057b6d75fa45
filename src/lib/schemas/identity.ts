import { z } from 'zod';
import '$lib/forms/validation';
import { LOCALES } from '$lib/i18n/localized';

/** Shared by server actions and the pages' forms: one schema drives both. */
export const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

export const signInSchema = z.object({
	email,
	redirectTo: z.string().max(500).optional()
});

export const codeSchema = z.object({
	email,
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, { error: 'code_invalid' })
});

export const inviteMemberSchema = z.object({
	email,
	role: z.enum(['manager', 'member'])
});

export const organisationIdSchema = z.object({
	organisationId: z.uuid({ error: 'organisation_unknown' })
});

export const profileSchema = z.object({
	name: z.string().trim().min(1).max(120),
	locale: z.enum(['', ...LOCALES])
});

export const localeSchema = z.object({
	locale: z.enum(LOCALES),
	redirectTo: z.string().max(500).optional()
});

export const COUNTRIES = [
	'AT',
	'BE',
	'BG',
	'CH',
	'CY',
	'CZ',
	'DE',
	'DK',
	'EE',
	'ES',
	'FI',
	'FR',
	'GR',
	'HR',
	'HU',
	'IE',
	'IS',
	'IT',
	'LI',
	'LT',
	'LU',
	'LV',
	'MT',
	'NL',
	'NO',
	'PL',
	'PT',
	'RO',
	'SE',
	'SI',
	'SK',
	'UA',
	'GB'
] as const;

export const createOrganisationSchema = z.object({
	name: z.string().trim().min(1).max(160),
	kind: z.enum(['cluster', 'enterprise', 'provider']),
	country: z.enum(COUNTRIES),
	timeZone: z
		.string()
		.trim()
		.min(1)
		.max(64)
		.refine(
			(tz) => {
				try {
					new Intl.DateTimeFormat('en', { timeZone: tz });
					return true;
				} catch {
					return false;
				}
			},
			{ error: 'time_zone_invalid' }
		)
});

/** A path inside this site, never another host: guards post-sign-in redirects. */
export function safeRedirect(target: string | null | undefined, fallback = '/app'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	return target;
}
