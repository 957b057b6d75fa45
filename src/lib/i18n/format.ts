import type { Locale } from './localized';

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

const tags: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE' };

export function formatDate(
	value: Date | string,
	locale: Locale,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(
		typeof value === 'string' ? new Date(value) : value
	);
}

export function formatDateTime(
	value: Date | string,
	locale: Locale,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return new Intl.DateTimeFormat(tags[locale], {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone,
		timeZoneName: 'short'
	}).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatNumber(value: number, locale: Locale): string {
	return new Intl.NumberFormat(tags[locale]).format(value);
}

/** Money is stored in minor units; the currency says how many fraction digits it has. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
	const format = new Intl.NumberFormat(tags[locale], { style: 'currency', currency });
	const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
	return format.format(minor / 10 ** digits);
}

/** A calendar date stored as YYYY-MM-DD: the same day everywhere, whatever the time zone. */
export function formatDay(isoDate: string, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${isoDate}T00:00:00Z`)
	);
}
