// Integration tests run against a real stack. `npm test` provides one through
// the environment; a bare `vitest --project integration` starts its own.
import type { TestProject } from 'vitest/node';
import { startThrowawayStack } from '../../scripts/lib/throwaway.ts';

export default async function setup(project: TestProject) {
	if (process.env.TSUNAGU_TEST_STACK) return;
	const stack = await startThrowawayStack({ seed: true });
	for (const [key, value] of Object.entries(stack.env)) {
		process.env[key] = value;
		project.provide?.(key as never, value as never);
	}
	return () => stack.stop();
}
