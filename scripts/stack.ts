// npm run stack:start | stack:status | db:reset
//   start   run the local stack alone until Ctrl-C (for other tools)
//   status  print SUPABASE_URL, keys and DATABASE_URL as KEY=value lines
//           (like `supabase status -o env`; use `npm run -s stack:status`)
//   reset   wipe the local database and load migrations and seed again
import { InUseError } from './lib/ports.ts';
import { onShutdown } from './lib/run.ts';
import {
	defaultPorts,
	LOCAL_DIR,
	readLocalSecrets,
	resetDatabase,
	stackEnv,
	startStack
} from './lib/stack.ts';

const [command] = process.argv.slice(2);
const ports = defaultPorts();
const log = (line: string) => console.error(line);

async function isRunning(url: string, anonKey: string) {
	const res = await fetch(`${url}/rest/v1/`, { headers: { apikey: anonKey } }).catch(() => null);
	return res !== null && res.status < 500;
}

try {
	if (command === 'start') {
		const stack = await startStack({ dir: LOCAL_DIR, ...ports, seed: true, log });
		for (const [k, v] of Object.entries(stack.env)) console.log(`${k}=${v}`);
		console.error('Local stack running. Ctrl-C stops it.');
		onShutdown(() => stack.stop());
	} else if (command === 'status') {
		const secrets = await readLocalSecrets();
		if (!secrets) {
			console.error('No local stack yet: run `npm run dev` (or `npm run stack:start`) once.');
			process.exit(1);
		}
		const env = stackEnv(secrets, ports.apiPort, ports.dbPort);
		for (const [k, v] of Object.entries(env)) console.log(`${k}=${v}`);
		if (!(await isRunning(env.SUPABASE_URL, env.SUPABASE_ANON_KEY))) {
			console.error(
				`(the local stack is not running on port ${ports.apiPort}: start it with npm run dev)`
			);
			process.exit(1);
		}
	} else if (command === 'reset') {
		await resetDatabase({ dir: LOCAL_DIR, ...ports, seed: true, log });
		console.error('Local database wiped and re-seeded.');
	} else {
		console.error('usage: tsx scripts/stack.ts start|status|reset');
		process.exit(2);
	}
} catch (e) {
	console.error(e instanceof InUseError ? e.message : e);
	process.exit(1);
}
