// Admin pages for areas (圏域) and fields (分野): only admins reach them; create,
// rename, reorder, retire; errors next to the field with what was typed kept;
// works without JavaScript; axe finds nothing serious.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, logIn } from './helpers';

const tag = () => randomUUID().slice(0, 6);

const itemNames = (page: Page) =>
	page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents();

test('an admin adds an area, fixes a duplicate slug, renames, moves up and retires it', async ({
	page
}) => {
	const t = tag();
	const name = `テスト圏域${t}`;
	const slug = `e2e-area-${t}`;
	await logIn(page, DEMO.admin);
	await page
		.getByRole('navigation', { name: 'アカウント' })
		.getByRole('link', { name: '管理' })
		.click();
	await page.getByRole('link', { name: '圏域の管理' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('圏域の管理');

	await page.getByLabel('名前（日本語）').fill(name);
	await page.getByLabel('名前（英語）').fill(`Test area ${t}`);
	await page.getByLabel('よみがな（任意）').fill('てすとけんいき');
	await page.getByLabel('URL名（スラッグ）').fill(slug);
	await page.getByLabel('説明（任意）').fill('E2E テストで作った圏域です。');
	await page.getByRole('button', { name: '圏域を追加する' }).click();
	await expect(page.getByText(`「${name}」を追加しました。`)).toBeVisible();
	await expect(page.getByLabel('名前（日本語）')).toHaveValue('');
	await expect(page.getByRole('main').getByRole('heading', { level: 3 }).last()).toHaveText(name);

	// the same slug again: an error next to the slug, what was typed kept, nothing written
	const second = `重複圏域${t}`;
	await page.getByLabel('名前（日本語）').fill(second);
	await page.getByLabel('名前（英語）').fill(`Duplicate ${t}`);
	await page.getByLabel('URL名（スラッグ）').fill(slug);
	await page.getByRole('button', { name: '圏域を追加する' }).click();
	await expect(
		page.getByText('このURL名はすでに使われています。別のURL名にしてください。')
	).toBeVisible();
	await expect(page.getByLabel('URL名（スラッグ）')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('URL名（スラッグ）')).toHaveValue(slug);
	await expect(page.getByLabel('名前（日本語）')).toHaveValue(second);
	await expect(page.getByLabel('名前（英語）')).toHaveValue(`Duplicate ${t}`);
	await page.reload();
	expect(await itemNames(page)).not.toContain(second);

	// a bad slug and an empty name are refused before the database
	await page.getByLabel('名前（日本語）').fill('');
	await page.getByLabel('名前（英語）').fill('x');
	await page.getByLabel('URL名（スラッグ）').fill('Bad Slug');
	await page.getByRole('button', { name: '圏域を追加する' }).click();
	await expect(page.getByText('日本語の名前を入力してください。')).toBeVisible();
	await expect(
		page.getByText(/URL名は半角の英小文字・数字・ハイフンで入力してください/)
	).toBeVisible();
	await expect(page.getByLabel('URL名（スラッグ）')).toHaveValue('Bad Slug');

	// rename on the edit page
	const renamed = `改名圏域${t}`;
	await page.getByRole('link', { name: `${name}を編集` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`圏域の編集: ${name}`);
	await expect(page.getByLabel('URL名（スラッグ）')).toHaveValue(slug);
	await page.getByLabel('名前（日本語）').fill(renamed);
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText(`「${renamed}」を保存しました。`)).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`圏域の編集: ${renamed}`);
	await page.getByRole('link', { name: '圏域の一覧へ戻る' }).click();
	await expect(page.getByRole('heading', { level: 3, name: renamed })).toBeVisible();

	// move up one place
	let names = await itemNames(page);
	const at = names.indexOf(renamed);
	expect(at).toBeGreaterThan(0);
	const above = names[at - 1];
	await page.getByRole('button', { name: `${renamed}を上へ` }).click();
	await expect(page.getByText(`「${renamed}」の順番を変更しました。`)).toBeVisible();
	await expect(
		page
			.getByRole('main')
			.getByRole('heading', { level: 3 })
			.nth(at - 1)
	).toHaveText(renamed);
	await expect(page.getByRole('main').getByRole('heading', { level: 3 }).nth(at)).toHaveText(above);
	await page.reload();
	names = await itemNames(page);
	expect(names.indexOf(renamed)).toBe(at - 1);

	// retire: marked, still listed here, and can be restored
	await page.getByRole('button', { name: `${renamed}を廃止` }).click();
	await expect(
		page.getByText(`「${renamed}」を廃止しました。選択肢には表示されなくなります。`)
	).toBeVisible();
	const item = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: renamed }) });
	await expect(item.getByText(/^廃止（/)).toBeVisible();
	await expect(page.getByRole('button', { name: `${renamed}を元に戻す` })).toBeVisible();
	await page.reload();
	await expect(item.getByText(/^廃止（/)).toBeVisible();
});

