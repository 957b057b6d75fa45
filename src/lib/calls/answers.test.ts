import { describe, expect, it } from 'vitest';
import { compileAnswersSchema, validateAnswers, type Answers } from './answers';
import type { FormDefinition } from './form-definition';

const FILE_ID = '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69';

/** One question of every type, all required, plus optional ones where optionality matters. */
const form: FormDefinition = {
	sections: [
		{
			id: 'about',
			title: { en: 'About you' },
			questions: [
				{ id: 'name', type: 'short_text', label: { en: 'Name' }, required: true, maxLength: 10 },
				{ id: 'story', type: 'long_text', label: { en: 'Story' }, required: true, maxLength: 20 },
				{
					id: 'staff',
					type: 'number',
					label: { en: 'Staff' },
					required: true,
					min: 1,
					max: 50,
					integer: true
				},
				{ id: 'share', type: 'number', label: { en: 'Share' }, required: false, integer: false },
				{
					id: 'stage',
					type: 'single_choice',
					label: { en: 'Stage' },
					required: true,
					options: [
						{ id: 'idea', label: { en: 'Idea' } },
						{ id: 'pilot', label: { en: 'Pilot' } }
					]
				}
			]
		},
		{
			id: 'more',
			title: { en: 'More' },
			questions: [
				{
					id: 'support',
					type: 'multiple_choice',
					label: { en: 'Support' },
					required: true,
					maxSelected: 2,
					options: [
						{ id: 'money', label: { en: 'Money' } },
						{ id: 'advice', label: { en: 'Advice' } },
						{ id: 'space', label: { en: 'Space' } }
					]
				},
				{
					id: 'topics',
					type: 'multiple_choice',
					label: { en: 'Topics' },
					required: false,
					options: [
						{ id: 'food', label: { en: 'Food' } },
						{ id: 'care', label: { en: 'Care' } }
					]
				},
				{ id: 'founded', type: 'date', label: { en: 'Founded' }, required: true },
				{ id: 'site', type: 'url', label: { en: 'Website' }, required: true },
				{ id: 'contact', type: 'email', label: { en: 'Contact' }, required: true },
				{
					id: 'deck',
					type: 'file',
					label: { en: 'Deck' },
					required: true,
					accept: ['pdf'],
					maxSizeMb: 5
				},
				{ id: 'terms', type: 'confirm', label: { en: 'Terms' }, required: true },
				{ id: 'news', type: 'confirm', label: { en: 'Newsletter' }, required: false }
			]
		}
	]
};

const complete: Answers = {
	name: 'Kooperativ',
	story: 'We grow food.',
	staff: 12,
	stage: 'pilot',
	support: ['money', 'advice'],
	founded: '2019-04-30',
	site: 'https://example.org/about',
	contact: 'hello@example.org',
	deck: FILE_ID,
	terms: true
};

/** The errors of the complete answers with one answer replaced. */
function errorsWith(mode: 'draft' | 'submit', id: string, value: unknown) {
	const result = validateAnswers(form, { ...complete, [id]: value }, mode);
	return result.ok ? {} : result.errors;
}

/** The stored value of one answer after validation. */
function cleaned(mode: 'draft' | 'submit', id: string, value: unknown) {
	const result = validateAnswers(form, { ...complete, [id]: value }, mode);
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
	return result.answers[id];
}

describe('validateAnswers in submit mode', () => {
	it('complete answers pass unchanged', () => {
		expect(validateAnswers(form, complete, 'submit')).toEqual({ ok: true, answers: complete });
	});

	it('no answers at all report every required question', () => {
		expect(validateAnswers(form, {}, 'submit')).toEqual({
			ok: false,
			errors: {
				name: 'required',
				story: 'required',
				staff: 'required',
				stage: 'required',
				support: 'required',
				founded: 'required',
				site: 'required',
				contact: 'required',
				deck: 'required',
				terms: 'must_confirm'
			}
		});
	});

	it('optional questions left out pass', () => {
		const result = validateAnswers(form, complete, 'submit');
		expect(result.ok && ['share', 'topics', 'news'].filter((id) => id in result.answers)).toEqual(
			[]
		);
	});
});

