import { randomUUID } from 'node:crypto';
// Accounts that mail makes possible, through the pages as a person uses them:
// パスワードを忘れた方, sign-up → the banner → confirming the address, a
// sign-up with a taken address, changing one's address. The mails are real:
// the e2e run's worker sends them to its development SMTP server
// (scripts/test.ts), and the tests open the links that arrived.
import { expect, test, type Page } from '@playwright/test';
import type { StoredMail } from '$lib/server/mail/dev-store';
import { createTestUser, serviceClient, uniqueEmail } from '../support/db';
import { createEvent } from '../support/events';
import { e2eMailbox, e2eOrigin, mailsTo, waitForMail } from '../support/mail';
import { expectAccessible, logIn, logOut, signUp } from './helpers';

const box = e2eMailbox();
const ORIGIN = e2eOrigin();

/** The path of the link to `path` in the newest mail to `email` whose subject has `subject`. */
async function linkIn(email: string, subject: string, path: string) {
	const mails = await waitForMail(box, (ms) =>
		mailsTo(ms, email).some((m) => m.subject.includes(subject))
	);
	const mail = mailsTo(mails, email)
		.filter((m: StoredMail) => m.subject.includes(subject))
		.at(-1)!;
	const found = new RegExp(`${ORIGIN.replace(/\./g, '\\.')}(${path}/[a-z2-7]{32})\\b`).exec(
		mail.text
	);
	expect(found, mail.text).not.toBeNull();
	return found![1];
}

const who = (label: string) => ({
	name: `${label} さくら`,
	email: uniqueEmail(label),
	password: 'accounts-e2e-2026'
});

async function askForReset(page: Page, email: string) {
	await page.goto('/login');
	await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
	await expect(page.getByRole('heading', { name: 'パスワードを設定し直す' })).toBeVisible();
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByRole('button', { name: 'リンクを送る' }).click();
	const answer = page.getByRole('status');
	await expect(answer).toContainText('登録されているアドレスなら');
	return answer.textContent();
}

test('パスワードを忘れた方: the mailed link sets a new password once, ends the other sessions and signs in', async ({
	page,
	browser
}) => {
	const person = who('reset');
	await signUp(page, { ...person });
	// another device, still signed in
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await logIn(otherPage, person);
	await logOut(page);

	const answer = await askForReset(page, person.email);
	// the same answer for an address without an account (and no mail for it)
	const nobody = uniqueEmail('nobody');
	expect(await askForReset(page, nobody)).toBe(answer);
	await expectAccessible(page);

	const link = await linkIn(person.email, 'パスワードの再設定', '/login/reset');
	expect(mailsTo(await box.list(), nobody)).toEqual([]);
	await page.goto(link);
	await expect(page.getByRole('heading', { name: '新しいパスワードを決める' })).toBeVisible();
	await expectAccessible(page);
	// the password rules of sign-up, next to the field
	await page.getByLabel('新しいパスワード').fill('password');
	await page.getByRole('button', { name: 'パスワードを変更する' }).click();
	await expect(page.getByText('よく使われていて推測されやすいパスワードです')).toBeVisible();
	await page.getByLabel('新しいパスワード').fill('a-fresh-password-2026');
	await page.getByRole('button', { name: 'パスワードを変更する' }).click();
	await expect(page.getByRole('heading', { name: 'パスワードを変更しました' })).toBeVisible();
	await expect(page).toHaveURL(/\/login\/reset\/done$/);
	await expect(page.getByText(`${person.name} さん`).first()).toBeAttached();
	await expectAccessible(page);

	// the other device was logged out
	await otherPage.goto('/account');
	await expect(otherPage).toHaveURL(/\/login\?redirectTo=/);
	await other.close();

	// the link is used up
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'このリンクは使えません' })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('すでに使われています');
	await expect(
		page.getByRole('link', { name: 'パスワードの再設定をもう一度申し込む' })
	).toBeVisible();

	await logOut(page);
	await logIn(page, { email: person.email, password: 'a-fresh-password-2026' });
});

