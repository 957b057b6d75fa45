import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, Question } from '../../../src/lib/calls/form-definition';
import { listCriteria } from '../../../src/lib/server/calls/queries';
import { FormChangeRefused, saveCallForm } from '../../../src/lib/server/calls/save-call-form';
import { saveCriteria } from '../../../src/lib/server/calls/save-criteria';
import { saveEligibilityRules } from '../../../src/lib/server/calls/save-eligibility-rules';
import { db } from '../../../src/lib/server/db';
import { call } from '../../../src/lib/server/db/schema';
import {
	appErrorOf,
	auditEntries,
	createCall,
	createConsortium,
	createLead,
	errorOf,
	SIMPLE_FORM
} from '../../factories';

let shared: ReturnType<typeof createLead> | undefined;
/** One lead cluster and programme for the file; every test makes its own calls in it. */
const lead = () => (shared ??= createLead());

const choice: Question = {
	id: 'stage',
	type: 'single_choice',
	label: { en: 'Stage' },
	required: false,
	options: [
		{ id: 'idea', label: { en: 'Idea' } },
		{ id: 'pilot', label: { en: 'Pilot' } }
	]
};
const openForm: FormDefinition = {
	sections: [
		{ ...SIMPLE_FORM.sections[0], questions: [...SIMPLE_FORM.sections[0].questions, choice] }
	]
};

/** openForm with its questions passed through `change`. */
function changed(change: (questions: Question[]) => Question[]): FormDefinition {
	return {
		sections: [{ ...openForm.sections[0], questions: change(openForm.sections[0].questions) }]
	};
}
const replace = (id: string, patch: Record<string, unknown>) =>
	changed((qs) => qs.map((q) => (q.id === id ? ({ ...q, ...patch } as Question) : q)));

async function stored(id: string) {
	const [row] = await db()
		.select({ form: call.form, version: call.version, rules: call.eligibilityRules })
		.from(call)
		.where(eq(call.id, id));
	return row;
}

describe('saveCallForm on a draft call', () => {
	it('saves any valid form, bumps the version and records the number of questions', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'draft', form: openForm });

		const saved = await saveCallForm({
			actor,
			callId: target.id,
			version: 1,
			form: changed((qs) => [{ ...qs[0], maxLength: 10 } as Question])
		});

		expect(saved).toEqual({ version: 2 });
		expect((await stored(target.id)).form.sections[0].questions.map((q) => q.id)).toEqual(['idea']);
		expect((await auditEntries(target.id)).map((e) => [e.action, e.data])).toEqual([
			['call.form_saved', { questions: 1 }]
		]);
	});

	it('an invalid form is refused with its first problem', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'draft' });
		expect(
			await appErrorOf(
				saveCallForm({
					actor,
					callId: target.id,
					version: 1,
					form: changed((qs) => [...qs, { ...qs[0] }])
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'form_invalid',
			fields: { form: 'duplicate_question_id' }
		});
	});

	it('a save from an old version is a conflict', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'draft', version: 4 });
		expect(
			await appErrorOf(saveCallForm({ actor, callId: target.id, version: 3, form: openForm }))
		).toEqual({ code: 'conflict', message: 'stale_version', fields: undefined });
	});

	it("another partner's manager cannot save the form", async () => {
		const { programme, partnerA, partnerB } = await createConsortium();
		const target = await createCall(programme.id, {
			organisationId: partnerA.cluster.id,
			status: 'draft'
		});
		expect(
			await appErrorOf(
				saveCallForm({ actor: partnerB.actor, callId: target.id, version: 1, form: openForm })
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});
});

