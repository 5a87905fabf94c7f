// What the sender honours and the remaining notice mails (issue 11), end to
// end: real triggers enqueue, a real worker process sends over SMTP to the real
// development SMTP server (which refuses reject-… addresses with a 550), the
// production build serves the unsubscribe links found in the mails, and
// mailparser reads what arrived.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMailLog } from '$lib/server/db/mail-log';
import { replyToThread } from '$lib/server/db/posts';
import type { MailKind } from '$lib/server/db/mail';
import type { StoredMail } from '$lib/server/mail/dev-store';
import { preferenceOf } from '$lib/server/mail/preferences';
import { signUnsubscribe, verifyUnsubscribe } from '$lib/server/mail/unsubscribe';
import { startApp, stopApp } from '../support/app';
import {
	anonClient,
	createTestUser,
	DEMO_IDS,
	serviceClient,
	testEnv,
	userClient
} from '../support/db';
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
	type Mailbox,
	waitForMail
} from '../support/mail';
import { ageAccount, html, startThread, writePosts } from '../support/threads';

type User = { id: string; email: string };

let box: Mailbox;
let app: Awaited<ReturnType<typeof startApp>>;
let worker: ReturnType<typeof startWorkerProcess>;

beforeAll(async () => {
	await mailSettings({ changeDelaySeconds: 2, maxAttempts: 3 });
	await sql(`update private.mail_settings set reply_delay = interval '3 seconds'`);
	box = await startMailbox({ failFor: (to) => (to.startsWith('reject-') ? 550 : false) });
	app = await startApp({});
	await dropLeftoverMail();
	worker = startWorkerProcess(box.url, app.base);
	await worker.started;
});

afterAll(async () => {
	if (worker) await stopWorkerProcess(worker.child);
	await stopApp(app?.child);
	await box?.close();
	await mailSettings({ changeDelaySeconds: 60, maxAttempts: 8 });
	await sql(`update private.mail_settings set reply_delay = interval '5 minutes'`);
});

const suffix = () => randomBytes(3).toString('hex');

async function join(user: User, occurrenceId: string) {
	const { data, error } = await userClient(user.id).rpc('join_occurrence', {
		p_occurrence: occurrenceId,
		p_companions: 0
	});
	if (error) throw new Error(error.message);
	return data;
}

async function setPrefs(user: User, prefs: Record<string, boolean | string>) {
	const { error } = await userClient(user.id)
		.from('notification_preferences')
		.upsert({ user_id: user.id, ...prefs }, { onConflict: 'user_id' });
	if (error) throw new Error(error.message);
}

async function storedPrefs(userId: string) {
	const { data, error } = await serviceClient()
		.from('notification_preferences')
		.select(
			'confirmations, changes_cancellations, promotions, reminders, thread_replies, mentions, moderation, invitations, digest_frequency'
		)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(error.message);
	return data;
}

async function logOf(userId: string) {
	const { data, error } = await serviceClient()
		.from('mail_log')
		.select('kind, status, attempts, last_error, job_key')
		.eq('user_id', userId)
		.order('created_at');
	if (error) throw new Error(error.message);
	return data;
}

/** Moves an event (its one date too) to start at `startsAt`, as the organiser. */
async function moveEvent(organiser: User, eventId: string, startsAt: Date) {
	const s = startsAt.toISOString();
	const e = new Date(startsAt.getTime() + 2 * 3600_000).toISOString();
	const error = await saveEventAgain(
		organiser.id,
		eventId,
		{ starts_at: s, ends_at: e },
		{ occurrences: [{ starts_at: s, ends_at: e }] }
	);
	expect(error).toBeNull();
}

/** Waits until the queue is idle and a little more (a job that just ran writes its mail). */
async function settle() {
	await queueIdle();
	await new Promise((r) => setTimeout(r, 1000));
	await queueIdle();
}

