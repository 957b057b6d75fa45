import type { Locale } from './localized';

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

const tags: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE' };

/**
 * Building an Intl formatter costs far more than using one (a table of 25 dates spent ~4 ms per
 * page on it), so each (kind, language, time zone) is built once. Time zones are a bounded set.
 */
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames;
const formatters = new Map<string, Formatter>();
function cached<F extends Formatter>(key: string, create: () => F): F {
	let format = formatters.get(key);
	if (!format) {
		format = create();
		formatters.set(key, format);
	}
	return format as F;
}

export function formatDate(
	value: Date | string,
	locale: Locale,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return cached(
		`date ${locale} ${timeZone}`,
		() => new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone })
	).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatDateTime(
	value: Date | string,
	locale: Locale,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return cached(
		`datetime ${locale} ${timeZone}`,
		() =>
			new Intl.DateTimeFormat(tags[locale], {
				year: 'numeric',
				month: 'short',
				day: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
				timeZone,
				timeZoneName: 'short'
			})
	).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatNumber(value: number, locale: Locale): string {
	return cached(`number ${locale}`, () => new Intl.NumberFormat(tags[locale])).format(value);
}

/** Money is stored in minor units; the currency says how many fraction digits it has. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
	const format = cached(
		`money ${locale} ${currency}`,
		() => new Intl.NumberFormat(tags[locale], { style: 'currency', currency })
	);
	const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
	return format.format(minor / 10 ** digits);
}

/** A calendar date stored as YYYY-MM-DD: the same day everywhere, whatever the time zone. */
export function formatDay(isoDate: string, locale: Locale): string {
	return cached(
		`day ${locale}`,
		() => new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone: 'UTC' })
	).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A country's name in the language ("Schweden"), or its code where the runtime knows none. */
export function formatCountry(code: string, locale: Locale): string {
	try {
		return (
			cached(`region ${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(
				code
			) ?? code
		);
	} catch {
		return code;
	}
}
