import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/localized';

const tags: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE' };

/** A score on the 0–100 scale with one decimal, or "—". */
export function formatScore(value: number | null | undefined, locale: Locale): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return m.decisions_none();
	return new Intl.NumberFormat(tags[locale], {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(value);
}

/** A signed difference with one decimal ("+3.5", "−2.0"). */
export function formatSigned(value: number | null | undefined, locale: Locale): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return m.decisions_none();
	return new Intl.NumberFormat(tags[locale], {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero'
	}).format(value);
}

/** Krippendorff's alpha with three decimals. */
export function formatAlpha(value: number, locale: Locale): string {
	return new Intl.NumberFormat(tags[locale], {
		minimumFractionDigits: 3,
		maximumFractionDigits: 3
	}).format(value);
}

/** A juror this many points (0–100) harsher or more lenient than the others is named so. */
export const TENDENCY_POINTS = 5;

export function jurorTendency(bias: number | null): 'harsh' | 'lenient' | 'typical' | null {
	if (bias === null) return null;
	if (bias <= -TENDENCY_POINTS) return 'harsh';
	if (bias >= TENDENCY_POINTS) return 'lenient';
	return 'typical';
}

export function outcomeLabel(outcome: 'accept' | 'waitlist' | 'reject' | null): string {
	switch (outcome) {
		case 'accept':
			return m.decisions_outcome_accept();
		case 'waitlist':
			return m.decisions_outcome_waitlist();
		case 'reject':
			return m.decisions_outcome_reject();
		default:
			return m.decisions_outcome_none();
	}
}

export function languageName(locale: Locale): string {
	switch (locale) {
		case 'de':
			return m.decisions_language_de();
		case 'sv':
			return m.decisions_language_sv();
		default:
			return m.decisions_language_en();
	}
}

/** A domain error code next to a decisions form field, in the reader's language. */
export function decisionsError(code: string | undefined): string | undefined {
	if (!code) return undefined;
	const [name, param] = code.split('|');
	switch (name) {
		case 'unknown_placeholder':
			return m.decisions_error_unknown_placeholder({ names: param ?? '' });
		case 'decision_released':
			return m.decisions_error_released();
		case 'application_withdrawn':
			return m.decisions_error_withdrawn();
		case 'quota_required':
			return m.decisions_error_quota_required();
		case 'call_open':
			return m.decisions_error_call_open();
		case 'nothing_to_send':
			return m.decisions_error_nothing_to_send();
		case 'conflict':
		case 'stale_version':
			return m.decisions_error_stale();
		default:
			return undefined;
	}
}
