// What the worker needs from the environment. The worker runs outside
// SvelteKit (scripts/worker.ts under tsx), so it reads process.env itself.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { clientOptions } from '../db/client-options';
import type { Database } from '../db/database.types';
import { mailTransport } from '../mail/transport';

export interface JobEnv {
	databaseUrl: string;
	supabaseUrl: string;
	serviceRoleKey: string;
	smtpUrl: string;
	mailFrom: string;
	origin: string;
	/** signs the one-click unsubscribe links (mail/unsubscribe.ts derives its own key from it) */
	jwtSecret: string;
	/** a worker not seen for this long is taken for dead and its jobs unlocked */
	staleSeconds: number;
}

export function jobEnvFrom(env: NodeJS.ProcessEnv): JobEnv {
	const need = (k: string) => {
		const v = env[k];
		if (!v) throw new Error(`${k} is not set (see README: Configuration)`);
		return v;
	};
	return {
		databaseUrl: need('DATABASE_URL'),
		supabaseUrl: need('SUPABASE_URL'),
		serviceRoleKey: need('SUPABASE_SERVICE_ROLE_KEY'),
		smtpUrl: need('SMTP_URL'),
		mailFrom: env.MAIL_FROM || 'Tsunagu <no-reply@localhost>',
		origin: need('ORIGIN'),
		jwtSecret: need('SUPABASE_JWT_SECRET'),
		staleSeconds: Number(env.TSUNAGU_WORKER_STALE_SECONDS || 60)
	};
}

export interface JobContext {
	env: JobEnv;
	db: SupabaseClient<Database>;
	mailer: ReturnType<typeof mailTransport>;
}

export function jobContext(env: JobEnv): JobContext {
	return {
		env,
		db: createClient<Database>(env.supabaseUrl, env.serviceRoleKey, clientOptions(30_000)),
		mailer: mailTransport(env.smtpUrl, env.mailFrom)
	};
}
