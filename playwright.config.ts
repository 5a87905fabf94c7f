import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { UPLOAD_BODY_SIZE_LIMIT } from './scripts/lib/limits';

// Run through `npm test` (or `npm run test:e2e`): scripts/test.ts starts a
// throw-away stack, builds the app and sets the environment used here.
const port = Number(process.env.TSUNAGU_E2E_PORT ?? 4173);

// The system Chromium when there is one, else the browser from `npx playwright
// install chromium`. Debian's chromium-headless-shell first: the old headless
// mode, which is what Playwright runs by default and takes less CPU per page than
// the full browser (apt-get install chromium-headless-shell; .ci/run does).
const executablePath =
	process.env.CHROMIUM_PATH ??
	['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p));

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'node build',
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		// adapter-node assumes https unless ORIGIN says otherwise
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			// photo uploads: one photo of up to 10 MB with its form (README: deployers set it too)
			BODY_SIZE_LIMIT: UPLOAD_BODY_SIZE_LIMIT
		}
	}
});
