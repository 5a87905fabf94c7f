// Accounts that mail makes possible (issue 11), end to end through the app's
// own server functions (src/lib/server/auth/account.ts), the real SQL
// functions over PostgREST, a real worker process and the real development
// SMTP server: password reset, confirming an address (and what an unconfirmed
// member may not do), sign-up with a taken address, changing one's address,
// the throttle, and who may touch the tokens (nobody but the service role).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	confirmEmail,
	confirmEmailChange,
	emailChangeTarget,
	emailRevertTarget,
	emailVerificationUsable,
	passwordResetEmail,
	resetPasswordWithToken,
	revertEmailChange,
	sendEmailChange,
	sendEmailVerification,
	sendPasswordReset,
	signUpAccount
} from '$lib/server/auth/account';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import { mailThrottleFor, recordAttempt } from '$lib/server/auth/throttle';
import { reportItem } from '$lib/server/db/moderation';
import { createOrganization } from '$lib/server/db/orgs';
import { replyToThread } from '$lib/server/db/posts';
import { joinOccurrence } from '$lib/server/db/registrations';
import { createThread } from '$lib/server/db/threads';
import type { StoredMail } from '$lib/server/mail/dev-store';
import { newToken, tokenHash } from '$lib/server/tokens';
import { anonClient, createTestUser, serviceClient, uniqueEmail, userClient } from '../support/db';
import { createEvent } from '../support/events';
import {
	dropLeftoverMail,
	mailsTo,
	ORIGIN,
	queueIdle,
	startMailbox,
	startWorkerProcess,
	stopWorkerProcess,
	type Mailbox,
	waitForMail
} from '../support/mail';
import { html, startThread } from '../support/threads';

let box: Mailbox;
let worker: ReturnType<typeof startWorkerProcess>;

beforeAll(async () => {
	box = await startMailbox();
	await dropLeftoverMail();
	worker = startWorkerProcess(box.url);
	await worker.started;
});

afterAll(async () => {
	if (worker) await stopWorkerProcess(worker.child);
	await box?.close();
});

const client = { userAgent: 'vitest', ip: '203.0.113.1' };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The token of the link to `path` (/login/reset, /verify, …) in a mail's text. */
function linkToken(mail: StoredMail, path: string) {
	const found = new RegExp(`${escape(ORIGIN)}${escape(path)}/([a-z2-7]{32})(?![a-z2-7])`).exec(
		mail.text
	);
	if (!found) throw new Error(`no ${path} link in:\n${mail.text}`);
	return found[1];
}

/** The one mail to `email` whose subject has `subject` (waits for it). */
async function mailTo(email: string, subject: string) {
	const mails = await waitForMail(box, (ms) =>
		mailsTo(ms, email).some((m) => m.subject.includes(subject))
	);
	const found = mailsTo(mails, email).filter((m) => m.subject.includes(subject));
	expect(found).toHaveLength(1);
	return found[0];
}

async function credentialsOf(userId: string) {
	const { data, error } = await serviceClient()
		.from('credentials')
		.select('email, password_hash, email_verified_at, email_bounced_at')
		.eq('user_id', userId)
		.single();
	if (error) throw new Error(error.message);
	return data;
}

async function sessionCount(userId: string) {
	const { count, error } = await serviceClient()
		.from('sessions')
		.select('*', { count: 'exact', head: true })
		.eq('user_id', userId);
	if (error) throw new Error(error.message);
	return count;
}

/** Mail log rows of a member, by kind (what the worker wrote, or would have). */
async function loggedKinds(userId: string) {
	const { data, error } = await serviceClient()
		.from('mail_log')
		.select('kind, recipient, status')
		.eq('user_id', userId);
	if (error) throw new Error(error.message);
	return data;
}

let n = 0;
/** A fresh public client address (TEST-NET-3), so that the per-client limits apply. */
const publicIp = () => `203.0.113.${(n++ % 250) + 1}-${Math.random().toString(36).slice(2, 6)}`;

