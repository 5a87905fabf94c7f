// Co-hosting with consent (共催の依頼): an organiser names an organization as
// co-host; the event is not on that organization's page until one of its
// editors accepts from the page (without JavaScript here), after the in-app
// notice told them.
import { expect, test, type Page } from '@playwright/test';
import { createEvent } from '../support/events';
import { createTestUser, DEMO_IDS, serviceClient, uniqueEmail } from '../support/db';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const suffix = () => Math.random().toString(36).slice(2, 7);

/**
 * Lists the organization among the co-hosts: with many organizations (another test may have
 * made them) the form finds them by name first.
 */
async function showCohost(page: Page, name: string) {
	const search = page.getByLabel('団体名で探す');
	if (await search.count()) {
		await search.fill(name);
		await page.getByRole('button', { name: '探す', exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: `「${name}」に合う団体` })
		).toBeVisible();
	}
	await expect(page.getByLabel(name)).toBeVisible();
}

test('an organization shows an event as co-host only after its editor accepts on its page', async ({
	page,
	browser
}) => {
	const title = `共催テストの集い${suffix()}`;
	const orgName = `共催テストの会${suffix()}`;
	const slug = `cohost-e2e-${suffix()}`;

	// the host: a new member who owns an organization, using a phone without JavaScript
	const host = { name: '共催 代表', email: uniqueEmail('cohost'), password: 'tsunagu-e2e-pass' };
	const hostContext = await browser.newContext({ javaScriptEnabled: false });
	const hostPage = await hostContext.newPage();
	await signUp(hostPage, host);
	const svc = serviceClient();
	const { data: account } = await svc
		.from('credentials')
		.select('user_id')
		.eq('email', host.email)
		.single();
	// created by them, so they are its owner
	const { error } = await svc
		.from('organizations')
		.insert({ slug, name: orgName, kind: 'npo', created_by: account!.user_id });
	expect(error).toBeNull();

	// the organiser (the demo member) names it as co-host in the edit form
	const ev = await createEvent(DEMO_IDS.member, { title, capacity: 10 });
	await logIn(page, DEMO.member);
	await page.goto(`/events/${ev.id}/edit`);
	await page.locator('summary', { hasText: '共催団体' }).click();
	await expect(page.getByText('選んだ団体には共催の依頼が届きます。')).toBeVisible();
	await showCohost(page, orgName);
	// changing one's mind leaves the list open where the finger is
	await page.getByLabel(orgName).check();
	await page.getByLabel(orgName).uncheck();
	await expect(page.getByLabel(orgName)).toBeVisible();
	await page.getByLabel(orgName).check();
	await page.getByRole('button', { name: '保存する（公開中）' }).click();
	await expect(page).toHaveURL(new RegExp(`/events/${ev.id}$`));
	// not shown as co-host yet; the organiser sees it is waiting
	const facts = page.locator('dl').first();
	await expect(facts.getByText('共催の依頼中（まだ承認されていません）')).toBeVisible();
	await expect(facts.getByRole('link', { name: orgName })).toHaveCount(0);

	// nor on the organization's page, for anybody
	const anon = await browser.newContext();
	const anonPage = await anon.newPage();
	await anonPage.goto(`/orgs/${slug}`);
	await expect(anonPage.getByRole('heading', { level: 1 })).toHaveText(orgName);
	await expect(anonPage.getByText(title)).toHaveCount(0);
	await expect(anonPage.getByRole('heading', { name: '共催の依頼' })).toHaveCount(0);
	await anonPage.goto(`/events/${ev.id}`);
	await expect(anonPage.getByText(orgName)).toHaveCount(0);

	// the host is told, and answers on the organization's page
	await hostPage.goto('/notifications');
	await expect(hostPage.getByText('共催の依頼が届きました')).toBeVisible();
	await expect(hostPage.getByRole('link', { name: title })).toBeVisible();
	await hostPage
		.getByRole('link', { name: `「${orgName}」のページで承認または辞退できます` })
		.click();
	await expect(hostPage).toHaveURL(new RegExp(`/orgs/${slug}$`));
	const requests = hostPage.getByRole('region', { name: '共催の依頼' });
	await expect(requests.getByRole('link', { name: title })).toBeVisible();
	await expect(hostPage.getByRole('region', { name: 'この団体のイベント' })).not.toContainText(
		title
	);

	// axe, with the request on screen (axe needs JavaScript)
	const checker = await browser.newContext();
	const checkerPage = await checker.newPage();
	await logIn(checkerPage, host);
	await checkerPage.goto(`/orgs/${slug}`);
	await expect(checkerPage.getByRole('region', { name: '共催の依頼' })).toBeVisible();
	await expectAccessible(checkerPage);
	await checker.close();

	await requests.getByRole('button', { name: new RegExp(`^承認する\\s*（${title}）$`) }).click();
	await expect(
		hostPage.getByText('共催を承認しました。このイベントは団体のページにも表示されます。')
	).toBeVisible();
	await expect(hostPage.getByRole('button', { name: /^承認する/ })).toHaveCount(0);
	await expect(
		hostPage.getByRole('region', { name: 'この団体のイベント' }).getByRole('link', { name: title })
	).toBeVisible();

	// now it is on the organization's page and the event names its co-host, for everybody
	await anonPage.goto(`/orgs/${slug}`);
	await expect(
		anonPage.getByRole('region', { name: 'この団体のイベント' }).getByRole('link', { name: title })
	).toBeVisible();
	await anonPage.goto(`/events/${ev.id}`);
	await expect(anonPage.locator('dl').first().getByRole('link', { name: orgName })).toBeVisible();
	await anon.close();
	await hostContext.close();
});

