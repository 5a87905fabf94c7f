// The reading side of practices through PostgREST with real tokens: a
// practice's comment thread (made at the first comment, shown only with its
// practice), 「うちでもやってみたい」 (inspire_thread: the thread, its first
// post, the notices, the refusals), the reads of db/practice-pages.ts and the
// home page's reads (featured practices, active threads, the events in one query).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { homeEventSeries, searchEventSeries } from '$lib/server/db/events';
import {
	getOrCreatePracticeThread,
	inspireThread,
	nextDatesOf,
	threadsInspiredBy
} from '$lib/server/db/practice-pages';
import { getPractice, setFeaturedPractices } from '$lib/server/db/practices';
import { getThread, readItemComments } from '$lib/server/db/threads';
import { homeSections } from '$lib/server/db/home';
import { noPosts } from '../support/threads';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import {
	createPractice,
	createTestOrg,
	practiceInput,
	publishedPractice,
	storedImageHash
} from '../support/practices';

type User = { id: string; email: string };
let owner: User, editor: User, reader: User, other: User, coordinator: User;
let orgId: string;
let published: string;
let draft: string;
let areaId: string;
let fieldId: string;

const word = () => `読む${randomBytes(3).toString('hex')}`;

const inspireInput = (
	practiceId: string,
	over: Partial<Parameters<typeof inspireThread>[1]> = {}
) => ({
	practiceId,
	title: `うちでもやってみたい ${word()}`,
	body: `やってみたいです\n\n---\n\n[実践事例から](/practices/${practiceId})`,
	bodyHtml: `<p>やってみたいです</p><hr><p><a href="/practices/${practiceId}">実践事例から</a></p>`,
	areaId,
	fieldIds: [fieldId],
	...over
});

