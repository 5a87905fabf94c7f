// Reading practices (issue 12) on a 390 px phone: /practices narrowed in the
// address by the GET form (対象, 地域, keyword); a practice page with its story,
// cover photo, Open Graph and JSON-LD; a resident's comment and
// 「うちでもやってみたい」, which lands on a new thread in their area that
// links back; axe on /, /practices and the practice page; the Atom feed parses.
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { DomUtils, parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { processImage } from '$lib/server/images/process';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';
import { createTestUser, DEMO_IDS, serviceClient, uniqueEmail } from '../support/db';
import { createTestOrg, practiceInput, publishedPractice } from '../support/practices';

const PHONE = { width: 390, height: 844 };
const tag = Math.random().toString(36).slice(2, 7);

/** A real photo through the pipeline, stored as the app stores it. */
async function storedPhoto(uploadedBy: string) {
	const png = await sharp({
		create: { width: 1200, height: 900, channels: 3, background: { r: 220, g: 140, b: 60 } }
	})
		.png()
		.toBuffer();
	const processed = await processImage(png);
	if (!processed.ok) throw new Error(processed.refusal);
	const img = processed.image;
	const { error } = await serviceClient().rpc('save_image', {
		p_hash: img.hash,
		p_width: img.width,
		p_height: img.height,
		p_uploaded_by: uploadedBy,
		p_variants: img.variants.map((v) => ({
			width: v.width,
			height: v.height,
			mime: v.mime,
			sha256: v.sha256,
			bytes: v.bytes.toString('hex')
		}))
	});
	if (error) throw new Error(error.message);
	return img.hash;
}

test('a resident finds a practice, reads it, comments and wants to try it in their area', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const [owner, coordinator] = await Promise.all([
		createTestUser('実践 代表'),
		createTestUser('実践 コーディ')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	const orgId = await createTestOrg(owner.id, [], { name: `見守りの会${tag}` });
	const [{ data: kogane }, { data: elderly }, { data: children }] = await Promise.all([
		serviceClient().from('areas').select('id').eq('slug', 'kogane').single(),
		serviceClient().from('fields').select('id').eq('slug', 'elderly').single(),
		serviceClient().from('fields').select('id').eq('slug', 'children').single()
	]);
	const photo = await storedPhoto(owner.id);
	const title = `ごみ出し見守り${tag}`;
	const practiceId = await publishedPractice(
		owner.id,
		coordinator.id,
		practiceInput(orgId, {
			title,
			summary: `ごみ出しのついでに高齢の方に声をかける取り組み ${tag}`,
			audiences: ['elderly'],
			areaIds: [kogane!.id],
			fieldIds: [elderly!.id],
			photos: [{ hash: photo, alt: '集積所で声をかける住民' }]
		})
	);
	await publishedPractice(
		owner.id,
		coordinator.id,
		practiceInput(orgId, {
			title: `子ども食堂${tag}`,
			audiences: ['children'],
			fieldIds: [children!.id]
		})
	);

	await page.setViewportSize(PHONE);
	// the list: both, then narrowed by 対象 through the form (a GET: the filter is in the address)
	await page.goto(`/practices?q=${tag}`);
	await expect(page.getByRole('status')).toHaveText('2件');
	// (a keyword is set: the folded form is open)
	await page.getByLabel('対象').selectOption('elderly');
	await page.getByRole('button', { name: 'この条件で探す' }).click();
	await expect(page).toHaveURL(/audience=elderly/);
	await expect(page.getByRole('status')).toHaveText('1件');
	await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
	await page.goto(`/practices?q=${tag}&area=kogane&field=children`);
	await expect(page.getByRole('status')).toHaveText('0件');
	await page.goto(`/practices?q=${tag}&area=kogane`);
	await expect(page.getByRole('status')).toHaveText('1件');
	const card = page.getByRole('article').filter({ hasText: title });
	const cover = card.getByRole('img', { name: '集積所で声をかける住民' });
	await expect(cover).toHaveAttribute('width', '1200');
	await expect(cover).toHaveAttribute('height', '900');
	expect(await card.locator('source').getAttribute('srcset')).toContain(
		`/images/${photo}/400.webp 400w`
	);
	await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
		'href',
		'/practices.atom'
	);
	await expectAccessible(page);

	// the practice page
	await card.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'きっかけ' })).toBeVisible();
	await expect(page.getByText('地域の見守りの話し合いから始まりました。')).toBeVisible();
	await expect(page.getByRole('img', { name: '集積所で声をかける住民' })).toBeVisible();
	// the photo itself is served (its JPEG, for Open Graph too)
	const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
	expect(ogImage).toMatch(new RegExp(`/images/${photo}/800\\.jpg$`));
	expect((await request.get(ogImage!)).headers()['content-type']).toBe('image/jpeg');
	const ld: unknown = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(ld).toMatchObject({
		'@type': 'Article',
		headline: title,
		author: { '@type': 'Organization', name: `見守りの会${tag}` }
	});
	await expectAccessible(page);

	// a resident comments (the thread is made at the first comment) and wants to try it
	await signUp(page, {
		name: `住民${tag}`,
		email: uniqueEmail('inspire'),
		password: 'tsunagu-e2e-pass'
	});
	await page.goto(`/practices/${practiceId}`);
	await page.getByLabel('コメント', { exact: true }).fill(`すてきな取り組みですね ${tag}`);
	await page.getByRole('button', { name: 'コメントする' }).click();
	await expect(page.locator('#comments').getByText(`すてきな取り組みですね ${tag}`)).toBeVisible();

	const inspire = page.locator('#inspire');
	await expect(inspire.getByLabel('話題のタイトル')).toHaveValue(
		`「${title}」をうちの地域でもやってみたい`
	);
	await inspire.getByLabel('ひとこと').fill('常盤平でも始めたいです。一緒にやる人を探しています。');
	await inspire.getByLabel('やってみたい地域').selectOption({ label: '常盤平' });
	await expect(inspire.getByRole('checkbox', { name: '高齢者' })).toBeChecked();
	await inspire.getByRole('button', { name: '話題を始める' }).click();

	await expect(page).toHaveURL(/\/threads\/[0-9a-f-]+/);
	await expect(
		page.getByRole('heading', { level: 1, name: `「${title}」をうちの地域でもやってみたい` })
	).toBeVisible();
	const back = page.getByRole('link', { name: `「${title}」の実践事例から` });
	await expect(back).toBeVisible();
	await expect(page.getByText('常盤平でも始めたいです。')).toBeVisible();
	const threadUrl = page.url();
	await back.click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const started = page.locator('#inspire').getByRole('link', {
		name: `「${title}」をうちの地域でもやってみたい`
	});
	await expect(started).toHaveAttribute('href', new URL(threadUrl).pathname);

	// the home page on the phone
	await expectAccessible(page, '/');

	// the Atom feed: valid XML with the practice, absolute links, validators
	const feed = await request.get('/practices.atom');
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
	const doc = parseDocument(await feed.text(), { xmlMode: true });
	const entry = DomUtils.getElementsByTagName('entry', doc).find(
		(e) => DomUtils.textContent(DomUtils.getElementsByTagName('title', e)[0]) === title
	);
	expect(entry).toBeDefined();
	const link = DomUtils.getElementsByTagName('link', entry!)[0].attribs.href;
	expect(new URL(link).pathname).toBe(`/practices/${practiceId}`);
	const again = await request.get('/practices.atom', {
		headers: { 'if-none-match': feed.headers()['etag'] }
	});
	expect(again.status()).toBe(304);
	// a change to a practice raises the version of the public practices: the feed is made again
	const renamed = `${title}（改）`;
	const { error } = await serviceClient()
		.from('practices')
		.update({ title: renamed })
		.eq('id', practiceId);
	expect(error).toBeNull();
	const changed = await request.get('/practices.atom', {
		headers: { 'if-none-match': feed.headers()['etag'] }
	});
	expect(changed.status()).toBe(200);
	expect(changed.headers()['etag']).not.toBe(feed.headers()['etag']);
	expect(await changed.text()).toContain(renamed);
});

