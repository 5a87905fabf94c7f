// Vitest runs without Paraglide's vite plugin (its watcher keeps the process
// alive after the run), so the messages are compiled once here, in a child
// process for the same reason. Into their own folder, one module per locale
// (vite.config.ts points every import of paraglide/* there): the build's one
// module per message (for tree-shaking) made each test file load 2,300
// modules, a third of the whole test run.
import { execFileSync } from 'node:child_process';

export const TEST_MESSAGES_DIR = '.svelte-kit/paraglide-test';

export default function setup() {
	execFileSync(
		'npx',
		[
			'paraglide-js',
			'compile',
			'--project',
			'./src/lib/i18n/project.inlang',
			'--outdir',
			TEST_MESSAGES_DIR,
			'--strategy',
			'url',
			'baseLocale',
			'--output-structure',
			'locale-modules'
		],
		{ stdio: 'ignore' }
	);
}
