// What only a signed-in member sees or uses is imported by a load for members
// only (docs/ARCHITECTURE.md): the frame's bell and account links, the forms to
// post, join, thank and 「うちでもやってみたい」, what one may do with a post (a
// coordinator's earlier versions of it among them: one component), an
// organization's co-host requests and a coordinator's moderation.
// Each check reads the components' scoping classes (svelte-…) from a member's
// page, finds them in the member's styles and scripts, and in none of a
// visitor's scripts for the same page. A page that is not hydrated (csr =
// false: the home page, an event's, an organization's) downloads no script for
// anybody: there the member's parts are in their HTML and styles only (reached
// by a link from a hydrated page, they come as above).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectStylesLinked, logIn, signUp } from './helpers';
import { createTestUser, serviceClient, uniqueEmail, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { createTestOrg, practiceInput, publishedPractice } from '../support/practices';
import { writePosts } from '../support/threads';
import { hashPassword } from '$lib/server/auth/password';
import { getOrCreateEventThread } from '$lib/server/db/threads';

const tag = () => Math.random().toString(36).slice(2, 7);
/** ThanksForm has no styles of its own: its field's label is in its code only */
const THANKS_FORM = 'ひとこと（なくてもかまいません）';

/** The text of every script the page downloads, once the page is idle. */
function scriptsOf(page: Page) {
	const bodies: Promise<string>[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') bodies.push(r.text());
	});
	return async () => {
		await page.waitForLoadState('networkidle');
		return (await Promise.all(bodies)).join('\n');
	};
}

/** A member just signed up. */
const newMember = (page: Page) =>
	signUp(page, { name: `会員${tag()}`, email: uniqueEmail('parts'), password: 'tsunagu-e2e-pass' });

/**
 * `path` for a member (`signIn`, by default one just signed up): each of `selectors` shows, and its
 * component's scoping class is in the stylesheets the server's HTML links and
 * in the scripts; each of `markers` (a text only that component's code holds,
 * for one without styles of its own) is in the scripts. For a visitor:
 * `visitorSees` shows, and none of those classes or markers is in the scripts.
 */
async function expectMemberOnly(
	browser: Browser,
	path: string,
	selectors: string[],
	visitorSees: (page: Page) => Promise<void>,
	{
		markers = [],
		signIn = newMember,
		hydrated = true
	}: {
		markers?: string[];
		signIn?: (page: Page) => Promise<void>;
		/** false: a page with csr = false, opened by its address (no scripts for anybody) */
		hydrated?: boolean;
	} = {}
) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page);
	const memberCode = scriptsOf(page);
	const html = (await (await page.goto(path))?.text()) ?? '';
	const scopes: string[] = [];
	for (const selector of selectors) {
		await expect(page.locator(selector).first(), selector).toBeVisible();
		const scope = (await page.locator(selector).first().getAttribute('class'))?.match(
			/svelte-\w+/
		)?.[0];
		expect(scope, selector).toBeTruthy();
		scopes.push(scope as string);
	}
	const stylesheets = [...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)].map(
		(m) => m[1]
	);
	const css = (
		await Promise.all(
			stylesheets.map(async (href) =>
				(await page.request.get(new URL(href, page.url()).href)).text()
			)
		)
	).join('\n');
	await expectStylesLinked(page, path);
	const code = await memberCode();
	// (includes, not toContain: a failure would print the whole of the page's JavaScript)
	for (const [i, scope] of scopes.entries()) {
		expect(css.includes(scope), `${selectors[i]} (${scope}) in the styles`).toBe(true);
		if (hydrated)
			expect(code.includes(scope), `${selectors[i]} (${scope}) in the scripts`).toBe(true);
	}
	if (hydrated)
		for (const marker of markers)
			expect(code.includes(marker), `${marker} in the scripts`).toBe(true);
	else {
		// (structured data, application/ld+json, is not a script a browser runs)
		expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
		expect(code, 'a member downloads no script').toBe('');
	}
	await context.close();

	const visitor = await browser.newPage();
	const visitorCode = scriptsOf(visitor);
	await visitor.goto(path);
	await visitorSees(visitor);
	const downloaded = await visitorCode();
	if (hydrated) expect(downloaded.length).toBeGreaterThan(50_000);
	else expect(downloaded, 'a visitor downloads no script').toBe('');
	for (const [i, scope] of scopes.entries()) {
		expect(downloaded.includes(scope), `${selectors[i]} (${scope}) in a visitor's scripts`).toBe(
			false
		);
	}
	for (const marker of markers) {
		expect(downloaded.includes(marker), `${marker} in a visitor's scripts`).toBe(false);
	}
	await visitor.close();
}

