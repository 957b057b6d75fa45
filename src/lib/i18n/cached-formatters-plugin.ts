import type { Plugin } from 'vite';

const FORMATTERS = ['PluralRules', 'NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat'];

/**
 * Paraglide's generated `registry.js` builds a new `Intl.PluralRules` (or `NumberFormat`, …) on
 * every call of a message with a plural or a number: ~0.1 ms each, two of them on the manager's
 * applications table alone. This rewrites it at build time to build each (kind, language, options)
 * once. The build fails, rather than silently stops caching, when a new Paraglide writes it
 * differently.
 */
export function paraglideCachedFormatters(): Plugin {
	return {
		name: 'tandem:paraglide-cached-formatters',
		transform(code, id) {
			if (!id.replaceAll('\\', '/').endsWith('/paraglide/registry.js')) return;
			let rewritten = code;
			for (const kind of FORMATTERS) {
				const construction = `new Intl.${kind}(locale, `;
				if (!rewritten.includes(construction)) {
					throw new Error(
						`paraglideCachedFormatters: "${construction}" is not in ${id}; update src/lib/i18n/cached-formatters-plugin.ts`
					);
				}
				rewritten = rewritten.replaceAll(construction, `cachedFormatter(Intl.${kind}, locale, `);
			}
			return {
				code: `${rewritten}

const formatters = new Map();
/** One formatter per kind, language and options (the options are small literals). */
function cachedFormatter(Formatter, locale, options) {
	const key = Formatter.name + ' ' + locale + ' ' + JSON.stringify(options ?? {});
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Formatter(locale, options);
		formatters.set(key, formatter);
	}
	return formatter;
}
`,
				map: null
			};
		}
	};
}
