// Reading support (issue 16): 見やすい表示, the display for older eyes, as a
// resident would use it on a phone without JavaScript: one button in the menu,
// the page comes back as it was with larger text and spacing, underlined links,
// bigger buttons and one column, remembered across pages, combined with
// 文字サイズ; with JavaScript it changes at once. axe finds no serious or
// critical violation with it on /, an event page and /places. ふりがな: on a
// phone without JavaScript, readings over an event title and the menu; a
// coordinator fixes a misread place name and the title's reading follows.
import { expect, test } from '@playwright/test';
import { DEMO_IDS, serviceClient } from '../support/db';
import { createEvent } from '../support/events';
import { DEMO, expectAccessible, logIn } from './helpers';

const DEMO_EVENT = '20000000-0000-4000-8000-000000000001';

test('見やすい表示 without JavaScript on a phone: larger, spaced, underlined, one column, remembered', async ({
	browser
}) => {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await page.goto('/places?day=6');
	await page.getByText('メニュー', { exact: true }).click();
	const toggle = page.getByRole('button', { name: '見やすい表示' });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await toggle.click();
	// back on the same page, as chosen
	await expect(page).toHaveURL('/places?day=6');
	await expect(page.locator('html')).toHaveAttribute('data-easy-view', 'on');
	const root = () =>
		page.evaluate(() => {
			const s = getComputedStyle(document.documentElement);
			return { size: s.fontSize, line: s.lineHeight };
		});
	expect(await root()).toEqual({ size: '18px', line: '34.2px' });
	const link = page.getByRole('link', { name: '常盤平こども食堂' });
	expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('underline');
	const button = page.getByRole('button', { name: 'この条件で探す' });
	expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(56);

	// remembered on other pages, and combined with 文字サイズ
	await page.goto('/events');
	await expect(page.locator('html')).toHaveAttribute('data-easy-view', 'on');
	await page.getByText('メニュー', { exact: true }).click();
	await page.getByRole('button', { name: '特大' }).click();
	expect((await root()).size).toBe(`${16 * 1.7}px`);
	await page.getByText('メニュー', { exact: true }).click();
	await expect(page.getByRole('button', { name: '見やすい表示' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// off again: the chosen text size stays
	await page.getByRole('button', { name: '見やすい表示' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-easy-view', 'off');
	expect((await root()).size).toBe('24px');
	await context.close();
});

test('見やすい表示 with JavaScript: at once, one column on a wide screen, and axe-clean', async ({
	page
}) => {
	await page.goto('/places');
	await page.getByRole('button', { name: '見やすい表示' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-easy-view', 'on');
	await expect(page.getByRole('button', { name: '見やすい表示' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// the list and the map one under the other, not side by side
	const columns = await page
		.locator('.layout')
		.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
	expect(columns).toBe(1);
	// the event page: the join box under the title, not beside it
	await page.goto(`/events/${DEMO_EVENT}`);
	const head = (await page.locator('.event .head').boundingBox())!;
	const side = (await page.locator('.event .side').boundingBox())!;
	expect(side.y).toBeGreaterThanOrEqual(head.y + head.height);
	for (const path of ['/', `/events/${DEMO_EVENT}`, '/places']) await expectAccessible(page, path);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-easy-view', 'on');
});

test('ふりがな on a phone without JavaScript, over an event title and the menu; a coordinator fixes a reading and the title follows', async ({
	browser
}) => {
	// the table as a city starts with it (no coordinator's word for 八柱 yet), and an event
	// whose title the analyser misreads: 八柱 はちはしら (the worker reads it within a second)
	await serviceClient().from('reading_words').delete().eq('word', '八柱');
	const title = `八柱で集まる会 ${Date.now() % 100000}`;
	const { id } = await createEvent(DEMO_IDS.member, { title });
	const phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		javaScriptEnabled: false
	});
	const page = await phone.newPage();
	await page.goto(`/events/${id}`);
	await expect(page.locator('h1 ruby')).toHaveCount(0);
	await page.getByText('メニュー', { exact: true }).click();
	await page.getByRole('button', { name: 'ふりがな' }).click();
	// back on the same page, with readings over the title's kanji and over the menu
	await expect(page).toHaveURL(`/events/${id}`);
	const readingsOf = (selector: string) =>
		page.locator(`${selector} rt`).evaluateAll((rts) => rts.map((rt) => rt.textContent).join(' '));
	await expect
		.poll(async () => (await page.reload(), readingsOf('h1')), { timeout: 15_000 })
		.toContain('はしら');
	expect(await readingsOf('h1')).toContain('あつ');
	// (Chromium puts a space around each <ruby> in accessible names: the base text, once)
	const spaced = (text: string) =>
		new RegExp(`^${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}$`);
	const places = page
		.getByRole('navigation', { name: 'メインメニュー' })
		.getByRole('link', { name: spaced('場所をさがす') });
	await expect(places.locator('rt')).toHaveText('ばしょ');
	// the base text reads once: the name is the text, readings hidden from screen readers and copying
	await expect(page.locator('h1')).toHaveAccessibleName(spaced(title));
	expect(
		await page
			.locator('h1 rt')
			.first()
			.evaluate((rt) => getComputedStyle(rt).userSelect)
	).toBe('none');
	// times the やさしい way: ごご7時49分から ごご9時49分まで (or, late in the evening,
	// ごご10時8分から 2026年12月11日(金) ごぜん0時8分まで): no 24-hour clock, no 〜
	const shown = await page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('rt').forEach((rt) => rt.remove());
		return copy.textContent ?? '';
	});
	expect(shown).toMatch(
		/(ごぜん|ごご)\d{1,2}時(\d{1,2}分)?から (\d{4}年\d{1,2}月\d{1,2}日\(.\) )?(ごぜん|ごご)\d{1,2}時(\d{1,2}分)?まで/
	);
	expect(shown).not.toMatch(/(?<![\d.])\d{1,2}:\d{2}(?!\d)|〜/);
	await page.screenshot({ path: test.info().outputPath('furigana-phone.png') });

	// a coordinator puts 八柱 in the reading table
	const desk = await browser.newContext();
	const coordinator = await desk.newPage();
	await logIn(coordinator, DEMO.coordinator);
	await coordinator.goto('/coordinate/readings');
	await coordinator.getByRole('textbox', { name: 'ことば' }).fill('八柱');
	await coordinator.getByRole('textbox', { name: '読み方（ひらがな）' }).fill('ヤバシラ');
	await coordinator.getByRole('button', { name: '保存する' }).click();
	await expect(coordinator.getByText('「八柱」の読み方を保存しました。')).toBeVisible();
	await expect(
		coordinator.getByRole('row').filter({ hasText: '八柱' }).getByRole('cell').first()
	).toHaveText('やばしら');

	// the event's ruby follows (the worker reads the texts that have the word again)
	await expect
		.poll(async () => (await page.reload(), readingsOf('h1')), { timeout: 15_000 })
		.toContain('やばしら');
	expect(await readingsOf('h1')).not.toContain('はしら');

	// with JavaScript the page hydrates the same HTML: the title once, with its readings
	const js = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await js.addCookies([
		{ name: 'tsunagu_furigana', value: 'on', url: new URL('/', page.url()).href }
	]);
	const hydrated = await js.newPage();
	await hydrated.goto(`/events/${id}`);
	await expect(hydrated.locator('h1 rt').first()).toHaveText('やばしら');
	await expect(hydrated.locator('h1')).toHaveAccessibleName(spaced(title));
	// off again from the menu, with JavaScript: at once
	await hydrated.getByText('メニュー', { exact: true }).click();
	await hydrated.getByRole('button', { name: 'ふりがな' }).click();
	await expect(hydrated.locator('h1 ruby')).toHaveCount(0);
	await expect(hydrated.locator('h1')).toHaveText(title);
	await Promise.all([phone.close(), desk.close(), js.close()]);
});
