import { paraglideVitePlugin } from '@inlang/paraglide-js';
import tailwindcss from '@tailwindcss/vite';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideCachedFormatters } from './src/lib/i18n/cached-formatters-plugin.ts';

export const PARAGLIDE_STRATEGY = ['custom-session', 'cookie', 'preferredLanguage', 'baseLocale'];

// Under Vitest the Paraglide plugin keeps files open and the run never ends: messages are compiled
// once before the tests instead (`npm run messages`).
const underVitest = Boolean(process.env.VITEST);

export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		paraglideCachedFormatters(),
		...(underVitest
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: PARAGLIDE_STRATEGY as never
					})
				])
	],
	server: { port: 5173 },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
