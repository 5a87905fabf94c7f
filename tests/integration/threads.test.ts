// Threads and posts through PostgREST with real tokens (issue 10): starting,
// replying, numbering and pages, the lists and their filters, editing and
// deleting one's own posts only, what a hidden post shows to whom, versions,
// the limits, locked and deleted threads, follows and notifications, an
// event's comment thread and its 主催者 badge, and 解決.
import { randomBytes } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	deletePost,
	editPost,
	findPost,
	postVersions,
	readThreadPage,
	replyToThread
} from '$lib/server/db/posts';
import { hidePost, lockThread, hideThread } from '$lib/server/db/moderation';
import {
	createThread,
	getOrCreateEventThread,
	getThread,
	latestThreads,
	listThreads,
	markSolved,
	readItemComments,
	setFollowing,
	threadParticipants
} from '$lib/server/db/threads';
import { listNotifications, NOTIFICATION_KINDS } from '$lib/server/db/notifications';
import { postPageOf } from '$lib/threads/paging';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, DEMO_IDS, serviceClient, userClient } from '../support/db';
import {
	ageAccount,
	forgetRecentPosts,
	html,
	htmlWithLinks,
	noPosts,
	pagePosts,
	seedId,
	startThread,
	tag,
	threadNotices,
	threadRow,
	writePosts
} from '../support/threads';

type User = { id: string; email: string };
let alice: User, bob: User, carol: User;
const coordinator = () => userClient(DEMO_IDS.coordinator);

beforeAll(async () => {
	[alice, bob, carol] = await Promise.all([
		createTestUser('話題 アリス'),
		createTestUser('話題 ボブ'),
		createTestUser('話題 キャロル')
	]);
	// old enough for the new-account limits not to matter, except where a test makes its own
	await Promise.all([alice, bob, carol].map((u) => ageAccount(u.id)));
});

// the post limit (10 in 5 minutes) is tested on its own; elsewhere the same people write a lot
beforeEach(() => forgetRecentPosts(alice.id, bob.id, carol.id, DEMO_IDS.coordinator));

const reply = (user: User, threadId: string, body = '返信です', extra = {}) =>
	replyToThread(userClient(user.id), threadId, { body, bodyHtml: html(body), ...extra });

