// Issue 9, part A, as a resident, an organiser and a coordinator meet it:
// after joining or leaving, the page lands at that date with a message (with
// and without JavaScript) at an address that repeats nothing; leaving asks
// first; the event says its fee and the rest, on its page, card and flyer;
// /e/<code>; 「カレンダーアプリに追加」 with Google and a reminder; the
// og:image card; lang="ja" on /en/ pages; the join box first on a phone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { tokyoInstant } from '$lib/events/recurrence';
import { DEMO_IDS, serviceClient, uniqueEmail, userClient, createTestUser } from '../support/db';
import { createEvent } from '../support/events';
import { parseTwice } from '../support/ics';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const suffix = () => Math.random().toString(36).slice(2, 7);
const at = (date: string, time: string) => tokyoInstant(date, time)!;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A new resident, signed up through the form, in a browser of their own. */
async function resident(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ viewport: PHONE, ...options });
	const page = await context.newPage();
	const email = uniqueEmail('everyday');
	await signUp(page, { name: `住民 ${suffix()}`, email, password: 'tsunagu-e2e-pass' });
	const { data } = await serviceClient()
		.from('credentials')
		.select('user_id')
		.eq('email', email)
		.single();
	return { context, page, id: data!.user_id };
}

/** The page is at the event's own address with this anchor: nothing to repeat on reload. */
async function expectLandedAt(page: Page, eventId: string, anchor: string) {
	await expect(page).toHaveURL(new RegExp(`/events/${eventId}#${anchor}$`));
	expect(page.url()).not.toContain('?/');
	await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
}

async function registrations(occurrenceId: string, userId: string) {
	const { data } = await serviceClient()
		.from('registrations')
		.select('status')
		.eq('occurrence_id', occurrenceId)
		.eq('user_id', userId);
	return (data ?? []).map((r) => r.status);
}

for (const javaScriptEnabled of [true, false]) {
	test(`joining and leaving land at the date with a message (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const title = `着地の確認${suffix()}`;
		const ev = await createEvent(DEMO_IDS.member, {
			title,
			repeat: 'weekly',
			count: 5,
			capacity: 1
		});
		// the fourth date: far enough down the page that landing at the top would not show it
		const occurrence = ev.occurrenceIds[3];
		const anchor = `occurrence-${occurrence}`;
		const me = await resident(browser, { javaScriptEnabled });
		const { page } = me;
		if (javaScriptEnabled) {
			// opened by its address the event page is not hydrated (csr = false); reached from a
			// list it is rendered in the browser, its forms enhanced
			await page.goto(`/events?q=${encodeURIComponent(title)}`);
			await page.getByRole('link', { name: title }).click();
			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		} else await page.goto(`/events/${ev.id}`);
		const date = page.locator(`[id="${anchor}"]`);
		// the later dates are folded away; open them as a person would
		await page.getByText('ほかの日程（2回）').click();
		await date.getByLabel('参加する人数').selectOption({ label: '本人のほかに1人' });
		await date.getByLabel('参加する人数').selectOption({ label: '本人のみ' });
		await date.getByRole('button', { name: '参加を申し込む' }).click();

		await expectLandedAt(page, ev.id, anchor);
		const joined = date.getByRole('status');
		await expect(joined).toHaveText('参加を申し込みました。');
		await expect(joined).toBeInViewport();
		if (javaScriptEnabled) await expect(joined).toBeFocused();
		await expect(date).toContainText('参加申込済みです（1人）');
		// axe needs JavaScript: the same page, at a phone's width and a desktop's
		if (javaScriptEnabled) {
			await expectAccessible(page);
			await page.setViewportSize(DESKTOP);
			await expectAccessible(page);
			await page.setViewportSize(PHONE);
		}

		// reloading shows the page again, without the message and without joining twice
		await page.reload();
		await expect(page.getByText('参加を申し込みました。')).toHaveCount(0);
		await expect(date).toContainText('参加申込済みです（1人）');
		expect(await registrations(occurrence, me.id)).toEqual(['going']);

		// somebody else waits for the place
		const waiting = await createTestUser('待っている 人');
		const queued = await userClient(waiting.id).rpc('join_occurrence', {
			p_occurrence: occurrence,
			p_companions: 0
		});
		expect(queued.data?.status).toBe('waitlisted');
		await page.reload();

		// leaving asks first, saying what will happen, at the same date
		await date.getByRole('link', { name: '参加を取り消す' }).click();
		await expect(page).toHaveURL(new RegExp(`\\?confirm=leave-[0-9a-f-]{36}#${anchor}$`));
		const confirm = date.getByRole('group', { name: '参加を取り消しますか？' });
		await expect(confirm).toContainText(
			'取り消すと、キャンセル待ちの次の方が繰り上がり、お知らせが届きます。'
		);
		await expect(confirm).toBeInViewport();
		if (javaScriptEnabled) await expectAccessible(page);
		// 「やめる」 changes nothing
		await confirm.getByRole('link', { name: 'やめる' }).click();
		await expectLandedAt(page, ev.id, anchor);
		await expect(confirm).toHaveCount(0);
		expect(await registrations(occurrence, me.id)).toEqual(['going']);

		await date.getByRole('link', { name: '参加を取り消す' }).click();
		await confirm.getByRole('button', { name: '取り消す', exact: true }).click();
		await expectLandedAt(page, ev.id, anchor);
		const left = date.getByRole('status');
		await expect(left).toHaveText('参加を取り消しました。');
		await expect(left).toBeInViewport();
		expect(await registrations(occurrence, me.id)).toEqual(['cancelled']);
		expect(await registrations(occurrence, waiting.id)).toEqual(['going']);
		await me.context.close();
	});
}

