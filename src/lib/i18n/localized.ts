import { z } from 'zod';

export const LOCALES = ['en', 'de', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

/** Text written by a manager, stored once per language: { en: …, de: …, sv: … }. */
export type LocalizedText = Partial<Record<Locale, string>>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The text in the reader's language, else in the fallback language, else in any language given. */
export function localized(
	text: LocalizedText | null | undefined,
	locale: Locale,
	fallback: Locale = 'en'
): string {
	if (!text) return '';
	return (
		text[locale]?.trim() ||
		text[fallback]?.trim() ||
		LOCALES.map((l) => text[l]?.trim()).find(Boolean) ||
		''
	);
}

/** A localized text where at least the fallback language is filled in. */
export function localizedTextSchema(options: { max: number; fallback?: Locale }) {
	const entry = z.string().trim().max(options.max, { message: 'too_long' }).optional();
	return z
		.object({ en: entry, de: entry, sv: entry })
		.refine((t) => Boolean(t[options.fallback ?? 'en']), {
			message: 'required',
			path: [options.fallback ?? 'en']
		});
}
