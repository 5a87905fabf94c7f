// npm run db:types: regenerates src/lib/server/db/database.types.ts from the
// migrations, on a throw-away stack so that local data does not matter.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startThrowawayStack } from './lib/throwaway.ts';
import { generateTypes, TYPES_FILE } from './lib/typegen.ts';

const stack = await startThrowawayStack({ seed: false });
try {
	await writeFile(TYPES_FILE, await generateTypes(stack.env.DATABASE_URL));
	console.log(`Wrote ${path.relative(process.cwd(), TYPES_FILE)}`);
} finally {
	await stack.stop();
}