test('the comment box says its limit where the page is not hydrated, and counts where it is', async ({
	browser
}) => {
	const title = `文字数の表示${suffix()}`;
	const ev = await createEvent(DEMO_IDS.member, { title });
	const me = await resident(browser, { javaScriptEnabled: true });
	const { page } = me;
	// opened by its address the page is not hydrated: a count would stay at 0 while typing
	await page.goto(`/events/${ev.id}`);
	const count = page.locator('#comment .count');
	await expect(count).toHaveText('20,000文字まで');
	await page.locator('#comment textarea').fill('こんにちは');
	await expect(count).toHaveText('20,000文字まで');
	// reached from a list it is rendered in the browser: the count follows the typing
	await page.goto(`/events?q=${encodeURIComponent(title)}`);
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(count).toHaveText('0 / 20,000文字');
	await page.locator('#comment textarea').fill('こんにちは');
	await expect(count).toHaveText('5 / 20,000文字');
	await me.context.close();
});

test('a fold opened before the page’s JavaScript has run stays open once it runs', async ({
	browser
}) => {
	const ev = await createEvent(DEMO_IDS.member, {
		title: `先に開く${suffix()}`,
		repeat: 'weekly',
		count: 5
	});
	// a visitor on a phone, and a member (whose event page loads its forms first: it hydrates later).
	// An event page opened by its address is not hydrated (csr = false): there the fold simply
	// stays as the person left it, which these two cases keep true if that ever changes
	const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
	const member = (await resident(browser)).page;
	for (const [page, path, summary] of [
		[visitor, '/events', '条件で絞り込む'],
		[visitor, `/events/${ev.id}`, 'ほかの日程（2回）'],
		[member, `/events/${ev.id}`, 'ほかの日程（2回）']
	] as const) {
		// the page's scripts wait until the fold is open
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		const fold = page.locator('details', { has: page.locator('summary', { hasText: summary }) });
		await fold.locator('summary').click();
		await expect(fold).toHaveAttribute('open', '');
		release();
		await page.waitForLoadState('networkidle');
		await page.unrouteAll();
		await expect(fold, `${path}: ${summary}`).toHaveAttribute('open', '');
	}
	await visitor.context().close();
	await member.context().close();
});

test('a refusal (full, no waiting list) lands at the date with its message', async ({
	browser
}) => {
	const ev = await createEvent(DEMO_IDS.member, {
		title: `満員の確認${suffix()}`,
		capacity: 1,
		waitlist: false
	});
	const first = await createTestUser('先の 人');
	await userClient(first.id).rpc('join_occurrence', {
		p_occurrence: ev.occurrenceIds[0],
		p_companions: 0
	});
	const me = await resident(browser);
	const anchor = `occurrence-${ev.occurrenceIds[0]}`;
	await me.page.goto(`/events/${ev.id}`);
	const date = me.page.locator(`[id="${anchor}"]`);
	await expect(date).toContainText('満員');
	await date.getByRole('button', { name: '参加を申し込む' }).click();
	await expectLandedAt(me.page, ev.id, anchor);
	await expect(date.getByRole('alert')).toHaveText('満員のため申し込めません。');
	await me.context.close();
});

