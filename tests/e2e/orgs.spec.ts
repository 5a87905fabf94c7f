import { expect, test, type Page } from '@playwright/test';
import { createTestUser, serviceClient, uniqueEmail, userClient } from '../support/db';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

test('an NPO is created, gains an editor by link, is verified and can be found by area', async ({
	page,
	browser
}) => {
	const suffix = Math.random().toString(36).slice(2, 7);
	const orgName = `NPO法人つなぐ常盤平テスト${suffix}`;
	await signUp(page, {
		name: '代表 太郎',
		email: uniqueEmail('owner'),
		password: 'tsunagu-e2e-pass'
	});

	await page.goto('/orgs/new');
	await expectAccessible(page);
	await page.getByLabel('団体名', { exact: true }).fill(orgName);
	await page.getByLabel('団体名のよみがな').fill('えぬぴーおーつなぐときわだいら');
	await page.getByLabel('ページのアドレス（半角英数字）').fill(`tsunagu-tokiwa-${suffix}`);
	await page.getByLabel('団体の種類').selectOption('npo');
	await page.getByRole('checkbox', { name: '常盤平', exact: true }).check();
	await page.getByRole('checkbox', { name: '小金', exact: true }).check();
	await page.getByRole('checkbox', { name: '子ども・子育て' }).check();
	await page.getByLabel('団体の紹介').fill('毎月第2土曜日に**こども食堂**を開いています。');
	await page.getByRole('button', { name: '登録する' }).click();

	await expect(page).toHaveURL(new RegExp(`/orgs/tsunagu-tokiwa-${suffix}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(orgName);
	await expect(page.locator('.markdown strong')).toHaveText('こども食堂');
	await expect(page.locator('.members .role', { hasText: '代表者' })).toBeVisible();
	await expectAccessible(page);
	const orgUrl = page.url();

	// invite a second member by link, as editor
	await page.getByRole('link', { name: 'メンバーの管理' }).click();
	await expectAccessible(page);
	await page.getByLabel('招待する役割').last().selectOption('editor');
	await page.getByRole('button', { name: '招待リンクを作る' }).click();
	const link = await page.getByLabel('招待リンク（この画面でしか表示されません）').inputValue();
	expect(link).toMatch(/\/orgs\/join\/[a-z2-7]{32}$/);

	const second = await browser.newContext();
	const editorPage = await second.newPage();
	await editorPage.goto(new URL(link).pathname);
	await expect(editorPage.getByText('ログインするか新規登録してください')).toBeVisible();
	await editorPage.getByRole('link', { name: '新規登録' }).last().click();
	await editorPage.getByLabel('表示名').fill('編集 花子');
	await editorPage.getByLabel('メールアドレス').fill(uniqueEmail('editor'));
	await editorPage.getByLabel('パスワード', { exact: true }).fill('tsunagu-e2e-pass');
	await editorPage.getByRole('button', { name: '登録する' }).click();
	// 確認メールを送りました, then on to the invitation
	await editorPage.getByRole('link', { name: '元のページに進む' }).click();
	await expect(editorPage.getByText(`「${orgName}」に編集者として参加しますか？`)).toBeVisible();
	await editorPage.getByRole('button', { name: '参加する' }).click();
	await expect(editorPage).toHaveURL(orgUrl);

	await editorPage.getByRole('link', { name: '団体情報を編集' }).click();
	await expectAccessible(editorPage);
	await editorPage.getByLabel('団体の紹介').fill('編集者が紹介文を書き直しました。');
	await editorPage.getByRole('button', { name: '保存する' }).click();
	await expect(editorPage).toHaveURL(orgUrl);
	await expect(editorPage.locator('.markdown')).toHaveText('編集者が紹介文を書き直しました。');
	// an editor does not manage members
	await expect(editorPage.getByRole('link', { name: 'メンバーの管理' })).toHaveCount(0);
	expect((await editorPage.goto(`${new URL(orgUrl).pathname}/members`))?.status()).toBe(403);

	// the invitation link is used up
	const third = await browser.newContext();
	const thirdPage = await third.newPage();
	await signUp(thirdPage, {
		name: '三人目',
		email: uniqueEmail('third'),
		password: 'tsunagu-e2e-pass'
	});
	await thirdPage.goto(new URL(link).pathname);
	await expect(thirdPage.getByText('使用済みか、有効期限が切れています')).toBeVisible();
	await third.close();
	await second.close();

	// a coordinator verifies it
	const coordinatorContext = await browser.newContext();
	const coordinatorPage = await coordinatorContext.newPage();
	await logIn(coordinatorPage, DEMO.coordinator);
	await coordinatorPage.goto(orgUrl);
	await coordinatorPage.getByRole('button', { name: '確認済みにする' }).click();
	await expect(coordinatorPage.locator('.badge', { hasText: '確認済み' })).toBeVisible();
	// hiding needs a reason, said next to the field; then 再び表示する undoes it
	const reason = coordinatorPage.getByLabel('非表示にする理由');
	await reason.fill('   ');
	await coordinatorPage.getByRole('button', { name: '非表示にする', exact: true }).click();
	await expect(coordinatorPage.getByText('非表示にする理由を入力してください。')).toBeVisible();
	await expect(reason).toHaveAttribute('aria-invalid', 'true');
	await expect(coordinatorPage.getByRole('button', { name: '再び表示する' })).toHaveCount(0);
	await reason.fill('確認のため一時的に非表示にします');
	await coordinatorPage.getByRole('button', { name: '非表示にする', exact: true }).click();
	await expect(coordinatorPage.getByRole('button', { name: '再び表示する' })).toBeVisible();
	await coordinatorPage.getByRole('button', { name: '再び表示する' }).click();
	await expect(
		coordinatorPage.getByRole('button', { name: '非表示にする', exact: true })
	).toBeVisible();
	await coordinatorContext.close();

	// found in the list filtered by area, and on the area's page
	await page.goto('/orgs?area=tokiwadaira');
	await expectAccessible(page);
	const card = page.locator('article', { hasText: orgName });
	await expect(card).toBeVisible();
	await expect(card.getByText('確認済み')).toBeVisible();
	await page.goto('/orgs?area=yagiri');
	await expect(page.locator('article', { hasText: orgName })).toHaveCount(0);
	await page.goto('/areas/tokiwadaira');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: orgName })).toBeVisible();

	// and in English
	await page.goto(`/en${new URL(orgUrl).pathname}`);
	await expect(page.getByText('Verified').first()).toBeVisible();
	await expect(page.getByRole('term').filter({ hasText: 'Areas' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Tokiwadaira' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/en/orgs?area=kogane');
	await expect(page.getByRole('heading', { name: 'Organizations', level: 1 })).toBeVisible();
	await expect(page.locator('article', { hasText: orgName })).toBeVisible();
});

test('bad organization input gets messages next to the fields and writes nothing', async ({
	page
}) => {
	await signUp(page, {
		name: '入力 確認',
		email: uniqueEmail('badorg'),
		password: 'tsunagu-e2e-pass'
	});
	await page.goto('/orgs/new');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByText('団体名を入力してください。')).toBeVisible();
	await expect(page.getByText('団体の種類を選んでください。')).toBeVisible();
	await expect(page.getByText('活動地域を1つ以上選ぶか')).toBeVisible();

	// the field's maxlength stops typing at 100; the server must refuse a longer paste too
	const longName = 'あ'.repeat(300);
	await page
		.getByLabel('団体名', { exact: true })
		.evaluate((el) => el.removeAttribute('maxlength'));
	await page.getByLabel('団体名', { exact: true }).fill(longName);
	await page.getByLabel('団体の種類').selectOption('resident_group');
	await page.getByRole('checkbox', { name: '矢切' }).check();
	await page.getByLabel('メールアドレス').fill('not an email');
	await page.getByLabel('ウェブサイト').fill('javascript:alert(1)');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByText('団体名は100文字以内で入力してください。')).toBeVisible();
	await expect(page.getByText('メールアドレスの形式が正しくありません')).toBeVisible();
	await expect(page.getByText('ウェブサイトは https:// から始まる')).toBeVisible();
	await expect(page.getByLabel('団体名', { exact: true })).toHaveValue(longName);
	await expect(page.getByRole('checkbox', { name: '矢切' })).toBeChecked();

	// an area id that is not on offer (a tampered form)
	const uniqueName = `入力確認の会${Math.random().toString(36).slice(2, 7)}`;
	await page.getByLabel('団体名', { exact: true }).fill(uniqueName);
	await page.getByLabel('メールアドレス').fill('');
	await page.getByLabel('ウェブサイト').fill('');
	await page
		.locator('form[method="POST"]')
		.last()
		.evaluate((form) => {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = 'areaIds';
			input.value = '00000000-0000-4000-8000-00000000dead';
			form.append(input);
		});
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByText('選べない地域が含まれています')).toBeVisible();

	// a duplicate address
	await page
		.locator('input[value="00000000-0000-4000-8000-00000000dead"]')
		.evaluate((el) => el.remove());
	await page.getByLabel('ページのアドレス（半角英数字）').fill('tokiwadaira-kodomo-shokudo');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByText('このアドレスはすでに使われています。')).toBeVisible();
	await expect(page.getByLabel('団体名', { exact: true })).toHaveValue(uniqueName);

	// nothing was written
	await page.goto(`/orgs?q=${encodeURIComponent(uniqueName)}`);
	await expect(page.getByText('0件の団体')).toBeVisible();
});

test('organization search finds a two-character Japanese substring and keeps filters in the URL', async ({
	page
}) => {
	await page.goto('/orgs');
	await page.getByLabel('キーワード').fill('食堂');
	await page.getByLabel('分野').selectOption('children');
	await page.getByRole('button', { name: 'この条件で探す' }).click();
	await expect(page).toHaveURL(/q=%E9%A3%9F%E5%A0%82/);
	await expect(page).toHaveURL(/field=children/);
	await expect(page.getByRole('link', { name: '常盤平こども食堂の会' })).toBeVisible();
	await expect(page.getByLabel('キーワード')).toHaveValue('食堂');
	await page.goto('/areas');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: /常盤平団地/ })).toBeVisible();
});

/** Signs up in the browser and creates an organization through PostgREST as that person. */
async function ownerWithOrganization(page: Page, name: string, orgName: string) {
	const email = uniqueEmail('owner');
	await signUp(page, { name, email, password: 'tsunagu-e2e-pass' });
	const account = await serviceClient()
		.from('credentials')
		.select('user_id')
		.eq('email', email)
		.single();
	expect(account.error).toBeNull();
	const db = userClient(account.data!.user_id);
	const slug = `e2e-org-${Math.random().toString(36).slice(2, 9)}`;
	const created = await db.rpc('create_organization', {
		p_slug: slug,
		p_name: orgName,
		p_kana: '',
		p_kind: 'resident_group',
		p_municipality_wide: true,
		p_description: '',
		p_contact_email: '',
		p_contact_phone: '',
		p_website: '',
		p_area_ids: [],
		p_field_ids: []
	});
	expect(created.error).toBeNull();
	return { db, slug, org: created.data! };
}

test('an organization page names the members who list their profile and only counts the others; its owner sees all', async ({
	page,
	browser
}) => {
	const { slug, org } = await ownerWithOrganization(page, '代表 二郎', '公開範囲テストの会');
	const [editor, listed] = await Promise.all([
		createTestUser('編集 三子'),
		createTestUser('公開 四郎')
	]);
	expect(
		(await serviceClient().from('profiles').update({ listed: true }).eq('id', listed.id)).error
	).toBeNull();
	const added = await serviceClient()
		.from('organization_members')
		.insert([
			{ organization_id: org.id, user_id: editor.id, role: 'editor' },
			{ organization_id: org.id, user_id: listed.id, role: 'member' }
		]);
	expect(added.error).toBeNull();

	const visitor = await browser.newContext();
	const anon = await visitor.newPage();
	await anon.goto(`/orgs/${slug}`);
	await expect(anon.getByRole('heading', { name: 'メンバー（3人）' })).toBeVisible();
	await expect(anon.locator('.members li')).toHaveCount(1);
	await expect(anon.getByRole('link', { name: '公開 四郎' })).toHaveAttribute(
		'href',
		`/people/${listed.id}`
	);
	await expect(anon.getByText('ほか2人（プロフィール非公開）')).toBeVisible();
	await expect(anon.getByText('代表 二郎')).toHaveCount(0);
	await expect(anon.getByText('編集 三子')).toHaveCount(0);
	await visitor.close();

	await page.goto(`/orgs/${slug}`);
	await expect(page.locator('.members li')).toHaveCount(3);
	await expect(page.locator('.members')).toContainText('編集 三子');
	await page.getByRole('link', { name: 'メンバーの管理' }).click();
	await expect(page.getByRole('button', { name: '編集 三子に代表者を引き継ぐ' })).toBeVisible();
	await expect(page.getByRole('button', { name: '公開 四郎に代表者を引き継ぐ' })).toBeVisible();
});

test('a member who sends many invitations by email is asked to wait, next to the email field', async ({
	page
}) => {
	const {
		db,
		slug,
		org: created
	} = await ownerWithOrganization(page, '招待 多子', '招待上限テストの会');
	// 20 invitations by email within the hour (through PostgREST, as the page would send them)
	for (let i = 0; i < 20; i++) {
		const sent = await db.rpc('invite_organization_member', {
			p_org: created.id,
			p_email: uniqueEmail(`probe${i}`),
			p_role: 'member'
		});
		expect(sent.error).toBeNull();
	}

	await page.goto(`/orgs/${slug}/members`);
	const field = page.getByLabel('メールアドレス', { exact: true });
	await field.fill('someone@test.example');
	await page.getByRole('button', { name: '招待する', exact: true }).click();
	await expect(
		page.getByText('メールアドレスでの招待が続いたため、しばらく受け付けを止めています。')
	).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveValue('someone@test.example');
	await expectAccessible(page);

	await page.goto(`/en/orgs/${slug}/members`);
	await page.getByLabel('Email address', { exact: true }).fill('someone@test.example');
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(
		page.getByText('You have sent many invitations by email within an hour')
	).toBeVisible();
});

test('the last owner who tries to leave is told why next to the button, and stays', async ({
	page
}) => {
	const { slug, org } = await ownerWithOrganization(page, '代表 五郎', '退会テストの会');
	const other = await createTestUser('代表 六子');
	const asOwner = { organization_id: org.id, user_id: other.id, role: 'owner' as const };
	expect((await serviceClient().from('organization_members').insert(asOwner)).error).toBeNull();

	// two owners: the page offers to leave; the other owner leaves meanwhile
	await page.goto(`/orgs/${slug}`);
	const leave = page.getByRole('button', { name: 'この団体から退会する' });
	await expect(leave).toBeVisible();
	const gone = await serviceClient()
		.from('organization_members')
		.delete()
		.eq('organization_id', org.id)
		.eq('user_id', other.id);
	expect(gone.error).toBeNull();

	await leave.click();
	const members = page.getByRole('region', { name: /^メンバー/ });
	await expect(members.getByRole('alert')).toHaveText(
		'あなたはこの団体の唯一の代表者のため、退会できません。先にほかのメンバーを代表者にしてください。'
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('退会テストの会');
	await page.reload();
	await expect(page.getByRole('link', { name: 'メンバーの管理' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'この団体から退会する' })).toHaveCount(0);
});

test('an owner changes roles and removes a member; the last owner cannot step down', async ({
	page
}) => {
	const { slug, org } = await ownerWithOrganization(page, '代表 七海', '役割テストの会');
	const member = await createTestUser('会員 八郎');
	const added = await serviceClient()
		.from('organization_members')
		.insert({ organization_id: org.id, user_id: member.id, role: 'member' });
	expect(added.error).toBeNull();

	await page.goto(`/orgs/${slug}/members`);
	const current = page.getByRole('region', { name: '現在のメンバー' });
	await current.getByLabel('会員 八郎の役割').selectOption('editor');
	await current
		.getByRole('listitem')
		.filter({ hasText: '会員 八郎' })
		.getByRole('button', { name: '役割を変更' })
		.click();
	await expect(current.getByRole('status')).toHaveText('役割を変更しました。');
	await expect(current.getByLabel('会員 八郎の役割')).toHaveValue('editor');

	// the only owner cannot make themselves an editor
	await current.getByLabel('代表 七海の役割').selectOption('editor');
	await current
		.getByRole('listitem')
		.filter({ hasText: '代表 七海' })
		.getByRole('button', { name: '役割を変更' })
		.click();
	await expect(current.getByRole('alert')).toHaveText(
		'団体には代表者が1人以上必要です。先にほかのメンバーを代表者にしてください。'
	);
	// the role shown is the one saved
	await expect(current.getByLabel('代表 七海の役割')).toHaveValue('owner');
	await expectAccessible(page);

	await current.getByRole('button', { name: '会員 八郎を団体から外す' }).click();
	await expect(current.getByRole('status')).toHaveText('メンバーを外しました。');
	await expect(current.getByText('会員 八郎')).toHaveCount(0);
	const { data } = await serviceClient()
		.from('organization_members')
		.select('role')
		.eq('organization_id', org.id);
	expect(data).toEqual([{ role: 'owner' }]);
});
