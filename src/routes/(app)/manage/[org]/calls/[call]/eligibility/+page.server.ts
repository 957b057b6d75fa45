import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { LEGAL_FORMS, eligibilityRulesSchema, type EligibilityRule } from '$lib/calls/eligibility';
import { questionsOf } from '$lib/calls/form-definition';
import { COUNTRIES } from '$lib/schemas/identity';
import { saveEligibilityRules } from '$lib/server/calls/save-eligibility-rules';
import { actionFailure } from '$lib/server/http';
import { callOf } from '../../access.server';

const list = z.preprocess(
	(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.string().max(40)).max(100)
);
const on = z.preprocess((v) => v === 'on', z.boolean());
const optionalInt = (min: number, max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z.coerce
			.number({ error: 'number_invalid' })
			.int({ error: 'integer_required' })
			.min(min, { error: `number_min|${min}` })
			.max(max, { error: `number_max|${max}` })
			.optional()
	);

/** One switch per kind of rule, with its settings; "answered yes" lists the confirm questions. */
const rulesFormSchema = z
	.object({
		countryOn: on,
		countries: list,
		legalFormOn: on,
		legalForms: list,
		foundedOn: on,
		foundedAfter: optionalInt(1800, 2100),
		employeesOn: on,
		employeesBelow: optionalInt(1, 1_000_000),
		answers: list,
		version: z.coerce.number().int().min(0)
	})
	.superRefine((f, ctx) => {
		const missing = (path: string, message = 'required') =>
			ctx.addIssue({ code: 'custom', message, path: [path] });
		if (f.countryOn && f.countries.length === 0) missing('countries', 'choose_one');
		if (f.legalFormOn && f.legalForms.length === 0) missing('legalForms', 'choose_one');
		if (f.foundedOn && f.foundedAfter === undefined) missing('foundedAfter');
		if (f.employeesOn && f.employeesBelow === undefined) missing('employeesBelow');
	});

/** The field of the page where a rule's error is shown. */
const fieldOf: Record<EligibilityRule['kind'], string> = {
	country_in: 'countries',
	legal_form_in: 'legalForms',
	founded_after: 'foundedAfter',
	employees_below: 'employeesBelow',
	answer_yes: 'answers'
};

function values(data: FormData) {
	const record: Record<string, unknown> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		record[key] = ['countries', 'legalForms', 'answers'].includes(key) ? all : all[0];
	}
	return record;
}

/**
 * A switched-off rule's number is neither used nor checked: its field is hidden, so an error on it
 * could not be seen. It is still shown back as typed.
 */
function withoutUnusedNumbers(input: Record<string, unknown>) {
	const used = { ...input };
	if (input.foundedOn !== 'on') delete used.foundedAfter;
	if (input.employeesOn !== 'on') delete used.employeesBelow;
	return used;
}

export const load = (async (event) => {
	const { call } = await callOf(event, 'call.view');
	return {
		rules: call.eligibilityRules,
		confirmQuestions: questionsOf(call.form)
			.filter((q) => q.type === 'confirm')
			.map((q) => ({ id: q.id, label: q.label })),
		countries: [...COUNTRIES],
		legalForms: [...LEGAL_FORMS]
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { actor, call } = await callOf(event, 'call.manage');
		const input = values(await event.request.formData());
		const form = rulesFormSchema.safeParse(withoutUnusedNumbers(input));
		if (!form.success) {
			const errors: Record<string, string> = {};
			for (const issue of form.error.issues)
				errors[String(issue.path[0] ?? '_form')] ??= issue.message;
			return fail(400, { errors, values: input });
		}
		const f = form.data;
		const rules: unknown[] = [];
		if (f.countryOn) rules.push({ kind: 'country_in', countries: f.countries });
		if (f.legalFormOn) rules.push({ kind: 'legal_form_in', legalForms: f.legalForms });
		if (f.foundedOn) rules.push({ kind: 'founded_after', year: f.foundedAfter });
		if (f.employeesOn) rules.push({ kind: 'employees_below', limit: f.employeesBelow });
		for (const questionId of f.answers) rules.push({ kind: 'answer_yes', questionId });
		const parsed = eligibilityRulesSchema.safeParse(rules);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) {
				const rule = rules[Number(issue.path[0])] as { kind?: EligibilityRule['kind'] } | undefined;
				const field = rule?.kind ? fieldOf[rule.kind] : '_form';
				errors[field] ??= issue.message;
			}
			return fail(400, { errors, values: input });
		}
		try {
			await saveEligibilityRules({
				actor,
				callId: call.id,
				version: f.version,
				rules: parsed.data
			});
		} catch (e) {
			const failure = actionFailure(e);
			const errors = failure.data.errors.rules
				? { answers: failure.data.errors.rules }
				: failure.data.errors;
			return fail(failure.status, { ...failure.data, errors, values: input });
		}
		return { saved: true };
	}
} satisfies Actions;