test('the filters of /practices and /orgs follow a new area and its retirement at once', async ({
	page
}) => {
	// the lists keep the areas and fields per version of the public events (kept-lists.ts:
	// taxonomyInUse), which every change to an area raises
	const slug = `kept-area-${tag}`;
	const service = serviceClient();
	const option = page.locator(`#area option[value="${slug}"]`);
	for (const path of ['/practices', '/orgs']) await page.goto(path); // kept before the change
	const { error } = await service.from('areas').insert({
		slug,
		name_ja: `保持の地域${tag}`,
		name_en: `Kept ${tag}`,
		kana: '',
		sort_order: 990
	});
	expect(error).toBeNull();
	try {
		for (const path of ['/practices', '/orgs']) {
			await page.goto(path);
			await expect(option, path).toHaveCount(1);
		}
		await service.from('areas').update({ retired_at: new Date().toISOString() }).eq('slug', slug);
		for (const path of ['/practices', '/orgs']) {
			await page.goto(path);
			await expect(option, path).toHaveCount(0);
		}
	} finally {
		await service.from('areas').delete().eq('slug', slug);
	}
});

test('a visitor’s search of /practices shows a change to a practice or its organization at once', async ({
	page
}) => {
	// a visitor's page of cards is kept per version of the public practices
	// (practices/kept-list.ts), which every change to what a card shows raises
	const [owner, coordinator] = await Promise.all([
		createTestUser('保持 代表'),
		createTestUser('保持 コーディ')
	]);
	const service = serviceClient();
	await service.from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	const orgId = await createTestOrg(owner.id, [], { name: `保持の会${tag}` });
	const id = await publishedPractice(
		owner.id,
		coordinator.id,
		practiceInput(orgId, { title: `保持の実践${tag}`, summary: `検索語 ${tag} の実践` })
	);
	const card = page.locator('article').filter({ has: page.locator(`a[href$="/practices/${id}"]`) });
	const search = `/practices?q=${tag}`;
	await page.goto(search); // kept before the changes
	await expect(card).toContainText(`保持の実践${tag}`);
	await expect(card).toContainText(`保持の会${tag}`);

	expect(
		(
			await service
				.from('practices')
				.update({ title: `改めた実践${tag}` })
				.eq('id', id)
		).error
	).toBeNull();
	await page.goto(search);
	await expect(card).toContainText(`改めた実践${tag}`);

	expect(
		(
			await service
				.from('organizations')
				.update({ name: `改めた会${tag}` })
				.eq('id', orgId)
		).error
	).toBeNull();
	await page.goto(search);
	await expect(card).toContainText(`改めた会${tag}`);

	// taken down: no longer found
	expect(
		(await service.from('practices').update({ status: 'draft' }).eq('id', id)).error
	).toBeNull();
	await page.goto(search);
	await expect(page.locator(`a[href$="/practices/${id}"]`)).toHaveCount(0);
});

