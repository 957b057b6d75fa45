import { m } from '$lib/paraglide/messages';
import { fieldError } from '$lib/i18n/field-errors';
import type { Locale } from '$lib/i18n/localized';
import type { InfeasibleReason } from '$lib/review/infeasible';

/** Translated names of the jury panel's codes, as managers and jurors see them. */

/** A language code ("sv") in the reader's language ("Swedish"). */
export function languageName(code: string, locale: Locale): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** An expertise tag: impact areas as "SDG 7", free tags as typed. */
export function tagLabel(tag: string): string {
	const sdg = /^sdg:(\d{1,2})$/.exec(tag);
	return sdg ? m.jury_sdg_short({ number: sdg[1] }) : tag;
}

export function phaseName(phase: string): string {
	switch (phase) {
		case 'setup':
			return m.jury_phase_setup();
		case 'scoring':
			return m.jury_phase_scoring();
		case 'closed':
			return m.jury_phase_closed();
		default:
			return phase;
	}
}

export function phaseHelp(phase: string): string {
	switch (phase) {
		case 'setup':
			return m.jury_phase_setup_help();
		case 'scoring':
			return m.jury_phase_scoring_help();
		default:
			return m.jury_phase_closed_help();
	}
}

/** The verb on the button that moves the jury to `to`. */
export function phaseAction(to: string): string {
	return to === 'scoring' ? m.jury_phase_open_scoring() : m.jury_phase_close_scoring();
}

export function jurorStatusName(status: string): string {
	switch (status) {
		case 'invited':
			return m.jury_status_invited();
		case 'expired':
			return m.jury_status_expired();
		case 'accepted':
			return m.jury_status_accepted();
		case 'removed':
			return m.jury_status_removed();
		default:
			return status;
	}
}

export function reviewStatusName(status: string): string {
	switch (status) {
		case 'assigned':
			return m.jury_review_assigned();
		case 'started':
			return m.jury_review_started();
		case 'submitted':
			return m.jury_review_submitted();
		default:
			return status;
	}
}

export function conflictSourceName(source: string): string {
	switch (source) {
		case 'declared':
			return m.jury_conflict_declared();
		case 'organisation_member':
			return m.jury_conflict_organisation_member();
		case 'email_domain':
			return m.jury_conflict_email_domain();
		default:
			return source;
	}
}

/**
 * A jury error code in the reader's words: the panel's own codes ("under_assigned|3"), else a
 * validation code the whole platform shares.
 */
export function juryError(code: string | undefined): string | undefined {
	if (!code) return undefined;
	const [name, param] = code.split('|');
	switch (name) {
		case 'stale_version':
			return m.jury_error_stale_version();
		case 'jury_closed':
			return m.jury_error_closed();
		case 'deadline_in_past':
			return m.jury_error_deadline_in_past();
		case 'already_juror':
			return m.jury_error_already_juror();
		case 'juror_removed':
			return m.jury_error_juror_removed();
		case 'under_assigned':
			return m.jury_error_under_assigned({ count: param ?? '' });
		case 'transition_refused':
			return m.jury_error_transition_refused();
		case 'pair_conflicted':
			return m.jury_error_pair_conflicted();
		case 'review_started':
			return m.jury_error_review_started();
		case 'no_recipients':
			return m.jury_error_no_pending();
		case 'not_found':
			return m.jury_error_not_found();
		default:
			return fieldError(code);
	}
}

/** The error of a failed jury form: its form-level code, or the generic one the action gave. */
export function formErrorOf(
	form: { errors?: Record<string, string>; formError?: string } | null | undefined
): string | undefined {
	if (!form) return undefined;
	if (form.errors?._form) return juryError(form.errors._form);
	return form.formError;
}

/** Why the assignment is impossible, as one sentence naming the blocking constraint. */
export function infeasibleReason(
	reason: InfeasibleReason,
	locale: Locale,
	names: { applications: Record<string, string>; jurors: Record<string, string> }
): string {
	switch (reason.code) {
		case 'language_shortage':
			return m.jury_infeasible_language({
				applications: String(reason.applications),
				language: languageName(reason.language, locale),
				needed: String(reason.needed),
				jurors: String(reason.jurorsReading),
				available: String(reason.available)
			});
		case 'too_few_eligible':
			return m.jury_infeasible_too_few({
				application: names.applications[reason.applicationId] ?? '—',
				eligible: String(reason.eligible),
				needed: String(reason.needed)
			});
		case 'total_capacity':
			return m.jury_infeasible_capacity({
				needed: String(reason.needed),
				available: String(reason.available)
			});
		case 'juror_overloaded_by_fixed':
			return m.jury_infeasible_overloaded({
				juror: names.jurors[reason.jurorId] ?? '—',
				fixed: String(reason.fixed),
				capacity: String(reason.capacity)
			});
		case 'blocked_group': {
			const listed = reason.applicationIds.slice(0, 5).map((id) => names.applications[id] ?? '—');
			if (reason.applicationIds.length > 5) listed.push('…');
			return m.jury_infeasible_group({
				applications: String(reason.applicationIds.length),
				needed: String(reason.needed),
				available: String(reason.available),
				names: listed.join(', ')
			});
		}
		case 'fixed_pair_forbidden': {
			const vars = {
				juror: names.jurors[reason.jurorId] ?? '—',
				application: names.applications[reason.applicationId] ?? '—'
			};
			if (reason.cause === 'conflict') return m.jury_infeasible_fixed_conflict(vars);
			if (reason.cause === 'removed') return m.jury_infeasible_fixed_removed(vars);
			return m.jury_infeasible_fixed_language(vars);
		}
		case 'too_many_fixed':
			return m.jury_infeasible_too_many_fixed({
				application: names.applications[reason.applicationId] ?? '—',
				fixed: String(reason.fixed),
				needed: String(reason.needed)
			});
		default:
			return m.jury_infeasible_unknown();
	}
}
