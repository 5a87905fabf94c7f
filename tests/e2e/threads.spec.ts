// 話題 (issue 10, threads): people start threads, find them, reply with a quote and an @mention,
// edit, delete, mark the answer and follow; long threads page at 50 posts; locked threads take no
// reply; every event has 質問・コメント with the 主催者 badge; the reply flow works without
// JavaScript; XSS payloads typed into the form never run; axe on phone and desktop.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signUp } from './helpers';
import { createTestUser, serviceClient, uniqueEmail, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { writePosts } from '../support/threads';
import { getOrCreateEventThread } from '$lib/server/db/threads';
import { XSS_GROUPS } from '../support/xss-payloads';
import { xssProblems } from '../support/xss-check';

const tag = () => Math.random().toString(36).slice(2, 7);

async function resident(browser: Browser, name: string, options = {}) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signUp(page, { name, email: uniqueEmail('thread'), password: 'tsunagu-e2e-pass' });
	return { context, page };
}

/** A thread written as `userId` through the database function the form uses, with `replies` more posts. */
async function seedThread(userId: string, title: string, replies = 0) {
	const { data: id, error } = await userClient(userId).rpc('create_thread', {
		p_title: title,
		p_body: '最初の投稿です。',
		p_body_html: '<p>最初の投稿です。</p>'
	});
	if (error || !id) throw new Error(error?.message ?? 'no thread');
	if (replies > 0) {
		// the service role is not rate-limited (seeding, as a job would)
		const rows = Array.from({ length: replies }, (_, i) => ({
			thread_id: id,
			author_id: userId,
			body: `返信 ${i + 2}`,
			body_html: `<p>返信 ${i + 2}</p>`
		}));
		for (const row of rows) {
			const { error: e } = await serviceClient().from('posts').insert(row);
			if (e) throw new Error(e.message);
		}
	}
	return id;
}

const post = (page: Page, text: string) => page.locator('li.post').filter({ hasText: text });

