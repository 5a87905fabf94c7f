// Mail end to end (issue 11): real triggers enqueue through graphile-worker in
// the cause's transaction, real worker processes send over SMTP to the real
// development SMTP server, and mailparser reads what arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmTestEmail, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent, saveEventAgain } from '../support/events';
import {
	dropLeftoverMail,
	mailSettings,
	mailsTo,
	queueIdle,
	sql,
	startMailbox,
	startWorkerProcess,
	stopWorkerProcess,
	waitForMail,
	type Mailbox
} from '../support/mail';

let box: Mailbox;
let workers: ReturnType<typeof startWorkerProcess>[] = [];

beforeAll(async () => {
	await mailSettings({ changeDelaySeconds: 3, maxAttempts: 8 });
	// a passing failure (451) is retried; a permanent one (5xx) is a bounce (mail-send.test.ts)
	box = await startMailbox({ failFor: (to) => (to.startsWith('tempfail-') ? 451 : false) });
});

afterAll(async () => {
	await Promise.all(workers.map((w) => stopWorkerProcess(w.child)));
	await box?.close();
	await mailSettings({ changeDelaySeconds: 60, maxAttempts: 8 });
});

async function withWorkers(n: number) {
	const started = Array.from({ length: n }, () => startWorkerProcess(box.url));
	workers.push(...started);
	await Promise.all(started.map((w) => w.started));
	return started;
}

async function stopAll() {
	await Promise.all(workers.map((w) => stopWorkerProcess(w.child)));
	workers = [];
}

/** Three people on a one-place date: one going, one waiting, one who left. */
async function eventWithPeople(title: string) {
	const organiser = await createTestUser('主催 花子');
	const startsAt = new Date(Date.now() + 10 * 86_400_000);
	startsAt.setUTCHours(1, 0, 0, 0); // 10:00 Tokyo
	const { id, occurrenceIds } = await createEvent(organiser.id, {
		title,
		startsAt,
		capacity: 1,
		contactPhone: '047-000-0000'
	});
	const [going, waiting, left] = await Promise.all([
		createTestUser('参加 一郎'),
		createTestUser('待機 二郎'),
		createTestUser('取消 三郎')
	]);
	const join = async (uid: string) => {
		const { data, error } = await userClient(uid).rpc('join_occurrence', {
			p_occurrence: occurrenceIds[0],
			p_companions: 0
		});
		if (error) throw new Error(error.message);
		return data;
	};
	await join(going.id);
	await join(waiting.id);
	const r = await join(left.id);
	const { error } = await userClient(left.id).rpc('cancel_registration', {
		p_registration: r.id
	});
	if (error) throw new Error(error.message);
	return { organiser, id, occurrenceIds, going, waiting, left, startsAt };
}

