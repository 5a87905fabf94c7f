// Public profiles (/people/<id>) and the profile and invitation sections of /account.
import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail, userClient } from '../support/db';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const DEMO_MEMBER_ID = '00000000-0000-4000-8000-000000000001';

const profileForm = (page: Page) => page.locator('form[action="?/profile"]');

test('a new member writes a bio, picks areas and fields, lists the profile; unlisting hides it', async ({
	page,
	browser
}) => {
	const who = { name: '中村 ゆい', email: uniqueEmail('people'), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	await page.goto('/account');
	// nothing public yet
	await expect(page.getByRole('link', { name: '公開中のプロフィールを見る' })).toHaveCount(0);

	const form = profileForm(page);
	await form
		.getByLabel('自己紹介')
		.fill('小金原で**見守り活動**をしています。\n<script>alert(1)</script>');
	await expect(form.getByText(/\/ 400 文字/)).toHaveText(/^\d+ \/ 400 文字$/);
	const areas = form.getByRole('group', { name: '活動している地域' });
	await areas.getByLabel('小金原', { exact: true }).check();
	await areas.getByLabel('新松戸', { exact: true }).check();
	const fields = form.getByRole('group', { name: '関心のある分野' });
	await fields.getByLabel('高齢者', { exact: true }).check();
	await form.getByLabel('プロフィールを公開する').check();
	await form.getByRole('button', { name: 'プロフィールを更新する' }).click();
	await expect(page.getByRole('status')).toHaveText('プロフィールを保存しました。');

	// what was saved comes back on a fresh load
	await page.reload();
	await expect(profileForm(page).getByLabel('自己紹介')).toHaveValue(
		'小金原で**見守り活動**をしています。\n<script>alert(1)</script>'
	);
	await expect(profileForm(page).getByLabel('小金原', { exact: true })).toBeChecked();
	await expect(profileForm(page).getByLabel('小金', { exact: true })).not.toBeChecked();
	await expect(profileForm(page).getByLabel('プロフィールを公開する')).toBeChecked();

	await page.getByRole('link', { name: '公開中のプロフィールを見る' }).click();
	await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
	const url = page.url();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(who.name);
	await expect(page.locator('.bio strong')).toHaveText('見守り活動');
	await expect(page.locator('.bio')).toContainText('<script>alert(1)</script>');
	await expect(page.locator('.bio script')).toHaveCount(0);
	const areaList = page.getByRole('region', { name: '活動している地域' });
	await expect(areaList.getByRole('listitem')).toHaveText(['小金原', '新松戸']);
	await expect(
		page.getByRole('region', { name: '関心のある分野' }).getByRole('listitem')
	).toHaveText(['高齢者']);
	await expect(page.getByText('このプロフィールは公開されていません')).toHaveCount(0);
	await expect(page.getByText(who.email)).toHaveCount(0);

	// an anonymous visitor sees the same page, in both languages
	const anon = await browser.newContext();
	const visitor = await anon.newPage();
	const response = await visitor.goto(url);
	expect(response?.status()).toBe(200);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(who.name);
	await expect(visitor.locator('.bio strong')).toHaveText('見守り活動');
	const path = new URL(url).pathname;
	await visitor.goto(`/en${path}`);
	await expect(
		visitor.getByRole('region', { name: 'Fields of interest' }).getByRole('listitem')
	).toHaveText(['Older people']);

	// unlisted: the anonymous visitor gets 404, the person still sees it with a notice
	await page.goto('/account');
	await profileForm(page).getByLabel('プロフィールを公開する').uncheck();
	await profileForm(page).getByRole('button', { name: 'プロフィールを更新する' }).click();
	await expect(page.getByRole('status')).toHaveText('プロフィールを保存しました。');
	await expect(page.getByRole('link', { name: '公開中のプロフィールを見る' })).toHaveCount(0);
	expect((await visitor.goto(url))?.status()).toBe(404);
	await expect(visitor.getByRole('heading', { level: 1 })).toContainText('404');
	await expect(visitor.getByText(who.name)).toHaveCount(0);
	await page.goto(url);
	await expect(page.getByText('このプロフィールは公開されていません')).toBeVisible();
	await anon.close();
});

test('a 401-character bio gets a field error, keeps the text and saves nothing', async ({
	page
}) => {
	const who = { name: '小林 誠', email: uniqueEmail('people'), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	await page.goto('/account');
	const form = profileForm(page);
	const tooLong = 'あ'.repeat(401);
	await form.getByLabel('自己紹介').fill(tooLong);
	await form.getByLabel('常盤平', { exact: true }).check();
	await form.getByLabel('プロフィールを公開する').check();
	await form.getByRole('button', { name: 'プロフィールを更新する' }).click();

	const error = form.getByText('自己紹介は400文字以内で入力してください（いまは401文字です）。');
	await expect(error).toBeVisible();
	const bio = form.getByLabel('自己紹介');
	await expect(bio).toHaveValue(tooLong);
	await expect(bio).toHaveAttribute('aria-invalid', 'true');
	await expect(bio).toHaveAttribute('aria-describedby', /field-bio-error/);
	await expect(form.getByLabel('常盤平', { exact: true })).toBeChecked();

	// nothing was written
	await page.reload();
	await expect(profileForm(page).getByLabel('自己紹介')).toHaveValue('');
	await expect(profileForm(page).getByLabel('常盤平', { exact: true })).not.toBeChecked();
	await expect(profileForm(page).getByLabel('プロフィールを公開する')).not.toBeChecked();
});

test('the profile form works without JavaScript, errors included', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signUp(page, { name: '松本 葵', email: uniqueEmail('nojs'), password: 'tsunagu-e2e-pass' });
	await page.goto('/account');
	const tooLong = `${'い'.repeat(399)}\nう`; // 401 characters with the line break
	await profileForm(page).getByLabel('自己紹介').fill(tooLong);
	await profileForm(page).getByLabel('防災', { exact: true }).check();
	await profileForm(page).getByRole('button', { name: 'プロフィールを更新する' }).click();
	await expect(profileForm(page).getByText('（いまは401文字です）')).toBeVisible();
	await expect(profileForm(page).getByLabel('自己紹介')).toHaveValue(tooLong);
	await expect(profileForm(page).getByLabel('防災', { exact: true })).toBeChecked();

	// 400 characters, with a line break the browser sends as CRLF, fits
	const fits = `${'い'.repeat(398)}\nう`;
	await profileForm(page).getByLabel('自己紹介').fill(fits);
	await profileForm(page).getByLabel('プロフィールを公開する').check();
	await profileForm(page).getByRole('button', { name: 'プロフィールを更新する' }).click();
	await expect(page.getByRole('status')).toHaveText('プロフィールを保存しました。');
	await page.goto('/account');
	await expect(profileForm(page).getByLabel('自己紹介')).toHaveValue(fits);
	await expect(profileForm(page).getByLabel('防災', { exact: true })).toBeChecked();
	await page.getByRole('link', { name: '公開中のプロフィールを見る' }).click();
	await expect(
		page.getByRole('region', { name: '関心のある分野' }).getByRole('listitem')
	).toHaveText(['防災']);
	await context.close();
});

test('an area id that is not offered is refused with a message next to the areas', async ({
	page
}) => {
	await signUp(page, {
		name: '加藤 翼',
		email: uniqueEmail('people'),
		password: 'tsunagu-e2e-pass'
	});
	await page.goto('/account');
	const form = profileForm(page);
	await form.getByLabel('自己紹介').fill('こんにちは');
	// a forged checkbox, as a hand-made request would send
	await form.evaluate((f) => {
		const input = document.createElement('input');
		input.type = 'checkbox';
		input.name = 'areas';
		input.value = '00000000-0000-4000-8000-0000000000ff';
		input.checked = true;
		f.append(input);
	});
	await form.getByRole('button', { name: 'プロフィールを更新する' }).click();
	await expect(
		form
			.getByRole('group', { name: '活動している地域' })
			.getByText('選べない地域が含まれています。一覧から選び直してください。')
	).toBeVisible();
	await expect(form.getByLabel('自己紹介')).toHaveValue('こんにちは');
	await page.reload();
	await expect(profileForm(page).getByLabel('自己紹介')).toHaveValue('');
});

test('profile pages: the demo member, unknown and malformed ids', async ({ page }) => {
	await page.goto(`/people/${DEMO_MEMBER_ID}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('山田 花子');
	await expect(page.getByText('常盤平で子ども食堂を運営しています。')).toBeVisible();
	await expect(page.getByRole('link', { name: '常盤平こども食堂の会' })).toHaveAttribute(
		'href',
		'/orgs/tokiwadaira-kodomo-shokudo'
	);
	await expect(page.getByText('member@tsunagu.example')).toHaveCount(0);
	expect((await page.goto('/people/00000000-0000-4000-8000-00000000ffff'))?.status()).toBe(404);
	expect((await page.goto('/people/not-a-uuid'))?.status()).toBe(404);
	expect((await page.goto("/people/1' or '1'='1"))?.status()).toBe(404);
});

test('invitations to organizations: decline one, accept another', async ({ page }) => {
	const who = { name: '渡辺 光', email: uniqueEmail('invitee'), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	await page.goto('/account');
	await expect(page.getByText('届いている招待はありません。')).toBeVisible();

	// the demo member owns the seeded organizations and invites by email
	const owner = userClient(DEMO_MEMBER_ID);
	const orgs = await owner
		.from('organizations')
		.select('id, slug')
		.in('slug', ['tabunka-salon', 'shin-matsudo-mimamori']);
	expect(orgs.error).toBeNull();
	for (const org of orgs.data!) {
		const { error } = await owner.rpc('invite_organization_member', {
			p_org: org.id,
			p_email: who.email,
			p_role: org.slug === 'tabunka-salon' ? 'editor' : 'member'
		});
		expect(error).toBeNull();
	}

	await page.reload();
	const list = page.getByRole('region', { name: '団体からの招待' });
	await expect(
		list.getByText('「まつど多文化交流サロン」から編集者として招待されています。')
	).toBeVisible();
	await expect(
		list.getByText('「新松戸見守りネットワーク」からメンバーとして招待されています。')
	).toBeVisible();
	await expectAccessible(page);

	await list.getByRole('button', { name: /^辞退する\s*（新松戸見守りネットワーク）$/ }).click();
	await expect(page.getByRole('status')).toHaveText('招待を辞退しました。');
	await expect(list.getByText('新松戸見守りネットワーク')).toHaveCount(0);

	await list.getByRole('button', { name: /^参加する\s*（まつど多文化交流サロン）$/ }).click();
	await expect(page).toHaveURL(/\/orgs\/tabunka-salon$/);

	await page.goto('/account');
	await expect(page.getByText('届いている招待はありません。')).toBeVisible();
	// now a co-member, the owner can see the (unlisted) new editor
	const members = await owner
		.from('organization_members')
		.select('role, profiles(display_name), organizations!inner(slug)')
		.eq('organizations.slug', 'tabunka-salon');
	expect(members.error).toBeNull();
	expect(
		members.data!.filter((r) => r.profiles?.display_name === who.name).map((r) => r.role)
	).toEqual(['editor']);
});

test('axe: /account and /people/<id> have no serious violations, in both languages and at 360 px', async ({
	page,
	browser
}) => {
	for (const path of [`/people/${DEMO_MEMBER_ID}`, `/en/people/${DEMO_MEMBER_ID}`]) {
		await expectAccessible(page, path);
	}
	await logIn(page, DEMO.member);
	for (const path of ['/account', '/en/account', `/people/${DEMO_MEMBER_ID}`]) {
		await expectAccessible(page, path);
	}
	// an error in the profile form is accessible too
	await page.goto('/account');
	await profileForm(page).getByLabel('自己紹介').fill('あ'.repeat(401));
	await profileForm(page).getByRole('button', { name: 'プロフィールを更新する' }).click();
	await expect(profileForm(page).getByText(/400文字以内/)).toBeVisible();
	await expectAccessible(page);

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2
	});
	const small = await phone.newPage();
	await logIn(small, DEMO.member);
	for (const path of ['/account', `/people/${DEMO_MEMBER_ID}`]) {
		await small.goto(path);
		const overflow = await small.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
		await expectAccessible(small, path);
	}
	await phone.close();
});