test('with many organizations, an organiser finds a co-host by name, without JavaScript and on a phone', async ({
	browser
}) => {
	const tag = suffix();
	const owner = (await createTestUser('たくさんの会 代表')).id;
	// more than the form lists: 60 organizations, two of them with the searched word
	const rows = Array.from({ length: 60 }, (_, i) => ({
		slug: `many-cohosts-${tag}-${i}`,
		name: i < 2 ? `さがす会${tag}その${i + 1}` : `たくさんの会${tag}-${i}`,
		kind: 'npo' as const,
		created_by: owner
	}));
	const { error } = await serviceClient().from('organizations').insert(rows);
	expect(error).toBeNull();
	const ev = await createEvent(DEMO_IDS.member, { title: `共催をさがす集い${tag}` });

	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await logIn(page, DEMO.member);
	await page.goto(`/events/${ev.id}/edit`);
	await page.getByLabel('タイトル', { exact: true }).fill(`共催をさがす集い${tag}（改）`);
	await page.locator('summary', { hasText: '共催団体' }).click();
	// not every organization is listed: they are found by name
	await expect(page.getByLabel(`たくさんの会${tag}-10`)).toHaveCount(0);
	await page.getByLabel('団体名で探す').fill(`さがす会${tag}`);
	await page.getByRole('button', { name: '探す', exact: true }).click();
	// the page comes back at the list, with what was typed above it kept
	await expect(page).toHaveURL(/#cohosts$/);
	await expect(page.getByRole('status')).toHaveText(
		`「さがす会${tag}」に合う団体（2件）。選ぶ団体にチェックを入れてください。`
	);
	await expect(page.getByLabel('タイトル', { exact: true })).toHaveValue(
		`共催をさがす集い${tag}（改）`
	);
	await page.getByLabel(`さがす会${tag}その2`).check();

	// another search: the one checked stays, checked
	await page.getByLabel('団体名で探す').fill(`たくさんの会${tag}-1`);
	await page.getByRole('button', { name: '探す', exact: true }).click();
	await expect(page.getByLabel(`さがす会${tag}その2`)).toBeChecked();
	await expect(page.getByLabel(`たくさんの会${tag}-11`)).toBeVisible();
	await page.getByLabel('団体名で探す').fill('どこにもない名前');
	await page.getByRole('button', { name: '探す', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		'「どこにもない名前」に合う団体は見つかりませんでした。'
	);
	await expect(page.getByLabel(`さがす会${tag}その2`)).toBeChecked();

	await page.getByRole('button', { name: '保存する（公開中）' }).click();
	await expect(page).toHaveURL(new RegExp(`/events/${ev.id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`共催をさがす集い${tag}（改）`);
	const { data: invited } = await serviceClient()
		.from('event_cohosts')
		.select('organizations(name)')
		.eq('event_id', ev.id);
	expect(invited!.map((c) => c.organizations?.name)).toEqual([`さがす会${tag}その2`]);
	await context.close();
});