const unsubscribeLink = (mail: StoredMail) =>
	/^<([^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? null;

/** The mail carries the one-click headers and footer links for this member and kind. */
function expectUnsubscribable(mail: StoredMail, userId: string, kind: string, lang = '') {
	const url = unsubscribeLink(mail);
	expect(url, `List-Unsubscribe of "${mail.subject}"`).toMatch(
		new RegExp(`^${app.base}${lang}/unsubscribe\\?t=[^&]+$`)
	);
	expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
	const token = new URL(url as string).searchParams.get('t');
	expect(verifyUnsubscribe(testEnv().jwtSecret, token)).toEqual({ userId, kind });
	const settings = `${app.base}${lang}/account/notifications`;
	if (lang) {
		expect(mail.text).toContain(`Stop these notices\n${url}`);
		expect(mail.text).toContain(`Notification settings\n${settings}`);
	} else {
		expect(mail.text).toContain(`このお知らせを停止する\n${url}`);
		expect(mail.text).toContain(`通知の設定\n${settings}`);
	}
	expect(mail.html).toContain(`href="${url}"`);
	expect(mail.html).toContain(`href="${settings}"`);
	return url as string;
}

const postOneClick = (url: string, headers: Record<string, string> = {}) =>
	fetch(url, {
		method: 'POST',
		// what a mail provider sends (RFC 8058): no cookie, no Origin
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: 'List-Unsubscribe=One-Click',
		redirect: 'manual'
	});

describe('who may call the functions behind it', () => {
	it('unsubscribing, asking and marking are for the service role only; one reads only one’s own bounce', async () => {
		const [member, other] = await Promise.all([createTestUser('本人'), createTestUser('他人')]);
		for (const db of [anonClient(), userClient(member.id)]) {
			const unsubscribe = await db.rpc('unsubscribe_mail', {
				p_user: other.id,
				p_kind: 'confirmations'
			});
			expect(unsubscribe.error?.code).toBe('42501');
			const wanted = await db.rpc('mail_wanted', { p_user: other.id, p_kind: 'confirmations' });
			expect(wanted.error?.code).toBe('42501');
			const bounced = await db.rpc('mail_mark_bounced', {
				p_user: other.id,
				p_address: other.email
			});
			expect(bounced.error?.code).toBe('42501');
		}
		expect((await anonClient().rpc('my_email_bounced_at')).error?.code).toBe('42501');
		expect(await storedPrefs(other.id)).toBeNull();
		const { data } = await serviceClient()
			.from('credentials')
			.select('email_bounced_at')
			.eq('user_id', other.id)
			.single();
		expect(data?.email_bounced_at).toBeNull();
		// an unknown kind is an error, not a silent no
		const unknown = await serviceClient().rpc('unsubscribe_mail', {
			p_user: other.id,
			p_kind: 'everything'
		});
		expect(unknown.error?.code).toBe('22023');
		// only the member's own address is marked (not a new one being confirmed)
		const elsewhere = await serviceClient().rpc('mail_mark_bounced', {
			p_user: other.id,
			p_address: 'someone-else@test.example'
		});
		expect(elsewhere.data).toBe(false);
	});
});

describe('preferences', () => {
	it('a member who turned changes off gets no change mail while another does', async () => {
		const organiser = await createTestUser('主催 花子');
		const [off, on] = await Promise.all([createTestUser('止めた 人'), createTestUser('受ける 人')]);
		const title = `変更のサロン${suffix()}`;
		const startsAt = new Date(Date.now() + 9 * 86_400_000);
		startsAt.setUTCHours(1, 0, 0, 0);
		const ev = await createEvent(organiser.id, { title, startsAt });
		await setPrefs(off, { changes_cancellations: false });
		await join(off, ev.occurrenceIds[0]);
		await join(on, ev.occurrenceIds[0]);
		// confirmations are still on for both, and say how to stop them
		const mails = await waitForMail(
			box,
			(ms) => mailsTo(ms, off.email).length >= 1 && mailsTo(ms, on.email).length >= 1
		);
		expectUnsubscribable(mailsTo(mails, off.email)[0], off.id, 'confirmations');
		expectUnsubscribable(mailsTo(mails, on.email)[0], on.id, 'confirmations');

		await moveEvent(organiser, ev.id, new Date(startsAt.getTime() + 3 * 3600_000));
		const after = await waitForMail(box, (ms) =>
			mailsTo(ms, on.email).some((m) => m.subject.startsWith('日時・場所の変更'))
		);
		await settle();
		const change = mailsTo(after, on.email).find((m) => m.subject.startsWith('日時・場所の変更'));
		expectUnsubscribable(change as StoredMail, on.id, 'changes_cancellations');
		const toOff = mailsTo(await box.list(), off.email);
		expect(toOff.map((m) => m.subject)).toEqual([`参加登録のお知らせ：${title}`]);
		const log = await logOf(off.id);
		expect(log.map((r) => [r.kind, r.status])).toEqual([
			['registered', 'sent'],
			['event_changed', 'skipped']
		]);
	});
});

describe('one-click unsubscribe', () => {
	it('GET only asks; the one-click POST stops exactly that kind, and other kinds still arrive', async () => {
		const organiser = await createTestUser('主催 花子');
		const member = await createTestUser('止める 人');
		const startsAt = new Date(Date.now() + 12 * 86_400_000);
		startsAt.setUTCHours(1, 0, 0, 0);
		const first = await createEvent(organiser.id, { title: `最初の会${suffix()}`, startsAt });
		const second = await createEvent(organiser.id, { title: `次の会${suffix()}`, startsAt });
		await join(member, first.occurrenceIds[0]);
		const [confirmation] = mailsTo(
			await waitForMail(box, (ms) => mailsTo(ms, member.email).length >= 1),
			member.email
		);
		const url = expectUnsubscribable(confirmation, member.id, 'confirmations');

		// a link scanner (or the person) opens it: a question, nothing changed
		const page = await fetch(url);
		expect(page.status).toBe(200);
		const body = await page.text();
		expect(body).toContain('「参加申込の確認」のメールを停止しますか');
		expect(body).toMatch(/<form method="POST"/);
		expect(body).toContain('name="List-Unsubscribe" value="One-Click"');
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		expect(await storedPrefs(member.id)).toBeNull();

		// the mail client's one-click POST
		const done = await postOneClick(url);
		expect(done.status).toBe(200);
		const doneBody = await done.text();
		expect(doneBody).toContain('「参加申込の確認」のメールを停止しました。');
		expect(doneBody).toContain('href="/account/notifications"');
		expect(await storedPrefs(member.id)).toEqual({
			confirmations: false,
			changes_cancellations: null,
			promotions: null,
			reminders: null,
			thread_replies: null,
			mentions: null,
			moderation: null,
			invitations: null,
			digest_frequency: null
		});
		// again: the same answer, the same state
		expect((await postOneClick(url)).status).toBe(200);
		expect((await storedPrefs(member.id))?.confirmations).toBe(false);

		// no confirmation any more; a change still comes
		await join(member, second.occurrenceIds[0]);
		await moveEvent(organiser, first.id, new Date(startsAt.getTime() + 2 * 3600_000));
		await waitForMail(box, (ms) =>
			mailsTo(ms, member.email).some((m) => m.subject.startsWith('日時・場所の変更'))
		);
		await settle();
		const subjects = mailsTo(await box.list(), member.email).map((m) => m.subject);
		expect(subjects.filter((s) => s.startsWith('参加登録のお知らせ'))).toHaveLength(1);
		expect(subjects.filter((s) => s.startsWith('日時・場所の変更'))).toHaveLength(1);
		const log = await logOf(member.id);
		expect(log.filter((r) => r.kind === 'registered').map((r) => r.status)).toEqual([
			'sent',
			'skipped'
		]);
	});

	it('a forged or altered link is refused and changes nothing; the genuine one works', async () => {
		const [member, other] = await Promise.all([createTestUser('本人'), createTestUser('別の人')]);
		const secret = testEnv().jwtSecret;
		const genuine = signUnsubscribe(secret, member.id, 'confirmations');
		const [, , signature] = genuine.split('.');
		const flip = (s: string, i: number) =>
			s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
		const forged = [
			// another member with this member's signature
			`${other.id}.confirmations.${signature}`,
			// another kind with the same signature
			`${member.id}.digest.${signature}`,
			`${member.id}.changes_cancellations.${signature}`,
			// an altered signature, one made with another secret, none at all
			`${member.id}.confirmations.${flip(signature, 10)}`,
			`${member.id}.confirmations.${flip(signature, signature.length - 1)}`,
			signUnsubscribe('not-the-secret', member.id, 'confirmations'),
			`${member.id}.confirmations`,
			`${member.id}.confirmations.`,
			'garbage',
			''
		];
		for (const token of forged) {
			const url = `${app.base}/unsubscribe?t=${encodeURIComponent(token)}`;
			const page = await fetch(url);
			const text = await page.text();
			expect(text, token).toContain('このリンクは使えません');
			expect(text, token).not.toContain('name="List-Unsubscribe"');
			const post = await postOneClick(url);
			expect(post.status, token).toBe(400);
			expect(await post.text(), token).toContain('このリンクは使えません');
		}
		// a genuine link without the one-click body is refused too
		const noBody = await fetch(`${app.base}/unsubscribe?t=${genuine}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=Something',
			redirect: 'manual'
		});
		expect(noBody.status).toBe(400);
		expect(await storedPrefs(member.id)).toBeNull();
		expect(await storedPrefs(other.id)).toBeNull();

		const ok = await postOneClick(`${app.base}/unsubscribe?t=${genuine}`);
		expect(ok.status).toBe(200);
		expect((await storedPrefs(member.id))?.confirmations).toBe(false);
		expect(await storedPrefs(other.id)).toBeNull();
	});

	it('the digest link sets its frequency to none', async () => {
		const member = await createTestUser('まとめ 止める');
		const token = signUnsubscribe(testEnv().jwtSecret, member.id, 'digest');
		const page = await (await fetch(`${app.base}/unsubscribe?t=${token}`)).text();
		expect(page).toContain('「フォローしているもののイベントまとめ」のメールを停止しますか');
		expect((await postOneClick(`${app.base}/unsubscribe?t=${token}`)).status).toBe(200);
		const prefs = await storedPrefs(member.id);
		expect(prefs?.digest_frequency).toBe('none');
		expect(prefs?.confirmations).toBeNull();
	});
});

describe('bounces', () => {
	it('a permanent refusal marks the address, is not retried, and later mails are skipped', async () => {
		const organiser = await createTestUser('主催 花子');
		const email = `reject-${suffix()}@test.example`;
		// a confirmed account (joining needs one), its address refused by the mailbox
		const member = await createTestUser('届かない 人', { email });
		const startsAt = new Date(Date.now() + 15 * 86_400_000);
		startsAt.setUTCHours(1, 0, 0, 0);
		const ev = await createEvent(organiser.id, { title: `届かない会${suffix()}`, startsAt });
		await join(member, ev.occurrenceIds[0]);

		const deadline = Date.now() + 30_000;
		let log = await logOf(member.id);
		while (Date.now() < deadline && log[0]?.status !== 'bounced') {
			await new Promise((r) => setTimeout(r, 250));
			log = await logOf(member.id);
		}
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ kind: 'registered', status: 'bounced', attempts: 1 });
		expect(log[0].last_error).toMatch(/550/);
		const { data: cred } = await serviceClient()
			.from('credentials')
			.select('email_bounced_at')
			.eq('user_id', member.id)
			.single();
		expect(cred?.email_bounced_at).not.toBeNull();
		// not retried: no job left, still one attempt a while later
		await settle();
		const [jobs] = await sql<{ n: string }>(
			`select count(*) as n from graphile_worker.jobs where key = $1`,
			[log[0].job_key]
		);
		expect(jobs.n).toBe('0');
		expect((await logOf(member.id))[0].attempts).toBe(1);

		// later mails: skipped while the address is marked
		await moveEvent(organiser, ev.id, new Date(startsAt.getTime() + 3600_000));
		const second = await createEvent(organiser.id, { title: `次も届かない${suffix()}`, startsAt });
		await join(member, second.occurrenceIds[0]);
		await new Promise((r) => setTimeout(r, 2500));
		await settle();
		// (in the order the jobs ran: the change waits for further edits)
		expect((await logOf(member.id)).map((r) => `${r.kind} ${r.status}`).sort()).toEqual([
			'event_changed skipped',
			'registered bounced',
			'registered skipped'
		]);
		expect(mailsTo(await box.list(), email)).toEqual([]);

		// the member is told (their own state only), admins see the bounced mail
		const mine = await userClient(member.id).rpc('my_email_bounced_at');
		expect(mine.data).not.toBeNull();
		const others = await userClient(organiser.id).rpc('my_email_bounced_at');
		expect(others.data).toBeNull();
		const failed = await listMailLog(userClient(DEMO_IDS.admin), { failedOnly: true, limit: 100 });
		expect(failed.find((r) => r.recipient === email)).toMatchObject({
			status: 'bounced',
			kind: 'registered'
		});
		const asMember = await serviceClient()
			.rpc('mail_wanted', { p_user: member.id, p_kind: 'confirmations' })
			.then((r) => r.data);
		expect(asMember).toBe(false);
		// once the address is confirmed again (another part clears the mark), mail is wanted again
		await serviceClient()
			.from('credentials')
			.update({ email_bounced_at: null })
			.eq('user_id', member.id);
		const again = await serviceClient().rpc('mail_wanted', {
			p_user: member.id,
			p_kind: 'confirmations'
		});
		expect(again.data).toBe(true);
	});
});

describe('language', () => {
	it('a member whose language is English gets English mail with English links', async () => {
		const organiser = await createTestUser('主催 花子');
		const member = await createTestUser('Alex Smith');
		const { error } = await userClient(member.id)
			.from('profiles')
			.update({ locale: 'en' })
			.eq('id', member.id);
		expect(error).toBeNull();
		const title = `English salon ${suffix()}`;
		const ev = await createEvent(organiser.id, { title });
		await join(member, ev.occurrenceIds[0]);
		const [mail] = mailsTo(
			await waitForMail(box, (ms) => mailsTo(ms, member.email).length >= 1),
			member.email
		);
		expect(mail.subject).toBe(`You are registered: ${title}`);
		expect(mail.text).toContain('Dear Alex Smith,');
		expect(mail.text).toContain(`${app.base}/en/events/${ev.id}`);
		expect(mail.html).toContain('<html lang="en">');
		const url = expectUnsubscribable(mail, member.id, 'confirmations', '/en');
		const page = await (await fetch(url)).text();
		expect(page).toContain('Stop the emails “Registration confirmations”?');
	});
});

describe('threads', () => {
	it('a burst of replies: one mail per follower listing the new posts, then only what is new; none to their writer or to those who keep replies off', async () => {
		const [author, follower, quiet, writer] = await Promise.all([
			createTestUser('話題 立てる'),
			createTestUser('話題 追う'),
			createTestUser('話題 静か'),
			createTestUser('話題 書く')
		]);
		for (const u of [author, follower, quiet, writer]) await ageAccount(u.id);
		const title = `返信の話題${suffix()}`;
		const threadId = await startThread(author.id, { title });
		for (const u of [follower, quiet]) {
			const { error } = await userClient(u.id)
				.from('thread_follows')
				.insert({ thread_id: threadId, user_id: u.id, following: true });
			expect(error).toBeNull();
		}
		await setPrefs(author, { thread_replies: true });
		await setPrefs(follower, { thread_replies: true });
		await setPrefs(writer, { thread_replies: true });

		const posts = await writePosts(threadId, writer.id, 3);
		const mails = await waitForMail(
			box,
			(ms) => mailsTo(ms, author.email).length >= 1 && mailsTo(ms, follower.email).length >= 1
		);
		await settle();
		for (const who of [author, follower]) {
			const got = mailsTo(await box.list(), who.email);
			expect(got).toHaveLength(1);
			const [mail] = got;
			expect(mail.subject).toBe(`新しい投稿（3件）：${title}`);
			expect(mail.text).toContain(`■話題\n${title}`);
			for (const [i, p] of posts.entries()) {
				expect(mail.text).toContain(`話題 書くさん（`);
				expect(mail.text).toContain(`投稿 ${i + 1}`);
				expect(mail.text).toContain(`${app.base}/threads/${threadId}?page=1#post-${p.id}`);
			}
			expectUnsubscribable(mail, who.id, 'thread_replies');
		}
		expect(mails.length).toBeGreaterThan(0);
		expect(mailsTo(await box.list(), quiet.email)).toEqual([]);
		expect(mailsTo(await box.list(), writer.email)).toEqual([]);
		expect((await logOf(quiet.id)).map((r) => [r.kind, r.status])).toEqual([
			['thread_reply', 'skipped']
		]);

		// a later reply: a second mail with only that one
		const [later] = await writePosts(threadId, writer.id, 1);
		await waitForMail(box, (ms) => mailsTo(ms, follower.email).length >= 2);
		await settle();
		const second = mailsTo(await box.list(), follower.email).find(
			(m) => m.subject === `新しい投稿（1件）：${title}`
		);
		expect(second?.text).toContain(`#post-${later.id}`);
		expect(second?.text).not.toContain(`#post-${posts[0].id}`);
	});

	it('a mention reaches the person named with the post and a link; never its writer', async () => {
		const [author, named, writer] = await Promise.all([
			createTestUser('話題 主'),
			createTestUser('名前 書かれる'),
			createTestUser('名前 書く')
		]);
		for (const u of [author, named, writer]) await ageAccount(u.id);
		const title = `名前の話題${suffix()}`;
		const threadId = await startThread(author.id, { title });
		// the named person takes part (mentions are kept for participants only)
		await writePosts(threadId, named.id, 1);
		await writePosts(threadId, writer.id, 1);
		const body =
			'**お知らせ** です。\n\n[会場の地図](https://example.com/map) を見てください <script>';
		const reply = await replyToThread(userClient(writer.id), threadId, {
			body,
			bodyHtml: html('お知らせ'),
			mentionedIds: [named.id, writer.id]
		});
		expect(reply.ok).toBe(true);
		const postId = reply.ok ? reply.id : '';
		const [mail] = mailsTo(
			await waitForMail(box, (ms) => mailsTo(ms, named.email).length >= 1),
			named.email
		);
		expect(mail.subject).toBe(`名前 書くさんがあなたの名前を書きました：${title}`);
		expect(mail.text).toContain('名前 書くさんが、話題');
		expect(mail.text).toContain('お知らせ です。\n会場の地図 を見てください <script>');
		expect(mail.html).toContain('会場の地図 を見てください &lt;script&gt;');
		expect(mail.html).not.toContain('<script>');
		expect(mail.text).toContain(`${app.base}/threads/${threadId}?page=1#post-${postId}`);
		expectUnsubscribable(mail, named.id, 'mentions');
		await settle();
		expect(mailsTo(await box.list(), writer.email)).toEqual([]);
		expect((await logOf(writer.id)).filter((r) => r.kind === 'mention')).toEqual([]);
	});
});

describe('moderation', () => {
	it('the author is told what was hidden and why; the reporter that the report was handled', async () => {
		const [author, writer, reporter] = await Promise.all([
			createTestUser('話題 主'),
			createTestUser('隠される 人'),
			createTestUser('通報 する')
		]);
		for (const u of [author, writer, reporter]) await ageAccount(u.id);
		const title = `非表示の話題${suffix()}`;
		const threadId = await startThread(author.id, { title });
		const { data: post, error } = await serviceClient()
			.from('posts')
			.insert({
				thread_id: threadId,
				author_id: writer.id,
				body: '電話番号は 090-0000-0000 です',
				body_html: html('電話番号は 090-0000-0000 です')
			})
			.select('id, position')
			.single();
		expect(error).toBeNull();
		const report = await userClient(reporter.id)
			.from('reports')
			.insert({ post_id: post?.id, reason: 'personal_info' });
		expect(report.error).toBeNull();
		const hidden = await userClient(DEMO_IDS.coordinator).rpc('hide_post', {
			p_post: post?.id as string,
			p_reason: '電話番号が書かれていたため'
		});
		expect(hidden.error).toBeNull();

		const mails = await waitForMail(
			box,
			(ms) => mailsTo(ms, writer.email).length >= 1 && mailsTo(ms, reporter.email).length >= 1
		);
		const [toWriter] = mailsTo(mails, writer.email);
		expect(toWriter.subject).toBe(`投稿が非表示になりました：${title}`);
		expect(toWriter.text).toContain('■理由\n電話番号が書かれていたため');
		expect(toWriter.text).toContain('■投稿\n電話番号は 090-0000-0000 です');
		expect(toWriter.text).toContain(`${app.base}/threads/${threadId}?page=1#post-${post?.id}`);
		expectUnsubscribable(toWriter, writer.id, 'moderation');
		const [toReporter] = mailsTo(mails, reporter.email);
		expect(toReporter.subject).toBe('通報への対応のお知らせ');
		expect(toReporter.text).toContain('あなたの通報を確認し、対応しました。');
		expect(toReporter.text).toContain(`■通報したもの\n話題「${title}」の投稿`);
		// the reporter is not shown the hidden text
		expect(toReporter.text).not.toContain('090-0000-0000');
		expectUnsubscribable(toReporter, reporter.id, 'moderation');
		await settle();
		expect(mailsTo(await box.list(), 'coordinator@tsunagu.example')).toEqual([]);
	});
});

describe('invitations', () => {
	async function makeOrg(name: string, members: [User, 'owner' | 'editor' | 'member'][]) {
		const svc = serviceClient();
		const slug = `mail-${suffix()}`;
		const { data, error } = await svc
			.from('organizations')
			.insert({ slug, name, kind: 'npo' })
			.select('id')
			.single();
		if (error) throw new Error(error.message);
		const added = await svc
			.from('organization_members')
			.insert(members.map(([u, role]) => ({ organization_id: data.id, user_id: u.id, role })));
		if (added.error) throw new Error(added.error.message);
		return { id: data.id, slug };
	}

	it('an invitation by email tells the invited member who invites, to what, and where to answer', async () => {
		const [owner, invited] = await Promise.all([
			createTestUser('団体 代表'),
			createTestUser('招かれる 人')
		]);
		const name = `招待の会${suffix()}`;
		const org = await makeOrg(name, [[owner, 'owner']]);
		const { data, error } = await userClient(owner.id).rpc('invite_organization_member', {
			p_org: org.id,
			p_email: invited.email,
			p_role: 'editor'
		});
		expect(error).toBeNull();
		expect(data).toBe('invited');
		const [mail] = mailsTo(
			await waitForMail(box, (ms) => mailsTo(ms, invited.email).length >= 1),
			invited.email
		);
		expect(mail.subject).toBe(`団体への招待：${name}`);
		expect(mail.text).toContain(
			`団体 代表さんが、あなたを団体「${name}」に編集者として招待しました。`
		);
		expect(mail.text).toContain('■有効期限');
		expect(mail.text).toContain(`${app.base}/account#invitations-heading`);
		expect(mail.text).toContain(`${app.base}/orgs/${org.slug}`);
		expectUnsubscribable(mail, invited.id, 'invitations');
		await settle();
		expect(mailsTo(await box.list(), owner.email)).toEqual([]);
	});

	it('a co-host request reaches the invited organization’s owners and editors, not its members or the organiser', async () => {
		const [organiser, owner, editor, member] = await Promise.all([
			createTestUser('依頼 する'),
			createTestUser('共催 代表'),
			createTestUser('共催 編集'),
			createTestUser('共催 会員')
		]);
		const name = `共催の会${suffix()}`;
		const org = await makeOrg(name, [
			[owner, 'owner'],
			[editor, 'editor'],
			[member, 'member']
		]);
		const title = `共催のイベント${suffix()}`;
		const startsAt = new Date(Date.now() + 20 * 86_400_000);
		startsAt.setUTCHours(1, 0, 0, 0);
		await createEvent(organiser.id, { title, startsAt, cohostIds: [org.id] });
		const mails = await waitForMail(
			box,
			(ms) => mailsTo(ms, owner.email).length >= 1 && mailsTo(ms, editor.email).length >= 1
		);
		for (const who of [owner, editor]) {
			const [mail] = mailsTo(mails, who.email);
			expect(mail.subject).toBe(`共催の依頼：${title}`);
			expect(mail.text).toContain(
				`依頼 するさんが、イベント「${title}」の共催を団体「${name}」に依頼しています。`
			);
			expect(mail.text).toContain('10:00〜12:00');
			expect(mail.text).toContain(`${app.base}/orgs/${org.slug}#cohost-requests`);
			expectUnsubscribable(mail, who.id, 'invitations');
		}
		await settle();
		expect(mailsTo(await box.list(), member.email)).toEqual([]);
		expect(mailsTo(await box.list(), organiser.email)).toEqual([]);
	});
});

describe('every mail', () => {
	it('carries the one-click headers and link exactly when its kind can be turned off', async () => {
		const mails = await box.list();
		expect(mails.length).toBeGreaterThan(10);
		const kinds = new Map<string, { kind: MailKind; userId: string | null }>();
		const ids = mails.map((m) => m.messageId);
		for (let i = 0; i < ids.length; i += 100) {
			const { data, error } = await serviceClient()
				.from('mail_log')
				.select('message_id, kind, user_id')
				.in('message_id', ids.slice(i, i + 100));
			if (error) throw new Error(error.message);
			for (const r of data) kinds.set(r.message_id ?? '', { kind: r.kind, userId: r.user_id });
		}
		const seen = new Set<string>();
		for (const mail of mails) {
			const logged = kinds.get(mail.messageId);
			expect(logged, `${mail.subject} is in the mail log`).toBeDefined();
			const preference = preferenceOf(logged!.kind);
			seen.add(logged!.kind);
			if (preference) {
				const lang = mail.html?.includes('<html lang="en">') ? '/en' : '';
				expectUnsubscribable(mail, logged!.userId as string, preference, lang);
			} else {
				expect(mail.headers['list-unsubscribe'], mail.subject).toBeUndefined();
			}
		}
		for (const kind of [
			'registered',
			'event_changed',
			'thread_reply',
			'mention',
			'moderation',
			'invitation'
		])
			expect(seen).toContain(kind);
	});
});