describe('password reset', () => {
	it('mails a one-hour link, stored only as its hash, that sets the password once and ends every session', async () => {
		const user = await createTestUser('再設定 花子', {
			passwordHash: await hashPassword('old-password-2026')
		});
		const phone = newToken();
		const laptop = newToken();
		await createSession(phone, user.id, client);
		await createSession(laptop, user.id, client);

		await sendPasswordReset(user.email.toUpperCase());
		const mail = await mailTo(user.email, 'パスワードの再設定');
		expect(mail.text).toContain('再設定 花子 さん');
		expect(mail.text).toContain('1時間');
		expect(mail.text).toContain('心当たりがない場合');
		const token = linkToken(mail, '/login/reset');
		expect(mail.html).toContain(`<a href="${ORIGIN}/login/reset/${token}">`);

		// only the SHA-256 is stored; the raw token is nowhere in the table
		const { data: rows } = await serviceClient()
			.from('account_tokens')
			.select('token_hash, purpose, email, expires_at, used_at')
			.eq('user_id', user.id);
		expect(rows).toHaveLength(1);
		expect(rows![0].token_hash).toBe(tokenHash(token));
		expect(rows![0].purpose).toBe('password_reset');
		const validFor = new Date(rows![0].expires_at).getTime() - Date.now();
		expect(validFor).toBeGreaterThan(55 * 60_000);
		expect(validFor).toBeLessThanOrEqual(60 * 60_000);
		const { count: raw } = await serviceClient()
			.from('account_tokens')
			.select('*', { count: 'exact', head: true })
			.eq('token_hash', token);
		expect(raw).toBe(0);

		expect(await passwordResetEmail(token)).toBe(user.email);
		expect(await resetPasswordWithToken(token, await hashPassword('new-password-2026'))).toBe(
			user.id
		);
		const after = await credentialsOf(user.id);
		expect(await verifyPassword(after.password_hash, 'new-password-2026')).toBe(true);
		expect(await verifyPassword(after.password_hash, 'old-password-2026')).toBe(false);
		// every session ended (the page then starts a fresh one for this browser)
		expect(await sessionCount(user.id)).toBe(0);
		expect((await validateSessionToken(phone)).session).toBeNull();
		expect((await validateSessionToken(laptop)).session).toBeNull();

		// used up: the same link does nothing the second time
		expect(await passwordResetEmail(token)).toBeNull();
		expect(await resetPasswordWithToken(token, await hashPassword('third-password-2026'))).toBe(
			null
		);
		const still = await credentialsOf(user.id);
		expect(await verifyPassword(still.password_hash, 'new-password-2026')).toBe(true);
	});

	it('refuses an expired link and an unknown one, and a used link ends the others', async () => {
		const user = await createTestUser('期限 切れ', {
			passwordHash: await hashPassword('old-password-2026')
		});
		await sendPasswordReset(user.email);
		const first = linkToken(await mailTo(user.email, 'パスワードの再設定'), '/login/reset');
		const { error } = await serviceClient()
			.from('account_tokens')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('token_hash', tokenHash(first));
		expect(error).toBeNull();
		expect(await passwordResetEmail(first)).toBeNull();
		expect(await resetPasswordWithToken(first, await hashPassword('new-password-2026'))).toBe(null);
		expect(await resetPasswordWithToken(newToken(), 'x')).toBeNull();
		expect(await resetPasswordWithToken('not-a-token', 'x')).toBeNull();
		const unchanged = await credentialsOf(user.id);
		expect(await verifyPassword(unchanged.password_hash, 'old-password-2026')).toBe(true);

		// two valid links: using one ends the other
		await sendPasswordReset(user.email);
		await sendPasswordReset(user.email);
		const mails = await waitForMail(
			box,
			(ms) =>
				mailsTo(ms, user.email).filter((m) => m.subject.includes('パスワードの再設定')).length === 3
		);
		const [a, b] = mailsTo(mails, user.email)
			.map((m) => linkToken(m, '/login/reset'))
			.filter((t) => t !== first);
		expect(await resetPasswordWithToken(a, await hashPassword('new-password-2026'))).toBe(user.id);
		expect(await passwordResetEmail(b)).toBeNull();
	});

	it('answers the same for an address without an account, and mails nothing', async () => {
		const nobody = uniqueEmail('nobody');
		const known = await createTestUser('知られた 人');
		const answers = [await sendPasswordReset(nobody), await sendPasswordReset(known.email)];
		expect(answers[0]).toEqual(answers[1]);
		await mailTo(known.email, 'パスワードの再設定');
		await queueIdle();
		expect(mailsTo(await box.list(), nobody)).toEqual([]);
		const { count } = await serviceClient()
			.from('account_tokens')
			.select('*', { count: 'exact', head: true })
			.eq('email', nobody);
		expect(count).toBe(0);
		const { data: logged } = await serviceClient()
			.from('mail_log')
			.select('id')
			.eq('recipient', nobody);
		expect(logged).toEqual([]);
	});

	it('in English for a member whose language is English', async () => {
		const user = await createTestUser('Alice');
		await serviceClient().from('profiles').update({ locale: 'en' }).eq('id', user.id);
		await sendPasswordReset(user.email);
		const mail = await mailTo(user.email, 'Reset your password');
		expect(mail.text).toContain('Dear Alice,');
		expect(mail.text).toContain(`${ORIGIN}/en/login/reset/`);
		expect(mail.text).toContain('one hour');
	});
});

