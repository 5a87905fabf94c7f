// The names a thread page shows, read with the rows that show them (migration
// 20261219000000_thread_posts_quote_author): a thread card names its author, a
// page of posts names the author of each quoted post while that post shows.
// Before, each took requests of their own after the read.
import { beforeAll, describe, expect, it } from 'vitest';
import { deletePost, replyToThread } from '$lib/server/db/posts';
import { hidePost } from '$lib/server/db/moderation';
import { getThread, listThreads } from '$lib/server/db/threads';
import { anonClient, createTestUser, DEMO_IDS, userClient } from '../support/db';
import { ageAccount, html, pagePosts, startThread, tag } from '../support/threads';

type User = { id: string; email: string };
let opener: User, quoted: User, replier: User;

beforeAll(async () => {
	[opener, quoted, replier] = await Promise.all([
		createTestUser('名前 立てた人'),
		createTestUser('名前 引用される人'),
		createTestUser('名前 返信する人')
	]);
	await Promise.all([opener, quoted, replier].map((u) => ageAccount(u.id)));
});

const reply = async (user: User, threadId: string, body: string, quoteOf?: string) => {
	const r = await replyToThread(userClient(user.id), threadId, {
		body,
		bodyHtml: html(body),
		quoteOf: quoteOf ?? null
	});
	if (!r.ok) throw new Error(`reply refused: ${r.refusal}`);
	return r.id;
};

describe('names in the reads of a thread', () => {
	it('a card names the author of a thread that shows, in the list and on its page', async () => {
		const word = tag();
		const threadId = await startThread(opener.id, { title: `${word} の名前` });
		for (const db of [anonClient(), userClient(replier.id)]) {
			const thread = await getThread(db, threadId, null);
			expect(thread?.author).toEqual({ id: opener.id, displayName: '名前 立てた人' });
			const { threads } = await listThreads(db, { q: word });
			expect(threads.map((t) => t.author?.displayName)).toEqual(['名前 立てた人']);
		}
	});

	it('a quote names the quoted author while the quoted post shows, to nobody once it went', async () => {
		const threadId = await startThread(opener.id, { title: `${tag()} 引用` });
		const first = await reply(quoted, threadId, '引用される投稿');
		const second = await reply(quoted, threadId, '消される投稿');
		await reply(replier, threadId, '一つ目への返信', first);
		await reply(replier, threadId, '二つ目への返信', second);
		await reply(replier, threadId, '引用なし');

		const page = await pagePosts(anonClient(), threadId, 1);
		const replies = page.filter((p) => p.authorId === replier.id);
		expect(replies.map((p) => [p.quotePosition, p.quoteAuthor])).toEqual([
			[2, '名前 引用される人'],
			[3, '名前 引用される人'],
			[null, null]
		]);

		// the first quoted post hidden by a coordinator, the second deleted by its author:
		// the quotes keep their links, and name nobody, for a visitor and a coordinator
		expect(await hidePost(userClient(DEMO_IDS.coordinator), first, '宣伝')).toEqual({ ok: true });
		expect(await deletePost(userClient(quoted.id), second)).toEqual({ ok: true });
		for (const db of [anonClient(), userClient(DEMO_IDS.coordinator)]) {
			const page = await pagePosts(db, threadId, 1);
			const replies = page.filter((p) => p.state === 'visible' && p.quoteOf !== null);
			expect(replies.map((p) => [p.quotePosition, p.quoteAuthor])).toEqual([
				[2, null],
				[3, null]
			]);
		}
	});
});
