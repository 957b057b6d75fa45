import { describe, expect, it } from 'vitest';
import {
	addQuestion,
	canMoveQuestion,
	cleanForm,
	ensureIds,
	keyIssues,
	moveItem,
	moveQuestionBy,
	moveQuestionTo,
	moveSectionBy,
	moveSectionTo,
	newId,
	questionOfType,
	removeQuestion,
	takenIds,
	withTextSlots
} from './form-builder-ops';
import { formDefinitionSchema, type FormDefinition, type Question } from './form-definition';

/** A deterministic stand-in for Math.random: walks through the given values in turn. */
function sequence(...values: number[]) {
	let i = 0;
	return () => values[i++ % values.length];
}

/** Picks the id alphabet's characters in order: a, b, c, … 9, a, … */
function counter() {
	let i = 0;
	return () => (i++ % 36) / 36 + 0.001;
}

const text = (en: string) => ({ en });

function q(id: string): Question {
	return { id, type: 'short_text', label: text(id), required: false, maxLength: 100 };
}

function form(...sections: string[][]): FormDefinition {
	return {
		sections: sections.map((ids, i) => ({
			id: `s${i}`,
			title: text(`Section ${i}`),
			questions: ids.map(q)
		}))
	};
}

const order = (f: FormDefinition) => f.sections.map((s) => s.questions.map((x) => x.id));

describe('newId', () => {
	it('newId with a prefix gives six characters after it', () => {
		expect(newId('q', new Set(), sequence(0))).toBe('q_aaaaaa');
	});
	it('newId skips an id already taken', () => {
		expect(newId('q', new Set(['q_aaaaaa']), sequence(0, 0, 0, 0, 0, 0, 0.99))).toBe('q_9aaaaa');
	});
});

