// Everyday use (issue 9): what a resident, an organiser and a coordinator hit
// first. /me, the organiser's drafts, /coordinate, a phone's header and folded
// filters, 文字サイズ, the home page's quick links and "my area", the town
// search on /areas, and a weekly series as one card.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { quickRanges } from '$lib/events/quick-ranges';
import { tokyoInstant } from '$lib/events/recurrence';
import { createEvent } from '../support/events';
import { createTestUser, DEMO_IDS, serviceClient, uniqueEmail, userClient } from '../support/db';
import { DEMO, expectAccessible, expectStylesLinked, logIn, signUp } from './helpers';

const suffix = () => Math.random().toString(36).slice(2, 7);
const DAY = 24 * 60 * 60 * 1000;
const PHONE = { width: 390, height: 844 };

/** Signs a new person up through the form; returns their id. */
async function signUpNew(page: Page, name: string) {
	const email = uniqueEmail('everyday');
	await signUp(page, { name, email, password: 'tsunagu-e2e-pass' });
	const { data, error } = await serviceClient()
		.from('credentials')
		.select('user_id')
		.eq('email', email)
		.single();
	if (error || !data) throw new Error(error?.message ?? 'no account');
	return data.user_id;
}

async function makeOrg(owner: string, name: string) {
	const { data, error } = await serviceClient()
		.from('organizations')
		.insert({
			slug: `everyday-${suffix()}-${suffix()}`,
			name,
			kind: 'resident_group',
			municipality_wide: true,
			created_by: owner
		})
		.select('id, slug')
		.single();
	if (error) throw new Error(error.message);
	return data;
}

async function phone(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
	return { context, page: await context.newPage() };
}

/**
 * axe needs JavaScript: the pages checked without it are checked again on a
 * 390 px phone with it (with the same cookies), after `prepare` if given.
 */
async function expectAccessibleOnPhone(
	browser: Browser,
	paths: string[],
	options: {
		cookies?: Parameters<BrowserContext['addCookies']>[0];
		prepare?: (page: Page) => Promise<void>;
	} = {}
) {
	const context = await browser.newContext({ viewport: PHONE });
	if (options.cookies) await context.addCookies(options.cookies);
	const page = await context.newPage();
	for (const path of paths) {
		await page.goto(path);
		await options.prepare?.(page);
		await expectAccessible(page);
	}
	await context.close();
}

const noSidewaysScroll = async (page: Page) =>
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);

test('/me lists upcoming registrations with companions and waiting-list places, past ones, and the calendar; the home page shows the next one', async ({
	page,
	browser
}) => {
	await page.goto('/me');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);

	const t = `マイページ確認${suffix()}`;
	const me = await signUpNew(page, '予定 確認');
	const soon = await createEvent(DEMO_IDS.member, {
		title: `${t} 近いサロン`,
		startsAt: new Date(Date.now() + 2 * DAY)
	});
	const full = await createEvent(DEMO_IDS.member, {
		title: `${t} 満員の講座`,
		startsAt: new Date(Date.now() + 5 * DAY),
		capacity: 1
	});
	const past = await createEvent(DEMO_IDS.member, {
		title: `${t} 先月の会`,
		startsAt: new Date(Date.now() - 30 * DAY)
	});
	const first = await createTestUser('先着 一人');
	await userClient(first.id).rpc('join_occurrence', {
		p_occurrence: full.occurrenceIds[0],
		p_companions: 0
	});
	await userClient(me).rpc('join_occurrence', {
		p_occurrence: soon.occurrenceIds[0],
		p_companions: 1
	});
	await userClient(me).rpc('join_occurrence', {
		p_occurrence: full.occurrenceIds[0],
		p_companions: 0
	});
	const { error } = await serviceClient()
		.from('registrations')
		.insert({ occurrence_id: past.occurrenceIds[0], user_id: me, status: 'going' });
	expect(error).toBeNull();

	await page.goto('/');
	const next = page.getByRole('region', { name: 'あなたの次の予定' });
	await expect(next.getByRole('link', { name: `${t} 近いサロン` })).toBeVisible();
	await expect(next).toContainText('参加申込済み（本人のほかに1人）');
	await expectAccessible(page);
	await expectStylesLinked(page, '/');

	await page.goto('/me');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('マイページ');
	const upcoming = page.getByRole('region', { name: '参加予定' });
	const items = upcoming.getByRole('listitem');
	await expect(items).toHaveCount(2);
	await expect(items.nth(0)).toContainText(`${t} 近いサロン`);
	await expect(items.nth(0)).toContainText('参加申込済み（本人のほかに1人）');
	await expect(items.nth(1)).toContainText(`${t} 満員の講座`);
	await expect(items.nth(1)).toContainText('キャンセル待ち 1番目');
	const pastList = page.getByRole('region', { name: 'これまでに参加したもの' });
	await expect(pastList.getByRole('link', { name: `${t} 先月の会` })).toBeVisible();
	await expect(page.getByRole('link', { name: 'カレンダーアプリに追加する' })).toHaveAttribute(
		'href',
		'/me/calendar'
	);
	await expectAccessible(page);

	// the same on a phone, without JavaScript
	const cookies = await page.context().cookies();
	const small = await phone(browser, false);
	await small.context.addCookies(cookies);
	await small.page.goto('/me');
	await expect(small.page.getByText('キャンセル待ち 1番目')).toBeVisible();
	await noSidewaysScroll(small.page);
	await small.context.close();
	await expectAccessibleOnPhone(browser, ['/me', '/'], { cookies });
});

