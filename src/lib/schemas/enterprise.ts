import { z } from 'zod';
import '$lib/forms/validation';
import { LEGAL_FORMS } from '$lib/calls/eligibility';
import { COUNTRIES } from './identity';

export const FOUNDER_BACKGROUNDS = [
	'women_led',
	'migrant_background',
	'under_30',
	'over_55',
	'disability',
	'rural'
] as const;
export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const optionalInt = (min: number, max: number) =>
	z.preprocess(
		(v) => (v === '' || v === undefined ? null : v),
		z.coerce
			.number({ error: 'number_invalid' })
			.int({ error: 'integer_required' })
			.min(min, { error: `number_min|${min}` })
			.max(max, { error: `number_max|${max}` })
			.nullable()
	);

/**
 * The enterprise's profile: what eligibility rules read, and what juries see (unless blind). The
 * founder background is optional, needs explicit consent, and is only ever reported in aggregate.
 */
export const enterpriseProfileSchema = z
	.object({
		name: z.string().trim().min(1).max(160),
		organisationNumber: z.string().trim().max(40).optional().default(''),
		country: z.enum(COUNTRIES),
		legalForm: z.enum(LEGAL_FORMS),
		foundedYear: optionalInt(1800, new Date().getFullYear()),
		employees: optionalInt(0, 1_000_000),
		website: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z
				.url({ protocol: /^https?$/, error: 'url_invalid' })
				.max(300)
				.optional()
		),
		impactAreas: z.preprocess(list, z.array(z.coerce.number().int().min(1).max(17)).max(17)),
		teamNames: z.preprocess(list, z.array(z.string().trim().max(120)).max(30)),
		teamRoles: z.preprocess(list, z.array(z.string().trim().max(120)).max(30)),
		founderBackground: z.preprocess(
			list,
			z.array(z.enum(FOUNDER_BACKGROUNDS)).max(FOUNDER_BACKGROUNDS.length)
		),
		founderConsent: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
	})
	.superRefine((v, ctx) => {
		if (v.founderBackground.length && !v.founderConsent)
			ctx.addIssue({ code: 'custom', message: 'consent_required', path: ['founderConsent'] });
	})
	.transform((v) => ({
		name: v.name,
		organisationNumber: v.organisationNumber || null,
		country: v.country,
		legalForm: v.legalForm,
		foundedYear: v.foundedYear,
		employees: v.employees,
		website: v.website ?? null,
		impactAreas: [...new Set(v.impactAreas)].sort((a, b) => a - b),
		team: v.teamNames
			.map((name, i) => ({ name, role: v.teamRoles[i] ?? '' }))
			.filter((t) => t.name.length > 0),
		founderBackground: v.founderConsent && v.founderBackground.length ? v.founderBackground : null
	}));
export type EnterpriseProfile = z.output<typeof enterpriseProfileSchema>;
