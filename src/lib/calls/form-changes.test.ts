import { describe, expect, it } from 'vitest';
import { formChangeProblems } from './form-changes';
import type { FormDefinition, Question } from './form-definition';

const before: FormDefinition = {
	sections: [
		{
			id: 'intro',
			title: { en: 'Intro' },
			questions: [
				{ id: 'name', type: 'short_text', label: { en: 'Name' }, required: true, maxLength: 100 },
				{ id: 'story', type: 'long_text', label: { en: 'Story' }, required: false, maxLength: 500 },
				{
					id: 'staff',
					type: 'number',
					label: { en: 'Staff' },
					required: false,
					min: 0,
					max: 100,
					integer: false
				},
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
					required: false,
					maxSelected: 2,
					options: [
						{ id: 'money', label: { en: 'Money' } },
						{ id: 'advice', label: { en: 'Advice' } },
						{ id: 'space', label: { en: 'Space' } }
					]
				},
				{
					id: 'deck',
					type: 'file',
					label: { en: 'Deck' },
					required: false,
					accept: ['pdf', 'png'],
					maxSizeMb: 10
				},
				{ id: 'site', type: 'url', label: { en: 'Website' }, required: false }
			]
		}
	]
};

/** The form with one question changed (or removed, with `null`). */
function edit(form: FormDefinition, id: string, change: Partial<Question> | null): FormDefinition {
	return {
		sections: form.sections.map((s) => ({
			...s,
			questions: s.questions.flatMap((q) =>
				q.id !== id ? [q] : change === null ? [] : [{ ...q, ...change } as Question]
			)
		}))
	};
}

const changed = (id: string, change: Partial<Question> | null) => edit(before, id, change);

function withQuestion(question: Question): FormDefinition {
	return {
		sections: [...before.sections, { id: 'extra', title: { en: 'Extra' }, questions: [question] }]
	};
}

describe('formChangeProblems refuses', () => {
	it('a removed question', () => {
		expect(formChangeProblems(before, changed('site', null))).toEqual([
			{ questionId: 'site', problem: 'question_removed' }
		]);
	});
	it('a question whose type changed', () => {
		expect(
			formChangeProblems(before, changed('site', { type: 'email' } as Partial<Question>))
		).toEqual([{ questionId: 'site', problem: 'type_changed' }]);
	});
	it('a short text becoming a long text, since it is another type', () => {
		expect(
			formChangeProblems(before, changed('name', { type: 'long_text' } as Partial<Question>))
		).toEqual([{ questionId: 'name', problem: 'type_changed' }]);
	});
	it('an optional question made required', () => {
		expect(formChangeProblems(before, changed('site', { required: true }))).toEqual([
			{ questionId: 'site', problem: 'made_required' }
		]);
	});
	it('a new required question', () => {
		expect(
			formChangeProblems(
				before,
				withQuestion({ id: 'terms', type: 'confirm', label: { en: 'Terms' }, required: true })
			)
		).toEqual([{ questionId: 'terms', problem: 'required_added' }]);
	});
	it('a shorter text limit', () => {
		expect(
			formChangeProblems(before, changed('story', { maxLength: 499 } as Partial<Question>))
		).toEqual([{ questionId: 'story', problem: 'limit_tightened' }]);
	});
	it('a higher number minimum, a lower maximum, a new maximum or integers now required', () => {
		const tightenings: Partial<Question>[] = [
			{ min: 1 } as Partial<Question>,
			{ max: 99 } as Partial<Question>,
			{ integer: true } as Partial<Question>
		];
		expect(tightenings.map((t) => formChangeProblems(before, changed('staff', t)))).toEqual([
			[{ questionId: 'staff', problem: 'limit_tightened' }],
			[{ questionId: 'staff', problem: 'limit_tightened' }],
			[{ questionId: 'staff', problem: 'limit_tightened' }]
		]);
	});
	it('a bound added to a number without one', () => {
		const open: FormDefinition = changed('staff', {
			min: undefined,
			max: undefined
		} as Partial<Question>);
		expect(
			formChangeProblems(open, changed('staff', { min: undefined, max: 10 } as Partial<Question>))
		).toEqual([{ questionId: 'staff', problem: 'limit_tightened' }]);
	});
	it('fewer choices allowed', () => {
		expect(
			formChangeProblems(before, changed('support', { maxSelected: 1 } as Partial<Question>))
		).toEqual([{ questionId: 'support', problem: 'limit_tightened' }]);
	});
	it('a smaller file size or a file kind no longer accepted', () => {
		expect([
			formChangeProblems(before, changed('deck', { maxSizeMb: 5 } as Partial<Question>)),
			formChangeProblems(before, changed('deck', { accept: ['pdf'] } as Partial<Question>))
		]).toEqual([
			[{ questionId: 'deck', problem: 'limit_tightened' }],
			[{ questionId: 'deck', problem: 'limit_tightened' }]
		]);
	});
	it('a removed option', () => {
		expect(
			formChangeProblems(
				before,
				changed('stage', {
					options: [
						{ id: 'idea', label: { en: 'Idea' } },
						{ id: 'scaling', label: { en: 'Scaling' } }
					]
				} as Partial<Question>)
			)
		).toEqual([{ questionId: 'stage', problem: 'option_removed' }]);
	});
	it('several problems at once, each named', () => {
		const after: FormDefinition = {
			sections: [
				{
					id: 'intro',
					title: { en: 'Intro' },
					questions: [
						{ ...before.sections[0].questions[0], maxLength: 50 } as Question,
						{ ...before.sections[0].questions[1], required: true }
					]
				}
			]
		};
		expect(formChangeProblems(before, after)).toEqual([
			{ questionId: 'name', problem: 'limit_tightened' },
			{ questionId: 'story', problem: 'made_required' },
			{ questionId: 'staff', problem: 'question_removed' },
			{ questionId: 'stage', problem: 'question_removed' },
			{ questionId: 'support', problem: 'question_removed' },
			{ questionId: 'deck', problem: 'question_removed' },
			{ questionId: 'site', problem: 'question_removed' }
		]);
	});
});

