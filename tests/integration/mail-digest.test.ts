// The digest of followed events by mail (issue 11: 関心縁): real follows and
// events through PostgREST, the task mail_digests added to graphile-worker as
// its cron item would add it, real worker processes that enqueue and send
// over SMTP to the development mailbox, and mailparser reading what arrived.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelEvent } from '$lib/server/db/events';
import { setFollowing } from '$lib/server/db/follows';
import type { StoredMail } from '$lib/server/mail/dev-store';
import { createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import {
	dropLeftoverMail,
	mailSettings,
	mailsTo,
	ORIGIN,
	sql,
	startMailbox,
	startWorkerProcess,
	stopWorkerProcess,
	type Mailbox,
	waitForMail
} from '../support/mail';

type User = { id: string; email: string };

let box: Mailbox;
let workers: ReturnType<typeof startWorkerProcess>[] = [];
let organiser: User;
let orgId: string;
let orgName: string;
let children: string;

const DAY = 86_400_000;
const suffix = () => randomBytes(3).toString('hex');

/** The Tokyo calendar date (yyyy-mm-dd) of a moment. */
const tokyoDay = (d: Date) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(d);
/** A Tokyo wall-clock time: at('2026-12-11', '18:00'). */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`);
const plusDays = (day: string, n: number) =>
	tokyoDay(new Date(at(day, '12:00').getTime() + n * DAY));

/** A Friday (Tokyo) at least two days from now, `weeks` more weeks on. */
function friday(weeks = 0) {
	let day = plusDays(tokyoDay(new Date()), 2);
	while (at(day, '12:00').getUTCDay() !== 5) day = plusDays(day, 1);
	return plusDays(day, weeks * 7);
}

const digests = (mails: StoredMail[], user: User, subject: string | RegExp) =>
	mailsTo(mails, user.email).filter((m) =>
		typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)
	);
const WEEKLY = '今週末と来週のイベント';
const DAILY = /^新しく公開されたイベント/;
const count = (text: string, part: string) => text.split(part).length - 1;

/** Adds the task as graphile-worker's cron does (payload `_cron.ts`) or by hand (`now`). */
async function runDigests(frequency: 'weekly' | 'daily', now: Date, asCron = false) {
	const payload = asCron
		? { frequency, _cron: { ts: now.toISOString(), backfilled: false } }
		: { frequency, now: now.toISOString() };
	await sql(`select graphile_worker.add_job('mail_digests', $1::json)`, [JSON.stringify(payload)]);
}

/**
 * No digest task or mail due and not done (running ones count; jobs due later,
 * such as other tests' change mails, do not).
 */
async function digestsDone(timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const [row] = await sql<{ n: string }>(
			`select count(*) as n from graphile_worker.jobs
			where task_identifier in ('mail_digests', 'send_mail') and attempts < max_attempts and run_at <= now()`
		);
		if (row?.n === '0') return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('the digest jobs did not finish');
}

/** A fresh area, so that nothing else (the seed's events) falls in a test's window. */
async function freshArea() {
	const s = suffix();
	const { data, error } = await serviceClient()
		.from('areas')
		.insert({ slug: `digest-${s}`, name_ja: `まとめ地区${s}`, name_en: `Digest ${s}` })
		.select('slug, name_ja')
		.single();
	if (error) throw new Error(error.message);
	return data;
}

async function follower(name: string, follows: { area?: string; field?: string; org?: string }) {
	const user = await createTestUser(name);
	const db = userClient(user.id);
	if (follows.area) {
		const { data } = await db.from('areas').select('id').eq('slug', follows.area).single();
		await setFollowing(db, user.id, { kind: 'area', id: data?.id ?? '' }, true);
	}
	if (follows.field) await setFollowing(db, user.id, { kind: 'field', id: follows.field }, true);
	if (follows.org) await setFollowing(db, user.id, { kind: 'organization', id: follows.org }, true);
	return user;
}

async function setDigestFrequency(user: User, frequency: 'none' | 'daily' | 'weekly') {
	const { error } = await userClient(user.id)
		.from('notification_preferences')
		.upsert({ user_id: user.id, digest_frequency: frequency }, { onConflict: 'user_id' });
	if (error) throw new Error(error.message);
}

beforeAll(async () => {
	await mailSettings({ changeDelaySeconds: 3, maxAttempts: 8 });
	box = await startMailbox();
	organiser = await createTestUser('まとめ 主催者');
	orgName = `まとめの会${suffix()}`;
	const svc = serviceClient();
	const org = await svc
		.from('organizations')
		.insert({ slug: `digest-${suffix()}`, name: orgName, kind: 'npo' })
		.select('id')
		.single();
	if (org.error) throw new Error(org.error.message);
	orgId = org.data.id;
	const member = await svc
		.from('organization_members')
		.insert({ organization_id: orgId, user_id: organiser.id, role: 'editor' });
	if (member.error) throw new Error(member.error.message);
	const field = await svc.from('fields').select('id').eq('slug', 'children').single();
	if (field.error) throw new Error(field.error.message);
	children = field.data.id;
	// two workers: the task and the mails go to whichever is free, never twice
	await dropLeftoverMail();
	workers = [startWorkerProcess(box.url), startWorkerProcess(box.url)];
	await Promise.all(workers.map((w) => w.started));
});

afterAll(async () => {
	await Promise.all(workers.map((w) => stopWorkerProcess(w.child)));
	await box?.close();
	await mailSettings({ changeDelaySeconds: 60, maxAttempts: 8 });
});

describe('the weekly digest (今週末と来週のイベント)', () => {
	it('lists a matching event once, though the member follows its area, its field and its organization', async () => {
		const fri = friday();
		const reader = await follower('まとめ 読者', { area: 'kogane', field: children, org: orgId });
		const title = `三つでつながる会${suffix()}`;
		const startsAt = at(plusDays(fri, 3), '10:00'); // Monday of next week
		const e = await createEvent(organiser.id, {
			title,
			areaSlug: 'kogane',
			fieldIds: [children],
			organizationId: orgId,
			startsAt,
			contactPhone: '047-000-0000'
		});
		await runDigests('weekly', at(fri, '18:00'), true);
		const mails = await waitForMail(box, (ms) => digests(ms, reader, WEEKLY).length > 0);
		const [mail] = digests(mails, reader, WEEKLY);
		expect(count(mail.text, title)).toBe(1);
		expect(mail.text).toContain('まとめ 読者 さん');
		expect(mail.text).toMatch(
			new RegExp(`■${title}\\n日時：\\d{4}年\\d{1,2}月\\d{1,2}日\\(月\\) 10:00〜12:00\\n`)
		);
		expect(mail.text).toContain('場所：常盤平市民センター 千葉県松戸市常盤平3-30');
		expect(mail.text).toContain(`主催：${orgName}`);
		expect(mail.text).toContain(
			`フォロー中：小金（地域）、子ども・子育て（分野）、${orgName}（団体）`
		);
		expect(mail.text).toContain(`${ORIGIN}/events/${e.id}`);
		expect(mail.text).toContain(`${ORIGIN}/account/notifications`);
		expect(count(mail.html ?? '', `href="${ORIGIN}/events/${e.id}"`)).toBe(1);
		const { data: log } = await serviceClient()
			.from('mail_log')
			.select('kind, status, once_key, subject')
			.eq('user_id', reader.id);
		expect(log).toEqual([
			{
				kind: 'digest',
				status: 'sent',
				once_key: `digest:weekly:${plusDays(fri, 1)}:${reader.id}`,
				subject: WEEKLY
			}
		]);
	});

	it('run on Friday 18:00 Tokyo: from Saturday 00:00 through the Sunday of next week, not later, not earlier', async () => {
		const fri = friday(1);
		const { slug: area } = await freshArea();
		const reader = await follower('まとめ 期間', { area });
		const tag = suffix();
		const make = (name: string, startsAt: Date) =>
			createEvent(organiser.id, { title: `${name}${tag}`, areaSlug: area, startsAt });
		await make('金曜の夜の会', at(fri, '19:00'));
		await make('土曜の朝一番の会', at(plusDays(fri, 1), '00:00'));
		await make('来週の日曜の夜の会', at(plusDays(fri, 9), '21:00'));
		await make('再来週の月曜の会', at(plusDays(fri, 10), '00:00'));
		await make('再来週の日曜の会', at(plusDays(fri, 16), '10:00'));
		await runDigests('weekly', at(fri, '18:00'));
		const mails = await waitForMail(box, (ms) => digests(ms, reader, WEEKLY).length > 0);
		const [mail] = digests(mails, reader, WEEKLY);
		const listed = [...mail.text.matchAll(/^■(.+)$/gm)].map((m) => m[1]);
		expect(listed).toEqual([`土曜の朝一番の会${tag}`, `来週の日曜の夜の会${tag}`]);
		// the window named by its first and last day
		const [y, mo, d] = plusDays(fri, 1).split('-').map(Number);
		expect(mail.text).toContain(`${y}年${mo}月${d}日(土)から`);
		const [y2, mo2, d2] = plusDays(fri, 9).split('-').map(Number);
		expect(mail.text).toContain(`${y2}年${mo2}月${d2}日(日)までのイベントです`);
	});

	it('no mail to a member who chose none, nor to one with nothing to list', async () => {
		const fri = friday(2);
		const { slug: area } = await freshArea();
		const listed = await follower('まとめ 受け取る', { area });
		const none = await follower('まとめ 送らない', { area });
		await setDigestFrequency(none, 'none');
		// follows an organization with no events at all
		const emptyOrg = await serviceClient()
			.from('organizations')
			.insert({ slug: `digest-empty-${suffix()}`, name: '予定のない会', kind: 'npo' })
			.select('id')
			.single();
		if (emptyOrg.error) throw new Error(emptyOrg.error.message);
		const nothing = await follower('まとめ 何もなし', { org: emptyOrg.data.id });
		await createEvent(organiser.id, {
			title: `東部の会${suffix()}`,
			areaSlug: area,
			startsAt: at(plusDays(fri, 2), '13:00')
		});
		await runDigests('weekly', at(fri, '18:00'));
		await waitForMail(box, (ms) => digests(ms, listed, WEEKLY).length > 0);
		await digestsDone();
		const mails = await box.list();
		expect(mailsTo(mails, none.email)).toEqual([]);
		expect(mailsTo(mails, nothing.email)).toEqual([]);
		const { data: log } = await serviceClient()
			.from('mail_log')
			.select('id')
			.in('user_id', [none.id, nothing.id]);
		expect(log).toEqual([]);
	});

	it('once per member and week: run twice by the queue and once by hand on two workers, one mail; and the mail log refuses a second even when the member’s state is lost', async () => {
		const fri = friday(3);
		const reader = await follower('まとめ 一度だけ', { area: 'kogane' });
		const title = `一度だけの会${suffix()}`;
		await createEvent(organiser.id, {
			title,
			areaSlug: 'kogane',
			startsAt: at(plusDays(fri, 5), '14:00')
		});
		const now = at(fri, '18:00');
		await Promise.all([
			runDigests('weekly', now, true),
			runDigests('weekly', now),
			sql('select private.enqueue_digests($1, $2)', ['weekly', now])
		]);
		await waitForMail(box, (ms) => digests(ms, reader, WEEKLY).length > 0);
		await digestsDone();
		await new Promise((r) => setTimeout(r, 1000));
		await digestsDone();
		expect(digests(await box.list(), reader, WEEKLY)).toHaveLength(1);

		// without the state that says this week is done, a job is added again…
		await sql('delete from private.digest_state where user_id = $1', [reader.id]);
		const [{ n }] = await sql<{ n: number }>('select private.enqueue_digests($1, $2) as n', [
			'weekly',
			now
		]);
		expect(n).toBe(1);
		await digestsDone();
		await new Promise((r) => setTimeout(r, 1000));
		await digestsDone();
		// …and mail_log.once_key still allows one mail only
		expect(digests(await box.list(), reader, WEEKLY)).toHaveLength(1);
		const { data: log } = await serviceClient()
			.from('mail_log')
			.select('status')
			.eq('user_id', reader.id);
		expect(log).toEqual([{ status: 'sent' }]);
	});

	it('not the member’s own events, no drafts, nothing cancelled', async () => {
		const fri = friday(4);
		const { slug: area } = await freshArea();
		const reader = await follower('まとめ 除外', { area });
		const tag = suffix();
		const when = at(plusDays(fri, 4), '10:00');
		await createEvent(organiser.id, { title: `載る会${tag}`, areaSlug: area, startsAt: when });
		await createEvent(organiser.id, {
			title: `下書きの会${tag}`,
			areaSlug: area,
			startsAt: when,
			status: 'draft'
		});
		const cancelled = await createEvent(organiser.id, {
			title: `中止の会${tag}`,
			areaSlug: area,
			startsAt: when
		});
		await cancelEvent(userClient(organiser.id), cancelled.id, '雨のため');
		const dateCancelled = await createEvent(organiser.id, {
			title: `その日だけ中止の会${tag}`,
			areaSlug: area,
			startsAt: when
		});
		const { error } = await userClient(organiser.id)
			.from('event_occurrences')
			.update({ status: 'cancelled', cancel_reason: '会場の都合' })
			.eq('id', dateCancelled.occurrenceIds[0]);
		expect(error).toBeNull();
		await createEvent(reader.id, { title: `自分の会${tag}`, areaSlug: area, startsAt: when });
		await runDigests('weekly', at(fri, '18:00'));
		const mails = await waitForMail(box, (ms) => digests(ms, reader, WEEKLY).length > 0);
		const [mail] = digests(mails, reader, WEEKLY);
		const listed = [...mail.text.matchAll(/^■(.+)$/gm)].map((m) => m[1]);
		expect(listed).toEqual([`載る会${tag}`]);
	});

	it('in English for a member who reads English', async () => {
		const fri = friday(5);
		const reader = await follower('Digest Reader', { area: 'koganehara' });
		const { error } = await serviceClient()
			.from('profiles')
			.update({ locale: 'en' })
			.eq('id', reader.id);
		expect(error).toBeNull();
		const e = await createEvent(organiser.id, {
			title: `English salon ${suffix()}`,
			areaSlug: 'koganehara',
			startsAt: at(plusDays(fri, 2), '10:00')
		});
		await runDigests('weekly', at(fri, '18:00'));
		const subject = 'Events this weekend and next week';
		const mails = await waitForMail(box, (ms) => digests(ms, reader, subject).length > 0);
		const [mail] = digests(mails, reader, subject);
		expect(mail.text).toContain('Dear Digest Reader,');
		expect(mail.text).toMatch(/When: Sun, \d{1,2} \w{3} \d{4} 10:00 – 12:00/);
		expect(mail.text).toContain('You follow: Koganehara (area)');
		expect(mail.text).toContain(`${ORIGIN}/en/events/${e.id}`);
		expect(mail.text).toContain(`${ORIGIN}/en/account/notifications`);
	});
});

describe('the daily digest (新しく公開されたイベント)', () => {
	it('tells a daily member of each new event once: not the same event again the next day, and no mail on a day with nothing new', async () => {
		const { slug: area, name_ja: areaName } = await freshArea();
		const reader = await follower('まとめ 毎日', { area });
		await setDigestFrequency(reader, 'daily');
		const tag = suffix();
		const startsAt = new Date(Date.now() + 6 * DAY);
		await createEvent(organiser.id, { title: `一日目の会${tag}`, areaSlug: area, startsAt });
		const day1 = new Date();
		await runDigests('daily', day1);
		let mails = await waitForMail(box, (ms) => digests(ms, reader, DAILY).length === 1);
		const first = digests(mails, reader, DAILY)[0];
		expect(first.subject).toBe('新しく公開されたイベント（1件）');
		expect([...first.text.matchAll(/^■(.+)$/gm)].map((m) => m[1])).toEqual([`一日目の会${tag}`]);
		expect(first.text).toContain(`フォロー中：${areaName}（地域）`);

		// the next day: only what was published since
		await createEvent(organiser.id, { title: `二日目の会${tag}`, areaSlug: area, startsAt });
		const day2 = new Date(day1.getTime() + DAY);
		await runDigests('daily', day2);
		mails = await waitForMail(box, (ms) => digests(ms, reader, DAILY).length === 2);
		const second = digests(mails, reader, DAILY).find((m) => m.id !== first.id);
		expect([...(second?.text ?? '').matchAll(/^■(.+)$/gm)].map((m) => m[1])).toEqual([
			`二日目の会${tag}`
		]);

		// the day after: nothing new, no mail; the same day again: nothing either
		await runDigests('daily', new Date(day1.getTime() + 2 * DAY));
		await runDigests('daily', day2);
		await digestsDone();
		await new Promise((r) => setTimeout(r, 1000));
		await digestsDone();
		expect(digests(await box.list(), reader, DAILY)).toHaveLength(2);
		// and no weekly digest besides, though the events are in that week's window
		let fri = plusDays(tokyoDay(startsAt), -1);
		while (at(fri, '12:00').getUTCDay() !== 5) fri = plusDays(fri, -1);
		await runDigests('weekly', at(fri, '18:00'));
		await digestsDone();
		expect(digests(await box.list(), reader, WEEKLY)).toEqual([]);
	});
});
