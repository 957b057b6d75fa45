import { m } from '$lib/paraglide/messages';
import type { Locale } from './localized';

/** Application, eligibility and screening states as people read them. */
export function statusLabel(value: string, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	switch (value) {
		case 'draft':
			return m.status_draft({}, options);
		case 'submitted':
			return m.status_submitted({}, options);
		case 'withdrawn':
			return m.status_withdrawn({}, options);
		case 'eligible':
			return m.status_eligible({}, options);
		case 'not_eligible':
			return m.status_not_eligible({}, options);
		case 'needs_screening':
			return m.status_needs_screening({}, options);
		case 'pending':
			return m.status_pending({}, options);
		default:
			return value;
	}
}

export function ruleLabel(kind: string): string {
	switch (kind) {
		case 'country_in':
			return m.rule_country_in();
		case 'legal_form_in':
			return m.rule_legal_form_in();
		case 'founded_after':
			return m.rule_founded_after();
		case 'employees_below':
			return m.rule_employees_below();
		case 'answer_yes':
			return m.rule_answer_yes();
		default:
			return kind;
	}
}
