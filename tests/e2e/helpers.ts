import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { confirmTestEmailOf } from '../support/db';

export const DEMO = {
	member: { email: 'member@tsunagu.example', password: 'tsunagu-member-2026' },
	coordinator: { email: 'coordinator@tsunagu.example', password: 'tsunagu-coordinator-2026' },
	admin: { email: 'admin@tsunagu.example', password: 'tsunagu-admin-2026' }
};

/**
 * Opens 「メニュー」 where the header folds it (phones; wide screens show its
 * links in the header). Returns a function that folds it again, so that the
 * menu does not cover the page for what the test does next.
 */
async function unfoldMenu(page: Page) {
	const menu = page.locator('.site-header details.menu');
	const summary = menu.locator('summary');
	if ((await summary.isVisible()) && (await menu.getAttribute('open')) === null) {
		await summary.click();
		return () => summary.click();
	}
	return async () => {};
}

/** Once the page is a signed-in one, the account links (the name, ログアウト) in view. */
async function showAccountLinks(page: Page) {
	await expect(page.locator('.site-header .who')).toBeAttached();
	return unfoldMenu(page);
}

/**
 * Signs up through /signup, which lands on 「確認メールを送りました」 signed in
 * with the address unconfirmed. By default the address is then confirmed (as
 * its mailed link would; the tests of that link are in accounts.spec.ts) and
 * the person goes to the home page, so that they can join and post;
 * `verified: false` leaves it unconfirmed on the page sign-up landed on.
 */
export async function signUp(
	page: Page,
	who: { name: string; email: string; password: string },
	opts: { verified?: boolean } = {}
) {
	await page.goto('/signup');
	await page.getByLabel('表示名').fill(who.name);
	await page.getByLabel('メールアドレス').fill(who.email);
	await page.getByLabel('パスワード', { exact: true }).fill(who.password);
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByRole('heading', { name: '確認メールを送りました' })).toBeVisible();
	if (opts.verified ?? true) {
		await confirmTestEmailOf(who.email);
		await page.goto('/');
	}
	const fold = await showAccountLinks(page);
	await expect(page.getByText(`${who.name} さん`).first()).toBeVisible();
	await fold();
}

export async function logIn(page: Page, who: { email: string; password: string }) {
	await page.goto('/login');
	await page.getByLabel('メールアドレス').fill(who.email);
	await page.getByLabel('パスワード', { exact: true }).fill(who.password);
	await page.getByRole('button', { name: 'ログインする' }).click();
	const fold = await showAccountLinks(page);
	await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
	await fold();
}

export async function logOut(page: Page) {
	await showAccountLinks(page);
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await expect(page.locator('.site-header .who')).toHaveCount(0);
	const fold = await unfoldMenu(page);
	await expect(page.getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
	await fold();
}

/**
 * No serious or critical axe violations (WCAG 2.1 A and AA) on the page, or
 * on `path` after going there.
 */
export async function expectAccessible(page: Page, path?: string) {
	if (path) await page.goto(path);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${path ?? page.url()}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	expect(serious).toEqual([]);
}

/**
 * Every component's styles are linked in the page as the server sends it: each scoping class
 * (svelte-…) in its HTML is in one of its stylesheets. (A component imported by a load and also
 * statically by another page once came without them: docs/ARCHITECTURE.md.)
 */
export async function expectStylesLinked(page: Page, path: string) {
	const base = new URL(path, page.url());
	const html = await (await page.request.get(base.href)).text();
	const scopes = new Set(html.match(/\bsvelte-[a-z0-9]+\b/g) ?? []);
	expect(scopes.size).toBeGreaterThan(3);
	const hrefs = [...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)].map(
		(m) => new URL(m[1], base).href
	);
	const css = (
		await Promise.all(hrefs.map(async (href) => (await page.request.get(href)).text()))
	).join('\n');
	expect([...scopes].filter((scope) => !css.includes(scope))).toEqual([]);
}
