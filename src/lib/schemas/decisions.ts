import { z } from 'zod';
import { LOCALES } from '$lib/i18n/localized';

export const OUTCOMES = ['accept', 'waitlist', 'reject'] as const;

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((v) => v === 'on' || v === 'true');

const optionalCount = z
	.string()
	.trim()
	.optional()
	.transform((v, ctx) => {
		if (!v) return null;
		const n = Number(v);
		if (!Number.isInteger(n) || n < 0 || n > 100_000) {
			ctx.addIssue({ code: 'custom', message: 'invalid' });
			return z.NEVER;
		}
		return n;
	});

/** One row of the decisions list, as its form posts it. */
export const decideSchema = z.object({
	applicationId: z.uuid(),
	outcome: z.union([z.enum(OUTCOMES), z.literal('')]).transform((v) => (v === '' ? null : v)),
	feedback: z.string().max(10_000).default(''),
	includeJuryComments: checkbox,
	confirmReleased: checkbox,
	version: z.coerce.number().int().min(0)
});

export const quotasSchema = z.object({
	acceptQuota: optionalCount,
	waitlistQuota: optionalCount,
	version: z.coerce.number().int().min(1)
});

export const orderSchema = z.enum(['raw', 'normalised']);

export const templateSchema = z.object({
	outcome: z.enum(OUTCOMES),
	locale: z.enum(LOCALES),
	subject: z.string().default(''),
	body: z.string().default(''),
	reset: checkbox,
	version: z.coerce.number().int().min(1)
});
