// axe on every page that exists: no serious or critical violation, in both
// languages, signed out and signed in, on a desktop and a 360 px phone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, logIn } from './helpers';

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

async function expectNoSeriousViolations(page: Page, path: string) {
	await page.goto(path);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	expect(serious).toEqual([]);
}

for (const locale of ['', '/en']) {
	test(`public pages ${locale || '/ja'}`, async ({ page }) => {
		for (const path of PUBLIC_PAGES)
			await expectNoSeriousViolations(page, `${locale}${path}`.replace(/\/$/, '') || '/');
	});
}

test('signed-in pages', async ({ page }) => {
	await logIn(page, DEMO.member);
	for (const path of MEMBER_PAGES) await expectNoSeriousViolations(page, path);
	for (const path of MEMBER_PAGES)
		await expectNoSeriousViolations(page, `/en${path}`.replace(/\/$/, ''));
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
		await expectNoSeriousViolations(page, path);
	}
	await context.close();
});