test('a member of an organization hidden from the public sees its name on its practices; a visitor is not given it', async ({
	browser
}) => {
	// a visitor's page of cards is kept (practices/kept-list.ts); a member of an organization is
	// read for, as RLS shows them their hidden organization
	const coordinator = await createTestUser('非公開 コーディ');
	const service = serviceClient();
	await service.from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	const name = `非公開の実践団体${tag}`;
	const orgId = await createTestOrg(DEMO_IDS.member, [], { name });
	const title = `非公開団体の実践${tag}`;
	await publishedPractice(DEMO_IDS.member, coordinator.id, practiceInput(orgId, { title }));
	await service
		.from('organizations')
		.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
		.eq('id', orgId);
	const search = `/practices?q=${encodeURIComponent(title)}`;
	const card = (page: Page) => page.locator('article', { hasText: title });

	const visitor = await browser.newPage();
	await visitor.goto(search); // kept for visitors under this version
	await expect(card(visitor)).toBeVisible();
	await expect(card(visitor)).not.toContainText(name);
	const member = await browser.newPage();
	await logIn(member, DEMO.member);
	await member.goto(search);
	await expect(card(member)).toContainText(name);

	// the feed is the same for everyone (no session is read for it), and shared caches may
	// keep it: without the name, for a member too
	const entryOf = async (feed: APIResponse) =>
		DomUtils.getElementsByTagName('entry', parseDocument(await feed.text(), { xmlMode: true }))
			.map((e) => DomUtils.textContent(e))
			.find((text) => text.includes(title));
	const visitorFeed = await visitor.request.get('/practices.atom');
	expect(visitorFeed.headers()['cache-control']).toBe('public, max-age=300');
	expect(await entryOf(visitorFeed)).toBeDefined();
	expect(await entryOf(visitorFeed)).not.toContain(name);
	const memberFeed = await member.request.get('/practices.atom');
	expect(memberFeed.headers()['cache-control']).toBe('public, max-age=300');
	expect(memberFeed.headers()['etag']).toBe(visitorFeed.headers()['etag']);
	expect(await entryOf(memberFeed)).toBeDefined();
	expect(await entryOf(memberFeed)).not.toContain(name);
	await Promise.all([visitor.close(), member.close()]);
});