test('パスワードを忘れた方 works without JavaScript, and an expired link gets a clear page', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const person = await createTestUser('スクリプト なし');
	await askForReset(page, person.email);
	const link = await linkIn(person.email, 'パスワードの再設定', '/login/reset');
	await page.goto(link);
	await page.getByLabel('新しいパスワード').fill('no-script-password-2026');
	await page.getByRole('button', { name: 'パスワードを変更する' }).click();
	await expect(page.getByRole('heading', { name: 'パスワードを変更しました' })).toBeVisible();

	// a second link, expired before it is used
	await logOut(page);
	await askForReset(page, person.email);
	const mails = await waitForMail(
		box,
		(ms) =>
			mailsTo(ms, person.email).filter((m) => m.subject.includes('パスワードの再設定')).length === 2
	);
	const second = /\/login\/reset\/([a-z2-7]{32})/.exec(mailsTo(mails, person.email).at(-1)!.text)!;
	const { error } = await serviceClient()
		.from('account_tokens')
		.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
		.eq('user_id', person.id)
		.is('used_at', null);
	expect(error).toBeNull();
	await page.goto(second[0]);
	await expect(page.getByRole('heading', { name: 'このリンクは使えません' })).toBeVisible();
	await expect(page.getByText('有効期限（1時間）が切れたか')).toBeVisible();
	await context.close();
});

test('パスワードを忘れた方 is limited to 3 an hour per address, the same for an address without an account', async ({
	request,
	baseURL
}) => {
	const ask = (email: string) =>
		request.post('/login/reset', {
			form: { email },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
	const known = await createTestUser('制限 かける');
	for (const email of [known.email, uniqueEmail('nobody')]) {
		for (let i = 0; i < 3; i++) {
			const answer = await ask(email);
			expect(answer.status()).toBe(200);
			expect(await answer.text()).toContain('登録されているアドレスなら');
		}
		const refused = await ask(email);
		expect(refused.status()).toBe(429);
		expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(3000);
		expect(await refused.text()).toContain('一時的に受け付けを止めています');
	}
});

test('sign-up: 確認メールを送りました, the banner until the address is confirmed, then joining works', async ({
	page
}) => {
	const organiser = await createTestUser('主催 みどり');
	const { id: eventId } = await createEvent(organiser.id, { title: '確認してから参加するサロン' });
	const person = who('verify');
	await signUp(page, person, { verified: false });
	await expect(page).toHaveURL(/\/signup\/sent$/);
	await expect(page.getByRole('status')).toHaveText(
		'確認メールを送りました。メールのリンクを開いて登録を完了してください。'
	);
	await expectAccessible(page);

	// browsing works; the banner says what is missing; joining is refused with the reason
	await page.goto(`/events/${eventId}`);
	const banner = page.locator('#verify-banner');
	await expect(banner).toContainText('メールアドレスの確認が済んでいません');
	await expect(page.locator('#join')).toContainText(
		'イベントに申し込むには、メールアドレスの確認が必要です'
	);
	await page.getByRole('button', { name: '参加を申し込む' }).first().click();
	await expect(
		page.getByText('メールアドレスの確認が済んでいないため、まだできません').first()
	).toBeVisible();
	await expectAccessible(page);

	// 確認メールをもう一度送る (in the banner) lands on /verify with the answer
	await banner.getByRole('button', { name: '確認メールをもう一度送る' }).click();
	await expect(page).toHaveURL(/\/verify#status$/);
	await expect(page.getByRole('status')).toHaveText(
		'確認メールを送りました。届いたメールのリンクを開いてください。'
	);
	await expect(page.getByText(person.email)).toBeVisible();
	await expectAccessible(page);

	const link = await linkIn(person.email, 'メールアドレスの確認', '/verify');
	await page.goto(link);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'メールアドレスを確認する' }).click();
	await expect(page.getByRole('heading', { name: 'メールアドレスを確認しました' })).toBeVisible();
	await expect(page.locator('#verify-banner')).toHaveCount(0);

	await page.goto(`/events/${eventId}`);
	await expect(page.locator('#verify-banner')).toHaveCount(0);
	await page.getByRole('button', { name: '参加を申し込む' }).first().click();
	await expect(page.getByText('参加を申し込みました。')).toBeVisible();

	// the link does nothing a second time
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('すでに使われています');
});

test('sign-up with a taken address answers the same, creates nothing and mails the owner', async ({
	browser
}) => {
	const owner = await createTestUser('持ち主 はな');
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/signup');
	// a name no other test gives anyone: the check below finds no account by it
	const name = `別の 人 ${randomUUID().slice(0, 8)}`;
	await page.getByLabel('表示名').fill(name);
	await page.getByLabel('メールアドレス').fill(owner.email);
	await page.getByLabel('パスワード', { exact: true }).fill('someone-else-2026');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page).toHaveURL(/\/signup\/sent$/);
	await expect(page.getByRole('status')).toHaveText(
		'確認メールを送りました。メールのリンクを開いて登録を完了してください。'
	);
	const { data } = await serviceClient().from('profiles').select('id').eq('display_name', name);
	expect(data).toEqual([]);
	const mails = await waitForMail(box, (ms) =>
		mailsTo(ms, owner.email).some((m) => m.subject.includes('すでに登録されています'))
	);
	const mail = mailsTo(mails, owner.email).find((m) =>
		m.subject.includes('すでに登録されています')
	)!;
	expect(mail.text).toContain(`${ORIGIN}/login\n`);
	expect(mail.text).toContain(`${ORIGIN}/login/reset\n`);
	await context.close();
});

