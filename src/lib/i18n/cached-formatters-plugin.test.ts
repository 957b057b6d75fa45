import { afterEach, describe, expect, it } from 'vitest';
import { plural, number } from '$lib/paraglide/registry';
import { paraglideCachedFormatters } from './cached-formatters-plugin';

const Original = Intl.PluralRules;
// Intl's members are writable at run time; TypeScript's lib declares them read-only.
const intl = Intl as { PluralRules: typeof Intl.PluralRules };
afterEach(() => {
	intl.PluralRules = Original;
});

describe("Paraglide's registry, as the build rewrites it", () => {
	it('builds one Intl.PluralRules per language and options, and still picks the right form', () => {
		let built = 0;
		intl.PluralRules = class CountingPluralRules extends Original {
			constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
				super(...args);
				built++;
			}
		} as typeof Intl.PluralRules;

		expect([1, 2, 5, 1].map((n) => plural('en', n, {}))).toEqual(['one', 'other', 'other', 'one']);
		expect(plural('sv', 1, {})).toBe('one');
		expect(plural('en', 2, { type: 'ordinal' })).toBe('two');
		expect(plural('en', 3, { type: 'ordinal' })).toBe('few');
		expect(built).toBe(3);
	});

	it('formats numbers per language', () => {
		expect(number('de', 1234.5, {})).toBe('1.234,5');
		expect(number('en', 1234.5, {})).toBe('1,234.5');
	});

	it('fails the build when Paraglide no longer writes what it rewrites', () => {
		const plugin = paraglideCachedFormatters();
		const transform = plugin.transform as (code: string, id: string) => unknown;
		expect(transform('export const x = 1;', '/app/src/lib/utils.js')).toBeUndefined();
		expect(() => transform('export const x = 1;', '/app/src/lib/paraglide/registry.js')).toThrow(
			/new Intl.PluralRules\(locale, /
		);
	});
});