beforeAll(async () => {
	[owner, editor, reader, other, coordinator] = await Promise.all([
		createTestUser('代表 さん'),
		createTestUser('編集 さん'),
		createTestUser('読者 さん'),
		createTestUser('別の人 さん'),
		createTestUser('コーディ さん')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	orgId = await createTestOrg(owner.id, [editor.id]);
	const [{ data: area }, { data: field }] = await Promise.all([
		serviceClient().from('areas').select('id').eq('slug', 'kogane').single(),
		serviceClient().from('fields').select('id').eq('slug', 'elderly').single()
	]);
	areaId = area!.id;
	fieldId = field!.id;
	published = await publishedPractice(
		editor.id,
		coordinator.id,
		practiceInput(orgId, { title: `公開の事例 ${word()}`, areaIds: [areaId], fieldIds: [fieldId] })
	);
	draft = await createPractice(editor.id, practiceInput(orgId, { title: `下書き ${word()}` }));
});

describe("a practice's comment thread", () => {
	it('is made at the first comment with the practice title, area, organization and fields, once', async () => {
		expect(await readItemComments(anonClient(), { practiceId: published }, noPosts)).toBeNull();
		const first = await getOrCreatePracticeThread(userClient(reader.id), published);
		const again = await getOrCreatePracticeThread(userClient(other.id), published);
		expect(first.ok && again.ok).toBe(true);
		if (!first.ok || !again.ok) return;
		expect(again.id).toBe(first.id);
		expect(
			(await readItemComments(anonClient(), { practiceId: published }, noPosts))?.thread.id
		).toBe(first.id);
		const { data } = await serviceClient()
			.from('threads')
			.select('title, author_id, area_id, organization_id, practice_id, thread_fields(field_id)')
			.eq('id', first.id)
			.single();
		const practice = await getPractice(serviceClient(), published);
		expect(data).toMatchObject({
			title: practice!.title,
			author_id: editor.id,
			area_id: areaId,
			organization_id: orgId,
			practice_id: published,
			thread_fields: [{ field_id: fieldId }]
		});
		// the practice's author follows it; a comment's writer gets the usual follow
		const { data: follows } = await serviceClient()
			.from('thread_follows')
			.select('user_id')
			.eq('thread_id', first.id);
		expect(follows!.map((f) => f.user_id)).toContain(editor.id);
		// its page reads the practice with the thread (one request), for a visitor and a follower
		const links = { commentsOf: { id: published, title: practice!.title }, inspiredBy: null };
		expect((await getThread(anonClient(), first.id, null))?.practices).toEqual(links);
		const followed = await getThread(userClient(editor.id), first.id, editor.id);
		expect(followed).toMatchObject({ following: true, practices: links });
	});

	it('follows the practice title when it changes', async () => {
		const made = await getOrCreatePracticeThread(userClient(reader.id), published);
		if (!made.ok) throw new Error(made.refusal);
		const title = `改題 ${word()}`;
		await serviceClient().from('practices').update({ title }).eq('id', published);
		const { data } = await serviceClient()
			.from('threads')
			.select('title')
			.eq('id', made.id)
			.single();
		expect(data!.title).toBe(title);
	});

	it('is refused for a draft (even to its editors), to anon, and for no practice', async () => {
		expect(await getOrCreatePracticeThread(userClient(editor.id), draft)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await getOrCreatePracticeThread(userClient(reader.id), draft)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		const anon = await anonClient().rpc('practice_thread', { p_practice: published });
		expect(anon.error?.code).toBe('42501');
		expect(await getOrCreatePracticeThread(userClient(reader.id), crypto.randomUUID())).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		const { count } = await serviceClient()
			.from('threads')
			.select('*', { count: 'exact', head: true })
			.eq('practice_id', draft);
		expect(count).toBe(0);
	});

	it('shows only with its practice: a thread of a practice one cannot see is hidden', async () => {
		// (a practice's thread is made only once published; one made by the service
		// role on a draft stands for a practice that stopped being visible)
		const { data: made, error } = await serviceClient()
			.from('threads')
			.insert({ title: '下書きの話題', author_id: editor.id, practice_id: draft })
			.select('id')
			.single();
		expect(error).toBeNull();
		await serviceClient().from('posts').insert({
			thread_id: made!.id,
			author_id: editor.id,
			body: '最初',
			body_html: '<p>最初</p>'
		});
		const seen = async (userId: string | null) => {
			const db = userId ? userClient(userId) : anonClient();
			const { data } = await db.from('threads').select('id').eq('id', made!.id);
			return data?.length ?? 0;
		};
		expect(await seen(null)).toBe(0);
		expect(await seen(reader.id)).toBe(0);
		expect(await seen(editor.id)).toBe(1);
		expect(await seen(coordinator.id)).toBe(1);
		// nor can anyone write in it who cannot see it
		const post = await userClient(reader.id)
			.from('posts')
			.insert({ thread_id: made!.id, body: 'こんにちは', body_html: '<p>こんにちは</p>' });
		expect(post.error).not.toBeNull();
		// the definer functions see it the same way (thread_posts)
		const posts = async (userId: string) => {
			const { data } = await userClient(userId).rpc('thread_posts', {
				p_thread: made!.id,
				p_page: 1
			});
			return data ?? [];
		};
		expect(await posts(reader.id)).toHaveLength(0);
		expect(await posts(editor.id)).toHaveLength(1);
		await serviceClient().from('threads').delete().eq('id', made!.id);
	});
});

describe('うちでもやってみたい (inspire_thread)', () => {
	it('opens a thread in the area with the fields, linked to the practice, and notifies the editors and owners', async () => {
		const input = inspireInput(published);
		const result = await inspireThread(userClient(reader.id), input);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { data: thread } = await serviceClient()
			.from('threads')
			.select(
				'title, author_id, area_id, inspired_by_practice_id, practice_id, thread_fields(field_id), posts!posts_thread_id_fkey(position, author_id, body, body_html)'
			)
			.eq('id', result.id)
			.single();
		expect(thread).toMatchObject({
			title: input.title,
			author_id: reader.id,
			area_id: areaId,
			inspired_by_practice_id: published,
			practice_id: null,
			thread_fields: [{ field_id: fieldId }],
			posts: [{ position: 1, author_id: reader.id, body: input.body, body_html: input.bodyHtml }]
		});
		const { data: notices } = await serviceClient()
			.from('notifications')
			.select('user_id, kind, thread_id, practice_id')
			.eq('thread_id', result.id)
			.eq('kind', 'practice_inspired');
		expect(new Set(notices!.map((n) => n.user_id))).toEqual(new Set([owner.id, editor.id]));
		for (const n of notices!)
			expect(n).toMatchObject({ thread_id: result.id, practice_id: published });
		// the practice page lists it; the thread page links back
		const inspired = await threadsInspiredBy(anonClient(), published);
		expect(inspired.map((t) => t.id)).toContain(result.id);
		expect(inspired.find((t) => t.id === result.id)?.area?.id).toBe(areaId);
		const links = (await getThread(anonClient(), result.id, null))?.practices;
		expect(links?.inspiredBy?.id).toBe(published);
		expect(links?.commentsOf).toBeNull();
	});

	it('does not notify an editor about their own thread, and works without an area', async () => {
		const result = await inspireThread(
			userClient(editor.id),
			inspireInput(published, { areaId: null, fieldIds: [] })
		);
		if (!result.ok) throw new Error(result.refusal);
		const { data: notices } = await serviceClient()
			.from('notifications')
			.select('user_id')
			.eq('thread_id', result.id);
		expect(notices!.map((n) => n.user_id)).toEqual([owner.id]);
		const { data } = await serviceClient()
			.from('threads')
			.select('area_id')
			.eq('id', result.id)
			.single();
		expect(data!.area_id).toBeNull();
	});

	it('is refused to anon, for a draft, for bad input and unknown areas, writing nothing', async () => {
		const before = await serviceClient()
			.from('threads')
			.select('*', { count: 'exact', head: true })
			.not('inspired_by_practice_id', 'is', null);
		// anon has no execute privilege at all
		const raw = await anonClient().rpc('inspire_thread', {
			p_practice: published,
			p_title: 'x',
			p_body: 'x',
			p_body_html: '<p>x</p>'
		});
		expect(raw.error?.code).toBe('42501');
		expect(await inspireThread(userClient(reader.id), inspireInput(draft))).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		// even the draft's own editor: only published practices are tried elsewhere
		expect(await inspireThread(userClient(editor.id), inspireInput(draft))).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(
			await inspireThread(userClient(reader.id), inspireInput(published, { title: '　 ' }))
		).toEqual({ ok: false, refusal: 'bad_length' });
		expect(
			await inspireThread(userClient(reader.id), inspireInput(published, { body: ' ' }))
		).toEqual({ ok: false, refusal: 'bad_length' });
		expect(
			await inspireThread(
				userClient(reader.id),
				inspireInput(published, { areaId: crypto.randomUUID() })
			)
		).toEqual({ ok: false, refusal: 'not_found' });
		expect(
			await inspireThread(
				userClient(reader.id),
				inspireInput(published, { fieldIds: [crypto.randomUUID()] })
			)
		).toEqual({ ok: false, refusal: 'not_found' });
		const after = await serviceClient()
			.from('threads')
			.select('*', { count: 'exact', head: true })
			.not('inspired_by_practice_id', 'is', null);
		expect(after.count).toBe(before.count);
	});

	it('is refused to unconfirmed and suspended members', async () => {
		const fresh = await createTestUser('未確認 さん', { verified: false });
		expect(await inspireThread(userClient(fresh.id), inspireInput(published))).toEqual({
			ok: false,
			refusal: 'unverified'
		});
		const suspended = await createTestUser('停止中 さん');
		await serviceClient()
			.from('suspensions')
			.insert({ user_id: suspended.id, reason: 'テスト', created_by: coordinator.id });
		expect(await inspireThread(userClient(suspended.id), inspireInput(published))).toEqual({
			ok: false,
			refusal: 'suspended'
		});
	});

	it('a member cannot set inspired_by_practice_id or practice_id on any thread themselves', async () => {
		const own = await userClient(other.id).rpc('create_thread', {
			p_title: `自分の話題 ${word()}`,
			p_body: '本文',
			p_body_html: '<p>本文</p>'
		});
		expect(own.error).toBeNull();
		const result = await inspireThread(userClient(reader.id), inspireInput(published));
		if (!result.ok) throw new Error(result.refusal);
		for (const id of [own.data!, result.id]) {
			const update = await userClient(other.id)
				.from('threads')
				.update({ inspired_by_practice_id: published })
				.eq('id', id)
				.select('id');
			expect(update.error?.code).toBe('42501');
			const moved = await userClient(other.id)
				.from('threads')
				.update({ practice_id: published })
				.eq('id', id)
				.select('id');
			expect(moved.error?.code).toBe('42501');
		}
		const insert = await userClient(other.id)
			.from('threads')
			.insert({ title: 'なりすまし', inspired_by_practice_id: published })
			.select('id');
		expect(insert.error?.code).toBe('42501');
		const { data } = await serviceClient()
			.from('threads')
			.select('inspired_by_practice_id')
			.eq('id', own.data!)
			.single();
		expect(data!.inspired_by_practice_id).toBeNull();
	});
});

describe('reads of the practice page and the home page', () => {
	it('drafts are not readable by anon, other members or their comment thread lookup', async () => {
		expect(await getPractice(anonClient(), draft)).toBeNull();
		expect(await getPractice(userClient(reader.id), draft)).toBeNull();
		expect((await getPractice(userClient(editor.id), draft))?.status).toBe('draft');
		expect((await getPractice(userClient(coordinator.id), draft))?.status).toBe('draft');
		expect(await threadsInspiredBy(anonClient(), draft)).toEqual([]);
	});

	it('nextDatesOf gives each linked event its next date, none for past events', async () => {
		const day = 86400_000;
		const past = await createEvent(owner.id, {
			organizationId: orgId,
			startsAt: new Date(Date.now() - 10 * day)
		});
		const series = await createEvent(owner.id, {
			organizationId: orgId,
			startsAt: new Date(Date.now() - 8 * day),
			repeat: 'weekly',
			count: 4
		});
		const next = await nextDatesOf(anonClient(), [past.id, series.id]);
		expect(next.has(past.id)).toBe(false);
		const { data: dates } = await serviceClient()
			.from('event_occurrences')
			.select('starts_at')
			.eq('event_id', series.id)
			.gt('ends_at', new Date().toISOString())
			.order('starts_at')
			.limit(1);
		expect(new Date(next.get(series.id)!.startsAt).getTime()).toBe(
			new Date(dates![0].starts_at).getTime()
		);
	});

	it('homeSections: the featured set in order, the cover alone, areas as ids', async () => {
		const cover = await storedImageHash();
		const second = await storedImageHash();
		const withPhotos = await publishedPractice(
			editor.id,
			coordinator.id,
			practiceInput(orgId, {
				title: `写真つき ${word()}`,
				areaIds: [areaId],
				photos: [
					{ hash: cover, alt: '表紙の写真' },
					{ hash: second, alt: '二枚目' }
				]
			})
		);
		const set = await setFeaturedPractices(userClient(coordinator.id), [withPhotos, published]);
		expect(set.ok).toBe(true);
		const featured = (await homeSections(anonClient())).practices;
		expect(featured.map((p) => p.id)).toEqual([withPhotos, published]);
		expect(featured[0]).toMatchObject({
			cover: { hash: cover, width: 1200, height: 800, alt: '表紙の写真' },
			areaIds: [areaId]
		});
		expect(featured[1].cover).toBeNull();
		await setFeaturedPractices(userClient(coordinator.id), []);
	});

	it('homeSections: the threads with the newest activity first, without hidden threads', async () => {
		const made = await userClient(other.id).rpc('create_thread', {
			p_title: `いちばん新しい ${word()}`,
			p_body: '本文',
			p_body_html: '<p>本文</p>',
			p_area: areaId
		});
		const active = async () => (await homeSections(anonClient())).threads;
		const threads = await active();
		expect(threads).toHaveLength(4);
		expect(threads[0]).toMatchObject({ id: made.data, areaId });
		const times = threads.map((t) => t.lastPostedAt);
		expect([...times].sort().reverse()).toEqual(times);
		await serviceClient()
			.from('threads')
			.update({ hidden_at: new Date().toISOString() })
			.eq('id', made.data!);
		expect((await active()).map((t) => t.id)).not.toContain(made.data);
	});

	it('homeEventSeries gives the same cards as searchEventSeries, in one query', async () => {
		const day = 86400_000;
		const title = `毎週 ${word()}`;
		await createEvent(owner.id, {
			title,
			startsAt: new Date(Date.now() + 1 * day),
			repeat: 'weekly',
			count: 5,
			contactPhone: '047-000-1234'
		});
		const now = new Date();
		const [home, search] = await Promise.all([
			homeEventSeries(anonClient(), now, 6),
			searchEventSeries(anonClient(), { from: now }, { offset: 0, limit: 6 }, { count: false })
		]);
		expect(home.map((c) => [c.id, c.series.further])).toEqual(
			search.cards.map((c) => [c.id, c.series.further])
		);
		expect(home).toEqual(search.cards);
		// a card says 電話でも申し込めます with the organiser's number
		const found = await searchEventSeries(
			anonClient(),
			{ from: now, q: title },
			{ offset: 0, limit: 1 },
			{ count: false }
		);
		expect(found.cards[0].event.contactPhone).toBe('047-000-1234');
	});
});