test('an organiser finds their drafts on /me and adds an event for their organization from its page', async ({
	page,
	browser
}) => {
	const t = `下書き確認${suffix()}`;
	const owner = await signUpNew(page, '主催 下書き');
	const org = await makeOrg(owner, `${t}の会`);
	const draft = await createEvent(owner, {
		title: `${t} まだ下書き`,
		status: 'draft',
		organizationId: org.id
	});
	await createEvent(owner, { title: `${t} 公開済み`, startsAt: new Date(Date.now() + 9 * DAY) });

	await page.goto('/me');
	const organized = page.getByRole('region', { name: '主催しているイベントと下書き' });
	await expect(
		organized.getByRole('heading', { name: `下書き ${t} まだ下書き` }).first()
	).toBeVisible();
	await expect(organized.getByRole('link', { name: `${t} 公開済み` })).toBeVisible();
	const orgSection = organized.getByRole('region', { name: `${t}の会` });
	await expect(orgSection.getByRole('link', { name: `${t} まだ下書き` })).toBeVisible();
	await expect(orgSection.getByText('下書き', { exact: true })).toBeVisible();
	await expectAccessible(page);
	await orgSection.getByRole('link', { name: '下書きを編集する' }).click();
	await expect(page).toHaveURL(`/events/${draft.id}/edit`);

	// the organization's page: 確認待ち for its owner, and an event for it in one step
	await page.goto(`/orgs/${org.slug}`);
	await expect(page.getByText('確認待ち', { exact: true })).toBeVisible();
	await expect(page.getByText(/確認済み」と表示されます/)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'この団体でイベントを登録' }).click();
	await expect(page).toHaveURL(`/events/new?organization=${org.id}`);
	await expect(page.getByLabel('主催団体')).toHaveValue(org.id);

	// somebody else sees neither
	const stranger = await browser.newContext();
	const other = await stranger.newPage();
	await other.goto(`/orgs/${org.slug}`);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(`${t}の会`);
	await expect(other.getByText('確認待ち', { exact: true })).toHaveCount(0);
	await expect(other.getByRole('link', { name: 'この団体でイベントを登録' })).toHaveCount(0);
	// an organization one may not publish for is not preselected
	await logIn(other, DEMO.member);
	await other.goto(`/events/new?organization=${org.id}`);
	await expect(other.getByLabel('主催団体')).toHaveValue('');
	await stranger.close();
});

