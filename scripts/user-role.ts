// npm run user:role -- <email> <member|coordinator|admin>
// Sets a person's role (how a production site gets its first admin). Uses
// SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY when set, else the local stack.
// Changing a role ends that person's sessions (a database trigger).
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { isAppRole } from '../src/lib/auth/roles.ts';
import { defaultPorts, LOCAL_DIR, readLocalSecrets, startStack, type Stack } from './lib/stack.ts';

const [email, role] = process.argv.slice(2);
if (!email || !isAppRole(role)) {
	console.error('usage: npm run user:role -- <email> <member|coordinator|admin>');
	process.exit(2);
}

let url = process.env.SUPABASE_URL;
let key = process.env.SUPABASE_SERVICE_ROLE_KEY;
let stack: Stack | null = null;
if (!url) {
	const ports = defaultPorts();
	const secrets = await readLocalSecrets();
	const running =
		secrets &&
		(await fetch(`http://127.0.0.1:${ports.apiPort}/rest/v1/`, {
			headers: { apikey: secrets.anonKey }
		})
			.then(() => true)
			.catch(() => false));
	if (running && secrets) {
		url = `http://127.0.0.1:${ports.apiPort}`;
		key = secrets.serviceRoleKey;
	} else {
		stack = await startStack({ dir: LOCAL_DIR, ...ports, seed: true });
		url = stack.env.SUPABASE_URL;
		key = stack.env.SUPABASE_SERVICE_ROLE_KEY;
	}
}
if (!key) {
	console.error('SUPABASE_SERVICE_ROLE_KEY is not set');
	process.exit(2);
}

const db = createClient(url, key, {
	auth: { persistSession: false, autoRefreshToken: false },
	realtime: { transport: ws as never }
});
let code = 0;
try {
	const { data: cred, error } = await db
		.from('credentials')
		.select('user_id')
		.eq('email', email.trim().toLowerCase())
		.maybeSingle();
	if (error) throw new Error(error.message);
	if (!cred) {
		console.error(`No account with the email ${email}`);
		code = 1;
	} else {
		const { error: updateError } = await db
			.from('profiles')
			.update({ role })
			.eq('id', cred.user_id);
		if (updateError) throw new Error(updateError.message);
		console.log(`${email} is now ${role} (their sessions were ended; they log in again).`);
	}
} finally {
	await stack?.stop();
}
process.exit(code);
