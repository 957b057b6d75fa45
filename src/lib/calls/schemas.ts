import { z } from 'zod';
import '$lib/forms/validation';
import { LOCALES, type LocalizedText } from '$lib/i18n/localized';
import { isTimeZone, zonedToInstant } from '$lib/i18n/zoned';

const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

function perLocale(prefix: string, max: number) {
	return Object.fromEntries(LOCALES.map((l) => [`${prefix}_${l}`, optionalText(max)])) as Record<
		`${string}_${(typeof LOCALES)[number]}`,
		ReturnType<typeof optionalText>
	>;
}

export function collectLocalized(values: Record<string, unknown>, prefix: string): LocalizedText {
	const text: LocalizedText = {};
	for (const locale of LOCALES) {
		const value = values[`${prefix}_${locale}`];
		if (typeof value === 'string' && value.trim()) text[locale] = value.trim();
	}
	return text;
}

/**
 * The call settings form: texts per language (the fallback language is required), the window as
 * wall-clock times in the call's time zone, and the rules for applicants.
 */
export const callSettingsSchema = z
	.object({
		...perLocale('title', 200),
		...perLocale('summary', 1_000),
		...perLocale('description', 20_000),
		...perLocale('eligibility', 5_000),
		fallbackLocale: z.enum(LOCALES),
		timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, { error: 'time_zone_invalid' }),
		opensAt: z.string().trim().min(1),
		closesAt: z.string().trim().min(1),
		editAfterSubmit: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
		maxApplicationsPerEnterprise: z.coerce
			.number({ error: 'number_invalid' })
			.int({ error: 'integer_required' })
			.min(1, { error: 'number_min|1' })
			.max(20, { error: 'number_max|20' }),
		version: z.coerce.number().int().min(0).optional()
	})
	.superRefine((v, ctx) => {
		const record = v as unknown as Record<string, string>;
		if (!record[`title_${v.fallbackLocale}`])
			ctx.addIssue({ code: 'custom', message: 'required', path: [`title_${v.fallbackLocale}`] });
		// With an unknown zone the times cannot be read: the zone field alone carries the error.
		if (!isTimeZone(v.timeZone)) return;
		const opens = zonedToInstant(v.opensAt, v.timeZone);
		const closes = zonedToInstant(v.closesAt, v.timeZone);
		if (!opens) ctx.addIssue({ code: 'custom', message: 'datetime_invalid', path: ['opensAt'] });
		if (!closes) ctx.addIssue({ code: 'custom', message: 'datetime_invalid', path: ['closesAt'] });
		if (opens && closes && closes <= opens)
			ctx.addIssue({ code: 'custom', message: 'closes_before_opens', path: ['closesAt'] });
	})
	.transform((v) => {
		const values = v as unknown as Record<string, unknown>;
		return {
			title: collectLocalized(values, 'title'),
			summary: collectLocalized(values, 'summary'),
			description: collectLocalized(values, 'description'),
			eligibilityText: collectLocalized(values, 'eligibility'),
			fallbackLocale: v.fallbackLocale,
			timeZone: v.timeZone,
			opensAt: zonedToInstant(v.opensAt, v.timeZone) as Date,
			closesAt: zonedToInstant(v.closesAt, v.timeZone) as Date,
			editAfterSubmit: v.editAfterSubmit,
			maxApplicationsPerEnterprise: v.maxApplicationsPerEnterprise,
			version: v.version
		};
	});
export type CallSettings = z.output<typeof callSettingsSchema>;

export const createCallSchema = z.object({ programmeId: z.uuid({ error: 'invalid_choice' }) });

const localizedName = z
	.object({
		en: z.string().trim().max(200).optional(),
		de: z.string().trim().max(200).optional(),
		sv: z.string().trim().max(200).optional()
	})
	.refine((t) => Object.values(t).some(Boolean), { error: 'required' });

export const criterionSchema = z
	.object({
		id: z.uuid().optional(),
		name: localizedName,
		rubric: z.object({
			en: z.string().trim().max(3000).optional(),
			de: z.string().trim().max(3000).optional(),
			sv: z.string().trim().max(3000).optional()
		}),
		weight: z.number().int().min(1).max(100),
		scaleMin: z.number().int().min(0).max(10),
		scaleMax: z.number().int().min(1).max(100),
		anchors: z
			.array(
				z.object({
					value: z.number().int(),
					text: z.object({
						en: z.string().max(500).optional(),
						de: z.string().max(500).optional(),
						sv: z.string().max(500).optional()
					})
				})
			)
			.max(101)
	})
	.refine((c) => c.scaleMax > c.scaleMin, { error: 'scale_invalid', path: ['scaleMax'] })
	.refine((c) => c.anchors.every((a) => a.value >= c.scaleMin && a.value <= c.scaleMax), {
		error: 'anchor_outside_scale',
		path: ['anchors']
	});
export const criteriaSchema = z.array(criterionSchema).max(30);
export type CriterionInput = z.infer<typeof criterionSchema>;