describe('starting a thread and replying', () => {
	it('writes the thread and its first post together; replies are numbered 1, 2, 3 under the thread', async () => {
		const id = await startThread(alice.id, {
			title: `  ${tag()} 自治会の掲示板  `,
			body: 'はじめまして'
		});
		const r1 = await reply(bob, id);
		const r2 = await reply(carol, id);
		expect(r1).toMatchObject({ ok: true, position: 2, page: 1 });
		expect(r2).toMatchObject({ ok: true, position: 3, page: 1 });

		const thread = await getThread(anonClient(), id, null);
		expect(thread?.title).toMatch(/^話題[0-9a-f]{6} 自治会の掲示板$/);
		expect(thread).toMatchObject({ replyCount: 2, postCount: 3, following: null });
		expect(thread?.author).toEqual({ id: alice.id, displayName: '話題 アリス' });

		const page = await pagePosts(anonClient(), id, 1);
		expect(page.map((p) => [p.position, p.state, p.body, p.authorName])).toEqual([
			[1, 'visible', 'はじめまして', '話題 アリス'],
			[2, 'visible', '返信です', '話題 ボブ'],
			[3, 'visible', '返信です', '話題 キャロル']
		]);
		expect(page[0].bodyHtml).toBe('<p>はじめまして</p>');
	});

	it('numbers never repeat: a deleted post keeps its place, and pages hold 50 positions each', async () => {
		const id = await startThread(alice.id);
		await writePosts(id, bob.id, 119);
		const second = await pagePosts(anonClient(), id, 2);
		expect(second.map((p) => p.position)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
		const third = await pagePosts(anonClient(), id, 3);
		expect(third.map((p) => p.position)).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
		expect(await pagePosts(anonClient(), id, 4)).toEqual([]);

		// the last post deleted: the next one still takes a new number
		const last = third[third.length - 1];
		expect(await deletePost(userClient(bob.id), last.id)).toEqual({ ok: true });
		const next = await reply(carol, id);
		expect(next).toMatchObject({ ok: true, position: 121, page: 3 });
		expect(postPageOf(121)).toBe(3);
		const after = await pagePosts(anonClient(), id, 3);
		expect(after.slice(-2).map((p) => [p.position, p.state])).toEqual([
			[120, 'deleted'],
			[121, 'visible']
		]);
		const found = await findPost(anonClient(), next.ok ? next.id : '');
		expect(found).toMatchObject({ position: 121, page: 3, threadId: id });
	});

	it('parallel replies each get their own number', async () => {
		const id = await startThread(alice.id);
		const users = await Promise.all(
			Array.from({ length: 6 }, (_, i) => createTestUser(`並行 ${i}`))
		);
		const results = await Promise.all(users.map((u) => reply(u, id)));
		const positions = results.map((r) => (r.ok ? r.position : 0)).sort((a, b) => a - b);
		expect(positions).toEqual([2, 3, 4, 5, 6, 7]);
		expect(await threadRow(id)).toMatchObject({ post_count: 7, reply_count: 6 });
	});

	it('anon cannot write; a thread and its post cannot be written by hand with another author', async () => {
		const id = await startThread(alice.id);
		const anon = await anonClient()
			.from('posts')
			.insert({ thread_id: id, body: '匿名', body_html: html('匿名') });
		expect(anon.error).not.toBeNull();
		const forged = await userClient(bob.id)
			.from('posts')
			.insert({ thread_id: id, body: 'なりすまし', body_html: html('x'), author_id: alice.id });
		expect(forged.error).not.toBeNull();
		const position = await userClient(bob.id)
			.from('posts')
			.insert({ thread_id: id, body: '番号指定', body_html: html('x'), position: 1 });
		expect(position.error).not.toBeNull();
		expect(await threadRow(id)).toMatchObject({ post_count: 1 });
	});
});

describe('bad input writes nothing', () => {
	it('an empty or over-long title (120) or post (20,000) is refused with bad_length', async () => {
		const db = userClient(carol.id);
		const base = {
			body: '本文',
			bodyHtml: html('本文'),
			areaId: null,
			organizationId: null,
			fieldIds: [],
			isQuestion: false
		};
		const title = tag();
		expect(
			await createThread(db, { ...base, title: `${title}${'あ'.repeat(121 - title.length)}` })
		).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		expect(await createThread(db, { ...base, title: '   ' })).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		expect(
			await createThread(db, { ...base, title, body: 'あ'.repeat(20001), bodyHtml: html('あ') })
		).toEqual({ ok: false, refusal: 'bad_length' });
		expect(await createThread(db, { ...base, title, body: '  ' })).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		const written = await serviceClient().from('threads').select('id').like('title', `${title}%`);
		expect(written.data).toEqual([]);

		// exactly the limits are fine
		expect(
			await createThread(db, {
				...base,
				title: `${title}${'あ'.repeat(120 - title.length)}`,
				body: 'あ'.repeat(20000)
			})
		).toMatchObject({ ok: true });

		const id = await startThread(alice.id);
		expect(await reply(bob, id, 'あ'.repeat(20001))).toEqual({ ok: false, refusal: 'bad_length' });
		expect(await reply(bob, id, '\n \n')).toEqual({ ok: false, refusal: 'bad_length' });
		expect(await threadRow(id)).toMatchObject({ post_count: 1, reply_count: 0 });
	});

	it('replying to a deleted or hidden thread is refused (gone) and writes nothing', async () => {
		// the author deletes the only post: the thread is deleted
		const deleted = await startThread(alice.id);
		const [first] = await pagePosts(userClient(alice.id), deleted, 1);
		expect(await deletePost(userClient(alice.id), first.id)).toEqual({ ok: true });
		expect((await threadRow(deleted)).deleted_at).not.toBeNull();
		expect(await getThread(userClient(bob.id), deleted, bob.id)).toBeNull();
		expect(await reply(bob, deleted)).toEqual({ ok: false, refusal: 'gone' });
		expect(await threadRow(deleted)).toMatchObject({ post_count: 1 });

		const hidden = await startThread(alice.id);
		expect(await hideThread(coordinator(), hidden, '宣伝のため')).toEqual({ ok: true });
		expect(await reply(bob, hidden)).toEqual({ ok: false, refusal: 'gone' });
		expect(await reply(alice, hidden)).toEqual({ ok: false, refusal: 'gone' });
		expect(await threadRow(hidden)).toMatchObject({ post_count: 1 });
	});

	it('deleting the first post of a thread with replies keeps the thread and the replies', async () => {
		const id = await startThread(alice.id);
		await reply(bob, id);
		const [first] = await pagePosts(userClient(alice.id), id, 1);
		expect(await deletePost(userClient(alice.id), first.id)).toEqual({ ok: true });
		expect((await threadRow(id)).deleted_at).toBeNull();
		const page = await pagePosts(anonClient(), id, 1);
		expect(page.map((p) => [p.state, p.body, p.authorId])).toEqual([
			['deleted', null, null],
			['visible', '返信です', bob.id]
		]);
	});
});

describe('locked threads', () => {
	it('take no reply and no edit; deleting one’s post still works', async () => {
		const id = await startThread(alice.id);
		const mine = await reply(bob, id, 'ロック前');
		expect(await lockThread(coordinator(), id, '議論が終わったため')).toEqual({ ok: true });
		expect(await reply(carol, id)).toEqual({ ok: false, refusal: 'locked' });
		expect(await reply(alice, id)).toEqual({ ok: false, refusal: 'locked' });
		const postId = mine.ok ? mine.id : '';
		expect(
			await editPost(userClient(bob.id), postId, { body: '変更', bodyHtml: html('変更') })
		).toEqual({
			ok: false,
			refusal: 'locked'
		});
		expect(await threadRow(id)).toMatchObject({ post_count: 2 });
		expect(await deletePost(userClient(bob.id), postId)).toEqual({ ok: true });
		expect((await getThread(anonClient(), id, null))?.locked).toBe(true);
	});
});

describe('editing and deleting', () => {
	it("a member cannot edit or delete another's post", async () => {
		const id = await startThread(alice.id, { body: 'アリスの文' });
		const [first] = await pagePosts(anonClient(), id, 1);
		const db = userClient(bob.id);
		expect(await editPost(db, first.id, { body: '書き換え', bodyHtml: html('書き換え') })).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await deletePost(db, first.id)).toEqual({ ok: false, refusal: 'not_found' });
		// not even by hand: no row changes, and nobody deletes rows
		const patched = await db.from('posts').update({ body: 'x' }).eq('id', first.id).select('id');
		expect(patched.data).toEqual([]);
		const removed = await db.from('posts').delete().eq('id', first.id);
		expect(removed.error?.code).toBe('42501');
		const own = await userClient(alice.id).from('posts').delete().eq('id', first.id);
		expect(own.error?.code).toBe('42501');
		const hidden = await db
			.from('posts')
			.update({ deleted_at: null, body: 'y' })
			.eq('thread_id', id)
			.select('id');
		expect(hidden.data).toEqual([]);
		const { data } = await serviceClient()
			.from('posts')
			.select('body, deleted_at, edited_at')
			.eq('id', first.id)
			.single();
		expect(data).toEqual({ body: 'アリスの文', deleted_at: null, edited_at: null });
	});

	it('an edit keeps the earlier version, shows as edited, and the versions are for coordinators only', async () => {
		const id = await startThread(alice.id, { body: '第一版' });
		const [first] = await pagePosts(anonClient(), id, 1);
		expect(
			await editPost(userClient(alice.id), first.id, { body: '第二版', bodyHtml: html('第二版') })
		).toEqual({ ok: true, position: 1, threadId: id });
		expect(
			await editPost(userClient(alice.id), first.id, { body: '第三版', bodyHtml: html('第三版') })
		).toMatchObject({ ok: true });
		const [now] = await pagePosts(anonClient(), id, 1);
		expect(now.body).toBe('第三版');
		expect(now.editedAt).not.toBeNull();

		const versions = await postVersions(coordinator(), first.id);
		expect(versions.map((v) => [v.body, v.bodyHtml])).toEqual([
			['第二版', '<p>第二版</p>'],
			['第一版', '<p>第一版</p>']
		]);
		for (const db of [userClient(alice.id), userClient(bob.id), anonClient()]) {
			expect(await postVersions(db, first.id)).toEqual([]);
		}
		// and nobody writes versions by hand
		const forged = await userClient(alice.id).from('post_versions').insert({
			post_id: first.id,
			body: 'x',
			body_html: 'x',
			written_at: new Date().toISOString()
		});
		expect(forged.error).not.toBeNull();
		// the search text follows the first post
		const found = await listThreads(anonClient(), { q: '第三版' });
		expect(found.threads.map((t) => t.id)).toContain(id);
		expect(
			(await listThreads(anonClient(), { q: '第一版' })).threads.map((t) => t.id)
		).not.toContain(id);
	});

	it('a deleted post stays deleted and cannot be edited', async () => {
		const id = await startThread(alice.id);
		const r = await reply(bob, id, '消す予定');
		const postId = r.ok ? r.id : '';
		expect(await deletePost(userClient(bob.id), postId)).toEqual({ ok: true });
		expect(await deletePost(userClient(bob.id), postId)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(
			await editPost(userClient(bob.id), postId, { body: '復活', bodyHtml: html('復活') })
		).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		const undelete = await userClient(bob.id)
			.from('posts')
			.update({ deleted_at: null })
			.eq('id', postId)
			.select('id');
		expect(undelete.data).toEqual([]);
		expect(await threadRow(id)).toMatchObject({ reply_count: 0 });
	});
});

describe('hidden posts', () => {
	it("a hidden post's text is read only by its author and coordinators, through the table and the page", async () => {
		const id = await startThread(alice.id);
		const r = await reply(bob, id, '電話番号は090-0000-0000です');
		const postId = r.ok ? r.id : '';
		expect(await hidePost(coordinator(), postId, '個人情報が含まれるため')).toEqual({ ok: true });

		for (const db of [anonClient(), userClient(carol.id), userClient(alice.id)]) {
			expect((await db.from('posts').select('body, body_html').eq('id', postId)).data).toEqual([]);
			const slot = (await pagePosts(db, id, 1))[1];
			expect(slot).toMatchObject({
				id: postId,
				position: 2,
				state: 'hidden',
				body: null,
				bodyHtml: null,
				authorId: null,
				authorName: null,
				hiddenReason: null
			});
		}
		for (const db of [userClient(bob.id), coordinator()]) {
			expect((await db.from('posts').select('body').eq('id', postId)).data).toEqual([
				{ body: '電話番号は090-0000-0000です' }
			]);
			expect((await pagePosts(db, id, 1))[1]).toMatchObject({
				state: 'hidden',
				body: '電話番号は090-0000-0000です',
				hiddenReason: '個人情報が含まれるため'
			});
		}
		// its author cannot edit it any more, nor "delete" it to remove the moderator's mark
		expect(await editPost(userClient(bob.id), postId, { body: 'x', bodyHtml: html('x') })).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await deletePost(userClient(bob.id), postId)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		// it no longer counts as a reply, and its author is told why
		expect(await threadRow(id)).toMatchObject({ reply_count: 0 });
		expect(await threadNotices(bob.id, id)).toContainEqual({
			kind: 'post_hidden',
			post_id: postId,
			detail: '個人情報が含まれるため'
		});
	});

	it("a deleted post's text is read by nobody on the page", async () => {
		const id = await startThread(alice.id);
		const r = await reply(bob, id, '間違えました');
		const postId = r.ok ? r.id : '';
		await deletePost(userClient(bob.id), postId);
		for (const db of [anonClient(), userClient(bob.id), coordinator()]) {
			expect((await pagePosts(db, id, 1))[1]).toMatchObject({
				state: 'deleted',
				body: null,
				bodyHtml: null
			});
		}
		expect((await userClient(carol.id).from('posts').select('id').eq('id', postId)).data).toEqual(
			[]
		);
	});

	it('a hidden thread shows to its author and coordinators only', async () => {
		const id = await startThread(alice.id);
		await hideThread(coordinator(), id, '規約違反');
		for (const db of [anonClient(), userClient(bob.id)]) {
			expect(await getThread(db, id, null)).toBeNull();
			expect(await pagePosts(db, id, 1)).toEqual([]);
		}
		expect((await getThread(userClient(alice.id), id, alice.id))?.hiddenReason).toBe('規約違反');
		expect(await pagePosts(coordinator(), id, 1)).toHaveLength(1);
		expect(await threadNotices(alice.id, id)).toContainEqual({
			kind: 'post_hidden',
			post_id: null,
			detail: '規約違反'
		});
	});
});

describe('limits', () => {
	it('refuses the 11th post in 5 minutes (post_rate), and writes nothing', async () => {
		const writer = await createTestUser('連投する人');
		await ageAccount(writer.id);
		const id = await startThread(alice.id);
		for (let i = 0; i < 10; i++) {
			expect(await reply(writer, id, `投稿 ${i}`)).toMatchObject({ ok: true });
		}
		expect(await reply(writer, id, '11件目')).toEqual({ ok: false, refusal: 'post_rate' });
		expect(
			await createThread(userClient(writer.id), {
				title: tag(),
				body: '本文',
				bodyHtml: html('本文'),
				areaId: null,
				organizationId: null,
				fieldIds: [],
				isQuestion: false
			})
		).toEqual({ ok: false, refusal: 'post_rate' });
		expect(await threadRow(id)).toMatchObject({ post_count: 11 });
		// others are not held back
		expect(await reply(bob, id)).toMatchObject({ ok: true });
	});

	it('a new account puts at most 3 links in a post (too_many_links), also when editing', async () => {
		const newcomer = await createTestUser('新しい人');
		const id = await startThread(alice.id);
		const db = userClient(newcomer.id);
		const three = await replyToThread(db, id, { body: 'リンク3つ', bodyHtml: htmlWithLinks(3) });
		expect(three).toMatchObject({ ok: true });
		expect(await replyToThread(db, id, { body: 'リンク4つ', bodyHtml: htmlWithLinks(4) })).toEqual({
			ok: false,
			refusal: 'too_many_links'
		});
		expect(
			await editPost(db, three.ok ? three.id : '', {
				body: 'リンク4つ',
				bodyHtml: htmlWithLinks(4)
			})
		).toEqual({ ok: false, refusal: 'too_many_links' });
		expect(await threadRow(id)).toMatchObject({ post_count: 2 });
		// a day later the limit is gone
		await ageAccount(newcomer.id);
		expect(
			await replyToThread(db, id, { body: 'リンク4つ', bodyHtml: htmlWithLinks(4) })
		).toMatchObject({
			ok: true
		});
	});

	it('a new account starts at most 3 threads a day (thread_rate)', async () => {
		const newcomer = await createTestUser('新しい人');
		const db = userClient(newcomer.id);
		const t = tag();
		const make = (n: number) =>
			createThread(db, {
				title: `${t} ${n}`,
				body: '本文',
				bodyHtml: html('本文'),
				areaId: null,
				organizationId: null,
				fieldIds: [],
				isQuestion: false
			});
		for (const n of [1, 2, 3]) expect(await make(n)).toMatchObject({ ok: true });
		expect(await make(4)).toEqual({ ok: false, refusal: 'thread_rate' });
		const written = await serviceClient().from('threads').select('title').like('title', `${t}%`);
		expect(written.data).toHaveLength(3);
		// commenting on an event is not starting a thread
		const event = await createEvent(alice.id);
		expect(await getOrCreateEventThread(db, event.id)).toMatchObject({ ok: true });
		await ageAccount(newcomer.id);
		expect(await make(4)).toMatchObject({ ok: true });
	});
});

describe('the thread list', () => {
	it('filters by area, field, organization, unanswered and Japanese substrings, newest activity first', async () => {
		const t = tag();
		const [tokiwadaira, kogane, children, elderly] = await Promise.all([
			seedId('areas', 'tokiwadaira'),
			seedId('areas', 'kogane'),
			seedId('fields', 'children'),
			seedId('fields', 'elderly')
		]);
		const org = '10000000-0000-4000-8000-000000000001';
		const shokudo = await startThread(alice.id, {
			title: `${t} 子ども食堂のボランティア`,
			areaId: tokiwadaira,
			fieldIds: [children],
			organizationId: org
		});
		const salon = await startThread(bob.id, {
			title: `${t} 高齢者サロンの相談`,
			body: 'ショクドウではありません',
			areaId: kogane,
			fieldIds: [elderly]
		});
		const plain = await startThread(carol.id, { title: `${t} 雑談` });
		const ids = async (f: Parameters<typeof listThreads>[1]) =>
			(await listThreads(anonClient(), { q: t, ...f })).threads.map((x) => x.id);

		// newest activity first: a reply moves the oldest thread to the top
		expect(await ids({})).toEqual([plain, salon, shokudo]);
		await reply(carol, shokudo);
		expect(await ids({})).toEqual([shokudo, plain, salon]);

		expect(await ids({ areaId: tokiwadaira })).toEqual([shokudo]);
		expect(await ids({ areaId: kogane })).toEqual([salon]);
		expect(await ids({ fieldId: elderly })).toEqual([salon]);
		expect(await ids({ organizationId: org })).toEqual([shokudo]);
		expect(await ids({ unanswered: true })).toEqual([plain, salon]);

		// 食堂 finds 子ども食堂; katakana in the first post is found by its hiragana
		const food = await listThreads(anonClient(), { q: '食堂' });
		expect(food.threads.map((x) => x.id)).toContain(shokudo);
		expect(food.threads.map((x) => x.id)).not.toContain(plain);
		expect(
			(await listThreads(anonClient(), { q: 'しょくどう' })).threads.map((x) => x.id)
		).toContain(salon);
		const { threads, total, totalCapped } = await listThreads(anonClient(), { q: t });
		expect(total).toBe(3);
		expect(totalCapped).toBe(false);

		// a card names its author and carries area, organization and fields
		const card = threads.find((x) => x.id === shokudo);
		expect(card).toMatchObject({
			author: { id: alice.id, displayName: '話題 アリス' },
			area: { slug: 'tokiwadaira' },
			organization: { id: org },
			replyCount: 1,
			event: null
		});
		expect(card?.fields.map((f) => f.slug)).toEqual(['children']);

		// area and organization pages: the latest ones
		const latest = await latestThreads(anonClient(), { organizationId: org }, 5);
		expect(latest[0].id).toBe(shokudo);

		// a hidden thread leaves the list, for everybody
		await hideThread(coordinator(), plain, 'テスト');
		expect(await ids({})).toEqual([shokudo, salon]);
		expect((await listThreads(coordinator(), { q: t })).threads.map((x) => x.id)).toEqual([
			shokudo,
			salon
		]);
	});

	it('pages 20 at a time', async () => {
		const t = tag();
		const writers = await Promise.all(
			Array.from({ length: 7 }, (_, i) => createTestUser(`頁 ${i}`))
		);
		await Promise.all(writers.map((w) => ageAccount(w.id)));
		for (const w of writers)
			for (let i = 0; i < 3; i++) await startThread(w.id, { title: `${t} ${i}` });
		const first = await listThreads(anonClient(), { q: t }, 1);
		const second = await listThreads(anonClient(), { q: t }, 2);
		expect(first.total).toBe(21);
		expect(first.threads).toHaveLength(20);
		expect(second.threads).toHaveLength(1);
		expect(new Set([...first.threads, ...second.threads].map((x) => x.id)).size).toBe(21);
	});
});

describe('follows and notifications', () => {
	it('a reply tells the followers but not its writer; a mention tells the participant instead', async () => {
		const id = await startThread(alice.id);
		const b = await reply(bob, id, 'ボブです');
		expect(await threadNotices(alice.id, id)).toEqual([
			{ kind: 'thread_reply', post_id: b.ok ? b.id : '', detail: null }
		]);
		expect(await threadNotices(bob.id, id)).toEqual([]);

		// a mention of a participant (alice) and of somebody who has not written here (carol is kept out)
		const outsider = await createTestUser('部外者');
		const c = await reply(carol, id, '@話題 アリス さん、@部外者 さん', {
			mentionedIds: [alice.id, outsider.id, carol.id]
		});
		const cId = c.ok ? c.id : '';
		const { data: stored } = await serviceClient()
			.from('posts')
			.select('mentioned_ids')
			.eq('id', cId)
			.single();
		expect(stored?.mentioned_ids).toEqual([alice.id]);
		expect((await threadNotices(alice.id, id)).slice(-1)).toEqual([
			{ kind: 'mention', post_id: cId, detail: null }
		]);
		expect((await threadNotices(bob.id, id)).slice(-1)).toEqual([
			{ kind: 'thread_reply', post_id: cId, detail: null }
		]);
		expect(await threadNotices(outsider.id, id)).toEqual([]);
		expect((await threadParticipants(anonClient(), id)).map((p) => p.id).sort()).toEqual(
			[alice.id, bob.id, carol.id].sort()
		);
	});

	it('stop following sticks, even after writing again; following again works', async () => {
		const id = await startThread(alice.id);
		expect((await getThread(userClient(alice.id), id, alice.id))?.following).toBe(true);
		expect(await setFollowing(userClient(alice.id), id, false)).toEqual({ ok: true });
		await reply(bob, id);
		await reply(alice, id, '自分で書いても');
		await reply(bob, id, 'もう一度');
		expect(await threadNotices(alice.id, id)).toEqual([]);
		expect((await getThread(userClient(alice.id), id, alice.id))?.following).toBe(false);

		// a reader who never wrote follows it
		expect(await setFollowing(userClient(carol.id), id, true)).toEqual({ ok: true });
		const last = await reply(bob, id, 'キャロルへ');
		expect(await threadNotices(carol.id, id)).toEqual([
			{ kind: 'thread_reply', post_id: last.ok ? last.id : '', detail: null }
		]);
		// a hidden thread cannot be followed by others
		await hideThread(coordinator(), id, 'テスト');
		expect(await setFollowing(userClient(DEMO_IDS.member), id, true)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
	});

	it('the notification list links a reply to its page', async () => {
		const id = await startThread(alice.id);
		await writePosts(id, carol.id, 60);
		const r = await reply(bob, id, '61件目の次');
		const { items } = await listNotifications(
			userClient(alice.id),
			alice.id,
			1,
			NOTIFICATION_KINDS
		);
		const notice = items.find((n) => n.postId === (r.ok ? r.id : ''));
		expect(notice).toMatchObject({
			kind: 'thread_reply',
			threadId: id,
			postPosition: 62,
			postPage: 2
		});
		expect(notice?.threadTitle).toMatch(/の話題$/);
		// the default stays what /notifications showed before: events and organizations
		const events = await listNotifications(userClient(alice.id), alice.id, 1);
		expect(events.items.every((n) => n.threadId === null)).toBe(true);
	});
});

describe("an event's comment thread", () => {
	it('is made at the first comment, once; the organiser follows it and the hosts get the 主催者 badge', async () => {
		const event = await createEvent(alice.id, { title: `${tag()} 防災訓練` });
		expect(await readItemComments(anonClient(), { eventId: event.id }, noPosts)).toBeNull();
		const [a, b] = await Promise.all([
			getOrCreateEventThread(userClient(bob.id), event.id),
			getOrCreateEventThread(userClient(carol.id), event.id)
		]);
		expect(a.ok && b.ok && a.id === b.id).toBe(true);
		const threadId = a.ok ? a.id : '';
		expect((await readItemComments(anonClient(), { eventId: event.id }, noPosts))?.thread.id).toBe(
			threadId
		);

		const question = await reply(bob, threadId, '駐車場はありますか？');
		const answer = await reply(alice, threadId, 'ありません。公共交通機関でお越しください。');
		expect(await threadNotices(alice.id, threadId)).toEqual([
			{ kind: 'thread_reply', post_id: question.ok ? question.id : '', detail: null }
		]);
		expect(await threadNotices(bob.id, threadId)).toEqual([
			{ kind: 'thread_reply', post_id: answer.ok ? answer.id : '', detail: null }
		]);
		const thread = await getThread(anonClient(), threadId, null);
		expect(thread).toMatchObject({ event: { id: event.id }, author: { id: alice.id } });
		expect(thread?.title).toMatch(/防災訓練$/);
		// the 主催者 badge: the organiser among the page's writers, not the one who asked; and
		// only among the writers shown (the last post alone: the one who asked, thanking)
		await reply(bob, threadId, 'ありがとうございます。');
		const page = await readThreadPage(anonClient(), threadId, 1, { mentions: 0 });
		expect(page.posts.map((p) => p.authorId)).toEqual([bob.id, alice.id, bob.id]);
		expect([...page.hosts]).toEqual([alice.id]);
		const last = await readThreadPage(anonClient(), threadId, 1, { last: 1, mentions: 0 });
		expect(last.posts.map((p) => p.authorId)).toEqual([bob.id]);
		expect([...last.hosts]).toEqual([]);

		// a retitled event retitles its thread
		const { error } = await serviceClient()
			.from('events')
			.update({ title: '防災訓練（改）' })
			.eq('id', event.id);
		expect(error).toBeNull();
		expect((await getThread(anonClient(), threadId, null))?.title).toBe('防災訓練（改）');
	});

	it('is not made for a draft, nor for an event the person cannot see; anon cannot make one', async () => {
		const draft = await createEvent(alice.id, { status: 'draft' });
		expect(await getOrCreateEventThread(userClient(bob.id), draft.id)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await getOrCreateEventThread(userClient(alice.id), draft.id)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		const published = await createEvent(alice.id);
		const anon = await anonClient().rpc('event_thread', { p_event: published.id });
		expect(anon.error).not.toBeNull();
		// made, then the event goes back to draft: its thread hides with it
		const made = await getOrCreateEventThread(userClient(bob.id), published.id);
		const threadId = made.ok ? made.id : '';
		await reply(bob, threadId);
		await serviceClient().from('events').update({ status: 'draft' }).eq('id', published.id);
		expect(await getThread(userClient(bob.id), threadId, bob.id)).toBeNull();
		expect(await pagePosts(anonClient(), threadId, 1)).toEqual([]);
		expect(await readItemComments(userClient(bob.id), { eventId: published.id }, opts)).toBeNull();
		expect(await reply(bob, threadId)).toEqual({ ok: false, refusal: 'gone' });
	});

	const opts = { last: 2, mentions: 10 };

	it('is read with its last posts in one call, as each reader may see it', async () => {
		const event = await createEvent(alice.id, { title: `${tag()} 読書会` });
		expect(await readItemComments(anonClient(), { eventId: event.id }, opts)).toBeNull();
		const made = await getOrCreateEventThread(userClient(bob.id), event.id);
		const threadId = made.ok ? made.id : '';
		for (const text of ['一つ目', '二つ目', '三つ目']) await reply(bob, threadId, text);
		await reply(alice, threadId, '主催者です');

		// a visitor: the thread, its last two posts, nobody to mention, no フォロー
		const seen = await readItemComments(
			anonClient(),
			{ eventId: event.id },
			{ ...opts, mentions: 0 }
		);
		expect(seen?.thread).toMatchObject({ id: threadId, postCount: 4, following: null });
		expect(seen?.page.posts.map((p) => p.position)).toEqual([3, 4]);
		expect([...(seen?.page.hosts ?? [])]).toEqual([alice.id]);
		expect(seen?.page.mentions).toEqual([]);
		// the organiser follows it; Bob reads Alice to mention, never himself
		const alices = await readItemComments(userClient(alice.id), { eventId: event.id }, opts);
		expect(alices?.thread.following).toBe(true);
		const bobs = await readItemComments(userClient(bob.id), { eventId: event.id }, opts);
		expect(bobs?.page.mentions.map((p) => p.id)).toEqual([alice.id]);
		expect(bobs?.page.mentionCount).toBe(1);

		// hidden: gone for visitors and Bob, still there for coordinators
		expect(await hideThread(coordinator(), threadId, '確認のため')).toEqual({ ok: true });
		expect(await readItemComments(anonClient(), { eventId: event.id }, opts)).toBeNull();
		expect(await readItemComments(userClient(bob.id), { eventId: event.id }, opts)).toBeNull();
		const coordinators = await readItemComments(coordinator(), { eventId: event.id }, opts);
		expect(coordinators?.thread.hiddenAt).not.toBeNull();
		expect(coordinators?.page.posts).toHaveLength(2);
	});

	it("reads only a page's last posts when asked for them, each as the reader may see it", async () => {
		// an item's page shows the last posts of its thread's last page (thread_posts' p_last)
		const id = await startThread(alice.id, { title: `${tag()} 長い話題` });
		await writePosts(id, bob.id, 52); // positions 2–53: the second page holds 51, 52 and 53
		await serviceClient()
			.from('posts')
			.update({ hidden_at: new Date().toISOString(), hidden_reason: '確認のため' })
			.eq('thread_id', id)
			.eq('position', 52);
		const read = (page: number, last?: number) =>
			readThreadPage(anonClient(), id, page, { last, mentions: 0 });
		const shown = (p: Awaited<ReturnType<typeof read>>) =>
			p.posts.map((x) => [x.position, x.state, x.body]);
		expect(shown(await read(2, 2))).toEqual([
			[52, 'hidden', null],
			[53, 'visible', '投稿 52']
		]);
		expect(shown(await read(2, 5))).toEqual(shown(await read(2)));
		expect((await read(2, 5)).posts.map((x) => x.position)).toEqual([51, 52, 53]);
		expect((await read(2, 0)).posts).toEqual([]);
		expect((await read(1, 3)).posts.map((x) => x.position)).toEqual([48, 49, 50]);
		expect((await read(3, 3)).posts).toEqual([]);
		// the hidden post's writer reads its text; nobody else
		const bobs = await readThreadPage(userClient(bob.id), id, 2, { last: 2, mentions: 0 });
		expect(bobs.posts.map((x) => x.body)).toEqual(['投稿 51', '投稿 52']);
	});
});

describe('解決 (a question answered)', () => {
	it("is marked by the question's author or a coordinator, on a reply that shows", async () => {
		const id = await startThread(alice.id, { isQuestion: true, title: `${tag()} 質問` });
		const r = await reply(bob, id, '答えです');
		const replyId = r.ok ? r.id : '';
		const [first] = await pagePosts(anonClient(), id, 1);
		expect(await markSolved(userClient(bob.id), id, replyId)).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		expect(await markSolved(userClient(alice.id), id, first.id)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await markSolved(userClient(alice.id), id, replyId)).toEqual({ ok: true });
		expect((await getThread(anonClient(), id, null))?.solvedPostId).toBe(replyId);
		expect(await markSolved(coordinator(), id, null)).toEqual({ ok: true });
		expect((await getThread(anonClient(), id, null))?.solved).toBe(false);
		// not for a thread that is not a question
		const talk = await startThread(alice.id);
		const t = await reply(bob, talk);
		expect(await markSolved(userClient(alice.id), talk, t.ok ? t.id : '')).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		// and nobody sets it by hand
		const forged = await userClient(alice.id)
			.from('threads')
			.update({ solved_post_id: replyId, locked_at: null })
			.eq('id', id)
			.select('id');
		expect(forged.error?.code).toBe('42501');
	});
});

describe('an organization that is not visible', () => {
	it('cannot be given to a thread', async () => {
		const { data: org } = await serviceClient()
			.from('organizations')
			.insert({
				slug: `hidden-${randomBytes(4).toString('hex')}`,
				name: '非表示の団体',
				kind: 'npo',
				hidden_at: new Date().toISOString()
			})
			.select('id')
			.single();
		const result = await userClient(bob.id).rpc('create_thread', {
			p_title: tag(),
			p_body: '本文',
			p_body_html: html('本文'),
			p_organization: org?.id
		});
		expect(result.error?.code).toBe('42501');
	});
});
