import { Logger, runMigrations } from 'graphile-worker';

/** graphile-worker's own migrations (schema graphile_worker; what `npm run worker -- --schema-only` runs). */
export async function applyWorkerSchema(connectionString: string) {
	await runMigrations({ connectionString, logger: new Logger(() => () => {}) });
}
