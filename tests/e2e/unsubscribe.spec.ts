// One-click unsubscribe as a person uses it from a mail, on a phone, with and
// without JavaScript: the page asks 「〇〇のメールを停止しますか」 (opening it
// changes nothing), the button stops exactly that kind and says so, and a
// broken link says what to do. And /account/notifications: the language of
// mails, and the notice when mail to one's address bounced.
import { expect, test, type Page } from '@playwright/test';
import { signUnsubscribe } from '$lib/server/mail/unsubscribe';
import { createTestUser, serviceClient, testEnv, uniqueEmail } from '../support/db';
import { expectAccessible, signUp } from './helpers';

const phone = { width: 390, height: 844 };

async function prefsOf(userId: string) {
	const { data, error } = await serviceClient()
		.from('notification_preferences')
		.select('confirmations, changes_cancellations, reminders, digest_frequency')
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(error.message);
	return data;
}

const link = (userId: string, kind: Parameters<typeof signUnsubscribe>[2], prefix = '') =>
	`${prefix}/unsubscribe?t=${signUnsubscribe(testEnv().jwtSecret, userId, kind)}`;

/** (axe needs scripts: `axe` only where JavaScript runs) */
async function stopFromPage(
	page: Page,
	question: string,
	button: string,
	done: string,
	axe: boolean
) {
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(question);
	if (axe) await expectAccessible(page);
	await page.getByRole('button', { name: button }).click();
	await expect(page.getByRole('status')).toHaveText(done);
}

test('with JavaScript, on a phone: asks, stops exactly that kind, links to the settings', async ({
	page
}) => {
	await page.setViewportSize(phone);
	const member = await createTestUser('メール 止める');
	await page.goto(link(member.id, 'changes_cancellations'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('メールの停止');
	// opening the link changed nothing
	expect(await prefsOf(member.id)).toBeNull();
	await stopFromPage(
		page,
		'「変更・中止のお知らせ」のメールを停止しますか',
		'停止する',
		'「変更・中止のお知らせ」のメールを停止しました。',
		true
	);
	await expect(page.getByText('ほかのお知らせのメールは、これまでどおり届きます。')).toBeVisible();
	await expect(page.getByRole('link', { name: '通知の設定を開く' })).toHaveAttribute(
		'href',
		'/account/notifications'
	);
	await expectAccessible(page);
	expect(await prefsOf(member.id)).toEqual({
		confirmations: null,
		changes_cancellations: false,
		reminders: null,
		digest_frequency: null
	});
	// nothing overflows the phone's width
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(phone.width);

	// a broken link: what to do instead, no button
	await page.goto('/unsubscribe?t=broken');
	await expect(page.getByText('このリンクは使えません。')).toBeVisible();
	await expect(page.getByRole('button', { name: '停止する' })).toHaveCount(0);
	await expectAccessible(page);
});

test('without JavaScript, in English: the digest stops; a broken link says what to do', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
	const page = await context.newPage();
	const member = await createTestUser('Digest Reader');
	await page.goto(link(member.id, 'digest', '/en'));
	await stopFromPage(
		page,
		'Stop the emails “Digest of events you follow”?',
		'Stop these emails',
		'The emails “Digest of events you follow” are stopped.',
		false
	);
	await expect(page.getByRole('link', { name: 'Open notification settings' })).toHaveAttribute(
		'href',
		'/en/account/notifications'
	);
	expect((await prefsOf(member.id))?.digest_frequency).toBe('none');

	// a link cut short or altered: no button, a way on
	const other = await createTestUser('別の 人');
	const token = signUnsubscribe(testEnv().jwtSecret, member.id, 'reminders');
	await page.goto(`/unsubscribe?t=${other.id}${token.slice(member.id.length)}`);
	await expect(page.getByText('このリンクは使えません。')).toBeVisible();
	await expect(page.getByRole('button', { name: '停止する' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: '通知の設定を開く' })).toBeVisible();
	expect(await prefsOf(other.id)).toBeNull();
	await context.close();
});

test('the settings page: the language of mails, and the notice when mail to one’s address bounced', async ({
	page
}) => {
	await page.setViewportSize(phone);
	const member = { name: '言語 設定', email: uniqueEmail('locale'), password: 'tsunagu-e2e-pass' };
	await signUp(page, member);
	await page.goto('/account/notifications');
	await expect(page.getByText('メールが届きませんでした。アドレスを確認してください')).toHaveCount(
		0
	);
	await expect(page.getByRole('radio', { name: '日本語' })).toBeChecked();
	await page.getByRole('radio', { name: 'English（英語）' }).check();
	await page.getByRole('button', { name: '設定を保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('お知らせの設定を保存しました。');
	const { data: cred } = await serviceClient()
		.from('credentials')
		.select('user_id')
		.eq('email', member.email)
		.single();
	const userId = cred!.user_id;
	const { data: profile } = await serviceClient()
		.from('profiles')
		.select('locale')
		.eq('id', userId)
		.single();
	expect(profile?.locale).toBe('en');

	await serviceClient()
		.from('credentials')
		.update({ email_bounced_at: new Date().toISOString() })
		.eq('user_id', userId);
	await page.goto('/account/notifications');
	await expect(
		page.getByText('メールが届きませんでした。アドレスを確認してください')
	).toBeVisible();
	await expect(page.getByRole('radio', { name: 'English（英語）' })).toBeChecked();
	await expectAccessible(page);
});
