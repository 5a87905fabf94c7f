// The organiser's attendee list (参加者名簿) with phone applicants, attendance
// and the CSV for Excel; the notifications bell after a waiting-list promotion.
import { expect, test, type Page } from '@playwright/test';
import { createEvent } from '../support/events';
import { parseCsv } from '../support/csv';
import { createTestUser, DEMO_IDS, serviceClient, uniqueEmail, userClient } from '../support/db';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const SEEDED_ORG = '10000000-0000-4000-8000-000000000001'; // 常盤平こども食堂の会, owned by the demo member

const suffix = () => Math.random().toString(36).slice(2, 7);

/** The element the address points at (#attendee-…): where the page landed. */
const landed = (page: Page) => page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);

/** Signs a new person up through the form and returns their id. */
async function signUpNew(page: Page, name: string) {
	const email = uniqueEmail('attend');
	await signUp(page, { name, email, password: 'tsunagu-e2e-pass' });
	const { data, error } = await serviceClient()
		.from('credentials')
		.select('user_id')
		.eq('email', email)
		.single();
	if (error || !data) throw new Error(error?.message ?? 'no account');
	return data.user_id;
}

test('the organiser adds phone applicants, marks attendance, cancels and downloads the CSV', async ({
	page
}) => {
	const title = `名簿テストのサロン${suffix()}`;
	// started 30 minutes ago, so that attendance can be recorded
	const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, {
		title,
		capacity: 3,
		organizationId: SEEDED_ORG,
		startsAt: new Date(Date.now() - 30 * 60_000),
		durationMinutes: 180
	});
	const occurrence = occurrenceIds[0];
	await logIn(page, DEMO.member);
	await page.goto(`/events/${id}/attendees`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('参加者名簿');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(page.locator('.counts')).toContainText('0人 / 定員3人');

	// a person who phoned in, with one companion
	await page.getByLabel('氏名').fill('電話 花子');
	await page.getByLabel('電話番号（任意）').fill('047-000-1234');
	await page.getByLabel('同伴者の人数（本人を除く）').selectOption('1');
	await page.getByLabel('メモ（任意）').fill('車いすで来場');
	await page.getByRole('button', { name: '追加する' }).click();
	await expect(page.getByText('電話 花子 さんを参加者に追加しました。')).toBeVisible();
	// at her new row, at an address that adds nobody again when reloaded
	await expect(page).toHaveURL(
		new RegExp(`/events/${id}/attendees\\?occurrence=${occurrence}#attendee-[0-9a-f-]{36}$`)
	);
	await expect(landed(page)).toContainText('電話 花子');
	await expect(landed(page).getByRole('status')).toBeInViewport();
	await expect(page.locator('.counts')).toContainText('2人 / 定員3人');
	await expect(page.getByLabel('氏名')).toHaveValue('');

	// a family of three no longer fits: the waiting list
	await page.getByLabel('氏名').fill('紙 一家');
	await page.getByLabel('同伴者の人数（本人を除く）').selectOption('2');
	await page.getByRole('button', { name: '追加する' }).click();
	await expect(
		page.getByText('定員に達しているため、紙 一家 さんをキャンセル待ちに追加しました。')
	).toBeVisible();
	await expect(page.locator('.counts')).toContainText('2人 / 定員3人');
	const waiting = page.getByRole('region', { name: 'キャンセル待ち（1件）' });
	await expect(waiting.getByRole('listitem')).toHaveCount(1);
	await expect(waiting.getByRole('listitem')).toContainText('1番目');
	await expect(waiting.getByRole('listitem')).toContainText('紙 一家');
	await expect(waiting.getByRole('listitem')).toContainText('同伴2人（計3人）');

	// bad input keeps what was typed and says why
	await page.getByLabel('電話番号（任意）').fill('not a phone');
	await page.getByRole('button', { name: '追加する' }).click();
	await expect(
		page.getByText('電話番号は数字とハイフンで、30文字以内で入力してください。')
	).toBeVisible();
	await expect(page.getByLabel('電話番号（任意）')).toHaveValue('not a phone');
	await page.getByLabel('電話番号（任意）').fill('');

	// attendance, now that it has started
	await page.getByRole('button', { name: /^出席\s*（電話 花子）$/ }).click();
	await expect(page.getByRole('region', { name: '参加する人（1件）' })).toContainText('出欠：出席');
	await expect(landed(page).getByRole('status')).toHaveText('出欠を記録しました。');
	await expect(landed(page)).toBeInViewport();
	await expectAccessible(page);

	// the CSV, as Excel in Japan needs it
	const response = await page.request.get(`/events/${id}/attendees.csv?occurrence=${occurrence}`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(response.headers()['cache-control']).toBe('private, no-store');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="attendees-\d{8}\.csv"; filename\*=UTF-8''%E5%8F%82/
	);
	const body = await response.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(body.subarray(3).toString('utf8'));
	expect(rows[0]).toEqual(['氏名', '電話', '人数（同伴含む）', '状態', '申込日時', '出席', 'メモ']);
	expect(rows[1]).toEqual([
		'電話 花子',
		'047-000-1234',
		'2',
		'参加',
		expect.stringMatching(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/),
		'出席',
		'車いすで来場'
	]);
	expect(rows[2].slice(0, 4)).toEqual(['紙 一家', '', '3', 'キャンセル待ち（1番目）']);
	expect(rows.filter((r) => r.length > 1)).toHaveLength(3);

	// the link on the page downloads the same file under its Japanese name
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'CSVでダウンロード（Excel対応）' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(new RegExp(`^参加者名簿_${title}_\\d{8}\\.csv$`));

	// cancelling the first makes room: the family moves up
	await page.getByRole('link', { name: /^キャンセルする\s*（電話 花子）$/ }).click();
	const confirm = page.getByRole('group', { name: '電話 花子 さんの申込をキャンセルしますか？' });
	await expect(confirm).toContainText('キャンセル待ちの次の方が繰り上がります');
	await expectAccessible(page);
	await confirm.getByRole('button', { name: 'キャンセルする', exact: true }).click();
	await expect(page.getByText('申込をキャンセルしました。')).toBeVisible();
	// back at the list she left, where the family now is
	await expect(page).toHaveURL(
		new RegExp(`/events/${id}/attendees\\?occurrence=${occurrence}#going$`)
	);
	await expect(
		page.getByRole('region', { name: '参加する人（1件）' }).getByRole('status')
	).toBeInViewport();
	await expect(page.locator('.counts')).toContainText('3人 / 定員3人');
	await expect(page.getByRole('region', { name: '参加する人（1件）' })).toContainText('紙 一家');
	await expect(page.locator('details.cancelled summary')).toHaveText('キャンセルした人（1件）');

	await page.goto(`/en/events/${id}/attendees`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Attendee list');
	await expect(page.locator('.counts')).toContainText('3 of 3 places');
	await expectAccessible(page);
});

test('the attendee list works on a 360 px phone without JavaScript', async ({ browser }) => {
	const { id } = await createEvent(DEMO_IDS.member, {
		title: `スマホ名簿${suffix()}`,
		capacity: 5,
		repeat: 'weekly',
		count: 3
	});
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await logIn(page, DEMO.member);
	await page.goto(`/events/${id}/attendees`);
	await page.getByLabel('氏名').fill('紙 太郎');
	await page.getByRole('button', { name: '追加する' }).click();
	await expect(page.getByText('紙 太郎 さんを参加者に追加しました。')).toBeVisible();
	await expect(page.locator('.counts')).toContainText('1人 / 定員5人');
	// three weekly sessions: the second one has nobody yet
	await page.getByLabel('開催回').selectOption({ index: 1 });
	await page.getByRole('button', { name: '表示する' }).click();
	await expect(page).toHaveURL(/\?occurrence=/);
	await expect(page.locator('.counts')).toContainText('0人 / 定員5人');
	await context.close();

	// axe needs JavaScript; the same page at the same width
	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2
	});
	const phonePage = await phone.newPage();
	await logIn(phonePage, DEMO.member);
	await phonePage.goto(`/events/${id}/attendees`);
	await expect(phonePage.locator('.counts')).toContainText('1人 / 定員5人');
	const overflow = await phonePage.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(phonePage);
	await phone.close();
});