test('/coordinate shows coordinators what needs them; members get 403', async ({
	page,
	browser
}) => {
	const t = `確認待ち団体${suffix()}`;
	const owner = await createTestUser('確認待ちの代表');
	await makeOrg(owner.id, t);

	await logIn(page, DEMO.member);
	const refused = await page.goto('/coordinate');
	expect(refused?.status()).toBe(403);

	const context = await browser.newContext();
	const coordinator = await context.newPage();
	await logIn(coordinator, DEMO.coordinator);
	await coordinator
		.getByRole('navigation', { name: 'アカウント' })
		.getByRole('link', { name: 'コーディネート' })
		.click();
	await expect(coordinator).toHaveURL('/coordinate');
	for (const name of [
		'確認待ちの団体',
		'最近公開されたイベント',
		'7日以上前からの下書き',
		'これから60日間、予定のない地域'
	]) {
		await expect(coordinator.getByRole('heading', { level: 2, name })).toBeVisible();
	}
	await expectAccessible(coordinator);
	await coordinator.getByRole('link', { name: '確認待ちの団体を一覧で見る' }).click();
	await expect(coordinator).toHaveURL('/orgs?verified=0');
	await expect(coordinator.getByLabel('確認待ちの団体だけを表示')).toBeChecked();
	// other tests add unverified organizations too: find this one by its name
	await coordinator.goto(`/orgs?verified=0&q=${encodeURIComponent(t)}`);
	await expect(coordinator.getByRole('link', { name: t })).toBeVisible();
	// 常盤平こども食堂の会 is verified in the seed
	await coordinator.goto('/orgs?verified=0&q=%E9%A3%9F%E5%A0%82');
	await expect(coordinator.getByRole('link', { name: '常盤平こども食堂の会' })).toHaveCount(0);
	await expect(coordinator.getByLabel('確認待ちの団体だけを表示')).toBeChecked();
	await expectAccessible(coordinator);
	// a member's ?verified=0 is ignored
	await page.goto('/orgs?verified=0&q=%E9%A3%9F%E5%A0%82');
	await expect(page.getByRole('link', { name: '常盤平こども食堂の会' })).toBeVisible();

	await coordinator.setViewportSize(PHONE);
	await coordinator.goto('/coordinate');
	await noSidewaysScroll(coordinator);
	await expectAccessible(coordinator);
	await context.close();
});

test('on a 390 px phone without JavaScript: one line for the header, one for the menu, the filters folded and the first result in view', async ({
	browser
}) => {
	const { context, page } = await phone(browser, false);
	for (const path of ['/events', '/orgs', '/calendar', '/threads']) {
		await page.goto(path);
		// the header: name and 「メニュー」 on one line; the main menu on one line
		const brand = await page.locator('.site-header .brand').boundingBox();
		const menu = await page.locator('.site-header summary').boundingBox();
		expect(Math.abs(brand!.y + brand!.height / 2 - (menu!.y + menu!.height / 2))).toBeLessThan(8);
		const navTops = await page
			.getByRole('navigation', { name: 'メインメニュー' })
			.getByRole('link')
			.evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
		expect(new Set(navTops).size, path).toBe(1);
		// every section, the menu scrolling sideways where the screen is narrower than it
		expect(navTops).toHaveLength(9);
		await expect(
			page
				.getByRole('navigation', { name: 'メインメニュー' })
				.getByRole('link', { name: '実践事例' })
		).toHaveCount(1);

		// filters folded behind one button; the first result visible without scrolling
		await expect(page.getByText('条件で絞り込む')).toBeVisible();
		await expect(page.getByLabel('キーワード')).toBeHidden();
		const first =
			path === '/calendar'
				? page
						.locator('table.month td[data-date]:visible')
						.first()
						.or(page.getByText('この月の予定はありません。'))
				: path === '/threads'
					? page
							.locator('ul.threads > li')
							.first()
							.getByRole('heading')
							.or(page.getByText('条件に合う話題はありません。'))
					: page.locator('ul.cards article').first().getByRole('heading');
		await expect(first).toBeInViewport({ ratio: 1 });
		await noSidewaysScroll(page);
	}
	await expectAccessibleOnPhone(browser, ['/events', '/orgs', '/calendar']);

	// the menu opens without JavaScript
	await page.goto('/events');
	await page.getByText('メニュー', { exact: true }).click();
	await expect(page.getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: '特大' })).toBeVisible();
	await expectAccessibleOnPhone(browser, ['/events'], {
		prepare: (p) => p.getByText('メニュー', { exact: true }).click()
	});

	// the folded filters work without JavaScript and stay open while a filter is set
	await page.goto('/events');
	await page.getByText('条件で絞り込む').click();
	await page.getByLabel('地域').selectOption('tokiwadaira-danchi');
	await page.getByRole('button', { name: 'この条件で探す' }).click();
	await expect(page).toHaveURL(/area=tokiwadaira-danchi/);
	await expect(page.getByLabel('地域')).toBeVisible();
	await expect(page.getByText('絞り込みの条件（設定中）')).toBeVisible();
	await context.close();
});