describe('event mails', () => {
	it('a join is confirmed by mail with the date as .ics, a waiting one with the place in line', async () => {
		await withWorkers(1);
		const e = await eventWithPeople('参加確認のサロン');
		const mails = await waitForMail(
			box,
			(ms) => mailsTo(ms, e.going.email).length >= 1 && mailsTo(ms, e.waiting.email).length >= 1
		);
		const [confirm] = mailsTo(mails, e.going.email);
		expect(confirm.subject).toBe('参加登録のお知らせ：参加確認のサロン');
		expect(confirm.text).toContain('参加 一郎 さん');
		expect(confirm.text).toContain('10:00〜12:00');
		expect(confirm.text).toContain('常盤平市民センター');
		expect(confirm.text).toContain('047-000-0000');
		expect(confirm.text).toContain(`https://tsunagu.test/events/${e.id}`);
		expect(confirm.html).toContain('<dl>');
		const ics = confirm.attachments.find((a) => a.filename === 'event.ics');
		expect(ics?.content).toContain('BEGIN:VEVENT');
		const [wait] = mailsTo(mails, e.waiting.email);
		expect(wait.subject).toContain('キャンセル待ち');
		expect(wait.text).toContain('1 番目');
		expect(wait.attachments.map((a) => a.filename)).toContain('event.ics');
		await stopAll();
	});

	it('ten edits of the time in a minute: one self-contained mail to each going and waiting person, none to those who left', async () => {
		const e = await eventWithPeople('時間変更のサロン');
		// the confirmations are not what this test is about
		await sql(`delete from graphile_worker._private_jobs where key like 'mail:registration:%'`);
		const before = (await box.list()).length;
		for (let i = 1; i <= 10; i++) {
			const startsAt = new Date(e.startsAt.getTime() + i * 30 * 60_000);
			const error = await saveEventAgain(
				e.organiser.id,
				e.id,
				{
					starts_at: startsAt.toISOString(),
					ends_at: new Date(startsAt.getTime() + 2 * 3600_000).toISOString()
				},
				{
					occurrences: [
						{
							starts_at: startsAt.toISOString(),
							ends_at: new Date(startsAt.getTime() + 2 * 3600_000).toISOString()
						}
					]
				}
			);
			expect(error).toBeNull();
		}
		await withWorkers(2);
		await waitForMail(
			box,
			(ms) =>
				mailsTo(ms.slice(0, ms.length - before), e.going.email).length >= 1 &&
				mailsTo(ms.slice(0, ms.length - before), e.waiting.email).length >= 1
		);
		await queueIdle();
		await new Promise((r) => setTimeout(r, 1000));
		const mails = (await box.list()).filter((m) => m.subject.includes('時間変更のサロン'));
		const changed = mails.filter((m) => m.subject.startsWith('日時・場所の変更'));
		expect(mailsTo(changed, e.going.email)).toHaveLength(1);
		expect(mailsTo(changed, e.waiting.email)).toHaveLength(1);
		expect(mailsTo(mails, e.left.email).filter((m) => m.subject.startsWith('日時'))).toHaveLength(
			0
		);
		const [mail] = mailsTo(changed, e.going.email);
		// old and new time, place, contact, link: readable without opening the site
		expect(mail.text).toContain('変更前の日時');
		expect(mail.text).toContain('10:00〜12:00');
		expect(mail.text).toContain('15:00〜17:00');
		expect(mail.text).toContain('常盤平市民センター');
		expect(mail.text).toContain('047-000-0000');
		expect(mail.text).toContain(`/events/${e.id}`);
		await stopAll();
	});
});

describe('delivery', () => {
	it('the reminder goes once per person and date with two workers, even when enqueued twice', async () => {
		const organiser = await createTestUser('主催 花子');
		const tomorrow = new Date(Date.now() + 86_400_000);
		const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(tomorrow);
		const startsAt = new Date(`${day}T10:00:00+09:00`);
		const { occurrenceIds } = await createEvent(organiser.id, {
			title: '前日のお知らせのサロン',
			startsAt,
			belongings: '筆記用具'
		});
		const people = await Promise.all([createTestUser('甲'), createTestUser('乙')]);
		for (const p of people) {
			const { error } = await userClient(p.id).rpc('join_occurrence', {
				p_occurrence: occurrenceIds[0],
				p_companions: 0
			});
			expect(error).toBeNull();
		}
		await withWorkers(2);
		// as if the cron item fired on both workers, and once more by hand
		for (let i = 0; i < 3; i++) {
			await sql(
				`select graphile_worker.add_job('mail_reminders', json_build_object('day', $1::text))`,
				[day]
			);
		}
		await waitForMail(box, (ms) =>
			people.every((p) => mailsTo(ms, p.email).some((m) => m.subject.startsWith('明日の予定')))
		);
		await queueIdle();
		await new Promise((r) => setTimeout(r, 1500));
		await queueIdle();
		const mails = await box.list();
		for (const p of people) {
			const reminders = mailsTo(mails, p.email).filter((m) => m.subject.startsWith('明日の予定'));
			expect(reminders).toHaveLength(1);
			expect(reminders[0].text).toContain('筆記用具');
		}
		await stopAll();
	});

	it('a passing SMTP failure is retried and, after the last try, is in the mail log for admins only', async () => {
		await mailSettings({ changeDelaySeconds: 3, maxAttempts: 2 });
		const organiser = await createTestUser('主催 花子');
		const { occurrenceIds } = await createEvent(organiser.id, { title: '届かないメール' });
		const { data: id, error } = await serviceClient().rpc('create_account', {
			p_email: `tempfail-${Date.now()}@test.example`,
			p_display_name: '届かない 人',
			p_password_hash: 'not-a-real-hash'
		});
		expect(error).toBeNull();
		await confirmTestEmail(id as string);
		await withWorkers(1);
		const join = await userClient(id as string).rpc('join_occurrence', {
			p_occurrence: occurrenceIds[0],
			p_companions: 0
		});
		expect(join.error).toBeNull();
		// graphile-worker's backoff: the second try comes about 2 seconds after the first
		const deadline = Date.now() + 40_000;
		let row: { status: string; attempts: number; last_error: string | null } | undefined;
		while (Date.now() < deadline) {
			const { data } = await serviceClient()
				.from('mail_log')
				.select('status, attempts, last_error')
				.eq('user_id', id as string)
				.maybeSingle();
			row = data ?? undefined;
			if (row?.status === 'failed') break;
			await new Promise((r) => setTimeout(r, 300));
		}
		expect(row?.status).toBe('failed');
		expect(row?.attempts).toBe(2);
		expect(row?.last_error).toMatch(/451|try again later/);
		const asMember = await userClient(organiser.id).from('mail_log').select('id');
		expect(asMember.data).toEqual([]);
		await stopAll();
		await mailSettings({ changeDelaySeconds: 3, maxAttempts: 8 });
	});
});

