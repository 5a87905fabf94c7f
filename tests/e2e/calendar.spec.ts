// /calendar (month grid, agenda, 祝日, filters, no-JS navigation), the .ics
// feeds over HTTP (parsed with node-ical), the personal feed's token
// lifecycle through /me/calendar, and the printable flyer; axe on each page.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import ical, { type VEvent } from 'node-ical';
import { tokyoInstant } from '$lib/events/recurrence';
import { DEMO_IDS, serviceClient, uniqueEmail, userClient } from '../support/db';
import { createEvent, saveEventAgain } from '../support/events';
import { FORGED_EVENT, parseTwice } from '../support/ics';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const unique = (label: string) => `${label} ${randomUUID().slice(0, 6)}`;
const at = (date: string, time: string) => tokyoInstant(date, time)!;
const todayKey = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

async function vevents(response: APIResponse) {
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const parsed = ical.sync.parseICS(await response.text());
	return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

test.describe('month grid', () => {
	test("a busy day shows three dates and 「ほか◯件」, a link to that day's list", async ({
		page
	}) => {
		// a day of its own (a keyword no other test uses), four dates from 09:00
		const tag = unique('ほか表示');
		for (let i = 0; i < 4; i++) {
			await createEvent(DEMO_IDS.member, {
				title: `${tag} ${i}`,
				startsAt: at('2031-05-14', `${String(9 + i).padStart(2, '0')}:00`),
				status: 'published'
			});
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`/calendar?month=2031-05&q=${encodeURIComponent(tag)}`);
		const cell = page.locator('td[data-date="2031-05-14"]');
		await expect(cell.getByRole('link', { name: new RegExp(tag) })).toHaveCount(3);
		await expect(cell.getByRole('link', { name: new RegExp(`${tag} 3`) })).toHaveCount(0);
		await cell.getByRole('link', { name: 'ほか1件' }).click();
		await expect(page).toHaveURL(/\/events\?.*from=2031-05-14.*to=2031-05-14.*#results$/);
		// the day's list has all four (one card each), the last one among them
		await expect(page.getByRole('link', { name: `${tag} 3` })).toBeVisible();
		await expect(page.locator('#results')).toHaveText('4件の開催予定');
	});

	test('an occurrence shows in its day cell, cancelled ones marked 中止', async ({ page }) => {
		const title = unique('カレンダーの会');
		const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, {
			title,
			startsAt: at('2027-03-10', '10:30'),
			repeat: 'weekly',
			count: 2
		});
		// the month as it is first (the process keeps it for this version of the public events)
		await page.goto('/calendar?month=2027-03');
		const second = page
			.locator('td[data-date="2027-03-17"]')
			.getByRole('link', { name: new RegExp(title) });
		await expect(second).toBeVisible();
		await expect(second).not.toContainText('中止');

		// the second one (17 March) is cancelled: the next view shows it
		const { error } = await userClient(DEMO_IDS.member)
			.from('event_occurrences')
			.update({ status: 'cancelled' })
			.eq('id', occurrenceIds[1]);
		expect(error).toBeNull();

		await page.goto('/calendar?month=2027-03');
		await expect(page.getByRole('heading', { level: 2, name: '2027年3月' })).toBeVisible();
		const table = page.getByRole('table', { name: '2027年3月' });
		await expect(table.getByRole('columnheader').first()).toHaveText('日');

		const cell = page.locator('td[data-date="2027-03-10"]');
		const link = cell.getByRole('link', { name: new RegExp(title) });
		await expect(link).toBeVisible();
		await expect(link).toContainText('10:30');
		await expect(link).not.toContainText('中止');
		await expect(link).toHaveAttribute('href', `/events/${id}`);
		await expect(page.locator('td[data-date="2027-03-11"]').getByText(title)).toHaveCount(0);

		await expect(second).toContainText('中止');
	});

	test('祝日 names, Sunday first, and 今日 in words', async ({ page }) => {
		await page.goto('/calendar?month=2027-01');
		await expect(page.locator('td[data-date="2027-01-01"]')).toContainText('元日');
		await expect(page.locator('td[data-date="2027-01-11"]')).toContainText('成人の日');
		await expect(page.locator('td[data-date="2027-01-01"]')).toHaveClass(/holiday-day/);
		await expect(page.locator('td[data-date="2027-01-05"]')).not.toHaveClass(/holiday-day/);
		await expect(page.getByText('今日', { exact: true })).toHaveCount(0);

		await page.goto('/en/calendar?month=2027-01');
		await expect(page.locator('td[data-date="2027-01-01"]')).toContainText("New Year's Day");

		await page.goto('/calendar');
		const today = page.locator(`td[data-date="${todayKey()}"]`);
		await expect(today).toContainText('今日');
		await expect(today).toHaveAttribute('aria-current', 'date');
	});

	test('previous and next month links and the filter form work without JavaScript', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/calendar?month=2027-01&area=tokiwadaira');
		await page.getByRole('link', { name: '次の月（2027年2月）' }).click();
		await expect(page).toHaveURL(/month=2027-02/);
		await expect(page).toHaveURL(/area=tokiwadaira/);
		await expect(page.getByRole('heading', { level: 2, name: '2027年2月' })).toBeVisible();
		await page.getByRole('link', { name: '前の月（2027年1月）' }).click();
		await page.getByRole('link', { name: '前の月（2026年12月）' }).click();
		await expect(page.getByRole('heading', { level: 2, name: '2026年12月' })).toBeVisible();

		await page.getByLabel('地域').selectOption('kogane');
		await page.getByLabel('分野').selectOption('children');
		await page.getByRole('button', { name: 'この条件で探す' }).click();
		await expect(page).toHaveURL(/month=2026-12/);
		await expect(page).toHaveURL(/area=kogane/);
		await expect(page).toHaveURL(/field=children/);
		// the subscription keeps the filters
		const webcal = page.getByRole('link', { name: 'カレンダーアプリに登録する（iPhone・Mac）' });
		await expect(webcal).toHaveAttribute(
			'href',
			/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\.ics\?area=kogane&field=children$/
		);
		await context.close();
	});

	test('phones get the days with events one under another, not the grid', async ({ browser }) => {
		const title = unique('スマホの会');
		await createEvent(DEMO_IDS.member, { title, startsAt: at('2027-04-14', '13:00') });
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto('/calendar?month=2027-04');
		// no row of weekdays; each day with events as wide as the screen, its whole date as heading
		await expect(page.getByRole('columnheader').first()).toBeHidden();
		const day = page.locator('td[data-date="2027-04-14"]');
		await expect(day.getByRole('heading', { level: 3 })).toContainText('2027年4月14日(水)');
		await expect(day.getByRole('link', { name: new RegExp(title) })).toBeVisible();
		const box = await day.boundingBox();
		expect(box?.width).toBeGreaterThan(300);
		// 昭和の日 shows even without events; a day with nothing on it does not
		await expect(page.locator('td[data-date="2027-04-29"]')).toContainText('昭和の日');
		await expect(page.locator('td[data-date="2027-04-28"]')).toBeHidden();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectAccessible(page, '/calendar?month=2027-04');
		await context.close();
	});
});