test('文字サイズ: 特大 without JavaScript stays on the page, lasts across pages and fits a phone; 大 with JavaScript', async ({
	browser,
	page
}) => {
	const { context, page: small } = await phone(browser, false);
	await small.goto('/orgs?q=%E9%A3%9F%E5%A0%82');
	await small.getByText('メニュー', { exact: true }).click();
	await small.getByRole('button', { name: '特大' }).click();
	await expect(small).toHaveURL('/orgs?q=%E9%A3%9F%E5%A0%82');
	await expect(small.locator('html')).toHaveAttribute('data-text-size', 'x-large');
	const rootSize = () => small.evaluate(() => getComputedStyle(document.documentElement).fontSize);
	expect(await rootSize()).toBe('24px');
	for (const path of ['/', '/events', '/calendar', '/areas', '/areas?town=五香', '/orgs']) {
		await small.goto(path);
		await expect(small.locator('html')).toHaveAttribute('data-text-size', 'x-large');
		await noSidewaysScroll(small);
	}
	await expectAccessibleOnPhone(browser, ['/', '/orgs', '/areas'], {
		cookies: await context.cookies()
	});
	await small.getByText('メニュー', { exact: true }).click();
	await expect(small.getByRole('button', { name: '特大' })).toHaveAttribute('aria-pressed', 'true');
	await small.getByRole('button', { name: '標準' }).click();
	expect(await rootSize()).toBe('16px');
	await context.close();

	// with JavaScript the page changes at once, and keeps it after a reload
	await page.goto('/areas');
	await page.getByRole('button', { name: '大', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
	await expect(page).toHaveURL('/areas');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
		'20px'
	);
});

test('the home page answers 今日, 今週末, 今月 and わたしの地域, remembered without an account', async ({
	browser,
	page
}) => {
	const { context, page: home } = await phone(browser, false);
	await home.goto('/');
	const quick = home.getByRole('navigation', { name: 'イベントをさがす' });
	const ranges = quickRanges(new Date());
	const link = (label: string) => quick.getByRole('link', { name: new RegExp(`^${label}`) });
	await expect(link('今日')).toHaveAttribute(
		'href',
		`/events?from=${ranges.today.from}&to=${ranges.today.to}`
	);
	await expect(link('今週末')).toHaveAttribute(
		'href',
		`/events?from=${ranges.weekend.from}&to=${ranges.weekend.to}`
	);
	await expect(link('今月')).toHaveAttribute(
		'href',
		`/events?from=${ranges.month.from}&to=${ranges.month.to}`
	);
	await expect(link('わたしの地域')).toHaveAttribute('href', '#my-area');
	await expect(link('今日')).toBeInViewport();

	// choosing an area (no account, no JavaScript)
	await home.getByLabel('わたしの地域').selectOption('goko-matsuhidai');
	await home.getByRole('button', { name: 'この地域にする' }).click();
	await expect(home).toHaveURL('/');
	await expect(link('わたしの地域')).toHaveAttribute('href', '/events?area=goko-matsuhidai');
	await expect(link('わたしの地域')).toContainText('五香松飛台');
	await link('今月').click();
	await expect(home).toHaveURL(`/events?from=${ranges.month.from}&to=${ranges.month.to}`);
	await expect(home.getByLabel('この日から')).toHaveValue(ranges.month.from);
	await home.goto('/');
	await expect(link('わたしの地域')).toHaveAttribute('href', '/events?area=goko-matsuhidai');
	await expectAccessibleOnPhone(browser, ['/'], { cookies: await context.cookies() });
	await context.close();
	await expectAccessible(page, '/');

	// signed in, without a choice on this device: the first area of the profile
	const me = await signUpNew(page, '地域 既定');
	const { data: area } = await serviceClient()
		.from('areas')
		.select('id')
		.eq('slug', 'koganehara')
		.single();
	await serviceClient().from('profile_areas').insert({ profile_id: me, area_id: area!.id });
	await page.goto('/');
	await expect(
		page
			.getByRole('navigation', { name: 'イベントをさがす' })
			.getByRole('link', { name: /^わたしの地域/ })
	).toHaveAttribute('href', '/events?area=koganehara');
});

test('/areas finds the area from a town name, its reading or an address, without JavaScript', async ({
	browser,
	page: desktop
}) => {
	const { context, page } = await phone(browser, false);
	await page.goto('/areas');
	const search = async (q: string) => {
		await page.getByRole('searchbox', { name: /^町名/ }).fill(q);
		await page.getByRole('button', { name: 'さがす' }).click();
	};
	await search('ときわだいら');
	await expect(page).toHaveURL(/\/areas\?town=/);
	const results = page.getByRole('region', { name: '「ときわだいら」の検索結果' });
	await expect(results.getByRole('heading', { level: 3 })).toHaveText(['常盤平', '常盤平団地']);
	await noSidewaysScroll(page);
	await expectAccessibleOnPhone(browser, [page.url().replace(/^https?:\/\/[^/]+/, ''), '/areas']);

	await search('五香');
	await expect(
		page.getByRole('region', { name: '「五香」の検索結果' }).getByRole('heading', { level: 3 })
	).toHaveText(['五香松飛台', '六実六高台']);

	await search('千葉県松戸市五香西3-1');
	const found = page.getByRole('region', { name: /の検索結果$/ });
	await expect(found.getByRole('heading', { level: 3 })).toHaveText(['五香松飛台']);
	await found.getByRole('button', { name: /わたしの地域にする/ }).click();
	await expect(page).toHaveURL(/\/areas\?town=/);
	await expect(found.getByText('わたしの地域です')).toBeVisible();

	await search('ほげほげ町');
	await expect(
		page.getByText('「ほげほげ町」を含む町名は見つかりませんでした。', { exact: false })
	).toBeVisible();

	// every area lists its towns
	await expect(page.getByText(/おもな町名:/)).toHaveCount(15);
	await context.close();
	await expectAccessible(desktop, `/areas?town=${encodeURIComponent('ときわだいら')}`);
});

test('a weekly series is one card in lists and one entry a date in the calendar; user text is lang="ja" on /en/', async ({
	page,
	browser
}) => {
	const title = `毎週の集い${suffix()}`;
	const starts = tokyoInstant('2027-06-05', '10:00')!; // a Saturday
	await createEvent(DEMO_IDS.member, {
		title,
		startsAt: starts,
		repeat: 'weekly',
		count: 4,
		areaSlug: 'mabashi-nishi'
	});

	await page.goto(`/events?q=${encodeURIComponent(title)}`);
	const cards = page.locator('article', { hasText: title });
	await expect(cards).toHaveCount(1);
	await expect(cards).toContainText('毎週土曜日 ほか3回');
	await expect(cards).toContainText('2027年6月5日(土)');
	await expect(page.getByText('1件の開催予定')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/areas/mabashi-nishi');
	await expect(page.locator('article', { hasText: title })).toHaveCount(1);

	await page.goto(`/en/events?q=${encodeURIComponent(title)}`);
	await expect(page.getByRole('heading', { name: title })).toHaveAttribute('lang', 'ja');
	await expect(page.locator('article', { hasText: title })).toContainText(
		'Every Saturday, 3 more dates'
	);

	const { context, page: small } = await phone(browser);
	await small.goto(`/calendar?month=2027-06&q=${encodeURIComponent(title)}`);
	await expect(small.locator('td[data-date]:visible a', { hasText: title })).toHaveCount(4);
	await context.close();
});