describe('the throttle of account mails', () => {
	it('allows 3 an hour per address, whether or not it has an account, then says how long to wait', async () => {
		const known = await createTestUser('制限 確認');
		for (const email of [known.email, uniqueEmail('nobody')]) {
			for (let i = 0; i < 3; i++) {
				const ip = publicIp();
				expect(await mailThrottleFor('password_reset', email, ip)).toBe(0);
				await recordAttempt('password_reset', email, ip, true);
			}
			const wait = await mailThrottleFor('password_reset', email.toUpperCase(), publicIp());
			expect(wait).toBeGreaterThan(3500);
			expect(wait).toBeLessThanOrEqual(3600);
			// each kind counts apart
			expect(await mailThrottleFor('verify_resend', email, publicIp())).toBe(0);
		}
	});

	it('allows 10 in 15 minutes per client address, whatever the addresses asked for', async () => {
		const ip = publicIp();
		for (let i = 0; i < 10; i++) {
			const email = uniqueEmail('spray');
			expect(await mailThrottleFor('password_reset', email, ip)).toBe(0);
			await recordAttempt('password_reset', email, ip, true);
		}
		const wait = await mailThrottleFor('password_reset', uniqueEmail('spray'), ip);
		expect(wait).toBeGreaterThan(800);
		expect(wait).toBeLessThanOrEqual(900);
		expect(await mailThrottleFor('password_reset', uniqueEmail('spray'), publicIp())).toBe(0);
	});
});

