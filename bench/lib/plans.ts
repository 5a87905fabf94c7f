// Which plans the queries behind a page get: Postgres's auto_explain, loaded into every session
// and switched on (ALTER SYSTEM + reload) only while the pages render once each, logs the plan of
// every statement PostgREST runs, nested ones inside functions included. A sequential scan of a
// large table in those plans means a list whose cost grows with what is stored.
import pg from 'pg';
import type { Stack } from '../../scripts/lib/stack.ts';

/**
 * Postgres settings for startStack: auto_explain in every session, off until `during` (its
 * log_min_duration is -1 by default; not set here, as the command line would win over ALTER SYSTEM).
 */
export const PLAN_LOGGING_FLAGS = [
	'-c',
	'session_preload_libraries=auto_explain',
	'-c',
	'auto_explain.log_nested_statements=on',
	'-c',
	'auto_explain.log_format=text'
];

/** The tables whose sequential scan fails the check (issue 13). */
export const WATCHED_TABLES = ['events', 'event_occurrences', 'registrations', 'posts'];

export interface SeqScan {
	table: string;
	/** the statement whose plan has it (first 300 characters) */
	query: string;
}

/** Collects Postgres's log while `during` runs with auto_explain on; returns the watched seq scans. */
export class PlanLog {
	private text = '';
	private recording = false;

	/** give to startStack as onPostgresLog */
	readonly onLog = (chunk: string) => {
		if (this.recording) this.text += chunk.replace(/^\[STDERR\] /, '');
	};

	async during(stack: Stack, run: () => Promise<void>): Promise<SeqScan[]> {
		const admin = new pg.Client({
			host: '127.0.0.1',
			port: Number(new URL(stack.env.DATABASE_URL).port),
			user: 'supabase_admin',
			password: stack.secrets.adminPassword,
			database: 'postgres'
		});
		await admin.connect();
		const set = async (ms: number) => {
			await admin.query(`alter system set auto_explain.log_min_duration = ${ms}`);
			await admin.query('select pg_reload_conf()');
			// every backend reads the reloaded file at its next command; give them a moment
			await new Promise((r) => setTimeout(r, 300));
		};
		try {
			this.text = '';
			await set(0);
			this.recording = true;
			await run();
			await new Promise((r) => setTimeout(r, 300));
			this.recording = false;
			await set(-1);
		} finally {
			await admin.end();
		}
		return seqScans(this.text);
	}
}

/** The sequential scans of watched tables in auto_explain's text output. */
export function seqScans(log: string): SeqScan[] {
	const found: SeqScan[] = [];
	for (const entry of log.split(/\n(?=[^\n]*LOG:\s+duration:)/)) {
		const query = (/Query Text:\s*([\s\S]*)/.exec(entry)?.[1] ?? entry)
			.replace(/\s+/g, ' ')
			.slice(0, 300);
		for (const m of entry.matchAll(/Seq Scan on (?:public\.)?(\w+)/g)) {
			if (WATCHED_TABLES.includes(m[1])) found.push({ table: m[1], query });
		}
	}
	return found;
}
