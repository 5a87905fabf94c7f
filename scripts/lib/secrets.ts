// Local-only secrets, generated once into .local/secrets.json and reused, so
// that nobody writes a .env by hand and sessions survive restarts.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT } from 'jose';

export interface Secrets {
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Password of the `postgres` and `authenticator` roles. */
	dbPassword: string;
	/** Password of the initdb superuser `supabase_admin`. */
	adminPassword: string;
}

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/** A long-lived API key JWT shaped like Supabase's legacy anon / service_role keys. */
export async function signApiKey(jwtSecret: string, role: 'anon' | 'service_role') {
	const tenYears = 10 * 365 * 24 * 3600;
	return new SignJWT({ role, iss: 'supabase-local', ref: 'tsunagu-local' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt()
		.setExpirationTime(Math.floor(Date.now() / 1000) + tenYears)
		.sign(new TextEncoder().encode(jwtSecret));
}

export async function loadOrCreateSecrets(dir: string): Promise<Secrets> {
	const file = path.join(dir, 'secrets.json');
	if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Secrets;
	const jwtSecret = random(32);
	const secrets: Secrets = {
		jwtSecret,
		anonKey: await signApiKey(jwtSecret, 'anon'),
		serviceRoleKey: await signApiKey(jwtSecret, 'service_role'),
		dbPassword: random(18),
		adminPassword: random(18)
	};
	await writeFile(file, JSON.stringify(secrets, null, '\t') + '\n', { mode: 0o600 });
	return secrets;
}
