import { m } from '$lib/paraglide/messages';
import { fieldError } from '$lib/i18n/field-errors';

/** A review's status as the juror reads it; an unchecked assignment asks for the conflict check. */
export function reviewStatusName(
	status: 'assigned' | 'started' | 'submitted',
	conflictChecked = true
): string {
	if (status === 'submitted') return m.review_status_submitted();
	if (!conflictChecked) return m.review_status_check_pending();
	return status === 'started' ? m.review_status_started() : m.review_status_assigned();
}

export function reviewPhaseName(phase: 'setup' | 'scoring' | 'closed'): string {
	switch (phase) {
		case 'setup':
			return m.review_phase_setup();
		case 'scoring':
			return m.review_phase_scoring();
		case 'closed':
			return m.review_phase_closed();
	}
}

/** How an application is named to its juror: by its organisation, or (blind) by number and ref. */
export function applicationLabel(application: {
	organisationName: string | null;
	number?: number;
	ref: string;
}): string {
	if (application.organisationName) return application.organisationName;
	const ref = m.review_application_ref({ ref: application.ref });
	return application.number
		? `${m.review_application_number({ number: String(application.number) })} (${ref})`
		: ref;
}

/** The review's own error codes in the reader's language; the common ones as every form says them. */
export function reviewError(code: string | undefined): string | undefined {
	if (!code) return undefined;
	const [name, first, second] = code.split('|');
	switch (name) {
		case 'score_out_of_range':
			return m.review_error_score_out_of_range({ min: first ?? '', max: second ?? '' });
		case 'score_required':
			return m.review_error_score_required();
		case 'unknown_criterion':
			return m.review_error_unknown_criterion();
		case 'scoring_closed':
			return m.review_error_scoring_closed();
		case 'conflict_check_pending':
			return m.review_error_conflict_check_pending();
		case 'review_locked':
			return m.review_error_review_locked();
		case 'review_submitted':
			return m.review_error_review_submitted();
		case 'not_submitted':
			return m.review_error_not_submitted();
		case 'no_criteria':
			return m.review_error_no_criteria();
		case 'review_conflict':
			return m.review_error_version_conflict();
		default:
			return fieldError(code);
	}
}
