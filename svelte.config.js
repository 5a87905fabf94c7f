import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		typescript: {
			// svelte-check (npm run check) covers the scripts and tool configs too, not only src and tests
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../playwright.config.ts');
				return tsconfig;
			}
		},
		// SvelteKit's CSRF origin check is on by default: cross-site form posts get 403.
		// Never add trustedOrigins here without a test (tests/e2e/csrf.spec.ts).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
