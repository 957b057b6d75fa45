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
		default:
			return m.field_invalid();
	}
}
