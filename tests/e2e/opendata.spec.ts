// Open data: /opendata/events.csv parses with the standard's header row (read
// by an independent parser), holds a published event's date in the standard's
// formats and never a draft, answers 304 to its own ETag; the JSON carries
// the same rows and the licence; /opendata lists the columns and passes axe.
import { expect, test } from '@playwright/test';
import { createEvent } from '../support/events';
import { DEMO_IDS } from '../support/db';
import { parseCsv } from '../support/csv';
import { expectAccessible } from './helpers';

const STANDARD =
	'都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考'.split(
		','
	);

test('the events dataset, as CSV and JSON, and the page that lists it', async ({
	page,
	request
}) => {
	const tag = Math.random().toString(36).slice(2, 7);
	const title = `オープンデータの体操教室${tag}`;
	// 10:00 in Tokyo, a week from now
	const startsAt = new Date(Date.now() + 7 * 86400_000);
	startsAt.setUTCHours(1, 0, 0, 0);
	const { id } = await createEvent(DEMO_IDS.member, {
		title,
		startsAt,
		areaSlug: 'honcho',
		capacity: 20
	});
	await createEvent(DEMO_IDS.member, { title: `下書きの体操${tag}`, status: 'draft' });

	const csv = await request.get('/opendata/events.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(csv.headers()['cache-control']).toBe('public, max-age=3600');
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)));
	expect(rows[0]).toEqual([...STANDARD, '圏域', '分野']);
	const col = (name: string) => rows[0].indexOf(name);
	const ours = rows.filter((r) => r[col('イベント名')] === title);
	expect(ours).toHaveLength(1);
	const [row] = ours;
	expect(row[col('開始日')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	expect(row[col('開始時間')]).toBe('10:00');
	expect(row[col('終了時間')]).toBe('12:00');
	expect(row[col('定員')]).toBe('20');
	expect(row[col('圏域')]).toBe('本庁');
	expect(row[col('URL')]).toMatch(new RegExp(`/events/${id}$`));
	expect(rows.some((r) => r[col('イベント名')] === `下書きの体操${tag}`)).toBe(false);
	// every row has every column
	expect(rows.slice(1).every((r) => r.length === STANDARD.length + 2)).toBe(true);

	// unchanged: 304 to its own ETag (the other e2e worker may publish an event between two
	// requests, which changes the dataset: asked again with the latest ETag until it holds)
	await expect
		.poll(async () => {
			const latest = await request.get('/opendata/events.csv');
			const again = await request.get('/opendata/events.csv', {
				headers: { 'if-none-match': latest.headers().etag }
			});
			return again.status();
		})
		.toBe(304);
	// a change to the events is a new tag, before the hour is up: the file is made again
	const known = (await request.get('/opendata/events.csv')).headers().etag;
	await createEvent(DEMO_IDS.member, { title: `${title}（二回目）`, startsAt, areaSlug: 'honcho' });
	const changed = await request.get('/opendata/events.csv', {
		headers: { 'if-none-match': known }
	});
	expect(changed.status()).toBe(200);
	expect(changed.headers().etag).not.toBe(known);
	expect(await changed.text()).toContain(`${title}（二回目）`);

	const json = (await (await request.get('/opendata/events.json')).json()) as {
		license: { name: string };
		records: Record<string, string>[];
	};
	expect(json.license.name).toBe('CC BY 4.0');
	expect(json.records.find((r) => r['イベント名'] === title)).toMatchObject({
		圏域: '本庁',
		開始時間: '10:00'
	});

	await page.goto('/');
	await page.locator('.site-footer').getByRole('link', { name: 'オープンデータ' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('オープンデータ');
	const columns = page.getByRole('table', { name: '「イベント一覧」の項目' });
	await expect(columns.getByRole('row')).toHaveCount(STANDARD.length + 2 + 1);
	await expect(page.getByRole('link', { name: 'CC BY 4.0' })).toBeVisible();
	await expectAccessible(page);
});
