import { describe, expect, it } from 'vitest';
import { formDefinitionSchema, QUESTION_TYPES, questionsOf } from '$lib/calls/form-definition';
import { eligibilityRulesSchema } from '$lib/calls/eligibility';
import { criteriaSchema } from '$lib/calls/schemas';
import { DEMO_CALL_CRITERIA, DEMO_CALL_FORM, DEMO_CALL_RULES } from './demo-call';

describe('demo call', () => {
	it('form is valid and uses every question type', () => {
		expect(formDefinitionSchema.safeParse(DEMO_CALL_FORM).success).toBe(true);
		expect(new Set(questionsOf(DEMO_CALL_FORM).map((q) => q.type))).toEqual(
			new Set(QUESTION_TYPES)
		);
	});
	it('rules and criteria are valid', () => {
		expect(eligibilityRulesSchema.safeParse(DEMO_CALL_RULES).success).toBe(true);
		expect(
			criteriaSchema.safeParse(DEMO_CALL_CRITERIA.map(({ position: _p, ...c }) => c)).success
		).toBe(true);
	});
});
