// A practice's partners (連携先) in a city with many organizations: the form lists those it
// names and finds the others by name (OrganizationChoices), without JavaScript, on a phone.
import { expect, test } from '@playwright/test';
import { DEMO_IDS, serviceClient } from '../support/db';
import { createPractice, createTestOrg, practiceInput } from '../support/practices';
import { DEMO, logIn } from './helpers';

test('a practice finds a partner by name among many organizations, without JavaScript', async ({
	browser
}) => {
	const tag = Math.random().toString(36).slice(2, 7);
	const orgId = await createTestOrg(DEMO_IDS.member);
	const practiceId = await createPractice(
		DEMO_IDS.member,
		practiceInput(orgId, { title: `連携先をさがす実践${tag}` })
	);
	// more than the form lists
	const { error } = await serviceClient()
		.from('organizations')
		.insert(
			Array.from({ length: 60 }, (_, i) => ({
				slug: `many-partners-${tag}-${i}`,
				name: i === 0 ? `れんけい先の会${tag}` : `ほかの会${tag}-${i}`,
				kind: 'npo' as const,
				created_by: DEMO_IDS.member
			}))
		);
	expect(error).toBeNull();

	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await logIn(page, DEMO.member);
	await page.goto(`/practices/${practiceId}/edit`);
	await page.locator('summary', { hasText: '登録されている団体から選ぶ' }).click();
	await expect(page.getByLabel(`ほかの会${tag}-1`, { exact: true })).toHaveCount(0);
	await page.getByLabel('団体名で探す').fill(`れんけい先の会${tag}`);
	await page.getByRole('button', { name: '探す', exact: true }).click();
	await expect(page).toHaveURL(/#partners$/);
	await expect(page.getByRole('status')).toHaveText(
		`「れんけい先の会${tag}」に合う団体（1件）。選ぶ団体にチェックを入れてください。`
	);
	await page.getByLabel(`れんけい先の会${tag}`).check();
	await page.getByRole('button', { name: '保存する', exact: true }).click();
	await expect(page.getByLabel(`れんけい先の会${tag}`)).toBeChecked();

	const { data: partners } = await serviceClient()
		.from('practice_partners')
		.select('organizations(name)')
		.eq('practice_id', practiceId);
	expect(partners!.map((p) => p.organizations?.name)).toEqual([`れんけい先の会${tag}`]);
	await context.close();
});
