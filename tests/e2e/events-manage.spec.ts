import { expect, test } from '@playwright/test';
import { createEvent } from '../support/events';
import { DEMO, logIn } from './helpers';
import { DEMO_IDS } from '../support/db';

test('an organiser edits, cancels one date, duplicates and cancels an event; others cannot edit', async ({
	page
}) => {
	const title = `管理テスト${Math.random().toString(36).slice(2, 7)}`;
	const ev = await createEvent(DEMO_IDS.member, {
		title,
		repeat: 'weekly',
		count: 3,
		capacity: 10
	});
	await logIn(page, DEMO.member);
	await page.goto(`/events/${ev.id}`);
	await page.getByRole('link', { name: '編集する' }).click();
	await expect(page.getByLabel('タイトル')).toHaveValue(title);
	await expect(page.getByLabel('回数', { exact: true })).toHaveValue('3');
	await page.getByLabel('会場名').fill('小金原市民センター');
	await page.getByRole('button', { name: '保存する（公開中）' }).click();
	await expect(page.getByText('小金原市民センター')).toBeVisible();

	// cancel the second date only
	await page.getByRole('link', { name: '編集する' }).click();
	const second = page.locator('.occurrences > li').nth(1);
	await second.getByText('この回を変更・中止する').click();
	await second.getByLabel('中止の理由').fill('会場点検のため');
	await second.getByRole('button', { name: 'この回を中止する' }).click();
	// a second step says what will happen
	const confirmDate = second.getByRole('group', { name: 'この回を中止しますか？' });
	await expect(confirmDate).toContainText('理由: 会場点検のため');
	await expect(confirmDate).toContainText('この回にはまだ申込はありません。');
	await confirmDate.getByRole('button', { name: '中止する', exact: true }).click();
	await expect(page.getByText('この回を中止にしました。')).toBeVisible();
	// back at that date, at an address that repeats nothing when reloaded
	await expect(page).toHaveURL(
		new RegExp(`/events/${ev.id}/edit#occurrence-${ev.occurrenceIds[1]}$`)
	);
	await expect(second.getByRole('status')).toBeInViewport();
	await page.goto(`/events/${ev.id}`);
	await expect(page.locator('.join .occurrences > li').nth(1)).toContainText(
		'中止: 会場点検のため'
	);

	// duplicate into a draft, then cancel the original
	await page.goto(`/events/${ev.id}/edit`);
	await page.getByRole('button', { name: 'このイベントを複製して下書きを作る' }).click();
	await expect(page.getByLabel('タイトル')).toHaveValue(`${title}（コピー）`);
	await page.goto(`/events/${ev.id}/edit`);
	await page.getByLabel('中止の理由', { exact: true }).last().fill('主催者の都合により');
	await page.getByRole('button', { name: 'イベントを中止する' }).click();
	const confirmEvent = page.getByRole('group', { name: 'イベント全体を中止しますか？' });
	await expect(confirmEvent).toContainText('理由: 主催者の都合により');
	await expect(confirmEvent).toContainText('元に戻すことはできません。');
	await confirmEvent.getByRole('button', { name: '中止する', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		'イベントを中止にしました。申し込んでいた方にはお知らせが届きます。'
	);
	await expect(page.getByText('このイベントは中止になりました。')).toBeVisible();
	await expect(page.getByText('理由: 主催者の都合により')).toBeVisible();
});

test('a member who does not organise an event gets 403 on its edit page, and drafts are 404 for them', async ({
	page
}) => {
	const ev = await createEvent(DEMO_IDS.coordinator, { title: '他人のイベント' });
	const draft = await createEvent(DEMO_IDS.coordinator, { title: '他人の下書き', status: 'draft' });
	await logIn(page, DEMO.member);
	expect((await page.goto(`/events/${ev.id}/edit`))?.status()).toBe(403);
	expect((await page.goto(`/events/${draft.id}`))?.status()).toBe(404);
	const response = await page.request.post(`/events/${ev.id}/edit?/cancel`, {
		form: { reason: '乗っ取り' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
});