describe('a worker killed in the middle of a batch', () => {
	it('loses no mail and sends none twice once another worker runs', async () => {
		const slowBox = await startMailbox({ rcptDelayMs: 150 });
		try {
			const organiser = await createTestUser('主催 花子');
			const { occurrenceIds } = await createEvent(organiser.id, { title: '途中で止まるサロン' });
			const people = await Promise.all(
				Array.from({ length: 16 }, (_, i) => createTestUser(`参加者 ${i + 1}`))
			);
			for (const p of people) {
				const { error } = await userClient(p.id).rpc('join_occurrence', {
					p_occurrence: occurrenceIds[0],
					p_companions: 0
				});
				expect(error).toBeNull();
			}
			const first = startWorkerProcess(slowBox.url);
			await first.started;
			await waitForMail(slowBox, (ms) => ms.length >= 3);
			await stopWorkerProcess(first.child, 'SIGKILL');
			const delivered = (await slowBox.list()).length;
			expect(delivered).toBeLessThan(people.length);
			// the jobs the killed worker held stay locked until a live worker finds it dead
			const second = startWorkerProcess(slowBox.url);
			workers.push(second);
			await second.started;
			const mails = await waitForMail(
				slowBox,
				(ms) => people.every((p) => mailsTo(ms, p.email).length >= 1),
				60_000
			);
			await new Promise((r) => setTimeout(r, 1500));
			const all = await slowBox.list();
			for (const p of people) expect(mailsTo(all, p.email)).toHaveLength(1);
			expect(mails.every((m) => m.subject.startsWith('参加登録のお知らせ'))).toBe(true);
			await stopAll();
		} finally {
			await slowBox.close();
		}
	});
});

describe('a job that runs longer than the time a dead worker is given', () => {
	it('is not run a second time while its worker lives', { timeout: 90_000 }, async () => {
		await stopAll();
		// the earlier tests' queued mails are not this test's
		await dropLeftoverMail();
		const member = await createTestUser('ゆっくり 待つ人');
		// this member's mail takes 5 s at this SMTP server (others, such as the
		// cron items' catch-up at the worker's start, go through at once); the
		// test workers call a worker dead after 3 s without a heartbeat
		const slowBox = await startMailbox({
			rcptDelayMs: (to) => (to === member.email ? 5000 : 0)
		});
		try {
			const organiser = await createTestUser('主催 花子');
			const { occurrenceIds } = await createEvent(organiser.id, { title: 'ゆっくり届くサロン' });
			const { error } = await userClient(member.id).rpc('join_occurrence', {
				p_occurrence: occurrenceIds[0],
				p_companions: 0
			});
			expect(error).toBeNull();
			const worker = startWorkerProcess(slowBox.url);
			workers.push(worker);
			await worker.started;
			// while the mail is at the server, the id that locks it is reported alive
			const deadline = Date.now() + 30_000;
			let locked: { locked_by: string; alive: boolean }[] = [];
			while (Date.now() < deadline && locked.length === 0) {
				locked = await sql(
					`select j.locked_by, exists (select 1 from private.job_workers w where w.worker_id = j.locked_by) as alive
					from graphile_worker._private_jobs j
					where j.payload->>'user_id' = $1
						and j.locked_at < now() - interval '3.5 seconds'`,
					[member.id]
				);
				if (locked.length === 0) await new Promise((r) => setTimeout(r, 200));
			}
			expect(locked.length).toBeGreaterThan(0);
			expect(locked.every((j) => j.alive)).toBe(true);
			await waitForMail(slowBox, (ms) => mailsTo(ms, member.email).length >= 1, 30_000);
			// long enough for a second run (another 5 s at the server) to arrive
			await new Promise((r) => setTimeout(r, 7000));
			expect(mailsTo(await slowBox.list(), member.email)).toHaveLength(1);
			await stopAll();
		} finally {
			await slowBox.close();
		}
	});
});