test.describe('feeds', () => {
	test('/calendar.ics: filters, drafts never, caching with ETag and 304', async ({ request }) => {
		const tokiwa = await createEvent(DEMO_IDS.member, {
			title: unique('常盤平の会'),
			areaSlug: 'tokiwadaira'
		});
		const kogane = await createEvent(DEMO_IDS.member, {
			title: unique('小金の会'),
			areaSlug: 'kogane'
		});
		const draft = await createEvent(DEMO_IDS.member, {
			title: unique('下書き'),
			areaSlug: 'tokiwadaira',
			status: 'draft'
		});

		const a = await request.get('/calendar.ics?area=tokiwadaira');
		const aUids = (await vevents(a)).map((e) => e.uid);
		expect(aUids.some((u) => u.startsWith(`occurrence-${tokiwa.occurrenceIds[0]}@`))).toBe(true);
		expect(aUids.some((u) => u.startsWith(`occurrence-${kogane.occurrenceIds[0]}@`))).toBe(false);
		expect(aUids.some((u) => u.startsWith(`occurrence-${draft.occurrenceIds[0]}@`))).toBe(false);
		const headers = a.headers();
		expect(headers['cache-control']).toBe('public, max-age=300');
		expect(headers.etag).toMatch(/^"[\w-]+"$/);

		const b = await request.get('/calendar.ics?area=kogane');
		const bEvents = await vevents(b);
		const koganeEvent = bEvents.find((e) =>
			e.uid.startsWith(`occurrence-${kogane.occurrenceIds[0]}@`)
		);
		expect(koganeEvent?.uid).toMatch(/^occurrence-/);
		expect(koganeEvent!.uid).toMatch(/^occurrence-[0-9a-f-]{36}@127\.0\.0\.1:\d+$/);
		expect(bEvents.some((e) => e.uid.startsWith(`occurrence-${tokiwa.occurrenceIds[0]}@`))).toBe(
			false
		);

		// unchanged data: the same ETag, and 304 without a body when the client has it.
		// The ETag follows the version of the public events, which other tests' writes
		// move: take a poll between whose requests the version stood still.
		const feed = '/calendar.ics?area=tokiwadaira';
		const publicVersion = async () => (await serviceClient().rpc('public_events_version')).data;
		// Sent again, the body the app keeps for that version comes gzip-compressed to a client
		// that accepts it (Playwright does, as calendar apps do), its tag made weak.
		const plain = { 'accept-encoding': 'identity' };
		let poll: { first: APIResponse; again: APIResponse; notModified: APIResponse } | undefined;
		for (let i = 0; i < 10 && !poll; i++) {
			const before = await publicVersion();
			const first = await request.get(feed, { headers: plain });
			const again = await request.get(feed);
			const notModified = await request.get(feed, {
				headers: { 'if-none-match': again.headers().etag }
			});
			if ((await publicVersion()) === before) poll = { first, again, notModified };
		}
		expect(poll).toBeDefined();
		const etag = poll!.first.headers().etag;
		expect(etag).toMatch(/^"[\w-]+"$/);
		expect(poll!.first.headers()['content-encoding']).toBeUndefined();
		expect(poll!.again.headers()['content-encoding']).toBe('gzip');
		expect(poll!.again.headers().vary).toBe('accept-encoding');
		expect(poll!.again.headers().etag).toBe(`W/${etag}`);
		expect(await poll!.again.text()).toBe(await poll!.first.text());
		expect(poll!.notModified.status()).toBe(304);
		expect(poll!.notModified.headers().etag).toBe(etag);
		expect(await poll!.notModified.text()).toBe('');
		const stale = await request.get(feed, { headers: { 'if-none-match': '"stale"' } });
		expect(stale.status()).toBe(200);

		// the organiser renames the event: the next poll with the old ETag gets the new title
		const renamed = unique('常盤平の会（改）');
		expect(await saveEventAgain(DEMO_IDS.member, tokiwa.id, { title: renamed })).toBeNull();
		const changed = await request.get(feed, { headers: { 'if-none-match': etag } });
		expect(changed.status()).toBe(200);
		expect(changed.headers().etag).not.toBe(etag);
		const summaries = (await vevents(changed)).map((e) => String(e.summary));
		expect(summaries.some((t) => t.includes(renamed))).toBe(true);

		// an unknown area is not "everything"
		expect((await request.get('/calendar.ics?area=no-such-area')).status()).toBe(404);
		// English labels under /en
		const en = await request.get('/en/calendar.ics?area=tokiwadaira');
		expect(await en.text()).toContain('X-WR-CALNAME:Tsunagu events');
	});

	test('/calendar.ics of an organization hidden from the public: its people get it, never a visitor', async ({
		page,
		request
	}) => {
		const name = unique('非公開の会');
		const { data: org, error } = await serviceClient()
			.from('organizations')
			.insert({
				slug: `hidden-feed-${randomUUID().slice(0, 8)}`,
				name,
				kind: 'resident_group',
				municipality_wide: true,
				created_by: DEMO_IDS.member,
				hidden_at: new Date().toISOString(),
				hidden_reason: 'テスト'
			})
			.select('slug')
			.single();
		expect(error).toBeNull();
		const feed = `/calendar.ics?organization=${org!.slug}`;
		await logIn(page, DEMO.coordinator);
		// a coordinator reads it (privately), then a visitor asks for the same address under the
		// same version of the public events: what was made for the coordinator is not theirs.
		// Other tests' writes move the version: take a try between whose requests it stood still.
		const publicVersion = async () => (await serviceClient().rpc('public_events_version')).data;
		let still = false;
		for (let i = 0; i < 10 && !still; i++) {
			const before = await publicVersion();
			const theirs = await page.request.get(feed);
			expect(theirs.status()).toBe(200);
			expect(theirs.headers()['cache-control']).toBe('private, max-age=300');
			expect(await theirs.text()).toContain(name);
			expect((await request.get(feed)).status()).toBe(404);
			still = (await publicVersion()) === before;
		}
		expect(still).toBe(true);
	});

	test('/events/<id>/ical: a series with RRULE and EXDATE; drafts only for their organiser', async ({
		page,
		request
	}) => {
		const title = unique('毎月のサロン');
		const series = await createEvent(DEMO_IDS.member, {
			title,
			startsAt: at('2027-05-11', '10:00'),
			repeat: 'monthly',
			count: 3
		});
		await userClient(DEMO_IDS.member)
			.from('event_occurrences')
			.update({ status: 'cancelled' })
			.eq('id', series.occurrenceIds[1]);
		const response = await request.get(`/events/${series.id}/ical`);
		const [master, ...rest] = await vevents(response);
		expect(rest).toEqual([]);
		expect(master.summary).toBe(title);
		expect(master.rrule?.toString()).toContain('FREQ=MONTHLY');
		expect(Object.values(master.exdate ?? {}).map((d) => d.toISOString())).toContain(
			at('2027-06-08', '10:00').toISOString()
		);
		const disposition = response.headers()['content-disposition'];
		expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${title}.ics`)}`);

		const draft = await createEvent(DEMO_IDS.member, {
			title: unique('下書きの会'),
			status: 'draft'
		});
		expect((await request.get(`/events/${draft.id}/ical`)).status()).toBe(404);
		expect((await request.get(`/events/${randomUUID()}/ical`)).status()).toBe(404);
		await logIn(page, DEMO.member);
		const own = await page.request.get(`/events/${draft.id}/ical`);
		expect(await vevents(own)).toHaveLength(1);
		expect(own.headers()['cache-control']).toBe('private, no-store');
	});

	test('hostile search terms, titles and organization names cannot forge events into a feed', async ({
		request
	}) => {
		const calendar = async (path: string) => {
			const response = await request.get(path);
			expect(response.status()).toBe(200);
			return parseTwice(await response.text());
		};
		// the reproduction: a forged 避難指示 through ?q=
		const forgedQuery = `/calendar.ics?q=${encodeURIComponent(FORGED_EVENT('\r\n'))}`;
		for (const parsed of await calendar(forgedQuery)) expect(parsed.events).toEqual([]);

		const marker = randomUUID().slice(0, 8);
		for (const eol of ['\r\n', '\n', '\r']) {
			const title = `${marker} ${FORGED_EVENT(eol)}`;
			const event = await createEvent(DEMO_IDS.member, { title });
			for (const parsed of await calendar(`/events/${event.id}/ical`)) {
				expect(parsed.events).toHaveLength(1);
				expect(parsed.events[0].uid).toMatch(new RegExp(`^event-${event.id}@`));
			}
		}
		for (const parsed of await calendar(`/calendar.ics?q=${marker}`)) {
			expect(parsed.events).toHaveLength(3);
			expect(parsed.events.every((e) => e.uid.startsWith('occurrence-'))).toBe(true);
		}

		const slug = `hostile-${marker}`;
		const { data: org, error } = await userClient(DEMO_IDS.member).rpc('create_organization', {
			p_slug: slug,
			p_name: `偽の団体 ${FORGED_EVENT('\r\n')}`,
			p_kana: '',
			p_kind: 'other',
			p_municipality_wide: true,
			p_description: '',
			p_contact_email: '',
			p_contact_phone: '',
			p_website: '',
			p_area_ids: [],
			p_field_ids: []
		});
		expect(error).toBeNull();
		await createEvent(DEMO_IDS.member, { title: `団体の会 ${marker}`, organizationId: org!.id });
		for (const parsed of await calendar(`/calendar.ics?organization=${slug}`)) {
			expect(parsed.events.map((e) => e.summary)).toEqual([`団体の会 ${marker}`]);
			expect(parsed.name).toContain('BEGIN:VEVENT');
		}
	});

	test('personal feed: create, regenerate (old address 404), remove', async ({
		page,
		playwright
	}) => {
		const email = uniqueEmail('feed');
		await signUp(page, { name: 'フィード 利用者', email, password: 'calendar-feed-2026' });
		const { data: cred } = await serviceClient()
			.from('credentials')
			.select('user_id')
			.eq('email', email)
			.single();
		const userId = cred!.user_id;
		const organiser = await createEvent(DEMO_IDS.member, { title: unique('申し込んだ会') });
		const { error } = await userClient(userId).rpc('join_occurrence', {
			p_occurrence: organiser.occurrenceIds[0],
			p_companions: 0
		});
		expect(error).toBeNull();

		await page.goto('/me/calendar');
		await expect(page.getByText('まだアドレスはありません。')).toBeVisible();
		await page.getByRole('button', { name: '自分専用のアドレスを作る' }).click();
		const first = await page.getByRole('textbox', { name: '登録用のアドレス' }).inputValue();
		expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/me\/calendar\/[a-z2-7]{32}\.ics$/);
		await expect(
			page.getByRole('link', { name: 'カレンダーアプリに登録する（iPhone・Mac）' })
		).toHaveAttribute('href', first.replace(/^http:/, 'webcal:'));

		// calendar apps come without cookies
		const app = await playwright.request.newContext();
		const feed = await app.get(first);
		expect(feed.headers()['cache-control']).toBe('private, max-age=300');
		const items = await vevents(feed);
		expect(items.map((e) => e.uid)).toContainEqual(
			expect.stringMatching(new RegExp(`^occurrence-${organiser.occurrenceIds[0]}@`))
		);

		// a page reload does not show the address again (only its hash is kept)
		await page.goto('/me/calendar');
		await expect(page.getByRole('textbox', { name: '登録用のアドレス' })).toHaveCount(0);
		await page.getByRole('button', { name: '新しいアドレスを作る' }).click();
		const second = await page.getByRole('textbox', { name: '登録用のアドレス' }).inputValue();
		expect(second).not.toBe(first);
		expect((await app.get(first)).status()).toBe(404);
		expect((await app.get(second)).status()).toBe(200);

		for (const bad of [
			'/me/calendar/short.ics',
			`/me/calendar/${'A'.repeat(32)}.ics`,
			`/me/calendar/${'a'.repeat(32)}.txt`
		]) {
			expect((await app.get(bad)).status(), bad).toBe(404);
		}
		await page.getByRole('button', { name: 'アドレスを削除する' }).click();
		await expect(page.getByText('アドレスを削除しました。')).toBeVisible();
		expect((await app.get(second)).status()).toBe(404);
		await app.dispose();
	});

	test('/me/calendar needs a signed-in person', async ({ page }) => {
		await page.goto('/me/calendar');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme%2Fcalendar/);
	});
});

