import { z } from 'zod';
import '$lib/forms/validation';
import { collectLocalized } from '$lib/calls/schemas';
import { LOCALES } from '$lib/i18n/localized';

export const CURRENCIES = ['EUR', 'SEK', 'NOK', 'DKK'] as const;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date_invalid' });
const optional = (max: number) => z.string().trim().max(max).optional().default('');

/** Money is typed as a decimal amount ("8168675.50") and stored in minor units. */
export const amountToMinor = (value: string) => {
	const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(value.replace(/[\s\u00a0\u202f]/g, ''));
	if (!match) return null;
	return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
};

export const targetSchema = z.object({
	indicator: z
		.string()
		.trim()
		.regex(/^[a-z0-9_]{1,40}$/, { error: 'indicator_invalid' }),
	label: z.string().trim().min(1).max(200),
	target: z.coerce
		.number({ error: 'number_invalid' })
		.int({ error: 'integer_required' })
		.min(0)
		.max(10_000_000)
});

export const programmeSchema = z
	.object({
		name_en: optional(200),
		name_de: optional(200),
		name_sv: optional(200),
		summary_en: optional(2000),
		summary_de: optional(2000),
		summary_sv: optional(2000),
		fallbackLocale: z.enum(LOCALES),
		funder: z.string().trim().min(1).max(300),
		startsOn: isoDay,
		endsOn: isoDay,
		budget: z.string().trim().min(1).max(20),
		currency: z.enum(CURRENCIES),
		partnerIds: z.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z.array(z.uuid({ error: 'invalid_choice' })).max(20)
		),
		targets: z.array(targetSchema).max(20).default([])
	})
	.superRefine((v, ctx) => {
		if (!(v as Record<string, unknown>)[`name_${v.fallbackLocale}`])
			ctx.addIssue({ code: 'custom', message: 'required', path: [`name_${v.fallbackLocale}`] });
		if (v.endsOn < v.startsOn)
			ctx.addIssue({ code: 'custom', message: 'ends_before_starts', path: ['endsOn'] });
		if (amountToMinor(v.budget) === null)
			ctx.addIssue({ code: 'custom', message: 'amount_invalid', path: ['budget'] });
		const seen = new Set<string>();
		v.targets.forEach((t, i) => {
			if (seen.has(t.indicator))
				ctx.addIssue({
					code: 'custom',
					message: 'indicator_duplicate',
					path: ['targets', i, 'indicator']
				});
			seen.add(t.indicator);
		});
	})
	.transform((v) => {
		const values = v as unknown as Record<string, unknown>;
		return {
			name: collectLocalized(values, 'name'),
			summary: collectLocalized(values, 'summary'),
			fallbackLocale: v.fallbackLocale,
			funder: v.funder,
			startsOn: v.startsOn,
			endsOn: v.endsOn,
			budgetMinor: amountToMinor(v.budget) as number,
			currency: v.currency,
			partnerIds: v.partnerIds,
			targets: v.targets
		};
	});
export type ProgrammeInput = z.output<typeof programmeSchema>;