describe('short_text and long_text answers', () => {
	it('a short text at its limit passes trimmed', () => {
		expect(cleaned('submit', 'name', '  abcdefghij  ')).toBe('abcdefghij');
	});
	it('a short text over its limit is too_long with the limit', () => {
		expect(errorsWith('submit', 'name', 'abcdefghijk')).toEqual({ name: 'too_long|10' });
	});
	it('a long text over its limit is too_long with the limit in a draft too', () => {
		expect(errorsWith('draft', 'story', 'x'.repeat(21))).toEqual({ story: 'too_long|20' });
	});
	it('an empty required text is required when submitting', () => {
		expect(errorsWith('submit', 'name', '')).toEqual({ name: 'required' });
	});
	it('a required text of spaces only is required when submitting', () => {
		expect(errorsWith('submit', 'story', '   ')).toEqual({ story: 'required' });
	});
	it('an empty required text passes in a draft and is not stored', () => {
		expect(validateAnswers(form, { name: '' }, 'draft')).toEqual({ ok: true, answers: {} });
	});
	it('a text answer that is not a string is invalid', () => {
		expect(errorsWith('draft', 'name', 42)).toEqual({ name: 'invalid' });
	});
});

describe('number answers', () => {
	it('a number typed as text is stored as a number', () => {
		expect(cleaned('submit', 'staff', '12')).toBe(12);
	});
	it('a decimal passes where integers are not required', () => {
		expect(cleaned('submit', 'share', '12.5')).toBe(12.5);
	});
	it('text that is not a number is number_invalid', () => {
		expect(errorsWith('draft', 'staff', 'twelve')).toEqual({ staff: 'number_invalid' });
	});
	it('an infinite number is number_invalid', () => {
		expect(errorsWith('draft', 'share', 'Infinity')).toEqual({ share: 'number_invalid' });
	});
	it('a decimal where an integer is required is integer_required', () => {
		expect(errorsWith('draft', 'staff', '1.5')).toEqual({ staff: 'integer_required' });
	});
	it('a number below the minimum is number_min with the minimum', () => {
		expect(errorsWith('draft', 'staff', 0)).toEqual({ staff: 'number_min|1' });
	});
	it('a number above the maximum is number_max with the maximum', () => {
		expect(errorsWith('submit', 'staff', 51)).toEqual({ staff: 'number_max|50' });
	});
	it('the bounds themselves pass', () => {
		expect([cleaned('submit', 'staff', 1), cleaned('submit', 'staff', '50')]).toEqual([1, 50]);
	});
	it('an empty optional number passes and is not stored', () => {
		expect(validateAnswers(form, { share: '' }, 'draft')).toEqual({ ok: true, answers: {} });
	});
	it('a yes or a list is not a number, and blank text is no answer', () => {
		expect(validateAnswers(form, { share: true, staff: ' ' }, 'draft')).toEqual({
			ok: false,
			errors: { share: 'number_invalid' }
		});
		expect(validateAnswers(form, { share: [] }, 'draft')).toEqual({
			ok: false,
			errors: { share: 'number_invalid' }
		});
	});
});

describe('single_choice answers', () => {
	it('an offered option passes', () => {
		expect(cleaned('submit', 'stage', 'idea')).toBe('idea');
	});
	it('an option that is not offered is invalid_choice', () => {
		expect(errorsWith('draft', 'stage', 'scaling')).toEqual({ stage: 'invalid_choice' });
	});
	it('an option label instead of its id is invalid_choice', () => {
		expect(errorsWith('submit', 'stage', 'Pilot')).toEqual({ stage: 'invalid_choice' });
	});
});

describe('multiple_choice answers', () => {
	it('a single id posted alone becomes a list', () => {
		expect(cleaned('submit', 'support', 'space')).toEqual(['space']);
	});
	it('more options than allowed is choose_at_most with the limit', () => {
		expect(errorsWith('draft', 'support', ['money', 'advice', 'space'])).toEqual({
			support: 'choose_at_most|2'
		});
	});
	it('an option that is not offered is invalid_choice', () => {
		expect(errorsWith('submit', 'support', ['money', 'shares'])).toEqual({
			support: 'invalid_choice'
		});
	});
	it('the same option twice is invalid_choice', () => {
		expect(errorsWith('submit', 'support', ['money', 'money'])).toEqual({
			support: 'invalid_choice'
		});
	});
	it('an empty list for a required question is required when submitting', () => {
		expect(errorsWith('submit', 'support', [])).toEqual({ support: 'required' });
	});
	it('an empty list for a required question passes in a draft', () => {
		expect(cleaned('draft', 'support', [])).toEqual([]);
	});
	it('an optional question left empty with "" or null is no answer in a draft', () => {
		expect(validateAnswers(form, { topics: '' }, 'draft')).toEqual({ ok: true, answers: {} });
		expect(validateAnswers(form, { topics: null }, 'draft')).toEqual({ ok: true, answers: {} });
	});
});