test('a thread page: the bell, the account links, the reply form and a post’s actions are a member’s only', async ({
	browser
}) => {
	const author = await createTestUser(`分割の人${tag()}`);
	const { data: id, error } = await userClient(author.id).rpc('create_thread', {
		p_title: `会員の部品${tag()}`,
		p_body: '最初の投稿です。',
		p_body_html: '<p>最初の投稿です。</p>'
	});
	if (error || !id) throw new Error(error?.message ?? 'no thread');
	await expectMemberOnly(
		browser,
		`/threads/${id}`,
		['.site-header .bell', '.site-header .who', '#reply form', 'li.post .actions'],
		async (page) => {
			await expect(page.getByRole('link', { name: 'ログインすると書き込めます' })).toBeVisible();
			await expect(page.getByRole('link', { name: '報告する' })).toHaveCount(0);
		}
	);
});

test('an event page: the join form and a comment’s actions are a member’s only', async ({
	browser
}) => {
	const organiser = await createTestUser(`主催${tag()}`);
	const { id: eventId } = await createEvent(organiser.id, { title: `会員の部品の会${tag()}` });
	const thread = await getOrCreateEventThread(userClient(organiser.id), eventId);
	if (!thread.ok) throw new Error(thread.refusal);
	await writePosts(thread.id, organiser.id, 1);
	await expectMemberOnly(
		browser,
		`/events/${eventId}`,
		['#join .join-form', '#comments li.post .actions', '#comment form'],
		async (page) => {
			await expect(page.getByRole('link', { name: 'ログインして申し込む' })).toBeVisible();
			await expect(page.getByRole('button', { name: '参加を申し込む' })).toHaveCount(0);
		},
		{ hydrated: false }
	);
});

test('a practice, its organization and a person: the forms to thank and to try it are a member’s only', async ({
	browser
}) => {
	const [owner, coordinator] = await Promise.all([
		createTestUser('部品 代表'),
		createTestUser('部品 コーディ')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	const orgId = await createTestOrg(owner.id, [], { name: `部品の会${tag()}` });
	const practiceId = await publishedPractice(
		owner.id,
		coordinator.id,
		practiceInput(orgId, { title: `部品の実践${tag()}` })
	);
	await expectMemberOnly(
		browser,
		`/practices/${practiceId}`,
		['#inspire form', '#thanks textarea'],
		async (page) => {
			await expect(
				page.getByRole('link', { name: 'ログインして「うちでもやってみたい」と伝える' })
			).toBeVisible();
			await expect(
				page.getByRole('link', { name: 'ログインして、ありがとうを伝える' })
			).toBeVisible();
		},
		{ markers: [THANKS_FORM] }
	);
	const { data: org } = await serviceClient()
		.from('organizations')
		.select('slug')
		.eq('id', orgId)
		.single();
	const thanksSignIn = async (page: Page) => {
		await expect(
			page.getByRole('link', { name: 'ログインして、ありがとうを伝える' })
		).toBeVisible();
	};
	await expectMemberOnly(browser, `/orgs/${org!.slug}`, ['#thanks textarea'], thanksSignIn, {
		markers: [THANKS_FORM],
		hydrated: false
	});
	// a person's page (the demo member's, public)
	await expectMemberOnly(
		browser,
		'/people/00000000-0000-4000-8000-000000000001',
		['#thanks textarea'],
		thanksSignIn,
		{ markers: [THANKS_FORM] }
	);
});

test('an organization’s page: a coordinator’s moderation is theirs only', async ({ browser }) => {
	const owner = await createTestUser('部品 代表');
	const name = `見守られる会${tag()}`;
	const orgId = await createTestOrg(owner.id, [], { name });
	const { data: org } = await serviceClient()
		.from('organizations')
		.select('slug')
		.eq('id', orgId)
		.single();
	await expectMemberOnly(
		browser,
		`/orgs/${org!.slug}`,
		['section.moderation'],
		async (page) => {
			await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
			await expect(page.locator('section.moderation')).toHaveCount(0);
		},
		{ signIn: (page) => logIn(page, DEMO.coordinator), hydrated: false }
	);
});

test('an organization’s page: the co-host requests are its owners’ and editors’ only', async ({
	browser
}) => {
	const password = 'tsunagu-e2e-pass';
	const owner = await createTestUser('共催 代表', { passwordHash: await hashPassword(password) });
	const host = await createTestUser('共催 主催');
	const name = `頼まれる会${tag()}`;
	const orgId = await createTestOrg(owner.id, [], { name });
	const { data: org } = await serviceClient()
		.from('organizations')
		.select('slug')
		.eq('id', orgId)
		.single();
	await createEvent(host.id, { title: `共催を頼む会${tag()}`, cohostIds: [orgId] });
	await expectMemberOnly(
		browser,
		`/orgs/${org!.slug}`,
		['section.cohost-requests'],
		async (page) => {
			await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
			await expect(page.locator('section.cohost-requests')).toHaveCount(0);
		},
		{ signIn: (page) => logIn(page, { email: owner.email, password }), hydrated: false }
	);
});