describe('an address not confirmed yet', () => {
	it('sign-up makes an unconfirmed account that may browse and fill its profile, but joins and posts nothing until it confirms', async () => {
		const organiser = await createTestUser('主催 一子');
		const { id: eventId, occurrenceIds } = await createEvent(organiser.id, {
			title: '確認待ちのサロン'
		});
		const threadId = await startThread(organiser.id);

		const email = uniqueEmail('newcomer');
		const id = await signUpAccount(email, '新しい 会員', await hashPassword('newcomer-2026'));
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		const uid = id as string;
		expect((await credentialsOf(uid)).email_verified_at).toBeNull();
		const session = newToken();
		await createSession(session, uid, client);
		expect((await validateSessionToken(session)).user?.emailVerified).toBe(false);
		// a bounce recorded earlier is cleared when the address is confirmed
		await serviceClient()
			.from('credentials')
			.update({ email_bounced_at: new Date().toISOString() })
			.eq('user_id', uid);

		const db = userClient(uid);
		expect(await joinOccurrence(db, occurrenceIds[0], 0)).toEqual({
			ok: false,
			refusal: 'unverified'
		});
		const thread = await createThread(db, {
			title: '確認前の話題',
			body: '本文',
			bodyHtml: html('本文'),
			areaId: null,
			organizationId: null,
			fieldIds: [],
			isQuestion: false
		});
		expect(thread).toEqual({ ok: false, refusal: 'unverified' });
		const reply = await replyToThread(db, threadId, { body: '返信', bodyHtml: html('返信') });
		expect(reply).toEqual({ ok: false, refusal: 'unverified' });
		expect(await reportItem(db, { eventId }, 'spam', null)).toEqual({
			ok: false,
			refusal: 'unverified'
		});
		const org = await createOrganization(db, {
			slug: `unverified-${Date.now()}`,
			name: '確認前の会',
			kana: '',
			kind: 'resident_group',
			municipalityWide: false,
			description: '',
			contactEmail: '',
			contactPhone: '',
			website: '',
			areaIds: [],
			fieldIds: []
		});
		expect(org).toEqual({ ok: false, refusal: 'unverified' });
		const raw = await db.rpc('join_occurrence', { p_occurrence: occurrenceIds[0] });
		expect(raw.error?.hint).toBe('unverified');
		await expect(createEvent(uid, { title: '確認前のイベント' })).rejects.toThrow(
			/confirm your email address first/
		);

		// what it may do: its profile, its name, follows
		const renamed = await db
			.from('profiles')
			.update({ display_name: '新しい 会員さん' })
			.eq('id', uid)
			.select('display_name');
		expect(renamed.data).toEqual([{ display_name: '新しい 会員さん' }]);
		const { data: area } = await db.from('areas').select('id').limit(1).single();
		const followed = await db.from('follows').insert({ user_id: uid, area_id: area!.id });
		expect(followed.error).toBeNull();

		// the mail: a link that confirms the address once
		const mail = await mailTo(email, 'メールアドレスの確認');
		expect(mail.text).toContain('3日間');
		const token = linkToken(mail, '/verify');
		expect(await emailVerificationUsable(token)).toBe(true);
		expect(await confirmEmail(token)).toBe(uid);
		const confirmed = await credentialsOf(uid);
		expect(confirmed.email_verified_at).not.toBeNull();
		expect(confirmed.email_bounced_at).toBeNull();
		expect(await confirmEmail(token)).toBeNull();
		expect(await emailVerificationUsable(token)).toBe(false);
		expect((await validateSessionToken(session)).user?.emailVerified).toBe(true);

		// and now it may join and post
		const joined = await joinOccurrence(db, occurrenceIds[0], 0);
		expect(joined.ok).toBe(true);
		const posted = await replyToThread(db, threadId, { body: '返信', bodyHtml: html('返信') });
		expect(posted.ok).toBe(true);
	});

	it('確認メールをもう一度送る: a new link for an unconfirmed address, nothing for a confirmed one', async () => {
		const pending = await createTestUser('確認 待ち', { verified: false });
		expect(await sendEmailVerification(pending.id)).toBe(true);
		const token = linkToken(await mailTo(pending.email, 'メールアドレスの確認'), '/verify');
		expect(await confirmEmail(token)).toBe(pending.id);
		expect(await sendEmailVerification(pending.id)).toBe(false);

		const confirmed = await createTestUser('確認 済み');
		expect(await sendEmailVerification(confirmed.id)).toBe(false);
		await queueIdle();
		expect(mailsTo(await box.list(), confirmed.email)).toEqual([]);
	});

	it('accounts made by the test helpers and the seed are confirmed', async () => {
		const helper = await createTestUser('ふつうの 会員');
		expect((await credentialsOf(helper.id)).email_verified_at).not.toBeNull();
		const { data } = await serviceClient()
			.from('credentials')
			.select('email_verified_at')
			.like('email', '%@tsunagu.example');
		expect(data?.length).toBeGreaterThanOrEqual(3);
		expect(data?.every((c) => c.email_verified_at !== null)).toBe(true);
	});
});