test('start a thread, find it, reply with a quote and a mention, edit, mark the answer, follow, delete', async ({
	browser
}) => {
	const t = tag();
	const title = `子ども食堂${t}の手伝いを探しています`;
	const alice = { name: `相談 花子${t}`, ...(await resident(browser, `相談 花子${t}`)) };
	const a = alice.page;
	await a.goto('/threads');
	await a.getByRole('link', { name: '話題を投稿' }).click();
	await a.getByLabel('題名').fill(title);
	await a
		.getByLabel('本文')
		.fill('土曜日の配食を手伝ってくださる方はいますか？\n\n- 朝9時から\n- 2時間ほど');
	await a.getByLabel('質問として投稿する').check();
	await a.getByLabel('地域（任意）').selectOption({ label: '常盤平' });
	await a.getByLabel('子ども・子育て').check();
	await a.getByRole('button', { name: '投稿する' }).click();
	await expect(a.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(a.getByText('話題を投稿しました')).toBeVisible();
	await expect(a.locator('li.post').first()).toContainText('朝9時から');
	await expect(a.getByRole('button', { name: 'フォローをやめる' })).toBeVisible();
	const threadPath = new URL(a.url()).pathname;

	const bob = await resident(browser, `応援 太郎${t}`);
	const b = bob.page;
	await b.goto(`/threads?q=${encodeURIComponent(`食堂${t}`)}&unanswered=1`);
	await b.getByRole('link', { name: title }).click();
	await expect(b).toHaveURL(new RegExp(`${threadPath}$`));
	await post(b, '朝9時から').getByRole('link', { name: '引用して返信' }).click();
	await expect(b).toHaveURL(/quote=.*#reply$/);
	const reply = b.getByLabel('返信', { exact: true });
	await expect(reply).toHaveValue(/^> 土曜日の配食/);
	await expect(b.locator('#reply')).toContainText(`@${alice.name}`);
	await reply.fill(`${await reply.inputValue()}@${alice.name} さん、わたしが行けます。`);
	await b.getByRole('button', { name: '返信する' }).click();
	await expect(b).toHaveURL(new RegExp(`${threadPath}\\?page=1#post-`));
	await expect(b.getByText('投稿しました', { exact: true })).toBeVisible();
	const mine = post(b, 'わたしが行けます');
	await expect(mine.locator('strong', { hasText: `@${alice.name}` })).toBeVisible();
	await expect(mine.getByRole('link', { name: `${alice.name}さんの投稿への返信` })).toHaveAttribute(
		'href',
		/\/threads\/.+\?page=1#post-/
	);

	// edit: 編集済み
	await mine.getByRole('link', { name: '編集' }).click();
	await b.getByLabel('投稿を直す').fill('わたしが行けます。9時に伺います。');
	await b.getByRole('button', { name: '保存する' }).click();
	await expect(b.getByText('投稿を直しました')).toBeVisible();
	await expect(post(b, '9時に伺います')).toContainText('編集済み');

	// the author marks the answer
	await a.reload();
	await post(a, '9時に伺います').getByRole('button', { name: '解決にする' }).click();
	await expect(post(a, '9時に伺います')).toContainText('解決');
	await expect(a.locator('.markers')).toContainText('解決済み');

	// follow / unfollow
	await a.getByRole('button', { name: 'フォローをやめる' }).click();
	await expect(a.getByText('フォローをやめました')).toBeVisible();
	await a.getByRole('button', { name: 'フォローする' }).click();
	await expect(a.getByRole('button', { name: 'フォローをやめる' })).toBeVisible();

	// delete: the placeholder, and the reply to it stays
	await b.getByLabel('返信', { exact: true }).fill('車も出せます。');
	await b.getByRole('button', { name: '返信する' }).click();
	await expect(post(b, '車も出せます')).toBeVisible();
	await a.reload();
	await post(a, '車も出せます').getByRole('link', { name: '引用して返信' }).click();
	await expect(a.getByLabel('返信', { exact: true })).toHaveValue(/^> 車も出せます/);
	await a.getByLabel('返信', { exact: true }).press('Control+End');
	await a.getByLabel('返信', { exact: true }).pressSequentially('ありがとうございます！');
	await a.getByRole('button', { name: '返信する' }).click();
	await expect(post(a, 'ありがとうございます')).toBeVisible();
	await b.reload();
	await post(b, '車も出せます').getByRole('link', { name: '削除' }).click();
	await expect(b.getByText('この投稿を削除しますか？')).toBeVisible();
	await b.getByRole('button', { name: '削除する' }).click();
	await expect(b.getByText('投稿を削除しました')).toBeVisible();
	await expect(b.getByText('この投稿は削除されました')).toBeVisible();
	await expect(
		b.locator('li.post').filter({ hasText: 'この投稿は削除されました' })
	).not.toContainText('車も出せます');
	await expect(post(b, 'ありがとうございます')).toBeVisible();

	await alice.context.close();
	await bob.context.close();
});

test('a thread of 51 posts pages at 50, with stable addresses, and a reply lands on its page', async ({
	browser
}) => {
	const author = await createTestUser(`長い話題 主${tag()}`);
	const id = await seedThread(author.id, `長い話題${tag()}`, 50);
	const { data: last } = await serviceClient()
		.from('posts')
		.select('id')
		.eq('thread_id', id)
		.eq('position', 51)
		.single();
	const { context, page } = await resident(browser, `読む人${tag()}`);
	await page.goto(`/threads/${id}`);
	await expect(page.locator('li.post')).toHaveCount(50);
	await page.getByRole('link', { name: '次のページ' }).first().click();
	await expect(page).toHaveURL(/\?page=2$/);
	await page.goto(`/threads/${id}?page=2#post-${last!.id}`);
	await expect(page.locator(`#post-${last!.id}`)).toContainText('51番');
	await expect(page.locator('li.post')).toHaveCount(1);
	await page.goto(`/threads/${id}`);
	await page.getByLabel('返信', { exact: true }).fill('52番目の投稿です');
	await page.getByRole('button', { name: '返信する' }).click();
	await expect(page).toHaveURL(/\?page=2#post-/);
	await expect(post(page, '52番目の投稿です')).toContainText('52番');
	await context.close();
});

test('a locked thread says so and has no reply form', async ({ browser }) => {
	const author = await createTestUser(`締切 主${tag()}`);
	const id = await seedThread(author.id, `締め切った話題${tag()}`);
	const { error } = await serviceClient()
		.from('threads')
		.update({ locked_at: new Date().toISOString() })
		.eq('id', id);
	expect(error).toBeNull();
	const { context, page } = await resident(browser, `見る人${tag()}`);
	await page.goto(`/threads/${id}`);
	await expect(page.locator('.markers')).toContainText('ロック');
	await expect(page.getByText('この話題は締め切られています（ロック）').first()).toBeVisible();
	await expect(page.getByLabel('返信', { exact: true })).toHaveCount(0);
	await context.close();
});

test("an event's 質問・コメント: the organiser's badge, and a comment lands at itself", async ({
	browser
}) => {
	const organiser = await createTestUser(`主催 次郎${tag()}`);
	const title = `親子の料理教室${tag()}`;
	const { id: eventId } = await createEvent(organiser.id, { title, organizationId: null });
	// the organiser answers first (the thread is made at the first comment)
	const db = userClient(organiser.id);
	const { data: threadId } = await db.rpc('event_thread', { p_event: eventId });
	await db.from('posts').insert({
		thread_id: threadId!,
		body: '駐車場は3台分あります。',
		body_html: '<p>駐車場は3台分あります。</p>'
	});
	const { context, page } = await resident(browser, `質問 三郎${tag()}`);
	await page.goto(`/events/${eventId}`);
	const comments = page.locator('#comments');
	await expect(comments.getByRole('heading', { name: '質問・コメント' })).toBeVisible();
	await expect(post(page, '駐車場は3台分')).toContainText('主催者');
	// refused (a new account puts at most 3 links in a post): said next to the text, which stays
	const links = [1, 2, 3, 4].map((n) => `https://example.com/${n}`).join(' ');
	await page.getByLabel('コメント', { exact: true }).fill(`地図はこちら ${links}`);
	await page.getByRole('button', { name: 'コメントする' }).click();
	await expect(comments.getByText('リンクは3つまでです')).toBeVisible();
	await expect(page.getByLabel('コメント', { exact: true })).toHaveValue(`地図はこちら ${links}`);
	await expect(page.getByLabel('コメント', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await page.getByLabel('コメント', { exact: true }).fill('自転車は置けますか？');
	await page.getByRole('button', { name: 'コメントする' }).click();
	await expect(page).toHaveURL(new RegExp(`/events/${eventId}#post-`));
	await expect(post(page, '自転車は置けますか')).toBeVisible();
	await expect(comments.getByText('投稿しました', { exact: true })).toBeVisible();
	await expect(post(page, '自転車は置けますか')).not.toContainText('主催者');
	// the form does not still hold what was sent (nobody posts it twice)
	await expect(page.getByLabel('コメント', { exact: true })).toHaveValue('');
	await expectAccessible(page);
	const shots = process.env.TSUNAGU_SCREENSHOTS;
	if (shots)
		for (const width of [390, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await comments.screenshot({ path: `${shots}/event-comments-${width}.png` });
		}
	await context.close();
});

test('the reply flow without JavaScript: quote, an error that keeps the text, post, delete', async ({
	browser
}) => {
	const author = await createTestUser(`紙 一郎${tag()}`);
	const id = await seedThread(author.id, `JavaScriptなしの話題${tag()}`);
	const { context, page } = await resident(browser, `紙 二郎${tag()}`, {
		javaScriptEnabled: false
	});
	await page.goto(`/threads/${id}`);
	await page.getByRole('link', { name: '引用して返信' }).click();
	await expect(page).toHaveURL(/quote=/);
	const reply = page.getByLabel('返信', { exact: true });
	await expect(reply).toHaveValue(/^> 最初の投稿です。/);
	await reply.fill('   ');
	await page.getByRole('button', { name: '返信する' }).click();
	await expect(page.getByText('本文を入力してください。')).toBeVisible();
	await page.getByLabel('返信', { exact: true }).fill('JavaScriptなしで返信します');
	await page.getByRole('button', { name: '返信する' }).click();
	await expect(page).toHaveURL(/\?page=1#post-/);
	await expect(page.getByText('投稿しました', { exact: true })).toBeVisible();
	const mine = post(page, 'JavaScriptなしで返信します');
	await mine.getByRole('link', { name: '削除' }).click();
	await page.getByRole('button', { name: '削除する' }).click();
	await expect(page.getByText('この投稿は削除されました')).toBeVisible();
	await context.close();
});

test('XSS payloads typed into the form never run, and the rendered post holds only safe HTML', async ({
	page
}) => {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	// one or two payloads of each group of the public lists
	// (without control characters: the server refuses a form with NUL bytes before any page sees it)
	// eslint-disable-next-line no-control-regex
	const typeable = (p: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(p);
	const sample = XSS_GROUPS.flatMap((g) =>
		g.payloads.filter(typeable).slice(0, g.payloads.length > 20 ? 2 : 1)
	);
	expect(sample.length).toBeGreaterThanOrEqual(10);
	const name = `安全 確認${tag()}`;
	await signUp(page, { name, email: uniqueEmail('xss'), password: 'tsunagu-e2e-pass' });
	await page.goto('/threads/new');
	await page.getByLabel('題名').fill(`<script>alert(1)</script>XSS${tag()}`);
	await page.getByLabel('本文').fill(sample.join('\n\n'));
	await page.getByRole('button', { name: '投稿する' }).click();
	// a new account puts at most 3 links in a post: said next to the text, which stays
	await expect(page.getByText('リンクは3つまでです')).toBeVisible();
	await expect(page.getByLabel('本文')).toHaveValue(sample.join('\n\n'));
	// a day later the same post goes through
	const svc = serviceClient();
	const { data: profile } = await svc
		.from('profiles')
		.select('id')
		.eq('display_name', name)
		.single();
	await svc
		.from('profiles')
		.update({ created_at: new Date(Date.now() - 2 * 86400_000).toISOString() })
		.eq('id', profile!.id);
	await page.getByRole('button', { name: '投稿する' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script>');
	const html = await page.locator('li.post .body').first().innerHTML();
	expect(xssProblems(html)).toEqual([]);
	await page.reload();
	await page.waitForTimeout(500);
	expect(dialogs).toEqual([]);
	// the same thread on the list
	await page.goto('/threads');
	expect(dialogs).toEqual([]);
});

test('axe: /threads and a thread page on a 390 px phone and a desktop', async ({ browser }) => {
	const author = await createTestUser(`見た目 確認${tag()}`);
	const id = await seedThread(author.id, `地域の見守りについて${tag()}`, 3);
	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 900 }
	]) {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await expectAccessible(page, '/threads');
		await expectAccessible(page, `/threads/${id}`);
		const shots = process.env.TSUNAGU_SCREENSHOTS;
		if (shots) {
			await page.screenshot({ path: `${shots}/thread-${viewport.width}.png`, fullPage: true });
			await page.goto('/threads');
			await page.screenshot({ path: `${shots}/threads-${viewport.width}.png`, fullPage: true });
		}
		await context.close();
	}
	const { context, page } = await resident(browser, `axe 会員${tag()}`, {
		viewport: { width: 390, height: 844 }
	});
	await expectAccessible(page, `/threads/${id}`);
	await expectAccessible(page, '/threads/new');
	await context.close();
});

test("an event's page shows its latest ten comments; the earlier ones are on the thread's page", async ({
	page
}) => {
	const organiser = await createTestUser(`十件 主${tag()}`);
	const { id: eventId } = await createEvent(organiser.id, { title: `コメントの多い会${tag()}` });
	const thread = await getOrCreateEventThread(userClient(organiser.id), eventId);
	if (!thread.ok) throw new Error(thread.refusal);
	await writePosts(thread.id, organiser.id, 12);
	await page.goto(`/events/${eventId}`);
	const comments = page.locator('#comments li.post');
	await expect(comments).toHaveCount(10);
	await expect(comments.first()).toContainText('投稿 3');
	await expect(comments.last()).toContainText('投稿 12');
	// the link lands at the last comment not shown, among all of them
	await page.getByRole('link', { name: '以前のコメントを見る' }).click();
	await expect(page).toHaveURL(new RegExp(`/threads/${thread.id}\\?page=1#post-`));
	await expect(page.locator('li.post')).toHaveCount(12);
	await expect(page.locator(`#${new URL(page.url()).hash.slice(1)}`)).toContainText('投稿 2');
});
