import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './validation';

function formData(entries: [string, string][]) {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

const schema = z.object({
	title: z.string().trim().min(1).max(10),
	words: z.string().min(3).optional(),
	website: z.url().optional(),
	colour: z.enum(['red', 'green']).optional(),
	count: z.coerce.number().int().optional()
});

describe('parseForm', () => {
	it('a valid form returns the parsed data', () => {
		expect(parseForm(schema, formData([['title', '  Hello  ']]))).toEqual({
			ok: true,
			data: { title: 'Hello' }
		});
	});

	it('a missing field is reported as required', () => {
		expect(parseForm(schema, formData([]))).toEqual({
			ok: false,
			errors: { title: 'required' },
			values: {}
		});
	});

	it('an empty string is reported as required and echoed', () => {
		expect(parseForm(schema, formData([['title', '']]))).toEqual({
			ok: false,
			errors: { title: 'required' },
			values: { title: '' }
		});
	});

	it('a blank string that trims to empty is reported as required', () => {
		expect(parseForm(schema, { title: '   ' })).toEqual({
			ok: false,
			errors: { title: 'required' },
			values: { title: '   ' }
		});
	});

	it('a string over the maximum is reported as too_long with the limit', () => {
		expect(parseForm(schema, { title: 'x'.repeat(11) })).toEqual({
			ok: false,
			errors: { title: 'too_long|10' },
			values: { title: 'x'.repeat(11) }
		});
	});

	it('a string under a minimum above one is reported as too_small with the limit', () => {
		expect(parseForm(schema, { title: 'ok', words: 'ab' })).toEqual({
			ok: false,
			errors: { words: 'too_small|3' },
			values: { title: 'ok', words: 'ab' }
		});
	});

	it('a malformed url is reported as url_invalid', () => {
		expect(parseForm(schema, { title: 'ok', website: 'not a url' })).toEqual({
			ok: false,
			errors: { website: 'url_invalid' },
			values: { title: 'ok', website: 'not a url' }
		});
	});

	it('a value outside an enum is reported as invalid_choice', () => {
		expect(parseForm(schema, { title: 'ok', colour: 'blue' })).toEqual({
			ok: false,
			errors: { colour: 'invalid_choice' },
			values: { title: 'ok', colour: 'blue' }
		});
	});

	it('a value of the wrong type is reported as invalid', () => {
		expect(parseForm(schema, { title: 'ok', count: 'many' })).toEqual({
			ok: false,
			errors: { count: 'invalid' },
			values: { title: 'ok', count: 'many' }
		});
	});

	it('several failing fields each get their own code', () => {
		expect(parseForm(schema, { title: '', colour: 'blue' })).toEqual({
			ok: false,
			errors: { title: 'required', colour: 'invalid_choice' },
			values: { title: '', colour: 'blue' }
		});
	});

	it('a repeated form field is parsed as an array', () => {
		const tags = z.object({ tag: z.array(z.string()) });
		expect(
			parseForm(
				tags,
				formData([
					['tag', 'a'],
					['tag', 'b']
				])
			)
		).toEqual({ ok: true, data: { tag: ['a', 'b'] } });
	});

	it('a file field is ignored when echoing values', () => {
		const data = formData([['title', '']]);
		data.append('upload', new Blob(['content']), 'file.txt');
		expect(parseForm(schema, data)).toEqual({
			ok: false,
			errors: { title: 'required' },
			values: { title: '' }
		});
	});

	it('an echoed value is cut at 2000 characters', () => {
		const result = parseForm(schema, { title: 'y'.repeat(2500) });
		expect(result).toEqual({
			ok: false,
			errors: { title: 'too_long|10' },
			values: { title: 'y'.repeat(2000) }
		});
	});

	it('a schema-level issue without a path is reported under _form', () => {
		const pair = z
			.object({ a: z.string(), b: z.string() })
			.refine((v) => v.a === v.b, { error: 'mismatch' });
		expect(parseForm(pair, { a: 'x', b: 'y' })).toEqual({
			ok: false,
			errors: { _form: 'mismatch' },
			values: { a: 'x', b: 'y' }
		});
	});

	it('only the first issue of a field is kept', () => {
		const strict = z.object({
			code: z.string().min(4, { error: 'first' }).regex(/^\d+$/, { error: 'second' })
		});
		expect(parseForm(strict, { code: 'ab' })).toEqual({
			ok: false,
			errors: { code: 'first' },
			values: { code: 'ab' }
		});
	});
});