describe('sign-up with an address that has an account', () => {
	it('creates nothing and mails the owner instead (at most once an hour), with the same answer as a new address', async () => {
		const owner = await createTestUser('持ち主 太郎', {
			passwordHash: await hashPassword('owner-password-2026')
		});
		const countProfiles = async () =>
			(await serviceClient().from('profiles').select('*', { count: 'exact', head: true })).count;
		const before = await countProfiles();
		const hash = await hashPassword('intruder-2026');
		expect(await signUpAccount(owner.email.toUpperCase(), '乗っ取り 犯', hash)).toBeNull();
		expect(await signUpAccount(owner.email, '乗っ取り 犯', hash)).toBeNull();
		expect(await countProfiles()).toBe(before);
		const { data: names } = await serviceClient()
			.from('profiles')
			.select('id')
			.eq('display_name', '乗っ取り 犯');
		expect(names).toEqual([]);
		const creds = await credentialsOf(owner.id);
		expect(await verifyPassword(creds.password_hash, 'owner-password-2026')).toBe(true);

		const mail = await mailTo(owner.email, 'すでに登録されています');
		expect(mail.text).toContain('持ち主 太郎 さん');
		expect(mail.text).toContain(`${ORIGIN}/login\n`);
		expect(mail.text).toContain(`${ORIGIN}/login/reset\n`);
		expect(mail.text).not.toContain('乗っ取り');
		await queueIdle();
		await new Promise((r) => setTimeout(r, 1000));
		const owners = mailsTo(await box.list(), owner.email);
		expect(owners.filter((m) => m.subject.includes('すでに登録されています'))).toHaveLength(1);
	});
});

describe("changing one's address", () => {
	it('confirms the new address by a link, changes it only then, and tells the old one with a link that undoes it', async () => {
		const user = await createTestUser('変更 次郎', {
			passwordHash: await hashPassword('change-password-2026')
		});
		const old = user.email;
		const fresh = uniqueEmail('new-address');
		const session = newToken();
		await createSession(session, user.id, client);

		await sendEmailChange(user.id, fresh.toUpperCase());
		const confirm = await mailTo(fresh, '新しいメールアドレスの確認');
		expect(confirm.text).toContain('変更 次郎 さん');
		expect(confirm.text).toContain('24時間');
		const token = linkToken(confirm, '/account/email');
		// nothing changed yet, and the old address has heard nothing
		expect((await credentialsOf(user.id)).email).toBe(old);
		expect(mailsTo(await box.list(), old)).toEqual([]);
		expect(await emailChangeTarget(token)).toBe(fresh);

		expect(await confirmEmailChange(token)).toBe('changed');
		const changed = await credentialsOf(user.id);
		expect(changed.email).toBe(fresh);
		expect(changed.email_verified_at).not.toBeNull();
		expect(await confirmEmailChange(token)).toBe('invalid');

		const notice = await mailTo(old, 'メールアドレスが変更されました');
		expect(notice.text).toContain(old);
		expect(notice.text).toContain(fresh);
		expect(notice.text).toContain('心当たりがない場合');
		const undo = linkToken(notice, '/account/email/undo');
		expect(await emailRevertTarget(undo)).toBe(old);

		// 心当たりがない: the old address comes back, every session ends, and a reset link is ready
		const reverted = await revertEmailChange(undo);
		expect(reverted.result).toBe('reverted');
		expect((await credentialsOf(user.id)).email).toBe(old);
		expect(await sessionCount(user.id)).toBe(0);
		expect(await passwordResetEmail(reverted.resetToken as string)).toBe(old);
		expect((await revertEmailChange(undo)).result).toBe('invalid');
	});

	it('a taken address gets the same answer and no mail; one taken after the request fails gracefully', async () => {
		const user = await createTestUser('変更 三郎');
		const other = await createTestUser('ほかの 人');
		expect(await sendEmailChange(user.id, other.email)).toEqual(
			await sendEmailChange(user.id, uniqueEmail('free'))
		);
		await queueIdle();
		expect(mailsTo(await box.list(), other.email)).toEqual([]);
		const { data: pending } = await serviceClient()
			.from('account_tokens')
			.select('email')
			.eq('user_id', user.id)
			.eq('purpose', 'email_change');
		// only the free address has a link (and the taken one's request replaced nothing of the owner's)
		expect(pending?.map((p) => p.email)).not.toContain(other.email);

		const later = uniqueEmail('soon-taken');
		await sendEmailChange(user.id, later);
		const token = linkToken(await mailTo(later, '新しいメールアドレスの確認'), '/account/email');
		await createTestUser('先に 取った人', { email: later });
		expect(await confirmEmailChange(token)).toBe('taken');
		expect((await credentialsOf(user.id)).email).toBe(user.email);
		expect(await emailChangeTarget(token)).toBeNull();
		const kinds = (await loggedKinds(user.id)).map((l) => l.kind);
		expect(kinds).not.toContain('email_change_notice');
	});
});

