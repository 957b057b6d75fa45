import { z } from 'zod';
import '$lib/forms/validation';
import { LOCALES } from '$lib/i18n/localized';
import { zonedToInstant } from '$lib/i18n/zoned';
import { email } from './identity';

/** Languages a juror can read: the languages applications are written in. */
export const JUROR_LANGUAGES = LOCALES;
export const MAX_FREE_TAGS = 20;

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const int = (min: number, max: number) =>
	z.coerce
		.number({ error: 'number_invalid' })
		.int({ error: 'integer_required' })
		.min(min, { error: `number_min|${min}` })
		.max(max, { error: `number_max|${max}` });
const optionalInt = (min: number, max: number) =>
	z.preprocess((v) => (v === '' || v === undefined ? null : v), int(min, max).nullable());

/** Free expertise tags typed on one line, separated by commas: lower case, single spaces, no repeats. */
export function parseFreeTags(line: string): string[] {
	const tags = line
		.split(',')
		.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' '))
		.filter(Boolean);
	return [...new Set(tags)];
}

/** A juror's expertise: the languages they read, impact areas (SDGs) and free tags, their load. */
const expertiseFields = {
	languages: z.preprocess(list, z.array(z.enum(JUROR_LANGUAGES)).max(JUROR_LANGUAGES.length)),
	sdgs: z.preprocess(list, z.array(z.coerce.number().int().min(1).max(17)).max(17)),
	freeTags: z
		.string()
		.trim()
		.max(1000)
		.optional()
		.default('')
		.transform(parseFreeTags)
		.pipe(z.array(z.string().max(40, { error: 'too_long|40' })).max(MAX_FREE_TAGS)),
	maxLoad: optionalInt(0, 10_000)
};

type ExpertiseInput = {
	languages: (typeof JUROR_LANGUAGES)[number][];
	sdgs: number[];
	freeTags: string[];
	maxLoad: number | null;
};

/** Impact areas first, as "sdg:N" in goal order, then free tags as typed. */
function expertise(v: ExpertiseInput) {
	const sdgs = [...new Set(v.sdgs)].sort((a, b) => a - b).map((n) => `sdg:${n}`);
	return {
		languages: JUROR_LANGUAGES.filter((l) => v.languages.includes(l)),
		tags: [...sdgs, ...v.freeTags.filter((t) => !sdgs.includes(t))],
		maxLoad: v.maxLoad
	};
}

export const jurorProfileSchema = z.object(expertiseFields).transform(expertise);
export type JurorProfileInput = z.output<typeof jurorProfileSchema>;

export const inviteJurorSchema = z
	.object({ email, name: z.string().trim().max(120).optional().default(''), ...expertiseFields })
	.transform((v) => ({ email: v.email, name: v.name, ...expertise(v) }));
export type InviteJurorInput = z.output<typeof inviteJurorSchema>;

/** The jury settings form; the review deadline is a wall-clock time in the call's time zone. */
export function jurySettingsSchema(timeZone: string) {
	return z
		.object({
			reviewersPerApplication: int(1, 20),
			defaultMaxLoad: int(1, 10_000),
			blindReview: checkbox,
			showScoresAfterSubmit: checkbox,
			reviewDeadline: z.string().trim().max(40).optional().default(''),
			version: z.coerce.number().int().min(0)
		})
		.superRefine((v, ctx) => {
			if (v.reviewDeadline && !zonedToInstant(v.reviewDeadline, timeZone))
				ctx.addIssue({ code: 'custom', message: 'datetime_invalid', path: ['reviewDeadline'] });
		})
		.transform((v) => ({
			...v,
			reviewDeadline: v.reviewDeadline ? (zonedToInstant(v.reviewDeadline, timeZone) as Date) : null
		}));
}
export type JurySettingsInput = z.output<ReturnType<typeof jurySettingsSchema>>;

export const JURY_PHASES = ['setup', 'scoring', 'closed'] as const;
export type JuryPhase = (typeof JURY_PHASES)[number];

export const juryPhaseSchema = z.object({
	to: z.enum(JURY_PHASES),
	confirm: checkbox,
	version: z.coerce.number().int().min(0)
});

export const juryMemberIdSchema = z.object({ memberId: z.uuid() });
export const pairSchema = z.object({ memberId: z.uuid(), applicationId: z.uuid() });
export const overrideIdSchema = z.object({ overrideId: z.uuid() });
