// The worker: graphile-worker with our task list, one module per task. Started
// by `npm run dev` and `npm start` beside the server and alone by `npm run
// worker` (scripts/worker.ts). Any number may run: graphile-worker hands each
// job to one of them, and each cron item fires once.
import { EventEmitter } from 'node:events';
import { Logger, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { jobContext, type JobEnv } from './config';
import { furiganaTask, furiganaWordTask } from './furigana';
import { mailDigests } from './mail-digests';
import { mailReminders } from './mail-reminders';
import { placesReminders } from './places-reminders';
import { recordsReminders } from './records-reminders';
import { sendMailTask } from './send-mail';

/**
 * graphile-worker's crontab is UTC: 09:00 UTC is 18:00 in Tokyo.
 * 前日のお知らせ every day; the digest of followed events weekly on Fridays
 * (day 5) and daily (each for the members who chose it). A digest missed while
 * no worker ran is made up within 6 hours (fill), with the time it was due.
 * 開催記録のお願い every morning at 09:00 Tokyo (00:00 UTC); the places' 確認のお願い
 * then too (each keeper at most once a month).
 */
export const CRONTAB = [
	'0 9 * * * mail_reminders ?max=3',
	"0 9 * * 5 mail_digests ?id=mail_digests_weekly&max=3&fill=6h {frequency:'weekly'}",
	"0 9 * * * mail_digests ?id=mail_digests_daily&max=3&fill=6h {frequency:'daily'}",
	'0 0 * * * records_reminders ?max=3&fill=6h',
	'5 0 * * * places_reminders ?max=3&fill=6h'
].join('\n');

export function taskList(env: JobEnv): { tasks: TaskList; close: () => void } {
	const ctx = jobContext(env);
	return {
		tasks: {
			send_mail: sendMailTask(ctx),
			mail_reminders: mailReminders,
			mail_digests: mailDigests,
			records_reminders: recordsReminders,
			places_reminders: placesReminders,
			furigana: furiganaTask(ctx),
			furigana_word: furiganaWordTask(ctx)
		},
		close: () => ctx.mailer.close()
	};
}

const quietLogger = new Logger((scope) => (level, message) => {
	if (level === 'error' || level === 'warning') {
		console.error(JSON.stringify({ event: 'worker', level, message, task: scope.taskIdentifier }));
	}
});

export interface StartedWorker {
	runner: Runner;
	stop(): Promise<void>;
}

export async function startWorker(
	env: JobEnv,
	opts: { concurrency?: number; pollInterval?: number } = {}
): Promise<StartedWorker> {
	const { tasks, close } = taskList(env);
	const pool = new pg.Pool({ connectionString: env.databaseUrl, max: (opts.concurrency ?? 4) + 2 });
	// a dropped connection is logged, never an uncaught crash (idle pool
	// clients and checked-out ones report errors on different emitters)
	const logDbError = (e: Error) =>
		console.error(JSON.stringify({ event: 'worker_db_error', error: e.message }));
	pool.on('error', logDbError);
	pool.on('connect', (client) => client.on('error', logDbError));
	// Heartbeat: this process is alive; jobs still locked by a process nobody
	// has seen for staleSeconds (killed with -9) are unlocked for the others to
	// retry (see private.job_workers_alive). graphile-worker locks a job with
	// its worker pool's id (jobs.locked_by), so that is the id reported; the
	// emitter is ours, so that the pool is seen as it is created, inside run().
	const ids = new Set<string>();
	const events: WorkerEvents = new EventEmitter();
	events.on('pool:create', ({ workerPool }) => ids.add(workerPool.id));
	events.on('pool:release', ({ workerPool }) => ids.delete(workerPool.id));
	const runner = await run({
		pgPool: pool,
		concurrency: opts.concurrency ?? 4,
		pollInterval: opts.pollInterval ?? 2000,
		noHandleSignals: true,
		taskList: tasks,
		crontab: CRONTAB,
		logger: quietLogger,
		events
	});
	const heartbeatMs = Math.max(500, (env.staleSeconds * 1000) / 4);
	const heartbeat = setInterval(() => {
		void heartbeatOnce(pool, [...ids], env.staleSeconds).catch((e: unknown) =>
			console.error(JSON.stringify({ event: 'worker_heartbeat_failed', error: String(e) }))
		);
	}, heartbeatMs);
	await heartbeatOnce(pool, [...ids], env.staleSeconds).catch(() => {});
	return {
		runner,
		async stop() {
			clearInterval(heartbeat);
			await runner.stop();
			close();
			await pool.end();
		}
	};
}

async function heartbeatOnce(pool: pg.Pool, ids: string[], staleSeconds: number) {
	await pool.query('select private.job_workers_alive($1::text[], make_interval(secs => $2))', [
		ids,
		staleSeconds
	]);
}
