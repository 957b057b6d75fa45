import { m } from '$lib/paraglide/messages';

/** Turns a validation code from $lib/forms/validation ("too_long|200") into a sentence. */
export function fieldError(code: string | undefined): string | undefined {
	if (!code) return undefined;
	const [name, param] = code.split('|');
	switch (name) {
		case 'required':
			return m.field_required();
		case 'too_long':
			return m.field_too_long({ max: param ?? '' });
		case 'too_small':
			return m.field_too_small({ min: param ?? '' });
		case 'email_invalid':
			return m.field_email_invalid();
		case 'url_invalid':
			return m.field_url_invalid();
		case 'invalid_choice':
			return m.field_invalid_choice();
		case 'code_invalid':
			return m.field_code_invalid();
		case 'time_zone_invalid':
			return m.field_time_zone_invalid();
		case 'organisation_unknown':
			return m.field_organisation_unknown();
		case 'code_wrong':
			return m.code_wrong();
		case 'code_too_many':
			return m.code_too_many();
		case 'rate_limited':
			return m.login_rate_limited();
		case 'already_member':
			return m.field_already_member();
		case 'number_invalid':
			return m.field_number_invalid();
		case 'integer_required':
			return m.field_integer_required();
		case 'number_min':
			return m.field_number_min({ min: param ?? '' });
		case 'number_max':
			return m.field_number_max({ max: param ?? '' });
		case 'date_invalid':
			return m.field_date_invalid();
		case 'datetime_invalid':
			return m.field_datetime_invalid();
		case 'closes_before_opens':
			return m.field_closes_before_opens();
		case 'ends_before_starts':
			return m.field_ends_before_starts();
		case 'amount_invalid':
			return m.field_amount_invalid();
		case 'file_type':
			return m.field_file_type({ types: param ?? '' });
		case 'file_too_large':
			return m.field_file_too_large({ max: param ?? '' });
		case 'file_empty':
			return m.field_file_empty();
		case 'file_invalid':
			return m.field_file_invalid();
		case 'must_confirm':
			return m.field_must_confirm();
		case 'choose_at_most':
			return m.field_choose_at_most({ max: param ?? '' });
		case 'unknown_question':
			return m.field_unknown_question();
		case 'not_editable':
			return m.field_not_editable();
		case 'deadline_passed':
			return m.field_deadline_passed();
		case 'consent_required':
			return m.field_consent_required();
		case 'indicator_invalid':
			return m.field_indicator_invalid();
		case 'indicator_duplicate':
			return m.field_indicator_duplicate();
		case 'form_change_refused':
			return m.field_form_change_refused();
		case 'transition_refused':
			return m.field_transition_refused();
		case 'form_empty':
			return m.field_form_empty();
		case 'application_limit':
			return m.field_application_limit();
		case 'call_closed':
			return m.field_call_closed();
		case 'review_started':
			return m.field_review_started();
		case 'not_submitted':
			return m.field_not_submitted();
		case 'criteria_frozen':
			return m.field_criteria_frozen();
		case 'scale_invalid':
			return m.field_scale_invalid();
		case 'anchor_outside_scale':
			return m.field_anchor_outside_scale();
		case 'rule_question_unknown':
			return m.field_rule_question_unknown();
		case 'duplicate_question_id':
			return m.field_duplicate_question_id();
		case 'duplicate_option_id':
			return m.field_duplicate_option_id();
		case 'min_above_max':
			return m.field_min_above_max();
		case 'call_decided':
			return m.field_call_decided();
		case 'no_recipients':
			return m.field_no_recipients();
		default:
			return m.field_invalid();
	}
}
