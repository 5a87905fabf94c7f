// The @mention hint under the reply form: a long thread has hundreds of
// participants, and the hint names at most MENTION_HINT_MAX of them, the latest
// writers first (by their latest post), then 「ほか◯人」.
import { describe, expect, it } from 'vitest';
import { readThreadPage, replyToThread } from '$lib/server/db/posts';
import { getThread } from '$lib/server/db/threads';
import { loadPostsPage, MENTION_HINT_MAX } from '$lib/server/threads/view';
import { createTestUser, userClient } from '../support/db';

describe('the @mention hint', () => {
	it('names the latest writers first, at most ten, and counts the others', async () => {
		const author = await createTestUser('ヒント 作者');
		const { data: id, error } = await userClient(author.id).rpc('create_thread', {
			p_title: `参加者の多い話題${Date.now()}`,
			p_body: '最初の投稿です。',
			p_body_html: '<p>最初の投稿です。</p>',
			p_field_ids: []
		});
		expect(error).toBeNull();
		// 13 people reply, one after the other (by name they sort the other way round)
		const repliers = [];
		for (let i = 0; i < 13; i++) {
			const user = await createTestUser(`ヒント ${String.fromCharCode(0x30a2 + i)}${i}`);
			const posted = await replyToThread(userClient(user.id), id!, {
				body: `返信${i}`,
				bodyHtml: `<p>返信${i}</p>`
			});
			expect(posted.ok).toBe(true);
			repliers.push(user);
		}
		const reader = repliers[0];
		const db = userClient(reader.id);
		const thread = await getThread(db, id!, reader.id);
		const shown = await loadPostsPage(db, thread!, 1, { id: reader.id, role: 'member' }, false, {
			participants: true
		});
		// 14 participants, the reader left out: 10 named, 3 more
		expect(shown.participants).toHaveLength(MENTION_HINT_MAX);
		expect(shown.moreParticipants).toBe(3);
		// the latest writers first
		expect(shown.participants.map((p) => p.id)).toEqual(
			[...repliers.slice(1)]
				.reverse()
				.slice(0, MENTION_HINT_MAX)
				.map((u) => u.id)
		);
		expect(shown.participants.map((p) => p.id)).not.toContain(reader.id);

		// the others' posts allow the reader the same, and share one object (the page's
		// data names it once); the reader's own post allows more
		const others = shown.posts.filter((p) => p.authorId !== reader.id);
		expect(others.length).toBe(13);
		expect(new Set(others.map((p) => p.can)).size).toBe(1);
		const own = shown.posts.find((p) => p.authorId === reader.id)!;
		expect(own.can.edit).toBe(true);
		expect(own.can).not.toBe(others[0].can);

		// an item's page asks for its last posts (thread_page): their writers first, the same count
		const latest = await readThreadPage(db, id!, 1, { last: 3, mentions: MENTION_HINT_MAX });
		expect(latest.posts.map((p) => p.authorId)).toEqual(repliers.slice(-3).map((u) => u.id));
		expect(latest.mentions.slice(0, 3).map((p) => p.id)).toEqual(
			repliers
				.slice(-3)
				.reverse()
				.map((u) => u.id)
		);
		expect(latest.mentionCount).toBe(13);

		// nothing for someone who sees no reply form
		const none = await loadPostsPage(db, thread!, 1, { id: reader.id, role: 'member' }, false, {
			participants: false
		});
		expect(none.participants).toEqual([]);
		expect(none.moreParticipants).toBe(0);
	});
});
