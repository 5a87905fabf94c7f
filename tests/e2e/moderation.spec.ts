// Moderation as people meet it (issue 10): two members talk under an event,
// one reports a post as 個人情報, a coordinator suspends its author for 7 days
// and hides it from the queue; the author sees why and can neither post nor
// join; the reporter is told; the audit log shows both actions. Plus /report
// without JavaScript, 403 for members, and axe on /report and the queue.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_IDS } from '../support/db';
import { createEvent } from '../support/events';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** With TSUNAGU_SHOTS=<dir> (outside the repository), full-page screenshots at phone and desktop width for review. */
async function shots(page: Page, name: string) {
	const dir = process.env.TSUNAGU_SHOTS;
	if (!dir) return;
	const size = page.viewportSize();
	for (const [label, viewport] of [
		['390', PHONE],
		['1280', DESKTOP]
	] as const) {
		await page.setViewportSize(viewport);
		await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true });
	}
	if (size) await page.setViewportSize(size);
}

async function member(browser: Browser, name: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const who = {
		name,
		email: `${randomUUID().slice(0, 8)}@test.example`,
		password: 'tsunagu-test-2026'
	};
	await signUp(page, who);
	return page;
}

async function comment(page: Page, eventId: string, text: string) {
	await page.goto(`/events/${eventId}`);
	await page.getByRole('textbox', { name: 'コメント' }).fill(text);
	await page.getByRole('button', { name: 'コメントする' }).click();
	await expect(page.locator('li.post', { hasText: text })).toBeVisible();
}

