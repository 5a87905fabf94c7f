// 地域の声 and the yearly report: an organiser records a held forum with
// headcounts and two 声; a coordinator takes one to the 地域ケア推進会議 and
// records its answer (a skipped step without a reason is refused, as typed);
// a resident who attended finds the notice and reads the answer; the area's
// report counts the forum, its participants and its 声, and its CSV is UTF-8
// with a BOM; /voices, a 声's page and the report pass axe.
import { expect, test } from '@playwright/test';
import { createEvent } from '../support/events';
import { DEMO_IDS, serviceClient } from '../support/db';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const SEEDED_ORG = '10000000-0000-4000-8000-000000000001'; // 常盤平こども食堂の会, owned by the demo member

test('a forum’s 声 are recorded, answered, and the attendee is told', async ({ page, browser }) => {
	const tag = Math.random().toString(36).slice(2, 7);
	const title = `声を聞くフォーラム${tag}`;
	const bus = `循環バスの本数を増やしてほしい${tag}`;
	const bench = `公園にベンチがほしい${tag}`;
	// an area of its own, so that its yearly report counts this forum alone
	const areaSlug = `voices-${tag}`;
	const areaName = `声の地区${tag}`;
	// (and two quiet twins of the same name: the city's report lists both without confusing them)
	const area = await serviceClient()
		.from('areas')
		.insert([
			{ slug: areaSlug, name_ja: areaName, name_en: `Voices ${tag}`, sort_order: 9500 },
			{ slug: `${areaSlug}-twin`, name_ja: areaName, name_en: `Voices ${tag}`, sort_order: 9501 },
			{ slug: `${areaSlug}-twin2`, name_ja: areaName, name_en: `Voices ${tag}`, sort_order: 9502 }
		]);
	expect(area.error).toBeNull();
	const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, {
		title,
		organizationId: SEEDED_ORG,
		areaSlug,
		startsAt: new Date(Date.now() - 3 * 3600_000),
		durationMinutes: 120
	});
	const occurrence = occurrenceIds[0];

	// a resident who came (marked as attended)
	const residentContext = await browser.newContext();
	const resident = await residentContext.newPage();
	const who = {
		name: `出席 ${tag}`,
		email: `voice-${tag}@test.example`,
		password: 'voices-e2e-2026'
	};
	await signUp(resident, who);
	const { data: profile } = await serviceClient()
		.from('profiles')
		.select('id')
		.eq('display_name', who.name)
		.single();
	const registered = await serviceClient().from('registrations').insert({
		occurrence_id: occurrence,
		user_id: profile!.id,
		status: 'going',
		attended: true
	});
	expect(registered.error).toBeNull();

	// the organiser writes the record with headcounts
	await logIn(page, DEMO.member);
	await page.goto(`/events/${id}/records/${occurrence}/edit`);
	await page.getByLabel('申し込まずに当日来た人の数').fill('11');
	await page.getByLabel('住民 人数').fill('8');
	await page.getByLabel('住民 うち初参加').fill('3');
	await page.getByLabel('民生委員・児童委員 人数').fill('2');
	await page.getByLabel('この記録を公開する').check();
	await page.getByRole('button', { name: '記録を保存する' }).click();
	await expect(page).toHaveURL(new RegExp(`/events/${id}/records/${occurrence}#record$`));

	// two 声: the first try without words is refused and writes nothing
	const voices = page.locator('#voices');
	await expect(voices).toContainText('まだ声は書かれていません。');
	await voices.getByRole('button', { name: '声を追加する' }).click();
	await expect(voices.getByText('出た声を書いてください。')).toBeVisible();
	const none = await serviceClient().from('voices').select('id').eq('occurrence_id', occurrence);
	expect(none.data).toEqual([]);
	// the area starts as the event's
	await expect(voices.getByLabel('地域', { exact: true })).toHaveValue(/.+/);
	await voices.getByLabel('出た声', { exact: true }).fill(bus);
	await voices.getByRole('checkbox', { name: '高齢者' }).check();
	await voices.getByLabel('この声を公開する').check();
	await voices.getByRole('button', { name: '声を追加する' }).click();
	await expect(page).toHaveURL(/#voices$/);
	await expect(voices.getByRole('status')).toHaveText('声を追加しました。');
	// an empty form for the next one
	await expect(voices.getByLabel('出た声', { exact: true })).toHaveValue('');
	await expect(voices.getByRole('checkbox', { name: '高齢者' })).not.toBeChecked();
	await voices.getByLabel('出た声', { exact: true }).fill(bench);
	await voices.getByLabel('この声を公開する').check();
	await voices.getByRole('button', { name: '声を追加する' }).click();
	await expect(voices.locator('.voice-list > li')).toHaveCount(2);
	await expect(voices.locator('.voice-list > li').first()).toContainText(bus);
	await expect(voices.locator('.voice-list > li').first()).toContainText('受付');

	// a coordinator finds it among those waiting and takes it to the 地域ケア推進会議
	const coordinatorContext = await browser.newContext();
	const coordinator = await coordinatorContext.newPage();
	await logIn(coordinator, DEMO.coordinator);
	await coordinator.goto(`/coordinate/voices?q=${encodeURIComponent(bus)}`);
	await coordinator.getByRole('link', { name: bus }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText('地域の声');
	const step = coordinator.locator('.manage');
	// skipping 検討中 without a reason: refused, the answer kept as typed
	await step.getByRole('radio', { name: '回答あり' }).check();
	await step.getByLabel('回答（必須）').fill('来年度から増便を検討します');
	await step.getByRole('button', { name: '状況を保存する' }).click();
	await expect(step.locator('#step-note-error')).toHaveText(
		'順番を飛ばしたり前にもどしたりするときは、理由を書いてください。'
	);
	// listed at the top of the form too, linked to its field
	await expect(
		step.getByRole('alert').getByRole('link', { name: /理由を書いてください/ })
	).toHaveAttribute('href', '#step-note');
	await expect(step.getByLabel('回答（必須）')).toHaveValue('来年度から増便を検討します');
	const stillReceived = await serviceClient()
		.from('voices')
		.select('status, id')
		.eq('body', bus)
		.single();
	expect(stillReceived.data?.status).toBe('received');

	await step.getByRole('radio', { name: '検討中' }).check();
	await step.getByLabel('伝えた先', { exact: true }).selectOption('care_meeting');
	await step.getByLabel('伝えた先の名前').fill('本町地区 地域ケア推進会議');
	await step.getByLabel('回答', { exact: true }).fill('');
	await step.getByRole('button', { name: '状況を保存する' }).click();
	await expect(coordinator.locator('#path').getByRole('status')).toHaveText('状況を保存しました。');
	await step.getByRole('radio', { name: '回答あり' }).check();
	await step.getByLabel('回答（必須）').fill('来年度から増便を検討します');
	await step.getByRole('button', { name: '状況を保存する' }).click();
	await expect(coordinator.locator('#path').getByRole('status')).toHaveText('状況を保存しました。');
	const path = coordinator.locator('ol.path > li');
	await expect(path).toHaveCount(3);
	await expect(path.nth(1)).toContainText('地域ケア推進会議：本町地区 地域ケア推進会議');
	await expect(path.nth(2)).toContainText('回答あり');
	await expect(path.nth(2)).toContainText('来年度から増便を検討します');

	// the resident who came is told, and reads the answer
	await resident.goto('/notifications');
	const notice = resident
		.getByRole('listitem')
		.filter({ hasText: 'あなたが参加した集まりで出た声に、回答がありました。' });
	await expect(notice).toHaveCount(1);
	await notice.getByRole('link', { name: bus }).click();
	await expect(resident.locator('.answer')).toContainText('来年度から増便を検討します');
	await expect(resident.locator('.manage')).toHaveCount(0);
	await expectAccessible(resident);

	// /voices lists both for everybody, narrowed by status
	await resident.goto(`/voices?q=${tag}`);
	await expect(resident.getByRole('status')).toHaveText('2件');
	await resident.goto(`/voices?q=${tag}&status=answered`);
	await expect(resident.getByRole('link', { name: bus })).toBeVisible();
	await expect(resident.getByRole('link', { name: bench })).toHaveCount(0);
	await expectAccessible(resident);
	await expectAccessible(coordinator, `/coordinate/voices`);

	// the area's yearly report counts the forum, its participants and its 声
	const now = new Date(Date.now() + 9 * 3600_000);
	const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
	await coordinator.goto('/coordinate/reports');
	await expect(coordinator.locator('.quiet li').filter({ hasText: areaName })).toHaveCount(2);
	await coordinator.getByLabel('年度', { exact: true }).selectOption(String(year));
	await coordinator.getByLabel('圏域', { exact: true }).selectOption(areaSlug);
	await coordinator.getByRole('button', { name: '表示する' }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(
		`${year}年度 活動報告（${areaName}）`
	);
	const summary = coordinator.getByRole('table', { name: '概要' });
	const row = (table: typeof summary, name: string) =>
		table
			.getByRole('row')
			.filter({ has: coordinator.getByRole('rowheader', { name, exact: true }) });
	await expect(row(summary, '開催回数')).toHaveText(/^\s*開催回数\s*1\s*$/);
	// 11 walk-ins and the resident marked as attended
	await expect(row(summary, '延べ参加者')).toHaveText(/^\s*延べ参加者\s*12\s*$/);
	await expect(row(summary, '実人数（出席した登録者）')).toHaveText(
		/^\s*実人数（出席した登録者）\s*1\s*$/
	);
	const people = coordinator.getByRole('table', { name: '立場別の参加者' });
	await expect(row(people, '住民')).toHaveText(/^\s*住民\s*8\s*3\s*$/);
	const voiceTable = coordinator.getByRole('table', { name: '地域の声' });
	await expect(row(voiceTable, '出た声')).toHaveText(/^\s*出た声\s*2\s*$/);
	await expect(row(voiceTable, '回答あり')).toHaveText(/^\s*回答あり\s*1\s*$/);
	await expect(coordinator.getByRole('img', { name: /月ごとの開催回数/ })).toBeVisible();
	await expectAccessible(coordinator);
	// the table as CSV: UTF-8 with a BOM, the page's rows
	const csv = await coordinator.request.get(
		`/coordinate/reports/participants.csv?year=${year}&area=${areaSlug}`
	);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
	expect(text.split('\r\n')).toEqual(
		expect.arrayContaining(['立場,人数,うち初参加', '住民,8,3', '民生委員・児童委員,2,0'])
	);
	// nobody else reads reports
	expect((await resident.goto('/coordinate/reports'))?.status()).toBe(403);
	expect(
		(await resident.request.get(`/coordinate/reports/summary.csv?year=${year}`)).status()
	).toBe(403);
	await residentContext.close();
	await coordinatorContext.close();
});