test('people who do not manage the event get 403', async ({ page, browser }) => {
	const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, {
		title: `他人の名簿${suffix()}`,
		capacity: 3
	});
	await signUpNew(page, '別の 会員');
	expect((await page.goto(`/events/${id}/attendees`))?.status()).toBe(403);
	expect(
		(await page.request.get(`/events/${id}/attendees.csv?occurrence=${occurrenceIds[0]}`)).status()
	).toBe(403);
	const guest = await page.request.post(
		`/events/${id}/attendees?occurrence=${occurrenceIds[0]}&/addGuest`,
		{
			form: { name: '勝手 太郎', phone: '', note: '', companions: '0' },
			headers: { origin: new URL(page.url()).origin }
		}
	);
	expect(guest.status()).toBe(403);
	expect(await guest.text()).not.toContain('Cross-site');

	// signed out: the CSV is refused, the page asks to log in
	const anon = await browser.newContext();
	expect((await anon.request.get(`/events/${id}/attendees.csv`)).status()).toBe(403);
	const anonPage = await anon.newPage();
	await anonPage.goto(`/events/${id}/attendees`);
	await expect(anonPage).toHaveURL(/\/login\?redirectTo=/);
	await anon.close();

	// the organiser's list shows nobody was added
	const organiser = await browser.newContext();
	const organiserPage = await organiser.newPage();
	await logIn(organiserPage, DEMO.member);
	await organiserPage.goto(`/events/${id}/attendees`);
	await expect(organiserPage.locator('.counts')).toContainText('0人 / 定員3人');
	await organiser.close();
});

