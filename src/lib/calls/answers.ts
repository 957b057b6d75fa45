import { z } from 'zod';
import '$lib/forms/validation';
import { questionsOf, type FormDefinition, type Question } from './form-definition';

/** One answer: text, a number, a list of option ids, a yes, or an uploaded file's id. */
export type Answer = string | number | boolean | string[];
export type Answers = Record<string, Answer>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string) {
	if (!isoDate.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Numbers arrive as text from forms and as numbers from JSON; nothing else is a number. */
function toNumber(value: unknown): unknown {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value.trim().replace(',', '.'));
		return Number.isFinite(parsed) ? parsed : value;
	}
	return value;
}

const isBlank = (v: unknown) =>
	v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The zod schema of one answer. In a draft nothing is required, but every shape and limit holds. */
function answerSchema(question: Question, mode: 'draft' | 'submit'): z.ZodType {
	const required = mode === 'submit' && question.required;
	let schema: z.ZodType;
	switch (question.type) {
		case 'short_text':
		case 'long_text':
			schema = z.string().trim().max(question.maxLength);
			break;
		case 'number': {
			let n = z.number({ error: 'number_invalid' });
			if (question.integer) n = n.int({ error: 'integer_required' });
			if (question.min !== undefined)
				n = n.min(question.min, { error: `number_min|${question.min}` });
			if (question.max !== undefined)
				n = n.max(question.max, { error: `number_max|${question.max}` });
			schema = z.preprocess(toNumber, n);
			break;
		}
		case 'single_choice':
			schema = z.enum(question.options.map((o) => o.id) as [string, ...string[]], {
				error: 'invalid_choice'
			});
			break;
		case 'multiple_choice': {
			let list = z.array(
				z.enum(question.options.map((o) => o.id) as [string, ...string[]], {
					error: 'invalid_choice'
				}),
				{ error: 'invalid_choice' }
			);
			if (question.maxSelected)
				list = list.max(question.maxSelected, { error: `choose_at_most|${question.maxSelected}` });
			schema = z.preprocess(
				(v) => (typeof v === 'string' ? [v] : v),
				list.refine((l) => new Set(l).size === l.length, { error: 'invalid_choice' })
			);
			break;
		}
		case 'date':
			schema = z.string().refine(validDate, { error: 'date_invalid' });
			break;
		case 'url':
			schema = z
				.string()
				.trim()
				.max(2000)
				.pipe(z.url({ protocol: /^https?$/, error: 'url_invalid' }));
			break;
		case 'email':
			schema = z
				.string()
				.trim()
				.max(254)
				.pipe(z.email({ error: 'email_invalid' }));
			break;
		case 'file':
			schema = z.uuid({ error: 'file_invalid' });
			break;
		case 'confirm':
			schema = required
				? z.literal(true, { error: 'must_confirm' })
				: z.boolean({ error: 'invalid' });
			break;
	}
	// A blank answer is no answer: "required" when it must be given, otherwise simply absent.
	const normalise = (v: unknown) => (isBlank(v) ? undefined : v);
	if (!required) return z.preprocess(normalise, schema.optional());
	const missing = question.type === 'confirm' ? 'must_confirm' : 'required';
	return z.preprocess(
		normalise,
		z
			.unknown()
			.refine((v) => v !== undefined && !(Array.isArray(v) && v.length === 0), { error: missing })
			.pipe(schema)
	);
}

/**
 * Compiles a form definition into the zod schema of its answers. Unknown question ids are refused
 * (a forged post cannot smuggle data in), and in submit mode every required question must be
 * answered.
 */
export function compileAnswersSchema(form: FormDefinition, mode: 'draft' | 'submit') {
	const shape: Record<string, z.ZodType> = {};
	for (const question of questionsOf(form)) shape[question.id] = answerSchema(question, mode);
	return z.strictObject(shape, {
		error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown_question' : undefined)
	});
}

export type AnswerErrors = Record<string, string>;

export function validateAnswers(
	form: FormDefinition,
	answers: unknown,
	mode: 'draft' | 'submit'
): { ok: true; answers: Answers } | { ok: false; errors: AnswerErrors } {
	const result = compileAnswersSchema(form, mode).safeParse(answers);
	if (result.success) {
		const clean: Answers = {};
		for (const [key, value] of Object.entries(result.data as Record<string, Answer | undefined>)) {
			if (value !== undefined) clean[key] = value;
		}
		return { ok: true, answers: clean };
	}
	const errors: AnswerErrors = {};
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) errors[key] = 'unknown_question';
			continue;
		}
		const key = String(issue.path[0] ?? '_form');
		errors[key] ??= issue.message;
	}
	return { ok: false, errors };
}