test('changing one’s address in /account: confirmed by the link to the new address, the old one told', async ({
	page
}) => {
	const person = who('change');
	await signUp(page, person);
	await page.goto('/account');
	const section = page.locator('section', {
		has: page.getByRole('heading', { name: 'メールアドレスの変更' })
	});
	await expect(section).toContainText(`今のメールアドレス：${person.email}`);
	const fresh = uniqueEmail('fresh');
	await section.getByLabel('新しいメールアドレス').fill(fresh);
	await section.getByLabel('パスワード（ご本人の確認のため）').fill('wrong-password-2026');
	await section.getByRole('button', { name: '確認のメールを送る' }).click();
	await expect(section.getByText('現在のパスワードが正しくありません。')).toBeVisible();
	await expect(section.getByLabel('新しいメールアドレス')).toHaveValue(fresh);
	await section.getByLabel('パスワード（ご本人の確認のため）').fill(person.password);
	await section.getByRole('button', { name: '確認のメールを送る' }).click();
	await expect(section.getByRole('status')).toContainText(
		'新しいアドレスに確認のメールを送りました'
	);
	await expectAccessible(page);

	const link = await linkIn(fresh, '新しいメールアドレスの確認', '/account/email');
	await page.goto('/account');
	await expect(section).toContainText(`今のメールアドレス：${person.email}`);
	await page.goto(link);
	await expect(page.getByText(`メールアドレスを ${fresh} に変更します`)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: '変更する' }).click();
	await expect(page.getByRole('heading', { name: 'メールアドレスを変更しました' })).toBeVisible();
	await page.goto('/account');
	await expect(section).toContainText(`今のメールアドレス：${fresh}`);

	const undo = await linkIn(person.email, 'メールアドレスが変更されました', '/account/email/undo');
	await page.goto(undo);
	await expect(page.getByText(`メールアドレスを ${person.email} に戻します`)).toBeVisible();
	await expectAccessible(page);

	await logOut(page);
	await logIn(page, { email: fresh, password: person.password });
});
