import { fileURLToPath } from 'node:url';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests import the messages compiled by tests/setup/compile-messages.ts (one
// module per locale), whichever way a module names them ($lib/paraglide/…,
// or ../../paraglide/….js from the worker's modules).
const testMessagesDir = fileURLToPath(new URL('./.svelte-kit/paraglide-test/', import.meta.url));
const testMessages: Plugin = {
	name: 'tsunagu-test-messages',
	enforce: 'pre',
	resolveId(source) {
		const name = /^(?:.*\/)?paraglide\/(messages|runtime|server)(?:\.js)?$/.exec(source)?.[1];
		return name ? `${testMessagesDir}${name}.js` : null;
	}
};

/** Integration tests that start job workers and development SMTP servers. */
const MAIL_TESTS = ['tests/integration/mail*.test.ts', 'tests/integration/account-mail.test.ts'];

/** Tests against a real stack (npm test's, or their own: global-setup.ts), one file at a time. */
const integrationProject = (name: string, include: string[], exclude: string[] = []) => ({
	extends: './vite.config.ts',
	plugins: [testMessages],
	test: {
		name,
		environment: 'node',
		include,
		exclude,
		globalSetup: ['tests/setup/compile-messages.ts', 'tests/integration/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});

export default defineConfig({
	plugins: [
		// under vitest the messages are compiled by tests/setup/compile-messages.ts
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './src/lib/i18n/project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['url', 'baseLocale']
			}),
		sveltekit()
	],
	server: { host: '127.0.0.1' },
	build: {
		rollupOptions: { checks: { pluginTimings: false } }
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				plugins: [testMessages],
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					// one module graph per worker, not per file: the files share no state
					// (no module mocks), and importing SvelteKit's and supabase-js's
					// graphs again for every file was a third of the run
					isolate: false,
					globalSetup: ['tests/setup/compile-messages.ts']
				}
			},
			// one file at a time: the files share their stack's rows and job queue
			integrationProject('integration', ['tests/integration/**/*.test.ts'], MAIL_TESTS),
			// the tests that run job workers and SMTP servers: mostly waiting (backoff, polls,
			// delays), so npm test runs them on a stack of their own, beside the others
			integrationProject('integration-mail', MAIL_TESTS)
		]
	}
});
