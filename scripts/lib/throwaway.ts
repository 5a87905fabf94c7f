import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.ts';
import { startStack, type StackOptions } from './stack.ts';

/** A stack on random free ports in a temp dir, removed when it stops (tests, typegen). */
export async function startThrowawayStack(
	opts: Partial<Omit<StackOptions, 'dir' | 'dbPort' | 'apiPort' | 'ephemeral'>> = {}
) {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-stack-'));
	return startStack({
		dir,
		dbPort: await freePort(),
		apiPort: await freePort(),
		...opts,
		seed: opts.seed ?? true,
		ephemeral: true
	});
}