test('the bell counts a promotion from the waiting list until it is read', async ({
	page,
	browser
}) => {
	const title = `繰り上げテスト${suffix()}`;
	const waiterId = await signUpNew(page, '待つ 人');
	await expect(page.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();

	const first = await createTestUser('先に申し込んだ 人');
	const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, { title, capacity: 1 });
	const join = async (userId: string) => {
		const { data, error } = await userClient(userId).rpc('join_occurrence', {
			p_occurrence: occurrenceIds[0],
			p_companions: 0
		});
		if (error || !data) throw new Error(error?.message);
		return data;
	};
	const going = await join(first.id);
	expect(going.status).toBe('going');
	expect((await join(waiterId)).status).toBe('waitlisted');
	const cancelled = await userClient(first.id).rpc('cancel_registration', {
		p_registration: going.id
	});
	expect(cancelled.error).toBeNull();

	await page.goto('/');
	const bell = page.getByRole('link', { name: 'お知らせ（未読1件）' });
	await expect(bell).toBeVisible();
	await bell.click();
	await expect(page).toHaveURL(/\/notifications$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('お知らせ');
	const item = page.locator('.notifications li').first();
	await expect(item).toContainText('キャンセル待ちから参加確定になりました');
	await expect(item).toContainText('未読');
	await expect(item).toContainText('開催日時：');
	await expect(item.getByRole('link', { name: title })).toHaveAttribute('href', `/events/${id}`);
	await expectAccessible(page);
	await page.goto('/en/notifications');
	await expect(page.getByRole('link', { name: 'Notifications (1 unread)' })).toBeVisible();
	await expect(page.locator('.notifications li').first()).toContainText(
		'You have moved up from the waiting list'
	);
	await expect(
		page.locator('.notifications li').first().getByRole('link', { name: title })
	).toHaveAttribute('href', `/en/events/${id}`);
	await expectAccessible(page);

	await page.goto('/notifications');
	await page.getByRole('button', { name: 'すべて既読にする' }).click();
	await expect(page.getByText('すべて既読にしました。')).toBeVisible();
	await expect(page.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: /未読/ })).toHaveCount(0);
	await expect(page.locator('.notifications li').first()).not.toContainText('未読');
	await page.reload();
	await expect(page.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'すべて既読にする' })).toHaveCount(0);

	// without JavaScript the form's POST answers with the page: the bell, read with the
	// session before the action, is counted again after it
	const { error } = await serviceClient().from('notifications').insert({
		user_id: waiterId,
		kind: 'promoted',
		event_id: id,
		occurrence_id: occurrenceIds[0]
	});
	expect(error).toBeNull();
	const noScript = await browser.newContext({ javaScriptEnabled: false });
	await noScript.addCookies(await page.context().cookies());
	const phone = await noScript.newPage();
	await phone.goto('/notifications');
	await expect(phone.getByRole('link', { name: 'お知らせ（未読1件）' })).toBeVisible();
	await phone.getByRole('button', { name: 'すべて既読にする' }).click();
	await expect(phone.getByText('すべて既読にしました。')).toBeVisible();
	await expect(phone.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();
	await expect(phone.getByRole('link', { name: /未読/ })).toHaveCount(0);
	await noScript.close();
});
