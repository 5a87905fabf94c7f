// Follows (関心縁) and notification settings (issue 11), as people use them: a
// member follows an area from its page, an organiser publishes an event there,
// and the member finds the notice in お知らせ; the settings page passes axe on
// a phone and a desktop, and saves and unfollows without JavaScript.
import { expect, test } from '@playwright/test';
import { uniqueEmail } from '../support/db';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const suffix = () => Math.random().toString(36).slice(2, 7);
const password = 'tsunagu-e2e-pass';

test('a member follows an area, an organiser publishes an event there, the member sees the notice', async ({
	page,
	browser
}) => {
	const follower = { name: 'フォロー 住民', email: uniqueEmail('follow'), password };
	await signUp(page, follower);
	await page.goto('/areas/yagiri');
	const box = page.locator('#follow');
	await expect(box).toContainText('フォローすると、この地域で新しいイベントが公開されたとき');
	await box.getByRole('button', { name: 'フォローする' }).click();
	await expect(box.getByRole('status')).toHaveText('フォローしました。');
	await expect(page).toHaveURL(/\/areas\/yagiri#follow$/);
	await expect(box.getByRole('button', { name: 'フォローをやめる' })).toBeVisible();
	await expect(box).toContainText('この地域をフォローしています。');

	// the organiser (the demo coordinator) publishes an event in 矢切 through the form
	const title = `フォローの茶話会${suffix()}`;
	const organiserContext = await browser.newContext();
	const organiser = await organiserContext.newPage();
	await logIn(organiser, DEMO.coordinator);
	await organiser.goto('/events/new');
	await organiser.getByLabel('タイトル').fill(title);
	await organiser.getByLabel('種類').selectOption('salon');
	await organiser.getByLabel('日付', { exact: true }).fill('2027-05-15');
	await organiser.getByLabel('開始時刻').fill('10:00');
	await organiser.getByLabel('終了時刻').fill('12:00');
	await organiser.getByLabel('会場名').fill('矢切公民館');
	await organiser.getByLabel('地域', { exact: true }).selectOption({ label: '矢切' });
	await organiser.getByRole('button', { name: '公開する' }).click();
	await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(title);
	await organiserContext.close();

	// the follower's お知らせ: what happened, the event's title (a link) and its date
	await page.goto('/notifications');
	const notice = page.locator('.notifications li', { hasText: title });
	await expect(notice).toHaveCount(1);
	await expect(notice).toContainText(
		'フォローしている地域・分野・団体で、新しいイベントが公開されました'
	);
	await expect(notice).toContainText('2027年5月15日');
	await notice.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	// the settings page lists the area; axe on a phone and on a desktop
	await page.goto('/account/notifications');
	await expect(page.locator('#follows').getByRole('link', { name: '矢切' })).toBeVisible();
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await expectAccessible(page);
	}
});

test('the settings page unfollows and saves without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const member = { name: 'フォロー 設定', email: uniqueEmail('prefs'), password };
	await signUp(page, member);

	// follow a field from its hub, then find it in the list and stop following it there
	await page.goto('/fields/children');
	await page.locator('#follow').getByRole('button', { name: 'フォローする' }).click();
	await expect(page.locator('#follow').getByRole('status')).toContainText('フォローしました。');

	await page.goto('/account');
	await page.getByRole('link', { name: 'お知らせとフォローの設定を開く' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('お知らせとフォローの設定');
	const follows = page.locator('#follows');
	await expect(follows.getByRole('link', { name: '子ども・子育て' })).toBeVisible();
	// following something: the digest is weekly unless chosen otherwise
	await expect(page.getByRole('radio', { name: '毎週（金曜日の夕方）' })).toBeChecked();
	await expect(
		page.getByText('この設定に関係なく、いつもすべてのお知らせが届きます')
	).toBeVisible();

	await follows.getByRole('button', { name: '「子ども・子育て」のフォローをやめる' }).click();
	await expect(page).toHaveURL(/\/account\/notifications#follows$/);
	await expect(follows.getByRole('status')).toHaveText('フォローをやめました。');
	await expect(follows).toContainText('まだ何もフォローしていません。');

	// mail settings: defaults shown, changed, saved, still there after a reload
	const reminders = page.getByRole('checkbox', { name: '前日のお知らせ' });
	const replies = page.getByRole('checkbox', { name: '話題への新しい投稿' });
	await expect(reminders).toBeChecked();
	await expect(replies).not.toBeChecked();
	await expect(page.getByRole('radio', { name: '送らない' })).toBeChecked();
	await reminders.uncheck();
	await replies.check();
	await page.getByRole('radio', { name: '毎日' }).check();
	await page.getByRole('button', { name: '設定を保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('お知らせの設定を保存しました。');
	await page.goto('/account/notifications');
	await expect(reminders).not.toBeChecked();
	await expect(replies).toBeChecked();
	await expect(page.getByRole('checkbox', { name: '参加申込の確認' })).toBeChecked();
	await expect(page.getByRole('radio', { name: '毎日' })).toBeChecked();

	// /me links here too
	await page.goto('/me');
	await page.getByRole('link', { name: 'お知らせとフォローの設定' }).click();
	await expect(page).toHaveURL(/\/account\/notifications$/);
	await context.close();
});