describe('saveCallForm once the call is open', () => {
	const refusals: [string, FormDefinition, FormChangeRefused['problems']][] = [
		[
			'a removed question',
			changed((qs) => qs.filter((q) => q.id !== 'staff')),
			[{ questionId: 'staff', problem: 'question_removed' }]
		],
		[
			'a changed type',
			replace('idea', { type: 'long_text' }),
			[{ questionId: 'idea', problem: 'type_changed' }]
		],
		[
			'an optional question made required',
			replace('staff', { required: true }),
			[{ questionId: 'staff', problem: 'made_required' }]
		],
		[
			'a new required question',
			changed((qs) => [
				...qs,
				{ id: 'founded', type: 'date', label: { en: 'Founded' }, required: true }
			]),
			[{ questionId: 'founded', problem: 'required_added' }]
		],
		[
			'a tightened limit',
			replace('idea', { maxLength: 199 }),
			[{ questionId: 'idea', problem: 'limit_tightened' }]
		],
		[
			'a removed option',
			replace('stage', { options: [choice.options[0], { id: 'scaling', label: { en: 'S' } }] }),
			[{ questionId: 'stage', problem: 'option_removed' }]
		]
	];

	for (const [what, form, problems] of refusals) {
		it(`${what} is refused with its problem, and nothing is saved`, async () => {
			const { programme, actor } = await lead();
			const target = await createCall(programme.id, { form: openForm });

			const error = await errorOf(saveCallForm({ actor, callId: target.id, version: 1, form }));

			expect(
				error instanceof FormChangeRefused && {
					code: error.code,
					fields: error.fields,
					problems: error.problems
				}
			).toEqual({ code: 'conflict', fields: { form: 'form_change_refused' }, problems });
			expect(await stored(target.id)).toEqual({ form: openForm, version: 1, rules: [] });
			expect(await auditEntries(target.id)).toEqual([]);
		});
	}

	it('new texts, a new order, a new optional question and a new option are saved', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { form: openForm });
		const [idea, staff, statutes, stage] = openForm.sections[0].questions;
		const next: FormDefinition = {
			sections: [
				{
					id: 'about',
					title: { en: 'About your enterprise', de: 'Über Ihr Unternehmen' },
					questions: [
						{
							...stage,
							options: [...choice.options, { id: 'scaling', label: { en: 'Scaling' } }]
						} as Question,
						{ ...idea, label: { en: 'Your idea in one sentence' }, help: { en: 'Be brief' } },
						statutes
					]
				},
				{
					id: 'extra',
					title: { en: 'Extra' },
					questions: [staff, { id: 'site', type: 'url', label: { en: 'Website' }, required: false }]
				}
			]
		};

		const saved = await saveCallForm({ actor, callId: target.id, version: 1, form: next });

		expect(saved).toEqual({ version: 2 });
		expect((await stored(target.id)).form).toEqual(next);
	});
});

describe('saveCriteria', () => {
	const criterion = {
		name: { en: 'Impact', sv: 'Effekt' },
		rubric: { en: 'How many people benefit?' },
		weight: 3,
		scaleMin: 1,
		scaleMax: 5,
		anchors: [{ value: 5, text: { en: 'Thousands' } }]
	};

	it('replaces the criteria in the given order', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'draft' });
		await saveCriteria({ actor, callId: target.id, version: 1, criteria: [criterion] });

		const saved = await saveCriteria({
			actor,
			callId: target.id,
			version: 2,
			criteria: [
				{ ...criterion, name: { en: 'Feasibility' }, weight: 1 },
				{ ...criterion, scaleMin: 0, scaleMax: 10 }
			]
		});

		expect(saved).toEqual({ version: 3 });
		expect(await listCriteria(target.id)).toEqual([
			{
				...criterion,
				id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				name: { en: 'Feasibility' },
				weight: 1,
				position: 0
			},
			{
				...criterion,
				id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				scaleMin: 0,
				scaleMax: 10,
				position: 1
			}
		]);
		expect((await auditEntries(target.id)).map((e) => e.data)).toEqual([
			{ criteria: 1 },
			{ criteria: 2 }
		]);
	});

	it('an invalid criterion is refused naming its field', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'draft' });
		expect(
			await appErrorOf(
				saveCriteria({
					actor,
					callId: target.id,
					version: 1,
					criteria: [criterion, { ...criterion, scaleMax: 1 }]
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'criteria_invalid',
			fields: { '1.scaleMax': 'scale_invalid' }
		});
	});

	it('criteria are frozen once the review has started', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'in_review' });
		expect(
			await appErrorOf(saveCriteria({ actor, callId: target.id, version: 1, criteria: [] }))
		).toEqual({
			code: 'conflict',
			message: 'criteria_frozen',
			fields: { criteria: 'criteria_frozen' }
		});
	});
});

describe('saveEligibilityRules', () => {
	it('stores the rules, a required confirmation referring to a yes/no question', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id);
		const rules = [
			{ kind: 'country_in', countries: ['SE', 'FI'] },
			{ kind: 'answer_yes', questionId: 'statutes' }
		];

		expect(await saveEligibilityRules({ actor, callId: target.id, version: 1, rules })).toEqual({
			version: 2
		});
		expect((await stored(target.id)).rules).toEqual(rules);
	});

	it('a confirmation rule on a question that is no yes/no question is refused', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id);
		expect(
			await appErrorOf(
				saveEligibilityRules({
					actor,
					callId: target.id,
					version: 1,
					rules: [{ kind: 'answer_yes', questionId: 'idea' }]
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'rule_question_unknown',
			fields: { rules: 'rule_question_unknown' }
		});
	});

	it('a malformed rule is refused', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id);
		expect(
			(
				await appErrorOf(
					saveEligibilityRules({
						actor,
						callId: target.id,
						version: 1,
						rules: [{ kind: 'employees_below', limit: 0 }]
					})
				)
			).message
		).toBe('rules_invalid');
		expect((await stored(target.id)).rules).toEqual([]);
	});
});
