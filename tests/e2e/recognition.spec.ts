// Recognition as people meet it (issue 12): a coordinator gives an
// organization an award from /coordinate with a long citation; it shows on
// /recognition and on the organization's page; its certificate (表彰状) prints
// on exactly one A4 sheet; a resident thanks the organization and a second
// thanks the same day is refused; axe on /recognition and the certificate.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createTestUser } from '../support/db';
import { createOrg } from '../support/recognition';
import { DEMO, expectAccessible, logIn, logOut, signUp } from './helpers';

test('an award on /recognition and the organization page, its one-page certificate, and thanks once a day', async ({
	page
}) => {
	const owner = await createTestUser('代表 さん');
	const orgName = `見守りの会${randomUUID().slice(0, 6)}`;
	const org = await createOrg(owner, { name: orgName });
	const awardName = `令和8年度 地域づくり大賞 ${randomUUID().slice(0, 4)}`;
	// close to the 600-character cap: the certificate must still fit one sheet
	const citation = `あなたは長年にわたり地域の高齢者の見守り活動に尽力され、${'毎週の訪問と声かけを続けてこられました。'.repeat(25)}ここに深く感謝の意を表します。`;
	expect([...citation].length).toBeLessThanOrEqual(600);

	await logIn(page, DEMO.coordinator);
	await page.goto('/coordinate');
	await page.getByRole('link', { name: '表彰を登録する' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: '表彰を登録する' })).toBeVisible();
	// nothing chosen: the form says so and writes nothing
	await page.getByRole('button', { name: '表彰を登録する' }).click();
	await expect(page.getByText('実践事例・団体・個人のどれかを選んでください。')).toBeVisible();
	await page.getByRole('radio', { name: '団体' }).check();
	await page.getByLabel('団体を選ぶ').selectOption({ label: orgName });
	await page.getByLabel('賞の名前').fill(awardName);
	await page.getByLabel('表彰の言葉').fill(citation);
	await page.getByLabel('表彰の日').fill('2026-12-02');
	await page.getByRole('button', { name: '表彰を登録する' }).click();

	// lands on the award, on the organization's page
	await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}#award-`));
	await expect(page.locator('section.awards')).toContainText(awardName);
	// the timeline of its 年度, newest first
	await page.goto('/recognition?year=2026');
	const card = page.locator('article.award', { hasText: awardName });
	await expect(card).toContainText('令和8年度（2026年度）');
	await expect(card.getByRole('link', { name: orgName })).toBeVisible();
	await expect(card).toContainText('2026年12月2日');
	await page.goto('/recognition?year=2025');
	await expect(page.locator('article.award', { hasText: awardName })).toHaveCount(0);
	await expectAccessible(page, '/recognition');

	// the organization's page
	await page.goto(`/orgs/${org.slug}`);
	const awards = page.locator('section.awards');
	await expect(awards.getByRole('heading', { name: '表彰' })).toBeVisible();
	await expect(awards).toContainText(awardName);

	// the certificate: vertical, in the era, with the municipality, one A4 landscape sheet
	await awards.getByRole('link', { name: '表彰状を見る・印刷する' }).click();
	const sheet = page.locator('article.sheet');
	await expect(sheet.getByRole('heading', { name: '表彰状' })).toBeVisible();
	await expect(sheet).toContainText(orgName);
	await expect(sheet).toContainText(awardName);
	await expect(sheet.locator('time')).toHaveText('令和8年12月2日');
	await expect(sheet.locator('.issuer')).not.toBeEmpty();
	expect(await sheet.evaluate((el) => getComputedStyle(el).writingMode)).toBe('vertical-rl');
	await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
	// the whole citation is on the sheet, not cut off
	const fits = await sheet.evaluate(
		(el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1
	);
	expect(fits).toBe(true);
	const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
	// landscape: the page box is A4 wider than tall (842 × 595 points)
	const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
	expect(Math.round(Number(mediaBox?.[1]))).toBe(842);
	expect(Math.round(Number(mediaBox?.[2]))).toBe(595);
	await page.emulateMedia({ media: 'screen' });
	// (the certificate has no site header: sign out from the home page)
	await page.goto('/');
	await logOut(page);

	// a resident thanks the organization, once a day
	const resident = {
		name: '住民 はなこ',
		email: `${randomUUID().slice(0, 8)}@test.example`,
		password: 'tsunagu-test-2026'
	};
	await signUp(page, resident);
	// a second tab already open on the page (its form is the one that will be refused)
	const stale = await page.context().newPage();
	await stale.goto(`/orgs/${org.slug}`);
	await page.goto(`/orgs/${org.slug}`);
	const box = page.locator('section#thanks');
	await expect(box).toContainText('ありがとう 0件');
	await box.getByLabel('ひとこと（なくてもかまいません）').fill('いつも見守りありがとうございます');
	await box.getByRole('button', { name: 'ありがとうを伝える' }).click();
	await expect(box.getByRole('status')).toHaveText('ありがとうを伝えました。');
	await expect(box).toContainText('ありがとう 1件');
	await expect(box).toContainText('いつも見守りありがとうございます');
	await expect(box).toContainText('住民 はなこ');
	await expect(box).toContainText('今日はもう、ありがとうを伝えました。');
	await expect(box.getByRole('button', { name: 'ありがとうを伝える' })).toHaveCount(0);

	const staleBox = stale.locator('section#thanks');
	await staleBox.getByLabel('ひとこと（なくてもかまいません）').fill('もう一度');
	await staleBox.getByRole('button', { name: 'ありがとうを伝える' }).click();
	// (an organization's page is not hydrated: the answer is the page as it is now, with why)
	await expect(staleBox.getByRole('alert')).toContainText('ありがとうは1日1回までです');
	await expect(staleBox).toContainText('今日はもう、ありがとうを伝えました。');
	await expect(staleBox.getByRole('button', { name: 'ありがとうを伝える' })).toHaveCount(0);
	await stale.reload();
	await expect(stale.locator('section#thanks')).toContainText('ありがとう 1件');
	await stale.close();
});
