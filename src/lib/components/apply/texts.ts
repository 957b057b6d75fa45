import { m } from '$lib/paraglide/messages';
import type { LegalForm } from '$lib/calls/eligibility';
import { LOCALES, type Locale, type LocalizedText } from '$lib/i18n/localized';
import type { FOUNDER_BACKGROUNDS } from '$lib/schemas/enterprise';

/**
 * A manager's text in the reader's language, with the language it is actually in (the fallback
 * may differ), so the page can mark it with `lang` for screen readers and hyphenation.
 */
export function localizedWithLang(
	text: LocalizedText | null | undefined,
	locale: Locale,
	fallback: Locale = 'en'
): { text: string; lang: Locale } {
	for (const candidate of [locale, fallback, ...LOCALES]) {
		const value = text?.[candidate]?.trim();
		if (value) return { text: value, lang: candidate };
	}
	return { text: '', lang: locale };
}

/** Long text as paragraphs: blank lines separate them; single line breaks stay inside. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

export type PublicStatus = 'open' | 'upcoming' | 'closed';

/** What applicants are told: a call in review or decided is simply closed to them. */
export function publicStatus(status: string): PublicStatus {
	return status === 'open' || status === 'upcoming' ? status : 'closed';
}

export function publicStatusName(status: PublicStatus): string {
	switch (status) {
		case 'open':
			return m.apply_status_open();
		case 'upcoming':
			return m.apply_status_upcoming();
		case 'closed':
			return m.apply_status_closed();
	}
}

export function applicationStatusName(status: string): string {
	switch (status) {
		case 'draft':
			return m.apply_app_status_draft();
		case 'submitted':
			return m.apply_app_status_submitted();
		case 'withdrawn':
			return m.apply_app_status_withdrawn();
		default:
			return status;
	}
}

export function screeningName(screening: string): string {
	switch (screening) {
		case 'eligible':
			return m.apply_screening_eligible();
		case 'not_eligible':
			return m.apply_screening_not_eligible();
		default:
			return m.apply_screening_pending();
	}
}

export function legalFormName(form: LegalForm): string {
	switch (form) {
		case 'cooperative':
			return m.apply_legal_cooperative();
		case 'association':
			return m.apply_legal_association();
		case 'foundation':
			return m.apply_legal_foundation();
		case 'limited_company':
			return m.apply_legal_limited_company();
		case 'non_profit_company':
			return m.apply_legal_non_profit_company();
		case 'sole_trader':
			return m.apply_legal_sole_trader();
		case 'other':
			return m.apply_legal_other();
	}
}

export function founderBackgroundName(value: (typeof FOUNDER_BACKGROUNDS)[number]): string {
	switch (value) {
		case 'women_led':
			return m.apply_founder_women_led();
		case 'migrant_background':
			return m.apply_founder_migrant_background();
		case 'under_30':
			return m.apply_founder_under_30();
		case 'over_55':
			return m.apply_founder_over_55();
		case 'disability':
			return m.apply_founder_disability();
		case 'rural':
			return m.apply_founder_rural();
	}
}

const SDG_NAMES = [
	m.apply_sdg_1,
	m.apply_sdg_2,
	m.apply_sdg_3,
	m.apply_sdg_4,
	m.apply_sdg_5,
	m.apply_sdg_6,
	m.apply_sdg_7,
	m.apply_sdg_8,
	m.apply_sdg_9,
	m.apply_sdg_10,
	m.apply_sdg_11,
	m.apply_sdg_12,
	m.apply_sdg_13,
	m.apply_sdg_14,
	m.apply_sdg_15,
	m.apply_sdg_16,
	m.apply_sdg_17
];

export function sdgName(goal: number): string {
	const name = SDG_NAMES[goal - 1];
	return name ? m.apply_sdg_label({ number: String(goal), name: name() }) : String(goal);
}

const tags: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE' };

export function fileSize(bytes: number, locale: Locale): string {
	const format = (n: number) =>
		new Intl.NumberFormat(tags[locale], { maximumFractionDigits: 1 }).format(n);
	return bytes < 1024 * 1024
		? m.apply_file_size_kb({ size: format(Math.max(0.1, bytes / 1024)) })
		: m.apply_file_size_mb({ size: format(bytes / (1024 * 1024)) });
}

/** "14:05": the time of day in the reader's own time zone (a save just now, here). */
export function timeOfDay(date: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A deadline in a given zone, with the date spelled out (the browser's zone when none is given). */
export function deadlineText(value: Date | string, locale: Locale, timeZone?: string): string {
	return new Intl.DateTimeFormat(tags[locale], {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone
	}).format(typeof value === 'string' ? new Date(value) : value);
}

export function languageName(language: Locale, inLocale: Locale): string {
	return new Intl.DisplayNames([tags[inLocale]], { type: 'language' }).of(language) ?? language;
}