describe('formChangeProblems allows', () => {
	it('the same form', () => {
		expect(formChangeProblems(before, structuredClone(before))).toEqual([]);
	});
	it('new texts, labels and help in every language', () => {
		const after = structuredClone(before);
		after.sections[0].title = { en: 'Introduction', sv: 'Inledning' };
		after.sections[0].questions[0].label = { en: 'Your name', de: 'Ihr Name' };
		after.sections[1].questions[2].help = { en: 'Where we can read about you' };
		expect(formChangeProblems(before, after)).toEqual([]);
	});
	it('questions reordered and moved between sections', () => {
		const [intro, more] = before.sections;
		const after: FormDefinition = {
			sections: [
				{ ...more, questions: [...more.questions].reverse() },
				{ ...intro, questions: [intro.questions[3], intro.questions[0], intro.questions[2]] },
				{ id: 'moved', title: { en: 'Moved' }, questions: [intro.questions[1]] }
			]
		};
		expect(formChangeProblems(before, after)).toEqual([]);
	});
	it('a new optional question', () => {
		expect(
			formChangeProblems(
				before,
				withQuestion({ id: 'founded', type: 'date', label: { en: 'Founded' }, required: false })
			)
		).toEqual([]);
	});
	it('a new option', () => {
		expect(
			formChangeProblems(
				before,
				changed('stage', {
					options: [
						{ id: 'idea', label: { en: 'Idea' } },
						{ id: 'pilot', label: { en: 'Pilot' } },
						{ id: 'scaling', label: { en: 'Scaling' } }
					]
				} as Partial<Question>)
			)
		).toEqual([]);
	});
	it('a required question made optional', () => {
		expect(formChangeProblems(before, changed('name', { required: false }))).toEqual([]);
	});
	it('looser limits of every kind', () => {
		let after = changed('name', { maxLength: 300 } as Partial<Question>);
		after = edit(after, 'staff', { min: undefined, max: 1000 } as Partial<Question>);
		after = edit(after, 'support', { maxSelected: undefined } as Partial<Question>);
		after = edit(after, 'deck', {
			maxSizeMb: 25,
			accept: ['pdf', 'png', 'jpeg']
		} as Partial<Question>);
		expect(formChangeProblems(before, after)).toEqual([]);
	});
});
