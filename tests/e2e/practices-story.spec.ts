// The story of a practice (issue 12), as the people in it use the site: an NPO
// editor drafts a practice with two phone photos (GPS in their EXIF) and
// submits it; a coordinator returns it once with a comment, then publishes it
// and features it; it is on the home page; a resident on a phone thanks it and
// asks 「うちでもやってみたい」; a coordinator gives it an award presented at a
// past forum; the award shows on the practice and on /recognition; the
// certificate prints on one page; the published photo carries no EXIF.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { serviceClient } from '../support/db';
import { createEvent } from '../support/events';
import { createTestOrg } from '../support/practices';
import { DEMO, expectAccessible, logIn, signUp } from './helpers';

const PHONE = { width: 390, height: 844 };
const tag = randomUUID().slice(0, 6);

/** A phone photo: JPEG with the camera and a GPS position in its EXIF. */
async function phonePhoto(color: { r: number; g: number; b: number }) {
	return sharp({ create: { width: 2400, height: 1800, channels: 3, background: color } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '35/1 47/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '139/1 54/1 0/1'
			}
		})
		.toBuffer();
}

async function signedIn(browser: Browser, who: { email: string; password: string }, phone = false) {
	const page = await (await browser.newContext(phone ? { viewport: PHONE } : {})).newPage();
	await logIn(page, who);
	return page;
}

async function addPhoto(page: Page, file: Buffer, name: string, alt: string) {
	const add = page.getByRole('group', { name: '写真を追加する' });
	await add
		.getByLabel('写真のファイル')
		.setInputFiles({ name, mimeType: 'image/jpeg', buffer: file });
	await add.getByLabel('写真の説明（必須）').fill(alt);
}

