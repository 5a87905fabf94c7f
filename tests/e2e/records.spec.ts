// The record of a held date (開催記録): an organiser finds the date that needs
// one on the event page, writes it with headcounts (refused input comes back
// next to its field, as typed), and a resident reads the public record.
import { expect, test } from '@playwright/test';
import { createEvent } from '../support/events';
import { DEMO_IDS, serviceClient } from '../support/db';
import { DEMO, expectAccessible, logIn } from './helpers';

const SEEDED_ORG = '10000000-0000-4000-8000-000000000001'; // 常盤平こども食堂の会, owned by the demo member

test('an organiser records a held forum and a resident reads it', async ({ page, browser }) => {
	const title = `記録テストのフォーラム${Math.random().toString(36).slice(2, 7)}`;
	// held this morning: two hours, ended an hour ago
	const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, {
		title,
		organizationId: SEEDED_ORG,
		startsAt: new Date(Date.now() - 3 * 3600_000),
		durationMinutes: 120
	});
	const occurrence = occurrenceIds[0];
	// someone who applied by phone came with a companion
	const { error } = await serviceClient().from('registrations').insert({
		occurrence_id: occurrence,
		guest_name: '電話 花子',
		status: 'going',
		companions: 1,
		attended: true
	});
	expect(error).toBeNull();

	await logIn(page, DEMO.member);
	await page.goto(`/events/${id}`);
	const records = page.locator('#records');
	await expect(records).toContainText('まだ記録のない開催日があります。');
	await records.getByRole('link', { name: /の記録を書く$/ }).click();
	await expect(page).toHaveURL(new RegExp(`/events/${id}/records/${occurrence}/edit$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('開催記録を書く');
	// the form starts from the event and the attendance marks
	await expect(page.getByLabel('会議体・フォーラムの名前')).toHaveValue(title);
	await expect(page.getByText('申し込んで「出席」にした人（同伴者をふくむ）: 2人。')).toBeVisible();
	await expectAccessible(page);

	// too many in the roles, and a handout that is not an address
	await page.getByLabel('申し込まずに当日来た人の数').fill('１０');
	await page.getByLabel('住民 人数').fill('15');
	await page.getByLabel('住民 うち初参加').fill('3');
	await page.getByLabel('民生委員・児童委員 人数').fill('2');
	await page
		.getByLabel('意見の要旨')
		.fill('買い物に困っている高齢の方が多い、という声が出ました。');
	await page.getByLabel('配布資料').fill('当日配布');
	await page.getByRole('button', { name: '記録を保存する' }).click();
	await expect(page.locator('#headcounts')).toContainText(
		'内訳の合計（17人）が、参加者の数（12人）より多くなっています。'
	);
	await expect(page.getByLabel('配布資料')).toHaveAttribute('aria-invalid', 'true');
	// what was typed is still there, and nothing was written
	await expect(page.getByLabel('住民 人数')).toHaveValue('15');
	await expect(page.getByLabel('申し込まずに当日来た人の数')).toHaveValue('１０');
	const none = await serviceClient()
		.from('occurrence_records')
		.select('occurrence_id')
		.eq('occurrence_id', occurrence);
	expect(none.data).toEqual([]);

	await page.getByLabel('住民 人数').fill('8');
	await page.getByLabel('配布資料').fill('https://example.jp/forum-handout.pdf');
	await page.getByLabel('この記録を公開する').check();
	await page.getByRole('button', { name: '記録を保存する' }).click();

	// the record's page, with the answer at the top of the record
	await expect(page).toHaveURL(new RegExp(`/events/${id}/records/${occurrence}#record$`));
	await expect(page.getByRole('status')).toHaveText('開催記録を保存しました。');
	await expect(page.locator('.facts')).toContainText('12人');
	await expect(page.locator('.facts')).toContainText('申し込んで出席 2人・当日参加 10人');

	// a resident, signed out, sees it on the event page and reads it
	const context = await browser.newContext();
	const resident = await context.newPage();
	await resident.goto(`/events/${id}`);
	const shown = resident.locator('#records');
	await expect(shown).toContainText('参加者 12人');
	await expect(shown).toContainText('買い物に困っている高齢の方が多い');
	await expect(shown).not.toContainText('記録を書く');
	await shown.getByRole('link').first().click();
	await expect(resident.getByRole('heading', { level: 1 })).toHaveText(title);
	const table = resident.getByRole('table');
	await expect(table.getByRole('row', { name: /住民/ })).toContainText('8人');
	await expect(table.getByRole('row', { name: /住民/ })).toContainText('3人');
	await expect(table.getByRole('row', { name: /民生委員/ })).toContainText('2人');
	await expect(
		resident.getByRole('link', { name: 'https://example.jp/forum-handout.pdf' })
	).toBeVisible();
	await expect(resident.getByRole('link', { name: '記録を直す' })).toHaveCount(0);
	await expectAccessible(resident);

	// made private again: the resident no longer finds it
	await page.getByRole('link', { name: '記録を直す' }).click();
	await page.getByLabel('この記録を公開する').uncheck();
	await page.getByRole('button', { name: '記録を保存する' }).click();
	await expect(page.getByRole('note')).toContainText('この記録は公開していません。');
	const hidden = await resident.goto(`/events/${id}/records/${occurrence}`);
	expect(hidden?.status()).toBe(404);
	await context.close();
});
