import { z } from 'zod';

/**
 * Validation messages leave zod as language-free codes ("required", "too_long|200"); the page
 * translates them into the reader's language (see $lib/i18n/field-errors.ts).
 */
z.config({
	customError: (issue) => {
		switch (issue.code) {
			case 'invalid_type':
				return issue.input === undefined || issue.input === null || issue.input === ''
					? 'required'
					: 'invalid';
			case 'too_small':
				return issue.origin === 'string' && Number(issue.minimum) <= 1
					? 'required'
					: `too_small|${issue.minimum}`;
			case 'too_big':
				return `too_long|${issue.maximum}`;
			case 'invalid_format':
				return issue.format === 'email'
					? 'email_invalid'
					: issue.format === 'url'
						? 'url_invalid'
						: 'invalid';
			case 'invalid_value':
				return 'invalid_choice';
			default:
				return 'invalid';
		}
	}
});

export type FieldErrors = Record<string, string>;

export type ParseResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

function formValues(input: FormData | Record<string, unknown>): Record<string, unknown> {
	if (!(input instanceof FormData)) return input;
	const values: Record<string, unknown> = {};
	for (const key of new Set(input.keys())) {
		const all = input.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = all.length > 1 ? all : all[0];
	}
	return values;
}

/** Parses a form with its schema; on failure, one code per field and the values to show again. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	input: FormData | Record<string, unknown>
): ParseResult<z.output<S>> {
	const values = formValues(input);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || '_form';
		errors[key] ??= issue.message;
	}
	const echo: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) {
		if (typeof value === 'string') echo[key] = value.slice(0, 2000);
	}
	return { ok: false, errors, values: echo };
}
