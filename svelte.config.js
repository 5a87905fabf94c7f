import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { furiganaPreprocess } from './scripts/lib/furigana-preprocess.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// ふりがな: text in components can carry readings (scripts/lib/furigana-preprocess.js)
	preprocess: [furiganaPreprocess(), vitePreprocess()],
	kit: {
		adapter: adapter(),
		typescript: {
			// svelte-check (npm run check) covers the scripts and tool configs too, not only src and tests
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../bench/**/*.ts', '../playwright.config.ts');
				return tsconfig;
			}
		},
		// The server tells the browser which route a link leads to, so that every page does not
		// download the whole route table (5 KB gzip of the entry; bench/README.md). The lookup is
		// one small request per route, cached, made on hover or touch (app.html preloads data).
		router: { resolution: 'server' },
		// CSRF: SvelteKit's origin check is replaced by the same check in
		// src/hooks.server.ts (handleCsrf, src/lib/server/http/csrf.ts): cross-site
		// form posts get 403, except the one-click unsubscribe POST (RFC 8058), which
		// mail providers send without an Origin and which its signed token authorises.
		// '*' here only turns SvelteKit's own check off; tests/e2e/csrf.spec.ts proves
		// the replacement. Never add other origins without a test.
		csrf: { trustedOrigins: ['*'] },
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