test('a practice from draft to the home page, thanked, tried elsewhere and awarded', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const title = `ごみ出し見守り隊${tag}`;
	const forum = `地域づくり発表会${tag}`;
	const awardName = `令和8年度 地域づくり大賞 ${tag}`;
	const [gps1, gps2] = await Promise.all([
		phonePhoto({ r: 200, g: 120, b: 60 }),
		phonePhoto({ r: 60, g: 140, b: 200 })
	]);
	expect((await sharp(gps1).metadata()).exif).toBeDefined();

	// --- the NPO editor: signs up; their organization exists with them as its owner
	const editor = {
		name: `NPO 編集者${tag}`,
		email: `npo-${tag}@test.example`,
		password: `npo-pass-${tag}-2026`
	};
	const ed = await (await browser.newContext()).newPage();
	await signUp(ed, editor);
	const { data: cred } = await serviceClient()
		.from('credentials')
		.select('user_id')
		.eq('email', editor.email)
		.single();
	const orgName = `NPO法人 見守りネット${tag}`;
	const orgId = await createTestOrg(cred!.user_id, [], { name: orgName });
	// the 発表会 the award will be presented at, a month ago
	await createEvent(cred!.user_id, {
		title: forum,
		organizationId: orgId,
		startsAt: new Date(Date.now() - 30 * 86400_000)
	});

	await ed.goto('/practices/new');
	await ed.getByLabel('中心となる団体').selectOption({ label: orgName });
	await ed.getByLabel('題名').fill(title);
	await ed
		.getByLabel('概要（200文字まで）')
		.fill('ごみ出しのついでに、一人暮らしの高齢の方に声をかけます。');
	await ed.getByRole('group', { name: '対象', exact: true }).getByLabel('高齢者').check();
	await ed.getByRole('group', { name: '活動分野' }).getByLabel('高齢者').check();
	await ed.getByLabel('頻度').fill('毎週火曜・金曜の朝');
	await ed.getByLabel('始めた日').fill('2024-04-01');
	// ended before it started: said next to the field, nothing saved, the text kept
	await ed.getByLabel('終わった日').fill('2023-03-31');
	await ed.getByLabel('数字').first().fill('40');
	await ed.getByLabel('項目').first().fill('見守り世帯');
	await ed.getByLabel('単位').first().fill('世帯');
	await addPhoto(ed, gps1, 'IMG_0001.jpg', '集積所で声をかける住民');
	await ed.getByRole('button', { name: '保存する', exact: true }).click();
	await expect(ed.getByText('終わった日は、始めた日より後にしてください。')).toBeVisible();
	await expect(ed.getByLabel('題名')).toHaveValue(title);
	expect(
		(await serviceClient().from('practices').select('id').eq('title', title)).data
	).toHaveLength(0);

	await ed.getByLabel('終わった日').fill('');
	await addPhoto(ed, gps1, 'IMG_0001.jpg', '集積所で声をかける住民');
	await ed.getByRole('button', { name: '保存する', exact: true }).click();
	await expect(ed.getByText('写真を追加して保存しました。')).toBeVisible();
	await expect(ed).toHaveURL(/\/practices\/[0-9a-f-]{36}\/edit/);
	const practiceId = ed.url().match(/practices\/([0-9a-f-]{36})/)![1];
	// the second photo, then submit
	await addPhoto(ed, gps2, 'IMG_0002.jpg', 'ごみ袋を持つ高齢の女性と話す中学生');
	await ed.getByRole('button', { name: '保存して提出する' }).click();
	await expect(ed.getByText('保存して、コーディネーターに提出しました。')).toBeVisible();

	// --- the coordinator returns it once with a comment
	const co = await signedIn(browser, DEMO.coordinator);
	await co.goto('/coordinate/practices');
	await co.getByRole('link', { name: title }).click();
	await co
		.getByLabel('直してほしいこと（書いた人に届きます）')
		.fill('取り組みの内容を書き足してください。');
	await co.getByRole('button', { name: 'コメントをつけて差し戻す' }).click();
	// back on the queue (the review page itself is /coordinate/practices/<id>)
	await expect(co).toHaveURL(/\/coordinate\/practices(#.*)?$/);

	// the editor reads the comment, writes the story, and submits again
	await ed.reload();
	await expect(ed.getByText('取り組みの内容を書き足してください。')).toBeVisible();
	await ed
		.getByLabel('取り組みの内容')
		.fill('町会と中学校と一緒に、ごみ出しの日に声をかけて回ります。');
	await ed.getByRole('button', { name: '保存して提出する' }).click();
	await expect(ed.getByText('保存して、コーディネーターに提出しました。')).toBeVisible();

	// the coordinator publishes and features it first
	await co.goto(`/coordinate/practices/${practiceId}`);
	await co.getByRole('button', { name: '公開する' }).click();
	// back on the queue (the review page itself is /coordinate/practices/<id>)
	await expect(co).toHaveURL(/\/coordinate\/practices(#.*)?$/);
	await co.goto('/coordinate/practices/featured');
	await co.getByLabel(title).selectOption({ label: '1番目' });
	await co.getByRole('button', { name: 'おすすめを保存する' }).click();
	await expect(co.getByLabel(title)).toHaveValue('1');

	// --- a resident on a phone: the home page shows it with its cover photo
	const me = await signedIn(browser, DEMO.member, true);
	await me.goto('/');
	const featured = me.locator('article', { hasText: title }).first();
	await expect(featured).toBeVisible();
	await expect(featured.getByRole('img', { name: '集積所で声をかける住民' })).toBeVisible();
	await expectAccessible(me);

	// the practice page: the story, both photos; ありがとう with a message
	await featured.getByRole('link', { name: title }).click();
	await expect(me.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(me.getByText('町会と中学校と一緒に')).toBeVisible();
	await expect(me.getByRole('img', { name: 'ごみ袋を持つ高齢の女性と話す中学生' })).toBeVisible();
	await me
		.getByLabel('ひとこと（なくてもかまいません）')
		.fill('うちの母も声をかけてもらっています。');
	await me.getByRole('button', { name: 'ありがとうを伝える' }).click();
	await expect(me.getByText('ありがとう 1件')).toBeVisible();
	await expect(me.getByText('うちの母も声をかけてもらっています。')).toBeVisible();
	await expect(me.getByText('今日はもう、ありがとうを伝えました。また明日どうぞ。')).toBeVisible();

	// 「うちでもやってみたい」: a thread in the resident's area, linked back to the practice
	await me.getByLabel('ひとこと', { exact: true }).fill('小金でも町会と一緒に始めたいです。');
	await me.getByRole('button', { name: '話題を始める' }).click();
	await expect(me).toHaveURL(/\/threads\/[0-9a-f-]{36}/);
	await expect(me.getByRole('link', { name: `「${title}」の実践事例から` })).toBeVisible();
	await expect(me.getByText('小金でも町会と一緒に始めたいです。')).toBeVisible();
	// the lead organization's editor is told
	const { data: notices } = await serviceClient()
		.from('notifications')
		.select('kind')
		.eq('user_id', cred!.user_id)
		.eq('practice_id', practiceId);
	expect(notices!.map((n) => n.kind)).toEqual(
		expect.arrayContaining(['practice_returned', 'practice_published', 'practice_inspired'])
	);

	// --- the coordinator gives it an award presented at the past forum
	await co.goto(`/practices/${practiceId}`);
	await co.getByRole('link', { name: '表彰する', exact: true }).click();
	await co.getByLabel('賞の名前').fill(awardName);
	await co
		.getByLabel('表彰の言葉')
		.fill('地域の見守りを、ごみ出しという毎日のことから広げました。');
	await co.getByLabel('表彰の日').fill('2026-12-02');
	const forumOption = co.locator('option', { hasText: forum });
	const forumValue = await forumOption.getAttribute('value');
	expect(forumValue).toBeTruthy();
	await co.getByLabel('表彰した場（発表会・表彰式）').selectOption(forumValue ?? '');
	await co.getByRole('button', { name: '表彰を登録する' }).click();
	// lands on the award on the practice's page; the timeline of its 年度 has it too
	await expect(co).toHaveURL(new RegExp(`/practices/${practiceId}#award-`));
	await expect(co.locator('section.awards')).toContainText(awardName);
	await co.goto('/recognition?year=2026');
	const card = co.locator('article.award', { hasText: awardName });
	await expect(card.getByRole('link', { name: title })).toBeVisible();
	await expect(card.getByRole('link', { name: forum })).toBeVisible();
	await expectAccessible(co, '/recognition');

	// the award on the practice page, and its certificate on one A4 sheet
	await me.goto(`/practices/${practiceId}`);
	const awards = me.locator('section.awards');
	await expect(awards).toContainText(awardName);
	await expect(awards.getByRole('link', { name: forum })).toBeVisible();
	await expectAccessible(me);
	await co.goto(`/practices/${practiceId}`);
	await co.locator('section.awards').getByRole('link', { name: '表彰状を見る・印刷する' }).click();
	await expect(co.locator('article.sheet')).toContainText(title);
	const pdf = (await co.pdf({ preferCSSPageSize: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

	// the published photo: re-encoded, no EXIF (no GPS, no camera)
	const src = await me.locator('img[alt="集積所で声をかける住民"]').first().getAttribute('src');
	expect(src).toMatch(/^\/images\/[0-9a-f]{64}\/\d+\.jpg$/);
	const response = await me.request.get(src!);
	expect(response.headers()['cache-control']).toContain('immutable');
	const published = Buffer.from(await response.body());
	const meta = await sharp(published).metadata();
	expect(meta.format).toBe('jpeg');
	expect(meta.exif).toBeUndefined();
	expect(published.includes(Buffer.from('PhoneMaker'))).toBe(false);
	expect(meta.width).toBeLessThanOrEqual(1600);
});