describe('moveItem', () => {
	it('moveItem down by one swaps neighbours', () => {
		expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
	});
	it('moveItem beyond the end clamps to the last place', () => {
		expect(moveItem(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
	});
	it('moveItem leaves the input list unchanged', () => {
		const list = ['a', 'b'];
		moveItem(list, 0, 1);
		expect(list).toEqual(['a', 'b']);
	});
});

describe('moveQuestionBy', () => {
	it('moveQuestionBy up inside a section swaps with the previous question', () => {
		expect(order(moveQuestionBy(form(['a', 'b', 'c']), 'c', -1))).toEqual([['a', 'c', 'b']]);
	});
	it('moveQuestionBy up from the top of a section goes to the end of the previous one', () => {
		expect(order(moveQuestionBy(form(['a', 'b'], ['c', 'd']), 'c', -1))).toEqual([
			['a', 'b', 'c'],
			['d']
		]);
	});
	it('moveQuestionBy down from the bottom of a section goes to the start of the next one', () => {
		expect(order(moveQuestionBy(form(['a', 'b'], ['c']), 'b', 1))).toEqual([['a'], ['b', 'c']]);
	});
	it('moveQuestionBy down from the very last place changes nothing', () => {
		expect(order(moveQuestionBy(form(['a'], ['b']), 'b', 1))).toEqual([['a'], ['b']]);
	});
	it('moveQuestionBy into an empty section puts it there', () => {
		expect(order(moveQuestionBy(form(['a'], []), 'a', 1))).toEqual([[], ['a']]);
	});
});

describe('canMoveQuestion', () => {
	it('canMoveQuestion is false up from the first place and down from the last', () => {
		const f = form(['a'], ['b']);
		expect([canMoveQuestion(f, 'a', -1), canMoveQuestion(f, 'a', 1)]).toEqual([false, true]);
		expect([canMoveQuestion(f, 'b', -1), canMoveQuestion(f, 'b', 1)]).toEqual([true, false]);
	});
});

describe('moveQuestionTo', () => {
	it('moveQuestionTo before a later question in the same section lands just above it', () => {
		expect(
			order(moveQuestionTo(form(['a', 'b', 'c', 'd']), 'a', { section: 0, index: 3 }))
		).toEqual([['b', 'c', 'a', 'd']]);
	});
	it('moveQuestionTo before an earlier question lands just above it', () => {
		expect(order(moveQuestionTo(form(['a', 'b', 'c']), 'c', { section: 0, index: 0 }))).toEqual([
			['c', 'a', 'b']
		]);
	});
	it('moveQuestionTo another section inserts at the index', () => {
		expect(
			order(moveQuestionTo(form(['a', 'b'], ['c', 'd']), 'a', { section: 1, index: 1 }))
		).toEqual([['b'], ['c', 'a', 'd']]);
	});
	it('moveQuestionTo a section that does not exist changes nothing', () => {
		expect(order(moveQuestionTo(form(['a']), 'a', { section: 3, index: 0 }))).toEqual([['a']]);
	});
});

describe('sections', () => {
	it('moveSectionBy down swaps with the next section', () => {
		expect(moveSectionBy(form([], [], []), 's0', 1).sections.map((s) => s.id)).toEqual([
			's1',
			's0',
			's2'
		]);
	});
	it('moveSectionTo the end puts the section last', () => {
		expect(moveSectionTo(form([], [], []), 's0', 3).sections.map((s) => s.id)).toEqual([
			's1',
			's2',
			's0'
		]);
	});
});

describe('add and remove', () => {
	it('addQuestion appends to the named section', () => {
		expect(order(addQuestion(form(['a'], ['b']), 's1', q('c')))).toEqual([['a'], ['b', 'c']]);
	});
	it('removeQuestion takes it out wherever it is', () => {
		expect(order(removeQuestion(form(['a'], ['b', 'c']), 'b'))).toEqual([['a'], ['c']]);
	});
});

describe('questionOfType', () => {
	it('questionOfType for a choice gives two options with fresh ids', () => {
		const taken = new Set<string>();
		const question = questionOfType('single_choice', 'q_x', taken, undefined, counter());
		expect(question).toEqual({
			id: 'q_x',
			type: 'single_choice',
			label: {},
			help: {},
			required: false,
			options: [
				{ id: 'o_abcdef', label: {} },
				{ id: 'o_ghijkl', label: {} }
			]
		});
	});
	it('questionOfType keeps the label, help and required flag of the question it replaces', () => {
		const before: Question = {
			id: 'q_1',
			type: 'long_text',
			label: text('Why?'),
			help: text('Be brief'),
			required: true,
			maxLength: 500
		};
		expect(questionOfType('file', 'q_1', new Set(), before)).toEqual({
			id: 'q_1',
			type: 'file',
			label: text('Why?'),
			help: text('Be brief'),
			required: true,
			accept: ['pdf'],
			maxSizeMb: 10
		});
	});
	it('questionOfType from one choice type to the other keeps the options', () => {
		const before = questionOfType('single_choice', 'q_1', new Set(), undefined, counter());
		const after = questionOfType('multiple_choice', 'q_1', new Set(), before);
		expect(after.type === 'multiple_choice' && after.options).toEqual(
			before.type === 'single_choice' && before.options
		);
	});
});

describe('ensureIds', () => {
	it('ensureIds keeps valid ids and replaces a repeated one', () => {
		const f = form(['a', 'a']);
		expect(order(ensureIds(f, sequence(0)))).toEqual([['a', 'q_aaaaaa']]);
	});
	it('ensureIds replaces a malformed option id', () => {
		const f: FormDefinition = {
			sections: [
				{
					id: 's',
					title: text('S'),
					questions: [
						{
							id: 'q',
							type: 'single_choice',
							label: text('Q'),
							required: false,
							options: [
								{ id: 'ok', label: text('A') },
								{ id: 'not ok!', label: text('B') }
							]
						}
					]
				}
			]
		};
		const fixed = ensureIds(f, sequence(0)).sections[0].questions[0];
		expect('options' in fixed && fixed.options.map((o) => o.id)).toEqual(['ok', 'o_aaaaaa']);
	});
	it('ensureIds gives a form with unique ids', () => {
		expect(takenIds(ensureIds(form(['a', 'a'], ['a']), counter())).size).toBe(5);
	});
});

describe('cleanForm', () => {
	it('cleanForm drops empty translations and cleared numbers', () => {
		const f: FormDefinition = {
			sections: [
				{
					id: 's',
					title: { en: ' Intro ', de: '', sv: '  ' },
					questions: [
						{
							id: 'n',
							type: 'number',
							label: { en: 'How many?' },
							required: true,
							min: Number.NaN,
							max: 10,
							integer: true
						}
					]
				}
			]
		};
		expect(cleanForm(f)).toEqual({
			sections: [
				{
					id: 's',
					title: { en: 'Intro' },
					description: {},
					questions: [
						{
							id: 'n',
							type: 'number',
							label: { en: 'How many?' },
							help: {},
							required: true,
							max: 10,
							integer: true
						}
					]
				}
			]
		});
	});
	it('cleanForm of a filled-in form passes the schema', () => {
		expect(formDefinitionSchema.safeParse(cleanForm(form(['a', 'b'], ['c']))).success).toBe(true);
	});
});

describe('keyIssues', () => {
	it('keyIssues names issues by section, question and option ids', () => {
		const f = form(['a']);
		const choice = questionOfType('single_choice', 'c', new Set(), undefined, counter());
		f.sections[0].questions.push(choice);
		f.sections[0].title = {};
		const result = formDefinitionSchema.safeParse(cleanForm(f));
		expect(result.success).toBe(false);
		expect(keyIssues(f, result.error?.issues ?? [])).toEqual({
			's:s0:title': 'required',
			'o:c:o_abcdef:label': 'required',
			'o:c:o_ghijkl:label': 'required',
			'q:c:label': 'required'
		});
	});
	it('keyIssues of input that is not a form puts everything under form', () => {
		expect(
			keyIssues('nonsense', [{ path: ['sections', 0, 'title'], message: 'required' }])
		).toEqual({ form: 'required' });
	});
});

describe('withTextSlots', () => {
	it('withTextSlots adds empty help and descriptions without changing texts', () => {
		const slotted = withTextSlots(form(['a']));
		expect(slotted.sections[0].description).toEqual({});
		expect(slotted.sections[0].questions[0].help).toEqual({});
		expect(slotted.sections[0].questions[0].label).toEqual({ en: 'a' });
	});
});
