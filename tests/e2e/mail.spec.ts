// Mail as people meet it (issue 11), against the built app with the
// development mailbox and a worker beside it (scripts/test.ts): a member
// follows an area, an organiser publishes an event there, the member finds
// the in-app notice; the weekly digest runs (its task added to the job queue
// through the database, as the worker's cron adds it) and the digest shows in
// /dev/mail; the member stops the digest through the link in the mail; and
// /dev/mail reads on a phone.
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { createTestUser, DEMO_IDS, testEnv, uniqueEmail, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const password = 'tsunagu-e2e-pass';
const suffix = () => Math.random().toString(36).slice(2, 7);
const WEEKLY = '今週末と来週のイベント';

const DAY = 86_400_000;
const tokyoDay = (d: Date) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(d);
const plusDays = (day: string, n: number) =>
	tokyoDay(new Date(new Date(`${day}T12:00:00+09:00`).getTime() + n * DAY));

/**
 * An event day ten days ahead (Tokyo) and the Friday whose weekly digest
 * lists it: that digest covers the Saturday after the Friday through the
 * Sunday of the week after.
 */
function eventDayAndFriday() {
	const day = plusDays(tokyoDay(new Date()), 10);
	const weekday = new Date(`${day}T12:00:00+09:00`).getUTCDay();
	const back = (weekday + 7 - 5) % 7 || 7;
	return { day, friday: plusDays(day, -back) };
}

/** The weekly digest task added to graphile-worker's queue, as the cron does at 18:00 Tokyo. */
async function runWeeklyDigest(friday: string) {
	const client = new pg.Client({ connectionString: testEnv().databaseUrl });
	await client.connect();
	try {
		await client.query(`select graphile_worker.add_job('mail_digests', $1::json)`, [
			JSON.stringify({ frequency: 'weekly', now: `${friday}T18:00:00+09:00` })
		]);
	} finally {
		await client.end();
	}
}

/** Waits for a mail in /dev/mail (reloading) and opens it. */
async function openMail(page: Page, to: string, subject: string) {
	const item = page.locator('.mails li', { hasText: to }).filter({ hasText: subject });
	await expect(async () => {
		await page.goto('/dev/mail');
		await expect(item).toHaveCount(1, { timeout: 500 });
	}).toPass({ timeout: 30_000 });
	await item.getByRole('link', { name: subject }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
	return page.locator('pre');
}

async function followKogane(page: Page) {
	await page.goto('/areas/kogane');
	const box = page.locator('#follow');
	await box.getByRole('button', { name: 'フォローする' }).click();
	await expect(box.getByRole('status')).toHaveText('フォローしました。');
}

test('a member follows an area, an organiser publishes an event there: the notice in お知らせ, then the weekly digest by mail', async ({
	page,
	browser
}) => {
	const follower = { name: 'まとめ 住民', email: uniqueEmail('digest'), password };
	await signUp(page, follower);
	await followKogane(page);

	// the organiser (the demo coordinator) publishes an event in 小金 through the form
	const { day, friday } = eventDayAndFriday();
	const title = `小金のまとめ茶話会${suffix()}`;
	const organiserContext = await browser.newContext();
	const organiser = await organiserContext.newPage();
	await logIn(organiser, DEMO.coordinator);
	await organiser.goto('/events/new');
	await organiser.getByLabel('タイトル').fill(title);
	await organiser.getByLabel('種類').selectOption('salon');
	await organiser.getByLabel('日付', { exact: true }).fill(day);
	await organiser.getByLabel('開始時刻').fill('10:00');
	await organiser.getByLabel('終了時刻').fill('12:00');
	await organiser.getByLabel('会場名').fill('小金市民センター');
	await organiser.getByLabel('地域', { exact: true }).selectOption({ label: '小金' });
	await organiser.getByRole('button', { name: '公開する' }).click();
	await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(title);
	await organiserContext.close();

	// the in-app notice at once
	await page.goto('/notifications');
	const notice = page.locator('.notifications li', { hasText: title });
	await expect(notice).toHaveCount(1);
	await expect(notice).toContainText(
		'フォローしている地域・分野・団体で、新しいイベントが公開されました'
	);

	// Friday 18:00: the weekly digest, read in the development mailbox
	await runWeeklyDigest(friday);
	const mail = await openMail(page, follower.email, WEEKLY);
	await expect(mail).toContainText(`${follower.name} さん`);
	await expect(mail).toContainText(`■${title}`);
	const [y, m, d] = day.split('-').map(Number);
	await expect(mail).toContainText(new RegExp(`日時：${y}年${m}月${d}日\\(.\\) 10:00〜12:00`));
	await expect(mail).toContainText('場所：小金市民センター');
	await expect(mail).toContainText('フォロー中：小金（地域）');
	await expect(mail).toContainText('/account/notifications');
	// once, though the digest ran for everyone who follows something
	expect((await mail.innerText()).split(title).length - 1).toBe(1);

	// the link under its title leads to the event (other tests' events may come before it)
	const entry = (await mail.innerText()).split(`■${title}`)[1] ?? '';
	const link = entry.match(/http:\/\/127\.0\.0\.1:\d+\/events\/[0-9a-f-]{36}/);
	expect(link, 'the digest links to the event').not.toBeNull();
	await page.goto(link![0]);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

// Needs the one-click unsubscribe of the mail sender (a signed link
// <ORIGIN>/unsubscribe?t=<token> in every mail that can be stopped, and the
// page behind it): until that is merged, this test fails at the link.
test('the member stops the digest through the link in the mail, without logging in', async ({
	page,
	browser
}) => {
	const follower = { name: 'まとめ 停止', email: uniqueEmail('unsub'), password };
	await signUp(page, follower);
	await followKogane(page);
	const { day, friday } = eventDayAndFriday();
	const title = `停止前の茶話会${suffix()}`;
	await createEvent(DEMO_IDS.coordinator, {
		title,
		areaSlug: 'kogane',
		startsAt: new Date(`${day}T14:00:00+09:00`)
	});
	await runWeeklyDigest(friday);
	const mail = await openMail(page, follower.email, WEEKLY);
	await expect(mail).toContainText(`■${title}`);
	const link = (await mail.innerText()).match(/http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?t=\S+/);
	expect(
		link,
		'the digest mail carries no one-click unsubscribe link (<ORIGIN>/unsubscribe?t=<token>)'
	).not.toBeNull();

	// opened from a mail program: no session
	const context = await browser.newContext();
	const outside = await context.newPage();
	await outside.goto(link![0]);
	await outside.getByRole('button', { name: '停止する' }).click();
	await expect(outside.locator('main')).toContainText('停止しました');
	await expect(outside.getByRole('button', { name: '停止する' })).toHaveCount(0);
	await context.close();

	// the member's settings say so: the digest is no longer sent
	await page.goto('/account/notifications');
	await expect(page.getByRole('radio', { name: '送らない' })).toBeChecked();
});

test('/dev/mail reads on a phone: the list and a message', async ({ page }) => {
	// a confirmation mail with a long title and a long link
	const person = await createTestUser('まとめ スマホ');
	const title = `スマートフォンで読むための、とても長い名前のイベント・地域の集まり${suffix()}`;
	const { occurrenceIds } = await createEvent(DEMO_IDS.coordinator, {
		title,
		onlineUrl: `https://meet.example/${'very-long-meeting-room-name-'.repeat(4)}room`
	});
	const { error } = await userClient(person.id).rpc('join_occurrence', {
		p_occurrence: occurrenceIds[0],
		p_companions: 0
	});
	expect(error).toBeNull();
	const subject = `参加登録のお知らせ：${title}`;

	await page.setViewportSize({ width: 390, height: 844 });
	const mail = await openMail(page, person.email, subject);
	await expect(mail).toBeVisible();
	await expect(mail).toContainText(title);
	await expect(mail).toContainText('https://meet.example/');
	const widths = () =>
		page.evaluate(() => ({
			page: document.documentElement.scrollWidth,
			mail: document.querySelector('pre')?.scrollWidth ?? 0,
			mailBox: document.querySelector('pre')?.clientWidth ?? 0
		}));
	// nothing wider than the phone: the text wraps, long links too
	const message = await widths();
	expect(message.page).toBeLessThanOrEqual(390);
	expect(message.mail).toBeLessThanOrEqual(message.mailBox);
	await expectAccessible(page);

	await page.getByRole('link', { name: '一覧へ戻る' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('送ったメール（開発用）');
	await expect(page.getByRole('link', { name: subject })).toBeVisible();
	expect((await widths()).page).toBeLessThanOrEqual(390);
	await expectAccessible(page);
});
