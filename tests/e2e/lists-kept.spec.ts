// A visitor's lists of event cards are kept per version of the public events
// ($lib/server/events/kept-lists): the same list again is not read again, but
// who joined shows at once, and an organiser's change is a new version. A
// signed-in person in no organization (and not a coordinator) is shown them too.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, logIn, signUp } from './helpers';
import { createTestUser, DEMO_IDS, serviceClient, uniqueEmail, userClient } from '../support/db';
import { createEvent, saveEventAgain } from '../support/events';

const suffix = () => Math.random().toString(36).slice(2, 7);
const SEEDED_ORG = '10000000-0000-4000-8000-000000000001'; // 常盤平こども食堂の会, owned by the demo member

test('a kept list shows the seats as they are now and an organiser’s change at once', async ({
	page
}) => {
	const tag = `保存確認${suffix()}`;
	const { id, occurrenceIds } = await createEvent(DEMO_IDS.member, {
		title: `${tag}の体操`,
		capacity: 3,
		organizationId: SEEDED_ORG,
		startsAt: new Date(Date.now() + 3 * 86400_000)
	});
	const list = `/events?q=${encodeURIComponent(tag)}`;
	const card = page.locator('article.card').filter({ hasText: tag });

	await page.goto(list);
	await expect(card).toHaveCount(1);
	await expect(card.locator('.seats')).toContainText('残り3人');

	// someone joins: the seats are not part of the version, and the list reads them fresh
	const joiner = await createTestUser('保存 確認');
	const { error } = await userClient(joiner.id).rpc('join_occurrence', {
		p_occurrence: occurrenceIds[0],
		p_companions: 0
	});
	expect(error).toBeNull();
	await page.goto(list);
	await expect(card.locator('.seats')).toContainText('残り2人');

	// the organiser renames it: a new version, a new list
	expect(await saveEventAgain(DEMO_IDS.member, id, { title: `${tag}の散歩` })).toBeNull();
	await page.goto(list);
	await expect(card.getByRole('heading')).toHaveText(`${tag}の散歩`);

	// the organiser takes it back to a draft: gone from the visitor's list at once
	expect(await saveEventAgain(DEMO_IDS.member, id, { status: 'draft' })).toBeNull();
	await page.goto(list);
	await expect(page.locator('#results')).toBeVisible();
	await expect(card).toHaveCount(0);
});

test("a signed-in resident in no organization is shown the visitor's kept cards; a member of an organization hidden from the public sees its name", async ({
	browser
}) => {
	const name = `非公開団体${suffix()}`;
	const title = `非公開団体の集い${suffix()}`;
	// the demo member makes it (and so owns it), then a coordinator hides it
	const { data: org, error } = await serviceClient()
		.from('organizations')
		.insert({
			slug: `hidden-list-${suffix()}`,
			name,
			kind: 'resident_group',
			municipality_wide: true,
			created_by: DEMO_IDS.member
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	await createEvent(DEMO_IDS.member, { title, organizationId: org!.id });
	await serviceClient()
		.from('organizations')
		.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
		.eq('id', org!.id);
	const list = `/events?q=${encodeURIComponent(title)}`;
	const card = (page: Page) => page.locator('article.card', { hasText: title });

	// a visitor first: the list is kept for visitors (this version of the public events)
	const visitor = await browser.newPage();
	await visitor.goto(list);
	await expect(card(visitor)).toBeVisible();
	await expect(card(visitor)).not.toContainText(name);
	// a resident who belongs to no organization is shown the same cards
	const resident = await browser.newPage();
	await signUp(resident, {
		name: '近所の人',
		email: uniqueEmail('resident'),
		password: 'pass-word-2026'
	});
	await resident.goto(list);
	await expect(card(resident)).toBeVisible();
	await expect(card(resident)).not.toContainText(name);
	// its member is not: RLS shows them the organization
	const member = await browser.newPage();
	await logIn(member, DEMO.member);
	await member.goto(list);
	await expect(card(member)).toContainText(name);
	await Promise.all([visitor.close(), resident.close(), member.close()]);
});
