import { describe, expect, it } from 'vitest';
import { isLocale, localized, localizedTextSchema } from './localized';

describe('localized', () => {
	const text = { en: 'Call for applications', de: 'Aufruf zur Bewerbung', sv: 'Utlysning' };

	it('a text in the reader language is returned in that language', () => {
		expect([localized(text, 'en'), localized(text, 'de'), localized(text, 'sv')]).toEqual([
			'Call for applications',
			'Aufruf zur Bewerbung',
			'Utlysning'
		]);
	});

	it('a text missing the reader language falls back to English by default', () => {
		expect(localized({ en: 'Jobs created', sv: 'Nya jobb' }, 'de')).toBe('Jobs created');
	});

	it('a text missing the reader language falls back to the given fallback language', () => {
		expect(localized({ en: 'Jobs created', sv: 'Nya arbetstillfällen' }, 'de', 'sv')).toBe(
			'Nya arbetstillfällen'
		);
	});

	it('a text missing both the reader and fallback language uses any language given, in locale order', () => {
		expect(localized({ sv: 'Bara svenska', de: 'Nur Deutsch' }, 'en', 'en')).toBe('Nur Deutsch');
	});

	it('a blank translation is skipped as if it were missing', () => {
		expect(localized({ de: '   ', en: ' Programme ' }, 'de')).toBe('Programme');
	});

	it('a null, undefined or empty text is the empty string', () => {
		expect([
			localized(null, 'en'),
			localized(undefined, 'sv'),
			localized({}, 'de'),
			localized({ en: ' ' }, 'en')
		]).toEqual(['', '', '', '']);
	});
});

describe('isLocale', () => {
	it('only en, de and sv are locales', () => {
		expect(['en', 'de', 'sv', 'fr', '', null, 3].map(isLocale)).toEqual([
			true,
			true,
			true,
			false,
			false,
			false,
			false
		]);
	});
});

describe('localizedTextSchema', () => {
	const schema = localizedTextSchema({ max: 10 });

	it('a text with English filled in parses with entries trimmed', () => {
		expect(schema.safeParse({ en: ' Title ', sv: 'Titel' })).toEqual({
			success: true,
			data: { en: 'Title', sv: 'Titel' }
		});
	});

	it('a text without the fallback language is required at the fallback path', () => {
		const result = schema.safeParse({ de: 'Titel' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
			{ path: ['en'], message: 'required' }
		]);
	});

	it('a text whose fallback entry is blank is required', () => {
		const result = schema.safeParse({ en: '   ' });
		expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
			{ path: ['en'], message: 'required' }
		]);
	});

	it('a text with another fallback language requires that language', () => {
		const swedish = localizedTextSchema({ max: 10, fallback: 'sv' });
		expect(swedish.safeParse({ sv: 'Titel' })).toEqual({ success: true, data: { sv: 'Titel' } });
		expect(
			swedish
				.safeParse({ en: 'Title' })
				.error?.issues.map((i) => ({ path: i.path, message: i.message }))
		).toEqual([{ path: ['sv'], message: 'required' }]);
	});

	it('an entry over the maximum is too_long at its language', () => {
		const result = schema.safeParse({ en: 'Title', de: 'Überlange Titel' });
		expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
			{ path: ['de'], message: 'too_long' }
		]);
	});
});