describe('date answers', () => {
	it('an ISO day passes', () => {
		expect(cleaned('submit', 'founded', '2024-02-29')).toBe('2024-02-29');
	});
	it('a day that does not exist is date_invalid', () => {
		expect(errorsWith('submit', 'founded', '2026-02-30')).toEqual({ founded: 'date_invalid' });
	});
	it('a day of another format is date_invalid', () => {
		expect(errorsWith('draft', 'founded', '30.04.2019')).toEqual({ founded: 'date_invalid' });
	});
	it('February 29th outside a leap year is date_invalid', () => {
		expect(errorsWith('draft', 'founded', '2025-02-29')).toEqual({ founded: 'date_invalid' });
	});
});

describe('url answers', () => {
	it('an https address passes trimmed', () => {
		expect(cleaned('submit', 'site', ' https://example.org/a?b=c ')).toBe(
			'https://example.org/a?b=c'
		);
	});
	it('an ftp address is url_invalid', () => {
		expect(errorsWith('submit', 'site', 'ftp://example.org/file')).toEqual({
			site: 'url_invalid'
		});
	});
	it('a javascript: address is url_invalid', () => {
		expect(errorsWith('draft', 'site', 'javascript:alert(1)')).toEqual({ site: 'url_invalid' });
	});
	it('words that are no address are url_invalid', () => {
		expect(errorsWith('draft', 'site', 'our website')).toEqual({ site: 'url_invalid' });
	});
});

describe('email answers', () => {
	it('an address passes trimmed', () => {
		expect(cleaned('submit', 'contact', ' anna@example.se ')).toBe('anna@example.se');
	});
	it('an address without a domain is email_invalid', () => {
		expect(errorsWith('submit', 'contact', 'anna@')).toEqual({ contact: 'email_invalid' });
	});
	it('an address of more than 254 characters is too_long', () => {
		expect(errorsWith('draft', 'contact', `${'a'.repeat(250)}@example.org`)).toEqual({
			contact: 'too_long|254'
		});
	});
});

describe('file answers', () => {
	it('an uploaded file id passes', () => {
		expect(cleaned('submit', 'deck', FILE_ID)).toBe(FILE_ID);
	});
	it('a value that is not a file id is file_invalid', () => {
		expect(errorsWith('submit', 'deck', 'deck.pdf')).toEqual({ deck: 'file_invalid' });
	});
});

describe('confirm answers', () => {
	it('a required confirmation answered no is must_confirm', () => {
		expect(errorsWith('submit', 'terms', false)).toEqual({ terms: 'must_confirm' });
	});
	it('a required confirmation answered no passes in a draft', () => {
		expect(cleaned('draft', 'terms', false)).toBe(false);
	});
	it('an optional confirmation may be no when submitting', () => {
		expect(cleaned('submit', 'news', false)).toBe(false);
	});
	it('a confirmation that is not a yes or no is invalid', () => {
		expect(errorsWith('draft', 'news', 'yes')).toEqual({ news: 'invalid' });
	});
});

describe('unknown questions', () => {
	it('an answer to a question not in the form is unknown_question in either mode', () => {
		expect(validateAnswers(form, { ...complete, smuggled: 'x' }, 'submit')).toEqual({
			ok: false,
			errors: { smuggled: 'unknown_question' }
		});
		expect(validateAnswers(form, { smuggled: 'x', other: 1 }, 'draft')).toEqual({
			ok: false,
			errors: { smuggled: 'unknown_question', other: 'unknown_question' }
		});
	});
	it('answers that are not an object are refused as a whole', () => {
		expect(validateAnswers(form, 'name=x', 'draft')).toEqual({
			ok: false,
			errors: { _form: 'invalid' }
		});
	});
});

describe('compileAnswersSchema', () => {
	it('has one key per question of every section', () => {
		expect(Object.keys(compileAnswersSchema(form, 'draft').shape)).toEqual([
			'name',
			'story',
			'staff',
			'share',
			'stage',
			'support',
			'topics',
			'founded',
			'site',
			'contact',
			'deck',
			'terms',
			'news'
		]);
	});
	it('of an empty form accepts only no answers', () => {
		const schema = compileAnswersSchema({ sections: [] }, 'submit');
		expect([schema.safeParse({}).success, schema.safeParse({ a: 1 }).success]).toEqual([
			true,
			false
		]);
	});
});
