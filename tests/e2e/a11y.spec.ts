// axe on every page that exists: no serious or critical violation, in both
// languages, signed out and signed in, on a desktop and a 360 px phone.
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, logIn } from './helpers';

const PUBLIC_PAGES = [
	'/',
	'/login',
	'/signup',
	'/events',
	'/calendar',
	'/practices',
	'/recognition',
	'/threads',
	'/orgs',
	'/areas',
	'/no-such-page'
];
const MEMBER_PAGES = ['/', '/account'];

for (const locale of ['', '/en']) {
	test(`public pages ${locale || '/ja'}`, async ({ page }) => {
		for (const path of PUBLIC_PAGES)
			await expectAccessible(page, `${locale}${path}`.replace(/\/$/, '') || '/');
	});
}

test('signed-in pages', async ({ page }) => {
	await logIn(page, DEMO.member);
	for (const path of MEMBER_PAGES) await expectAccessible(page, path);
	for (const path of MEMBER_PAGES) await expectAccessible(page, `/en${path}`.replace(/\/$/, ''));
});

test('a 360 px wide phone needs no sideways scrolling', async ({ browser }) => {
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2
	});
	const page = await context.newPage();
	for (const path of ['/', '/login', '/signup', '/en']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
		await expectAccessible(page, path);
	}
	await context.close();
});
