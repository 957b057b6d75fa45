import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere except in libraries.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// SvelteKit's CSRF protection stays on (the default): cross-site form posts are refused.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push(
					'../drizzle.config.ts',
					'../tests/**/*.ts',
					'../scripts/**/*.js',
					'../bench/**/*.ts',
					'../playwright.config.ts'
				);
			}
		}
	}
};

export default config;