test('on a phone the join box comes right under the title and date, before the facts', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: PHONE });
	const page = await context.newPage();
	// the demo forum of the city: its organiser line names the city's department
	await page.goto('/events/20000000-0000-4000-8000-000000000002');
	const title = await page.getByRole('heading', { level: 1 }).boundingBox();
	const join = await page.getByRole('region', { name: '参加申込', exact: true }).boundingBox();
	const facts = await page.locator('dl.facts').boundingBox();
	expect(join!.y).toBeGreaterThan(title!.y);
	expect(join!.y).toBeLessThan(PHONE.height);
	expect(join!.y).toBeLessThan(facts!.y);
	await expect(page.locator('dl.facts')).toContainText('松戸市 福祉長寿部 地域包括ケア推進課');
	await expect(page.getByText('個人として主催')).toHaveCount(0);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(page);
	await context.close();
});

test('the fee and the rest on the page, the card and the flyer; the flyer has /e/<code>', async ({
	page,
	request,
	baseURL
}) => {
	const title = `参加費のある会${suffix()}`;
	const ev = await createEvent(DEMO_IDS.member, {
		title,
		startsAt: at('2027-06-05', '14:00'),
		repeat: 'weekly',
		count: 8,
		capacity: 20,
		contactPhone: '047-123-4567',
		areaSlug: 'kogane',
		summary: '折り紙で季節の飾りを作ります',
		body: '## 内容\n\n**初めての方**も大丈夫です。\n\n- 材料はこちらで用意します\n- 作品は持ち帰れます',
		fee: '300円（材料費）',
		belongings: 'はさみ、のり',
		howToApply: '電話またはFAXで受付',
		deadlineNote: '定員になり次第締切',
		registrationClosesAt: at('2027-06-01', '17:00')
	});
	await page.goto(`/events/${ev.id}`);
	const facts = page.locator('dl.facts');
	await expect(facts).toContainText('参加費');
	await expect(facts).toContainText('300円（材料費）');
	await expect(facts).toContainText('はさみ、のり');
	await expect(facts).toContainText('電話またはFAXで受付');
	await expect(facts).toContainText('2027年6月1日(火) 17:00まで');
	await expect(facts).toContainText('定員になり次第締切');

	// the card in lists
	await page.goto(`/events?q=${encodeURIComponent(title)}`);
	await expect(page.locator('article', { hasText: title }).first()).toContainText(
		'参加費：300円（材料費）'
	);

	await page.goto(`/events/${ev.id}/flyer`);
	const sheet = page.locator('article.sheet');
	await expect(sheet).toContainText('参加費');
	await expect(sheet.locator('.fee dd')).toHaveText('300円（材料費）');
	await expect(sheet).toContainText('はさみ、のり');
	await expect(sheet).toContainText('電話またはFAXで受付');
	await expect(sheet).toContainText('定員になり次第締切');
	await expect(sheet).toContainText('折り紙で季節の飾りを作ります');
	// the description's first lines, as plain text
	await expect(sheet.locator('.description')).toHaveText(
		/内容\s*初めての方も大丈夫です。\s*・材料はこちらで用意します/
	);
	await expect(sheet.locator('.description')).not.toContainText('**');
	const { data } = await serviceClient()
		.from('events')
		.select('short_code')
		.eq('id', ev.id)
		.single();
	const code = data!.short_code;
	const host = new URL(baseURL!).host;
	await expect(sheet.locator('.short-url')).toHaveText(`${host}/e/${code}`);
	await expectAccessible(page);
	// still one A4 sheet
	await page.emulateMedia({ media: 'print' });
	const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

	// the short address, typed as people type it
	for (const typed of [code, code.toUpperCase(), `${code.slice(0, 3)}-${code.slice(3)}`]) {
		const response = await request.get(`/e/${encodeURIComponent(typed)}`, { maxRedirects: 0 });
		expect(response.status(), typed).toBe(308);
		expect(response.headers().location).toBe(`/events/${ev.id}`);
	}
	const en = await request.get(`/en/e/${code}`, { maxRedirects: 0 });
	expect(en.headers().location).toBe(`/en/events/${ev.id}`);
	await page.emulateMedia({ media: 'screen' });
	await page.goto(`/e/${code.toUpperCase()}`);
	await expect(page).toHaveURL(new RegExp(`/events/${ev.id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	for (const bad of ['/e/zzzzzz', '/e/abc', '/e/0o1l23']) {
		expect((await request.get(bad, { maxRedirects: 0 })).status(), bad).toBe(404);
	}
	// a draft's code is nobody's business but its organisers'
	const draft = await createEvent(DEMO_IDS.member, { status: 'draft' });
	const { data: draftRow } = await serviceClient()
		.from('events')
		.select('short_code')
		.eq('id', draft.id)
		.single();
	expect((await request.get(`/e/${draftRow!.short_code}`, { maxRedirects: 0 })).status()).toBe(404);
});

test('a moved date says where it was, a cancelled one why, and the series rule says so', async ({
	page
}) => {
	const ev = await createEvent(DEMO_IDS.member, {
		title: `変更のある毎週の会${suffix()}`,
		startsAt: at('2027-01-05', '10:00'), // a Tuesday
		repeat: 'weekly',
		count: 4
	});
	const db = userClient(DEMO_IDS.member);
	await db
		.from('event_occurrences')
		.update({
			starts_at: at('2027-01-13', '14:00').toISOString(),
			ends_at: at('2027-01-13', '16:00').toISOString()
		})
		.eq('id', ev.occurrenceIds[1]);
	await db
		.from('event_occurrences')
		.update({ status: 'cancelled', cancel_reason: '会場の点検のため' })
		.eq('id', ev.occurrenceIds[2]);
	await page.goto(`/events/${ev.id}`);
	await expect(page.locator(`[id="occurrence-${ev.occurrenceIds[1]}"]`)).toContainText(
		'日時変更（元: 1月12日（火））'
	);
	await expect(page.locator(`[id="occurrence-${ev.occurrenceIds[2]}"]`)).toContainText(
		'中止: 会場の点検のため'
	);
	await expect(page.locator('dl.facts')).toContainText(
		'毎週火曜日（日時変更1回・中止1回。くわしくは各回の日程をご覧ください）'
	);
	await page.goto(`/events/${ev.id}/flyer`);
	await expect(page.locator('.dates')).toContainText('日時変更（元: 1月12日（火））');
	await expect(page.locator('.dates')).toContainText('中止（会場の点検のため）');
	await expect(page.locator('.facts')).toContainText('毎週火曜日（日時変更1回・中止1回');
});

test('カレンダーアプリに追加: Google Calendar in Tokyo time, and an .ics with a reminder the day before', async ({
	page,
	request
}) => {
	const title = `カレンダーの会${suffix()}`;
	const ev = await createEvent(DEMO_IDS.member, {
		title,
		startsAt: at('2027-02-09', '10:00'),
		durationMinutes: 90
	});
	await page.goto(`/events/${ev.id}`);
	const section = page.getByRole('region', { name: 'カレンダーアプリに追加' });
	await expect(section).toContainText('前の日の18時にお知らせが出ます');
	const google = new URL(
		(await section.getByRole('link', { name: 'Google カレンダーに追加' }).getAttribute('href'))!
	);
	expect(`${google.origin}${google.pathname}`).toBe('https://calendar.google.com/calendar/render');
	expect(google.searchParams.get('action')).toBe('TEMPLATE');
	expect(google.searchParams.get('text')).toBe(title);
	expect(google.searchParams.get('dates')).toBe('20270209T100000/20270209T113000');
	expect(google.searchParams.get('ctz')).toBe('Asia/Tokyo');
	expect(google.searchParams.get('location')).toBe('常盤平市民センター 千葉県松戸市常盤平3-30');
	expect(google.searchParams.get('details')).toContain(`/events/${ev.id}`);
	// no 購読 or iCalendar jargon for residents
	await expect(page.locator('main')).not.toContainText('購読');
	await expect(page.locator('main')).not.toContainText('iCalendar');
	await expectAccessible(page);

	const ics = section.getByRole('link', { name: 'iPhone・ほかのカレンダーアプリに追加' });
	const withReminder = await request.get((await ics.getAttribute('href'))!);
	for (const parsed of parseTwice(await withReminder.text())) {
		expect(parsed.events).toHaveLength(1);
		// 10:00 → 18:00 the day before is 16 hours earlier
		expect(parsed.events[0].alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT16H' }]);
	}
	const quiet = section.getByRole('link', { name: '通知なしで追加' });
	expect(await quiet.getAttribute('href')).toBe(`/events/${ev.id}/ical?reminder=0`);
	const withoutReminder = await request.get(`/events/${ev.id}/ical?reminder=0`);
	for (const parsed of parseTwice(await withoutReminder.text())) {
		expect(parsed.events[0].alarms).toEqual([]);
	}
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer) {
	expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(body.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test('og:image: a 1200×630 PNG card, cached by ETag; drafts only for their organisers', async ({
	page,
	request,
	baseURL
}) => {
	const ev = await createEvent(DEMO_IDS.member, { title: `画像の会${suffix()}` });
	await page.goto(`/events/${ev.id}`);
	const image = `${baseURL}/events/${ev.id}/og.png`;
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', image);
	await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
	await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
		'content',
		'summary_large_image'
	);

	const response = await request.get(`/events/${ev.id}/og.png`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('image/png');
	expect(response.headers()['cache-control']).toBe('public, max-age=3600');
	expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
	const etag = response.headers().etag;
	expect(etag).toMatch(/^"[\w-]+"$/);
	const again = await request.get(`/events/${ev.id}/og.png`, {
		headers: { 'if-none-match': etag }
	});
	expect(again.status()).toBe(304);

	// a new title is a new picture
	await userClient(DEMO_IDS.member)
		.from('events')
		.update({ title: `画像の会（改）${suffix()}` })
		.eq('id', ev.id);
	const changed = await request.get(`/events/${ev.id}/og.png`, {
		headers: { 'if-none-match': etag }
	});
	expect(changed.status()).toBe(200);
	expect(changed.headers().etag).not.toBe(etag);

	const draft = await createEvent(DEMO_IDS.member, { status: 'draft' });
	expect((await request.get(`/events/${draft.id}/og.png`)).status()).toBe(404);
	await logIn(page, DEMO.member);
	const own = await page.request.get(`/events/${draft.id}/og.png`);
	expect(own.status()).toBe(200);
	expect(own.headers()['cache-control']).toBe('private, no-store');
	expect(pngSize(await own.body())).toEqual({ width: 1200, height: 630 });
});

test('on /en/ pages what people wrote is marked lang="ja"', async ({ page }) => {
	const ev = await createEvent(DEMO_IDS.member, {
		title: `英語ページの会${suffix()}`,
		fee: '無料'
	});
	await page.goto(`/en/events/${ev.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ja');
	await expect(page.locator('.summary')).toHaveAttribute('lang', 'ja');
	await expect(page.locator('dl.facts dd', { hasText: '無料' })).toHaveAttribute('lang', 'ja');
	await expect(page.getByRole('heading', { name: 'Add to your calendar app' })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/en/events/${ev.id}/flyer`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ja');
	// and not on Japanese pages
	await page.goto(`/events/${ev.id}`);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /.*/);
});

test('the feed address in plain words, with a copy button that needs JavaScript', async ({
	browser
}) => {
	for (const viewport of [PHONE, DESKTOP]) {
		const context = await browser.newContext({ viewport });
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const page = await context.newPage();
		await page.goto('/calendar');
		const address = page.getByRole('textbox', { name: '登録用のアドレス' });
		await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/calendar\.ics$/);
		await expect(address).toHaveAttribute('readonly', '');
		await page.getByRole('button', { name: 'アドレスをコピー' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'コピーしました。' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			await address.inputValue()
		);
		await expect(page.locator('main')).not.toContainText('購読');
		await expect(page.locator('main')).not.toContainText('iCalendar');
		await expectAccessible(page);
		await context.close();
	}
	const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
	const page = await noScript.newPage();
	await page.goto('/calendar');
	await expect(page.getByRole('textbox', { name: '登録用のアドレス' })).toHaveValue(
		/\/calendar\.ics$/
	);
	await expect(page.getByRole('button', { name: 'アドレスをコピー' })).toHaveCount(0);
	await noScript.close();
});