test('fields work without JavaScript: add with a colour, errors keep the input, move down', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const t = tag();
	const name = `テスト分野${t}`;
	await logIn(page, DEMO.admin);
	await page.goto('/admin/fields');

	await page.getByLabel('名前（日本語）').fill(name);
	await page.getByLabel('名前（英語）').fill(`Test field ${t}`);
	await page.getByLabel('URL名（スラッグ）').fill('-bad-');
	await page.getByRole('radio', { name: '赤紫' }).check();
	await page.getByRole('button', { name: '分野を追加する' }).click();
	await expect(
		page.getByText(/URL名は半角の英小文字・数字・ハイフンで入力してください/)
	).toBeVisible();
	await expect(page.getByLabel('名前（日本語）')).toHaveValue(name);
	await expect(page.getByRole('radio', { name: '赤紫' })).toBeChecked();

	await page.getByLabel('URL名（スラッグ）').fill(`e2e-field-${t}`);
	const [created] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: '分野を追加する' }).click()
	]);
	expect(created.status()).toBe(200);
	await expect(page.getByLabel('名前（日本語）')).toHaveValue('');
	await expect(page.getByText(`「${name}」を追加しました。`)).toBeVisible();
	const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
	await expect(item.getByText(name, { exact: true }).last()).toHaveCSS('border-color', /.+/);
	expect((await itemNames(page)).at(-1)).toBe(name);

	// move the field above it down, so that the new one rises
	const names = await itemNames(page);
	const above = names.at(-2)!;
	// by position: other tests on this stack may have made fields with the same name
	const items = page
		.getByRole('main')
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 3 }) });
	await items
		.nth((await items.count()) - 2)
		.getByRole('button', { name: /を下へ$/ })
		.click();
	await expect(page.getByText(`「${above}」の順番を変更しました。`)).toBeVisible();
	expect((await itemNames(page)).slice(-2)).toEqual([name, above]);

	// recolour on the edit page
	await page.getByRole('link', { name: `${name}を編集` }).click();
	await expect(page.getByRole('radio', { name: '赤紫' })).toBeChecked();
	await page.getByRole('radio', { name: '黄緑' }).check();
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText(`「${name}」を保存しました。`)).toBeVisible();
	await expect(page.getByRole('radio', { name: '黄緑' })).toBeChecked();
	await context.close();
});

test('members get 403, signed-out visitors go to the login page', async ({
	page,
	browser,
	baseURL
}) => {
	const res = await page.goto('/admin/areas');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fareas$/);
	expect(res?.status()).toBe(200);

	await logIn(page, DEMO.member);
	await expect(page.getByRole('link', { name: '管理', exact: true })).toHaveCount(0);
	for (const path of ['/admin', '/admin/areas', '/admin/fields', '/en/admin/fields']) {
		const r = await page.goto(path);
		expect(r?.status(), path).toBe(403);
	}
	await expect(page.getByText('このページを表示する権限がありません。')).toHaveCount(0); // English page last
	await expect(page.getByText('You do not have permission to see this page.')).toBeVisible();

	// the actions refuse too, even with a well-formed post from this site
	const slug = `e2e-member-${tag()}`;
	const post = await page.request.post('/admin/areas?/create', {
		form: { slug, nameJa: 'メンバーの圏域', nameEn: 'Member area', kana: '', description: '' },
		headers: { origin: baseURL! }
	});
	expect(post.status()).toBe(403);
	const move = await page.request.post('/admin/fields?/retire', {
		form: { id: '00000000-0000-4000-8000-000000000000' },
		headers: { origin: baseURL! }
	});
	expect(move.status()).toBe(403);

	const admin = await browser.newPage();
	await logIn(admin, DEMO.admin);
	await admin.goto('/admin/areas');
	await expect(admin.getByText(`URL名: ${slug}`)).toHaveCount(0);
	await expect(admin.getByRole('heading', { level: 3, name: '明第1' })).toBeVisible();
	await admin.close();
});

test('axe: admin pages in both languages, with errors shown, and at 360 px', async ({
	page,
	browser
}) => {
	await logIn(page, DEMO.admin);
	for (const prefix of ['', '/en']) {
		for (const path of ['/admin', '/admin/areas', '/admin/fields']) {
			await page.goto(`${prefix}${path}`);
			await expectAccessible(page);
		}
	}
	await page.goto('/admin/areas');
	await page.getByRole('link', { name: '明第1を編集' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('圏域の編集: 明第1');
	await expectAccessible(page);
	await page.getByLabel('名前（日本語）').fill('');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText('日本語の名前を入力してください。')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/admin/fields');
	await page.getByRole('link', { name: '福祉を編集' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('分野の編集: 福祉');
	await expectAccessible(page);
	await page.goto('/admin/fields');
	await page.getByRole('button', { name: '分野を追加する' }).click();
	await expect(page.getByText('英語の名前を入力してください。')).toBeVisible();
	await expectAccessible(page);

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2
	});
	const small = await phone.newPage();
	await logIn(small, DEMO.admin);
	for (const path of ['/admin', '/admin/areas', '/admin/fields', '/en/admin/fields']) {
		await small.goto(path);
		const overflow = await small.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
		await expectAccessible(small, `360px ${path}`);
	}
	await phone.close();
});