test('a report of personal information, handled from the queue, with the audit log', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const suffix = randomUUID().slice(0, 6);
	const title = `駐車場のあるサロン ${suffix}`;
	const { id: eventId } = await createEvent(DEMO_IDS.member, { title });
	const asker = `相談 花子${suffix}`;
	const author = `書き込み 太郎${suffix}`;
	const question = `駐車場はありますか？ ${suffix}`;
	const leak = `山田さんの家は常盤平1-2-3、電話は090-0000-${suffix.slice(0, 4)}です`;

	// two members discuss under the event
	const a = await member(browser, asker);
	await comment(a, eventId, question);
	const b = await member(browser, author);
	await comment(b, eventId, leak);

	// the asker is told about the reply
	await a.goto('/notifications');
	await expect(a.getByText(`${author}さんが「${title}」に返信しました`)).toBeVisible();

	// the asker reports the reply as 個人情報
	await a.goto(`/events/${eventId}`);
	const leakPost = a.locator('li.post', { hasText: leak });
	const reportHref = await leakPost.getByRole('link', { name: '報告する' }).getAttribute('href');
	expect(reportHref).toMatch(/\/report\?post=/);
	const postId = new URL(reportHref ?? '', 'http://x').searchParams.get('post');
	await leakPost.getByRole('link', { name: '報告する' }).click();
	await expect(a.getByRole('heading', { level: 1, name: '報告する' })).toBeVisible();
	await expect(a.getByText(leak)).toBeVisible();
	await shots(a, 'report');
	await a.setViewportSize(PHONE);
	await expectAccessible(a);
	await a.setViewportSize(DESKTOP);
	await expectAccessible(a);
	await a.getByRole('radio', { name: '個人情報' }).check();
	await a.getByRole('button', { name: '報告を送る' }).click();
	await expect(a).toHaveURL(new RegExp(`/events/${eventId}#post-${postId}$`));
	await expect(a.getByText('報告を受け付けました。コーディネーターが確認します。')).toBeVisible();
	// a second report of the same post says so instead of a form
	await a.goto(`/report?post=${postId}`);
	await expect(a.getByText('これはすでに報告済みです')).toBeVisible();
	await expect(a.getByRole('button', { name: '報告を送る' })).toHaveCount(0);

	// the coordinator finds it first in the queue
	const coordinatorContext = await browser.newContext();
	const c = await coordinatorContext.newPage();
	await logIn(c, DEMO.coordinator);
	await c.goto('/coordinate');
	await expect(c.getByRole('heading', { name: '報告', exact: true })).toBeVisible();
	await c.getByRole('link', { name: '報告を確認する' }).click();
	// personal information comes first: every item above this one is a 個人情報 report too
	// (other tests leave open reports in the same database)
	const items = c.locator('ul.queue > li');
	const first = items.filter({ hasText: leak });
	await expect(first).toContainText('個人情報');
	const texts = await items.allTextContents();
	const at = texts.findIndex((text) => text.includes(leak));
	for (const above of texts.slice(0, at)) expect(above).toContain('個人情報');
	await expect(first).toContainText('1人が報告');
	await expect(first).toContainText(title);
	await shots(c, 'coordinate-reports');
	await c.setViewportSize(PHONE);
	await expectAccessible(c);
	await c.setViewportSize(DESKTOP);
	await expectAccessible(c);

	// suspend the author for 7 days, then hide the post
	await first.getByText(`${author}さんを利用停止にする`).click();
	await first.getByLabel('7日').check();
	await first.getByLabel('停止の理由（必須）').fill('他の人の住所と電話番号を書き込んだため');
	await first.getByRole('button', { name: '利用停止にする' }).click();
	await expect(c.getByRole('status').filter({ hasText: '利用停止にしました' })).toBeVisible();
	const item = c.locator('ul.queue > li', { hasText: leak });
	await expect(item).toContainText('利用停止中');
	await item.getByText('投稿を非表示にする').click();
	await item.getByLabel('非表示の理由（必須）').fill('個人の住所と電話番号が書かれていたため');
	await item.getByRole('button', { name: '非表示にする', exact: true }).click();
	await expect(c.getByRole('status').filter({ hasText: '投稿を非表示にしました' })).toBeVisible();
	await expect(c.locator('ul.queue > li', { hasText: leak })).toHaveCount(0);

	// the audit log shows both, and filters by the member
	await c.goto('/coordinate/audit');
	const log = c.locator('ol.log');
	await expect(log.locator('li', { hasText: '投稿を非表示' }).first()).toContainText(author);
	await expect(log.locator('li', { hasText: '利用停止（' }).first()).toContainText(author);
	await log.getByRole('link', { name: author }).first().click();
	await expect(c.getByText(`${author}さんへの対応だけを表示しています。`)).toBeVisible();
	await expect(c.locator('ol.log > li')).toHaveCount(2);
	await expectAccessible(c);
	await shots(c, 'coordinate-audit');

	// the author sees why, cannot post and cannot join
	await b.goto(`/events/${eventId}`);
	await expect(b.getByText(/利用停止中です（〜\d{4}年\d{1,2}月\d{1,2}日.*まで）。/)).toBeVisible();
	await expect(b.getByText('他の人の住所と電話番号を書き込んだため')).toBeVisible();
	await shots(b, 'suspension-banner');
	await expect(b.locator('li.post', { hasText: leak })).toContainText(
		'個人の住所と電話番号が書かれていたため'
	);
	await expect(b.getByRole('button', { name: 'コメントする' })).toHaveCount(0);
	await expect(b.getByText(/利用停止中のため、書き込めません/)).toBeVisible();
	await b.getByRole('button', { name: '参加を申し込む' }).first().click();
	await expect(
		b.getByText(
			'アカウントが利用停止中のため、投稿・報告・参加申込・作成はできません。閲覧はできます。'
		)
	).toBeVisible();
	// others see the placeholder, not the text
	await a.goto(`/events/${eventId}`);
	await expect(a.getByText(leak)).toHaveCount(0);

	// the asker got the reply and is told the report was handled
	await a.goto('/notifications');
	await expect(a.getByText('あなたの報告を確認し、対応しました。')).toBeVisible();
	// the reply, whose writer is no longer named now that it is hidden
	await expect(a.getByText(`「${title}」に新しい返信がありました`)).toBeVisible();

	// a plain member cannot see the queue or the log
	for (const path of ['/coordinate/moderation', '/coordinate/audit']) {
		const response = await a.goto(path);
		expect(response?.status()).toBe(403);
	}
});

test('/report without JavaScript: sign in first, a reason is needed, その他 needs words', async ({
	browser
}) => {
	const { id: eventId } = await createEvent(DEMO_IDS.member, {
		title: `報告のテスト ${randomUUID().slice(0, 6)}`
	});
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/events/${eventId}`);
	await page.getByRole('link', { name: 'このイベントを報告する' }).click();
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await signUp(page, {
		name: '報告 する人',
		email: `${randomUUID().slice(0, 8)}@test.example`,
		password: 'tsunagu-test-2026'
	});
	await page.goto(`/report?event=${eventId}`);
	await page.getByRole('button', { name: '報告を送る' }).click();
	await expect(page.getByText('理由を1つ選んでください。')).toBeVisible();
	await page.getByRole('radio', { name: 'その他' }).check();
	await page.getByRole('button', { name: '報告を送る' }).click();
	await expect(
		page.getByText('「その他」を選んだときは、理由をくわしく書いてください。')
	).toBeVisible();
	await page.getByRole('radio', { name: 'その他' }).check();
	await page.getByLabel(/くわしく/).fill('参加費が書かれている金額と違いました');
	await page.getByRole('button', { name: '報告を送る' }).click();
	await expect(page).toHaveURL(new RegExp(`/events/${eventId}#top$`));
	await expect(
		page.getByText('報告を受け付けました。コーディネーターが確認します。')
	).toBeVisible();
	await context.close();
});
