// Reading support (issue 16): 見やすい表示, the display for older eyes, as a
// resident would use it on a phone without JavaScript: one button in the menu,
// the page comes back as it was with larger text and spacing, underlined links,
// bigger buttons and one column, remembered across pages, combined with
// 文字サイズ; with JavaScript it changes at once. axe finds no serious or
// critical violation with it on /, an event page and /places.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';

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
