import { z } from 'zod';
import type { Answers } from './answers';

export const LEGAL_FORMS = [
	'cooperative',
	'association',
	'foundation',
	'limited_company',
	'non_profit_company',
	'sole_trader',
	'other'
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Rules a call's managers set; each is checked automatically from the profile and the answers. */
export const eligibilityRuleSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('country_in'),
		countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1)
	}),
	z.object({ kind: z.literal('legal_form_in'), legalForms: z.array(z.enum(LEGAL_FORMS)).min(1) }),
	z.object({ kind: z.literal('founded_after'), year: z.number().int().min(1800).max(2100) }),
	z.object({ kind: z.literal('employees_below'), limit: z.number().int().min(1).max(1_000_000) }),
	z.object({ kind: z.literal('answer_yes'), questionId: z.string().min(1).max(40) })
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export const eligibilityRulesSchema = z.array(eligibilityRuleSchema).max(20);

export interface EligibilityProfile {
	country: string;
	legalForm: string | null;
	foundedYear: number | null;
	employees: number | null;
}

export interface RuleResult {
	rule: EligibilityRule;
	passed: boolean;
	/** Missing data is not a pass: a manager screens it by hand. */
	unknown: boolean;
}

export function checkRule(
	rule: EligibilityRule,
	profile: EligibilityProfile,
	answers: Answers
): RuleResult {
	const result = (passed: boolean, unknown = false) => ({ rule, passed, unknown });
	switch (rule.kind) {
		case 'country_in':
			return result(rule.countries.includes(profile.country));
		case 'legal_form_in':
			return profile.legalForm
				? result(rule.legalForms.includes(profile.legalForm as LegalForm))
				: result(false, true);
		case 'founded_after':
			return profile.foundedYear === null
				? result(false, true)
				: result(profile.foundedYear > rule.year);
		case 'employees_below':
			return profile.employees === null
				? result(false, true)
				: result(profile.employees < rule.limit);
		case 'answer_yes':
			return result(answers[rule.questionId] === true);
	}
}

export type EligibilityVerdict = 'eligible' | 'not_eligible' | 'needs_screening';

export function evaluateEligibility(
	rules: EligibilityRule[],
	profile: EligibilityProfile,
	answers: Answers
) {
	const results = rules.map((rule) => checkRule(rule, profile, answers));
	const verdict: EligibilityVerdict = results.some((r) => !r.passed && !r.unknown)
		? 'not_eligible'
		: results.some((r) => r.unknown)
			? 'needs_screening'
			: 'eligible';
	return { verdict, results };
}
