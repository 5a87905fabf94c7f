// npm run worker: the job worker alone (mail, reminders), for deployments that
// run it apart from the web server. Needs DATABASE_URL, SUPABASE_URL,
// SUPABASE_SERVICE_ROLE_KEY, SUPABASE_JWT_SECRET (unsubscribe links), SMTP_URL,
// MAIL_FROM and ORIGIN.
// `npm run worker -- --schema-only` creates or updates graphile-worker's schema
// (graphile_worker) and exits: run it before `supabase db push`.
import { jobEnvFrom } from '../src/lib/server/jobs/config.ts';
import { startWorker } from '../src/lib/server/jobs/index.ts';
import { applyWorkerSchema } from './lib/worker-schema.ts';

if (process.argv.includes('--schema-only')) {
	const url = process.env.DATABASE_URL;
	if (!url) {
		console.error('DATABASE_URL is not set (see README: Deploying)');
		process.exit(1);
	}
	await applyWorkerSchema(url);
	console.log('graphile-worker schema is up to date.');
	process.exit(0);
}

const worker = await startWorker(jobEnvFrom(process.env), {
	pollInterval: Number(process.env.TSUNAGU_WORKER_POLL_MS || 2000)
});
console.log(JSON.stringify({ event: 'worker_started' }));
let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	void worker.stop().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