describe('account_tokens and the account functions', () => {
	it.each(['anon', 'member'] as const)(
		'%s cannot read, write, change or delete tokens',
		async (who) => {
			const owner = await createTestUser('トークン 持ち主');
			await sendPasswordReset(owner.email);
			const db = who === 'anon' ? anonClient() : userClient(owner.id);
			const read = await db.from('account_tokens').select('*').eq('user_id', owner.id);
			expect(read.error?.code).toBe('42501');
			const write = await db.from('account_tokens').insert({
				token_hash: tokenHash(newToken()),
				purpose: 'password_reset',
				user_id: owner.id,
				email: owner.email,
				expires_at: new Date(Date.now() + 3600_000).toISOString()
			});
			expect(write.error?.code).toBe('42501');
			const change = await db
				.from('account_tokens')
				.update({ used_at: null })
				.eq('user_id', owner.id);
			expect(change.error?.code).toBe('42501');
			const remove = await db.from('account_tokens').delete().eq('user_id', owner.id);
			expect(remove.error?.code).toBe('42501');
			const { count } = await serviceClient()
				.from('account_tokens')
				.select('*', { count: 'exact', head: true })
				.eq('user_id', owner.id);
			expect(count).toBe(1);
		}
	);

	const token = newToken();
	const calls = [
		[
			'sign_up',
			{ p_email: 'x@test.example', p_display_name: 'x', p_password_hash: 'x', p_token: token }
		],
		['request_password_reset', { p_email: 'x@test.example', p_token: token }],
		['reset_password', { p_token: token, p_password_hash: 'x' }],
		[
			'request_email_verification',
			{ p_user: '00000000-0000-4000-8000-000000000001', p_token: token }
		],
		['verify_email', { p_token: token }],
		[
			'request_email_change',
			{
				p_user: '00000000-0000-4000-8000-000000000001',
				p_new_email: 'x@test.example',
				p_token: token
			}
		],
		['confirm_email_change', { p_token: token, p_revert_token: token }],
		['revert_email_change', { p_token: token, p_reset_token: token }],
		['account_token_email', { p_purpose: 'password_reset', p_token: token }],
		['account_mail_throttle', { p_kind: 'password_reset', p_email: 'x', p_ip: 'x', p_per_ip: true }]
	] as const;

	it.each(calls)('%s cannot be called by anon or a member', async (fn, args) => {
		const member = await createTestUser('関数 呼び出し');
		for (const db of [anonClient(), userClient(member.id)]) {
			const { error } = await db.rpc(fn as never, args as never);
			expect(error?.code).toBe('42501');
		}
	});
});
