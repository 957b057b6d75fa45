import { z } from 'zod';
import '$lib/forms/validation';
import { LOCALES } from '$lib/i18n/localized';

/**
 * A call's application form, stored as data (jsonb on the call) and shared by the builder, the
 * applicant's form and the server. Question ids are stable: answers are keyed by them.
 */
export const QUESTION_TYPES = [
	'short_text',
	'long_text',
	'number',
	'single_choice',
	'multiple_choice',
	'date',
	'url',
	'email',
	'file',
	'confirm'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const FILE_KINDS = ['pdf', 'png', 'jpeg'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const LIMITS = {
	shortTextMax: 300,
	longTextMax: 20_000,
	labelMax: 500,
	helpMax: 2_000,
	optionsMax: 50,
	questionsMax: 200,
	fileMaxMb: 25
} as const;

const text = (max: number) => z.string().trim().max(max);
const localizedLabel = z
	.object(
		Object.fromEntries(LOCALES.map((l) => [l, text(LIMITS.labelMax).optional()])) as Record<
			(typeof LOCALES)[number],
			z.ZodOptional<z.ZodString>
		>
	)
	.refine((t) => Object.values(t).some((v) => v && v.length > 0), { message: 'required' });
const localizedHelp = z.object(
	Object.fromEntries(LOCALES.map((l) => [l, text(LIMITS.helpMax).optional()])) as Record<
		(typeof LOCALES)[number],
		z.ZodOptional<z.ZodString>
	>
);

const id = z.string().regex(/^[a-z0-9_-]{1,40}$/i, { error: 'invalid' });

const base = {
	id,
	label: localizedLabel,
	help: localizedHelp.optional(),
	required: z.boolean()
};

export const questionSchema = z.discriminatedUnion('type', [
	z.object({
		...base,
		type: z.literal('short_text'),
		maxLength: z.number().int().min(1).max(LIMITS.shortTextMax)
	}),
	z.object({
		...base,
		type: z.literal('long_text'),
		maxLength: z.number().int().min(1).max(LIMITS.longTextMax)
	}),
	z
		.object({
			...base,
			type: z.literal('number'),
			min: z.number().optional(),
			max: z.number().optional(),
			integer: z.boolean().default(false)
		})
		.refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
			message: 'min_above_max',
			path: ['max']
		}),
	z.object({
		...base,
		type: z.literal('single_choice'),
		options: z
			.array(z.object({ id, label: localizedLabel }))
			.min(2)
			.max(LIMITS.optionsMax)
	}),
	z.object({
		...base,
		type: z.literal('multiple_choice'),
		options: z
			.array(z.object({ id, label: localizedLabel }))
			.min(2)
			.max(LIMITS.optionsMax),
		maxSelected: z.number().int().min(1).optional()
	}),
	z.object({ ...base, type: z.literal('date') }),
	z.object({ ...base, type: z.literal('url') }),
	z.object({ ...base, type: z.literal('email') }),
	z.object({
		...base,
		type: z.literal('file'),
		accept: z.array(z.enum(FILE_KINDS)).min(1),
		maxSizeMb: z.number().int().min(1).max(LIMITS.fileMaxMb)
	}),
	z.object({ ...base, type: z.literal('confirm') })
]);
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
	id,
	title: localizedLabel,
	description: localizedHelp.optional(),
	questions: z.array(questionSchema).max(LIMITS.questionsMax)
});
export type Section = z.infer<typeof sectionSchema>;

export const formDefinitionSchema = z
	.object({ sections: z.array(sectionSchema).max(50) })
	.superRefine((form, ctx) => {
		const seen = new Set<string>();
		for (const section of form.sections) {
			for (const question of section.questions) {
				if (seen.has(question.id))
					ctx.addIssue({ code: 'custom', message: 'duplicate_question_id', path: ['sections'] });
				seen.add(question.id);
				if ('options' in question) {
					const optionIds = new Set(question.options.map((o) => o.id));
					if (optionIds.size !== question.options.length)
						ctx.addIssue({ code: 'custom', message: 'duplicate_option_id', path: ['sections'] });
				}
			}
		}
	});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

export const EMPTY_FORM: FormDefinition = { sections: [] };

export function questionsOf(form: FormDefinition): Question[] {
	return form.sections.flatMap((s) => s.questions);
}
