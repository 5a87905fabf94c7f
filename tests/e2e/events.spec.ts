import { expect, test, type Browser } from '@playwright/test';
import ical from 'node-ical';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';
import { uniqueEmail } from '../support/db';

/** The second Tuesday of next month, as YYYY-MM-DD (Tokyo). */
function secondTuesdayNextMonth() {
	const now = new Date(Date.now() + 9 * 3600_000);
	const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
	const offset = (2 - first.getUTCDay() + 7) % 7;
	const day = 1 + offset + 7;
	return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day))
		.toISOString()
		.slice(0, 10);
}

async function resident(browser: Browser, name: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUp(page, { name, email: uniqueEmail('resident'), password: 'tsunagu-e2e-pass' });
	return { context, page };
}

test('a monthly salon with 3 places: three join, a fourth waits and is promoted when one leaves', async ({
	page,
	browser
}) => {
	const title = `ふれあいサロン${Math.random().toString(36).slice(2, 7)}`;
	const date = secondTuesdayNextMonth();
	await logIn(page, DEMO.member); // owner of 常盤平こども食堂の会

	await page.goto('/events/new');
	await expectAccessible(page);
	await page.getByLabel('タイトル').fill(title);
	await page.getByLabel('種類').selectOption('salon');
	await page.getByLabel('ひとことで言うと').fill('お茶を飲みながらおしゃべりしましょう');
	await page.getByLabel('日付', { exact: true }).fill(date);
	await page.getByLabel('開始時刻').fill('13:30');
	await page.getByLabel('終了時刻').fill('15:30');
	await page.getByLabel('くり返し', { exact: true }).selectOption('monthly');
	await page.getByLabel('回数', { exact: true }).fill('3');
	await page.getByLabel('会場名').fill('常盤平市民センター');
	await page.getByLabel('会場の住所').fill('千葉県松戸市常盤平3-30');
	await page.getByLabel('地域', { exact: true }).selectOption({ label: '常盤平' });
	await page.getByLabel('主催団体').selectOption({ label: '常盤平こども食堂の会' });
	await page.getByLabel('定員').fill('3');
	await page.getByLabel('問い合わせ電話番号').fill('047-000-0001');
	await page.getByLabel('参加費（任意）').fill('100円（お茶代）');
	await page.getByLabel('持ち物（任意）').fill('飲み物');
	await page.getByRole('button', { name: '公開する' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('毎月第2火曜日')).toBeVisible();
	await expect(page.locator('dl.facts')).toContainText('100円（お茶代）');
	await expect(page.locator('dl.facts')).toContainText('飲み物');
	await expect(
		page.getByRole('region', { name: '参加申込' }).getByText('電話でも申し込めます')
	).toBeVisible();
	const joinItems = page.locator('.join .occurrences > li');
	await expect(joinItems).toHaveCount(3);
	await expectAccessible(page);
	const eventPath = new URL(page.url()).pathname;

	const people = [];
	for (const name of ['住民 一', '住民 二', '住民 三']) {
		const r = await resident(browser, name);
		await r.page.goto(eventPath);
		await r.page
			.locator('.join .occurrences > li')
			.first()
			.getByRole('button', { name: '参加を申し込む' })
			.click();
		await expect(r.page.getByText('参加申込済みです（1人）')).toBeVisible();
		people.push(r);
	}
	const fourth = await resident(browser, '住民 四');
	await fourth.page.goto(eventPath);
	const first = fourth.page.locator('.join .occurrences > li').first();
	await expect(first.getByText('満員')).toBeVisible();
	await first.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
	await expect(fourth.page.getByText('キャンセル待ち 1番目です')).toBeVisible();

	// one leaves (after saying yes to what it will do); the fourth moves up
	const leaving = people[0].page.locator('.join .occurrences > li').first();
	await leaving.getByRole('link', { name: '参加を取り消す' }).click();
	await expect(leaving.getByRole('group', { name: '参加を取り消しますか？' })).toContainText(
		'取り消すと、キャンセル待ちの次の方が繰り上がり、お知らせが届きます。'
	);
	await leaving.getByRole('button', { name: '取り消す', exact: true }).click();
	await expect(leaving.getByRole('status')).toHaveText('参加を取り消しました。');
	// the place went straight to the waiting list, so it is full again
	await expect(
		people[0].page
			.locator('.join .occurrences > li')
			.first()
			.getByRole('button', { name: 'キャンセル待ちに登録する' })
	).toBeVisible();
	await fourth.page.reload();
	await expect(fourth.page.getByText('参加申込済みです（1人）')).toBeVisible();

	// the list shows the series once, at its next date with the dates after it, and filters by area
	await page.goto('/events?area=tokiwadaira');
	await expect(page.locator('article', { hasText: title })).toHaveCount(1);
	await expect(page.locator('article', { hasText: title })).toContainText('毎月第2火曜日 ほか2回');
	await expectAccessible(page);
	await page.goto('/events?area=yagiri');
	await expect(page.locator('article', { hasText: title })).toHaveCount(0);

	// the area's calendar feed has the three dates; calendar and flyer pass axe
	const feed = await page.request.get('/calendar.ics?area=tokiwadaira');
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const entries = Object.values(ical.sync.parseICS(await feed.text())).filter(
		(c) => c?.type === 'VEVENT' && (c as { summary?: unknown }).summary === title
	);
	expect(entries).toHaveLength(3);
	await page.goto(`/calendar?month=${date.slice(0, 7)}`);
	await expect(page.getByRole('link', { name: new RegExp(title) }).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto(`${eventPath}/flyer`);
	await expect(page.locator('.qr svg')).toBeVisible();
	await expect(page.locator('.fee dd')).toHaveText('100円（お茶代）');
	await expectAccessible(page);

	for (const r of [...people, fourth]) await r.context.close();
});

test('bad event input gets field messages, keeps the form and writes nothing', async ({ page }) => {
	const title = `入力確認イベント${Math.random().toString(36).slice(2, 7)}`;
	await signUp(page, {
		name: '主催 試験',
		email: uniqueEmail('organiser'),
		password: 'tsunagu-e2e-pass'
	});
	await page.goto('/events/new');
	await page.getByLabel('タイトル').fill('   ');
	await page.getByLabel('種類').selectOption('workshop');
	await page.getByLabel('日付', { exact: true }).fill('2027-03-10');
	await page.getByLabel('開始時刻').fill('15:00');
	await page.getByLabel('終了時刻').fill('14:00');
	await page.getByLabel('会場名').fill('小金市民センター');
	await page.getByLabel('定員').fill('0');
	await page.getByLabel('申込締切').fill('2027-03-11T10:00');
	await page.getByRole('button', { name: '公開する' }).click();
	await expect(page.getByText('タイトルを入力してください。')).toBeVisible();
	await expect(page.getByText('終了は開始より後にしてください。')).toBeVisible();
	await expect(page.getByText('定員は1以上の数字で入力してください')).toBeVisible();
	await expect(page.getByText('申込締切は開始時刻より前にしてください。')).toBeVisible();
	await expect(page.getByLabel('会場名')).toHaveValue('小金市民センター');

	await page.getByLabel('タイトル').fill(title);
	await page.getByLabel('終了時刻').fill('16:00');
	await page.getByLabel('定員').fill('-5');
	await page.getByLabel('申込締切').fill('');
	await page.getByLabel('くり返し', { exact: true }).selectOption('weekly');
	await page.getByRole('radio', { name: '日付で決める' }).check();
	await page.getByLabel('最後の日').fill('2040-12-31');
	await page.getByRole('button', { name: '公開する' }).click();
	await expect(page.getByText('くり返しは500回までです')).toBeVisible();
	await expect(page.getByText('定員は1以上の数字で入力してください')).toBeVisible();
	await expect(page.getByLabel('タイトル')).toHaveValue(title);

	await page.goto(`/events?q=${encodeURIComponent(title)}`);
	await expect(page.getByText('0件の開催予定')).toBeVisible();
});
