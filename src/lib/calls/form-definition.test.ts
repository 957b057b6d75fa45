import { describe, expect, it } from 'vitest';
import {
	formDefinitionSchema,
	questionSchema,
	questionsOf,
	type FormDefinition
} from './form-definition';

const label = { en: 'Label' };

function firstError(input: unknown) {
	const result = formDefinitionSchema.safeParse(input);
	return result.success
		? null
		: { path: result.error.issues[0].path.join('.'), message: result.error.issues[0].message };
}

function section(questions: unknown[]) {
	return { sections: [{ id: 'one', title: { en: 'One' }, questions }] };
}

describe('questionSchema', () => {
	it('a number question gets integer false by default', () => {
		expect(
			questionSchema.parse({ id: 'n', type: 'number', label, required: false, min: 0 })
		).toEqual({ id: 'n', type: 'number', label, required: false, min: 0, integer: false });
	});
	it('a number question with its minimum above its maximum is min_above_max on max', () => {
		expect(
			firstError(section([{ id: 'n', type: 'number', label, required: true, min: 5, max: 4 }]))
		).toEqual({ path: 'sections.0.questions.0.max', message: 'min_above_max' });
	});
	it('a question without a label in any language is required', () => {
		expect(
			firstError(section([{ id: 'q', type: 'date', label: { en: '', sv: '' }, required: false }]))
		).toEqual({ path: 'sections.0.questions.0.label', message: 'required' });
	});
	it('a question id with spaces is invalid', () => {
		expect(
			firstError(section([{ id: 'my question', type: 'url', label, required: false }]))
		).toEqual({ path: 'sections.0.questions.0.id', message: 'invalid' });
	});
	it('a choice with a single option is refused', () => {
		expect(
			firstError(
				section([
					{
						id: 'c',
						type: 'single_choice',
						label,
						required: true,
						options: [{ id: 'a', label }]
					}
				])
			)
		).toEqual({ path: 'sections.0.questions.0.options', message: 'too_small|2' });
	});
	it('a file question accepting no kind is refused', () => {
		expect(
			firstError(
				section([{ id: 'f', type: 'file', label, required: true, accept: [], maxSizeMb: 5 }])
			)
		).toEqual({ path: 'sections.0.questions.0.accept', message: 'too_small|1' });
	});
	it('a file question above the platform size limit is too_long with the limit', () => {
		expect(
			firstError(
				section([{ id: 'f', type: 'file', label, required: true, accept: ['pdf'], maxSizeMb: 26 }])
			)
		).toEqual({ path: 'sections.0.questions.0.maxSizeMb', message: 'too_long|25' });
	});
	it('a short text above the platform limit of 300 is refused', () => {
		expect(
			firstError(section([{ id: 't', type: 'short_text', label, required: true, maxLength: 301 }]))
		).toEqual({ path: 'sections.0.questions.0.maxLength', message: 'too_long|300' });
	});
	it('an unknown question type is refused', () => {
		expect(firstError(section([{ id: 't', type: 'signature', label, required: true }]))).toEqual({
			path: 'sections.0.questions.0.type',
			message: 'invalid'
		});
	});
});

describe('formDefinitionSchema', () => {
	it('two questions with the same id in different sections are duplicate_question_id', () => {
		const form = {
			sections: [
				{ id: 'a', title: label, questions: [{ id: 'q', type: 'date', label, required: false }] },
				{ id: 'b', title: label, questions: [{ id: 'q', type: 'url', label, required: false }] }
			]
		};
		expect(firstError(form)).toEqual({ path: 'sections', message: 'duplicate_question_id' });
	});
	it('two options with the same id are duplicate_option_id', () => {
		expect(
			firstError(
				section([
					{
						id: 'c',
						type: 'multiple_choice',
						label,
						required: false,
						options: [
							{ id: 'x', label },
							{ id: 'x', label: { en: 'Other' } }
						]
					}
				])
			)
		).toEqual({ path: 'sections', message: 'duplicate_option_id' });
	});
	it('an empty form is valid', () => {
		expect(formDefinitionSchema.parse({ sections: [] })).toEqual({ sections: [] });
	});
});

describe('questionsOf', () => {
	it('lists the questions of every section in order', () => {
		const form: FormDefinition = {
			sections: [
				{
					id: 'a',
					title: label,
					questions: [
						{ id: 'q1', type: 'date', label, required: false },
						{ id: 'q2', type: 'url', label, required: true }
					]
				},
				{ id: 'empty', title: label, questions: [] },
				{ id: 'b', title: label, questions: [{ id: 'q3', type: 'confirm', label, required: true }] }
			]
		};
		expect(questionsOf(form).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
	});
});
