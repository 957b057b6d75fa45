import { m } from '$lib/paraglide/messages';
import type { QuestionType } from '$lib/calls/form-definition';
import type { FormChangeProblem } from '$lib/calls/form-changes';
import type { LegalForm } from '$lib/calls/eligibility';
import type { Locale } from '$lib/i18n/localized';
import { formatCountry } from '$lib/i18n/format';

/** Translated names of the calls domain's codes, as managers see them. */

export type CallStatus = 'draft' | 'open' | 'closed' | 'in_review' | 'decided';

export function callStatusName(status: string): string {
	switch (status) {
		case 'draft':
			return m.manage_call_status_draft();
		case 'open':
			return m.manage_call_status_open();
		case 'closed':
			return m.manage_call_status_closed();
		case 'in_review':
			return m.manage_call_status_in_review();
		case 'decided':
			return m.manage_call_status_decided();
		default:
			return status;
	}
}

/** The verb on the button that moves a call to `to`. */
export function transitionLabel(from: string, to: string): string {
	switch (to) {
		case 'open':
			return from === 'draft' ? m.manage_call_publish() : m.manage_call_reopen();
		case 'closed':
			return m.manage_call_close();
		case 'in_review':
			return m.manage_call_start_review();
		case 'decided':
			return m.manage_call_mark_decided();
		default:
			return to;
	}
}

export function questionTypeName(type: QuestionType): string {
	switch (type) {
		case 'short_text':
			return m.manage_builder_type_short_text();
		case 'long_text':
			return m.manage_builder_type_long_text();
		case 'number':
			return m.manage_builder_type_number();
		case 'single_choice':
			return m.manage_builder_type_single_choice();
		case 'multiple_choice':
			return m.manage_builder_type_multiple_choice();
		case 'date':
			return m.manage_builder_type_date();
		case 'url':
			return m.manage_builder_type_url();
		case 'email':
			return m.manage_builder_type_email();
		case 'file':
			return m.manage_builder_type_file();
		case 'confirm':
			return m.manage_builder_type_confirm();
	}
}

export function formProblemName(problem: FormChangeProblem['problem']): string {
	switch (problem) {
		case 'question_removed':
			return m.manage_builder_problem_question_removed();
		case 'type_changed':
			return m.manage_builder_problem_type_changed();
		case 'made_required':
			return m.manage_builder_problem_made_required();
		case 'required_added':
			return m.manage_builder_problem_required_added();
		case 'limit_tightened':
			return m.manage_builder_problem_limit_tightened();
		case 'option_removed':
			return m.manage_builder_problem_option_removed();
	}
}

export function legalFormName(form: LegalForm): string {
	switch (form) {
		case 'cooperative':
			return m.manage_legal_form_cooperative();
		case 'association':
			return m.manage_legal_form_association();
		case 'foundation':
			return m.manage_legal_form_foundation();
		case 'limited_company':
			return m.manage_legal_form_limited_company();
		case 'non_profit_company':
			return m.manage_legal_form_non_profit_company();
		case 'sole_trader':
			return m.manage_legal_form_sole_trader();
		case 'other':
			return m.manage_legal_form_other();
	}
}

/** A language's own name ("Deutsch"), as in the language switcher. */
export function localeName(locale: Locale): string {
	switch (locale) {
		case 'en':
			return m.language_en();
		case 'de':
			return m.language_de();
		case 'sv':
			return m.language_sv();
	}
}

export const countryName = formatCountry;
