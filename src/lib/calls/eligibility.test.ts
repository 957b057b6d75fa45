import { describe, expect, it } from 'vitest';
import {
	checkRule,
	eligibilityRulesSchema,
	evaluateEligibility,
	type EligibilityProfile,
	type EligibilityRule
} from './eligibility';

const profile: EligibilityProfile = {
	country: 'SE',
	legalForm: 'cooperative',
	foundedYear: 2019,
	employees: 12
};
const unknownProfile: EligibilityProfile = {
	country: 'SE',
	legalForm: null,
	foundedYear: null,
	employees: null
};

const result = (rule: EligibilityRule, passed: boolean, unknown = false) => ({
	rule,
	passed,
	unknown
});

describe('checkRule', () => {
	const countries: EligibilityRule = { kind: 'country_in', countries: ['SE', 'DE'] };
	const forms: EligibilityRule = { kind: 'legal_form_in', legalForms: ['cooperative'] };
	const founded: EligibilityRule = { kind: 'founded_after', year: 2018 };
	const employees: EligibilityRule = { kind: 'employees_below', limit: 13 };
	const confirmed: EligibilityRule = { kind: 'answer_yes', questionId: 'statutes' };

	it('country_in passes for a listed country and fails for another', () => {
		expect([
			checkRule(countries, profile, {}),
			checkRule(countries, { ...profile, country: 'FI' }, {})
		]).toEqual([result(countries, true), result(countries, false)]);
	});
	it('legal_form_in passes, fails, and is unknown without a legal form', () => {
		expect([
			checkRule(forms, profile, {}),
			checkRule(forms, { ...profile, legalForm: 'limited_company' }, {}),
			checkRule(forms, unknownProfile, {})
		]).toEqual([result(forms, true), result(forms, false), result(forms, false, true)]);
	});
	it('founded_after passes for a later year, fails for the year itself, and is unknown without one', () => {
		expect([
			checkRule(founded, profile, {}),
			checkRule(founded, { ...profile, foundedYear: 2018 }, {}),
			checkRule(founded, unknownProfile, {})
		]).toEqual([result(founded, true), result(founded, false), result(founded, false, true)]);
	});
	it('employees_below passes below the limit, fails at it, and is unknown without a count', () => {
		expect([
			checkRule(employees, profile, {}),
			checkRule(employees, { ...profile, employees: 13 }, {}),
			checkRule(employees, unknownProfile, {})
		]).toEqual([result(employees, true), result(employees, false), result(employees, false, true)]);
	});
	it('employees_below passes for an enterprise of no employees', () => {
		expect(checkRule(employees, { ...profile, employees: 0 }, {})).toEqual(result(employees, true));
	});
	it('answer_yes passes only for a yes, and an unanswered question fails', () => {
		expect([
			checkRule(confirmed, profile, { statutes: true }),
			checkRule(confirmed, profile, { statutes: false }),
			checkRule(confirmed, profile, {}),
			checkRule(confirmed, profile, { statutes: 'true' })
		]).toEqual([
			result(confirmed, true),
			result(confirmed, false),
			result(confirmed, false),
			result(confirmed, false)
		]);
	});
});

describe('evaluateEligibility', () => {
	const rules: EligibilityRule[] = [
		{ kind: 'country_in', countries: ['SE'] },
		{ kind: 'legal_form_in', legalForms: ['cooperative', 'association'] },
		{ kind: 'founded_after', year: 2010 },
		{ kind: 'employees_below', limit: 50 },
		{ kind: 'answer_yes', questionId: 'statutes' }
	];

	it('no rules make everyone eligible', () => {
		expect(evaluateEligibility([], unknownProfile, {})).toEqual({
			verdict: 'eligible',
			results: []
		});
	});
	it('every rule passing is eligible', () => {
		expect(evaluateEligibility(rules, profile, { statutes: true })).toEqual({
			verdict: 'eligible',
			results: rules.map((r) => result(r, true))
		});
	});
	it('missing profile data is needs_screening', () => {
		expect(evaluateEligibility(rules, unknownProfile, { statutes: true })).toEqual({
			verdict: 'needs_screening',
			results: [
				result(rules[0], true),
				result(rules[1], false, true),
				result(rules[2], false, true),
				result(rules[3], false, true),
				result(rules[4], true)
			]
		});
	});
	it('a failed rule is not_eligible even when other data is missing', () => {
		expect(
			evaluateEligibility(rules, { ...unknownProfile, country: 'NO' }, { statutes: true }).verdict
		).toBe('not_eligible');
	});
	it('a confirmation not given is not_eligible', () => {
		expect(evaluateEligibility(rules, profile, { statutes: false }).verdict).toBe('not_eligible');
	});
});

describe('eligibilityRulesSchema', () => {
	it('accepts one rule of each kind', () => {
		const rules = [
			{ kind: 'country_in', countries: ['SE'] },
			{ kind: 'legal_form_in', legalForms: ['sole_trader'] },
			{ kind: 'founded_after', year: 1800 },
			{ kind: 'employees_below', limit: 1 },
			{ kind: 'answer_yes', questionId: 'q' }
		];
		expect(eligibilityRulesSchema.parse(rules)).toEqual(rules);
	});
	it('refuses a lower-case country, an unknown legal form and an empty list', () => {
		expect(
			[
				[{ kind: 'country_in', countries: ['se'] }],
				[{ kind: 'legal_form_in', legalForms: ['plc'] }],
				[{ kind: 'country_in', countries: [] }],
				[{ kind: 'employees_below', limit: 0 }]
			].map((rules) => eligibilityRulesSchema.safeParse(rules).success)
		).toEqual([false, false, false, false]);
	});
});