test.describe('flyer', () => {
	test('A4 flyer with title, dates, phone note and a QR code, without the site chrome', async ({
		page
	}) => {
		const title = unique('チラシの会');
		const event = await createEvent(DEMO_IDS.member, {
			title,
			startsAt: at('2027-06-05', '14:00'),
			repeat: 'weekly',
			count: 8,
			contactPhone: '047-123-4567',
			capacity: 20
		});
		await page.goto(`/events/${event.id}/flyer`);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.locator('.qr svg')).toHaveCount(1);
		await expect(page.getByRole('img', { name: 'イベントのページのQRコード' })).toBeVisible();
		await expect(page.getByText('電話でも申し込めます')).toBeVisible();
		await expect(page.getByText('047-123-4567')).toBeVisible();
		await expect(page.getByText('2027年6月5日(土) 14:00〜16:00')).toBeVisible();
		await expect(page.getByText('ほか2回')).toBeVisible();
		await expect(page.getByText('常盤平市民センター')).toBeVisible();
		await expect(page.locator('.site-header')).toBeHidden();
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('link', { name: 'イベントのページに戻る' })).toBeHidden();
		// printed, it is one A4 sheet
		const pdf = await page.pdf({ preferCSSPageSize: true });
		const text = pdf.toString('latin1');
		expect(text.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
		// A4 is 595 × 842 points
		const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(text);
		expect(Number(box?.[1])).toBeCloseTo(595, -1);
		expect(Number(box?.[2])).toBeCloseTo(842, -1);
		await page.emulateMedia({ media: 'screen' });

		const draft = await createEvent(DEMO_IDS.member, {
			title: unique('下書きチラシ'),
			status: 'draft'
		});
		const response = await page.goto(`/events/${draft.id}/flyer`);
		expect(response?.status()).toBe(404);
	});
});

test('axe: calendar, flyer and personal feed pages have no serious violations', async ({
	page
}) => {
	const event = await createEvent(DEMO_IDS.member, {
		title: unique('アクセシビリティの会'),
		startsAt: at('2027-07-07', '18:00'),
		contactPhone: '047-000-0000'
	});
	for (const path of [
		'/calendar',
		'/en/calendar',
		'/calendar?month=2027-07',
		'/calendar?month=2027-01',
		`/events/${event.id}/flyer`,
		`/en/events/${event.id}/flyer`
	]) {
		await expectAccessible(page, path);
	}
	await signUp(page, {
		name: 'アクセス 確認',
		email: uniqueEmail('axe-cal'),
		password: 'calendar-axe-2026'
	});
	await expectAccessible(page, '/me/calendar');
	await page.getByRole('button', { name: '自分専用のアドレスを作る' }).click();
	await expect(page.getByRole('textbox', { name: '登録用のアドレス' })).toBeVisible();
	await expectAccessible(page);
	await expectAccessible(page, '/en/me/calendar');
	await expectAccessible(page, '/calendar');
	await expect(
		page.getByRole('link', {
			name: '参加を申し込んだイベントだけを、自分のカレンダーアプリに表示する'
		})
	).toBeVisible();
});
