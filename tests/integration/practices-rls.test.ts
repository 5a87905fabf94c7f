// Practices through PostgREST with real tokens: who sees drafts, who writes,
// each refusal of save_practice, and the workflow (submit, return with a
// comment, publish with its snapshot, edits after publication, the featured
// set), with the notices it writes.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	getPractice,
	listPractices,
	practicesChangedSincePublication,
	practicesOfOrganization,
	publishPractice,
	publishedPracticeChoices,
	returnPractice,
	savePractice,
	setFeaturedPractices,
	submitPractice,
	submittedPractices
} from '$lib/server/db/practices';
import { homeSections } from '$lib/server/db/home';
import { listNotifications, NOTIFICATION_KINDS } from '$lib/server/db/notifications';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import {
	createPractice,
	createTestOrg,
	practiceInput,
	practicePayload,
	publishedPractice,
	storedImageHash
} from '../support/practices';

type User = { id: string; email: string };
let owner: User, editor: User, plainMember: User, stranger: User, coordinator: User;
let orgId: string;
let otherOrgId: string;
let areaId: string;
let fieldId: string;

const word = () => `実践${randomBytes(3).toString('hex')}`;

async function status(id: string) {
	const { data, error } = await serviceClient()
		.from('practices')
		.select('status, review_comment, published_snapshot, featured_position, title')
		.eq('id', id)
		.single();
	if (error) throw new Error(error.message);
	return data;
}

async function notices(userId: string, practiceId: string) {
	const { data, error } = await serviceClient()
		.from('notifications')
		.select('kind, detail')
		.eq('user_id', userId)
		.eq('practice_id', practiceId)
		.order('created_at');
	if (error) throw new Error(error.message);
	return data;
}

async function countFor(org: string) {
	const { count, error } = await serviceClient()
		.from('practices')
		.select('*', { count: 'exact', head: true })
		.eq('lead_organization_id', org);
	if (error) throw new Error(error.message);
	return count ?? 0;
}

beforeAll(async () => {
	[owner, editor, plainMember, stranger, coordinator] = await Promise.all([
		createTestUser('代表 さん'),
		createTestUser('編集 さん'),
		createTestUser('会員 さん'),
		createTestUser('他人 さん'),
		createTestUser('コーディ さん')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	orgId = await createTestOrg(owner.id, [editor.id]);
	await serviceClient()
		.from('organization_members')
		.insert({ organization_id: orgId, user_id: plainMember.id, role: 'member' });
	otherOrgId = await createTestOrg(stranger.id, [], { kind: 'resident_group' });
	const [{ data: area }, { data: field }] = await Promise.all([
		serviceClient().from('areas').select('id').eq('slug', 'tokiwadaira').single(),
		serviceClient().from('fields').select('id').eq('slug', 'children').single()
	]);
	areaId = area!.id;
	fieldId = field!.id;
});

describe('who sees a practice', () => {
	it('a draft, submitted or returned practice shows only to its organization’s editors and coordinators', async () => {
		const hash = await storedImageHash();
		const id = await createPractice(
			editor.id,
			practiceInput(orgId, { photos: [{ hash, alt: '配膳する子どもたち' }] })
		);
		for (const step of ['draft', 'submitted', 'returned'] as const) {
			if (step === 'submitted')
				expect((await submitPractice(userClient(editor.id), id)).ok).toBe(true);
			if (step === 'returned')
				expect(
					(await returnPractice(userClient(coordinator.id), id, '写真を足してください')).ok
				).toBe(true);
			expect((await status(id)).status).toBe(step);
			for (const client of [anonClient(), userClient(stranger.id), userClient(plainMember.id)]) {
				const { data } = await client.from('practices').select('id').eq('id', id);
				expect(data).toEqual([]);
				const photos = await client.from('practice_photos').select('alt').eq('practice_id', id);
				expect(photos.data).toEqual([]);
				const figures = await client.from('practice_figures').select('label').eq('practice_id', id);
				expect(figures.data).toEqual([]);
				expect(await getPractice(client, id)).toBeNull();
			}
			for (const who of [editor, owner, coordinator]) {
				const p = await getPractice(userClient(who.id), id);
				expect(p?.status).toBe(step);
				expect(p?.photos.map((ph) => ph.alt)).toEqual(['配膳する子どもたち']);
			}
		}
	});

	it('a published practice and its children show to everyone, anon included', async () => {
		const hash = await storedImageHash();
		const id = await publishedPractice(
			editor.id,
			coordinator.id,
			practiceInput(orgId, {
				photos: [{ hash, alt: '表紙の写真' }],
				areaIds: [areaId],
				fieldIds: [fieldId],
				partners: [{ organizationId: otherOrgId }, { name: '地域包括支援センター' }]
			})
		);
		const p = await getPractice(anonClient(), id);
		expect(p).not.toBeNull();
		expect(p!.status).toBe('published');
		expect(p!.cover).toMatchObject({ hash, alt: '表紙の写真', width: 1200, height: 800 });
		expect(p!.figures).toEqual([{ label: '参加者', value: 40, unit: '人/月' }]);
		expect(p!.partners.map((x) => x.name)).toHaveLength(2);
		expect(p!.partners[0].org?.id).toBe(otherOrgId);
		expect(p!.partners[1]).toEqual({ org: null, name: '地域包括支援センター' });
		expect(p!.areas.map((a) => a.id)).toEqual([areaId]);
		expect(p!.fields.map((f) => f.id)).toEqual([fieldId]);
		expect(p!.leadOrganization.id).toBe(orgId);
		expect(p!.story.story_tips).toBe('予約なしで来られるようにしています。');
	});
});

describe('writing: only through save_practice, only for one’s organization', () => {
	it('members hold no write privilege on the tables: no insert, no status change', async () => {
		const id = await createPractice(editor.id, practiceInput(orgId));
		const insert = await userClient(editor.id)
			.from('practices')
			.insert({ lead_organization_id: orgId, title: 'x', summary: 'x', started_on: '2024-01-01' });
		expect(insert.error?.code).toBe('42501');
		const update = await userClient(editor.id)
			.from('practices')
			.update({ status: 'published' })
			.eq('id', id);
		expect(update.error?.code).toBe('42501');
		const feature = await userClient(coordinator.id)
			.from('practices')
			.update({ featured_position: 1 })
			.eq('id', id);
		expect(feature.error?.code).toBe('42501');
		const photo = await userClient(editor.id)
			.from('practice_photos')
			.insert({ practice_id: id, position: 1, image_hash: await storedImageHash(), alt: 'x' });
		expect(photo.error?.code).toBe('42501');
		expect((await status(id)).status).toBe('draft');
	});

	it('a member who is not an editor of the organization cannot create or edit its practices', async () => {
		const before = await countFor(orgId);
		for (const who of [plainMember, stranger]) {
			const r = await savePractice(userClient(who.id), practiceInput(orgId));
			expect(r).toEqual({ ok: false, refusal: 'forbidden' });
		}
		const anon = await anonClient().rpc('save_practice', {
			p: practicePayload(practiceInput(orgId))
		});
		expect(anon.error?.code).toBe('42501');
		const id = await createPractice(editor.id, practiceInput(orgId));
		const edit = await savePractice(userClient(stranger.id), {
			...practiceInput(otherOrgId),
			id
		});
		expect(edit).toEqual({ ok: false, refusal: 'forbidden' });
		expect((await status(id)).title).toBe('常盤平こども食堂');
		expect(await countFor(orgId)).toBe(before + 1);
	});

	it('bad input is refused with its reason and writes nothing', async () => {
		const hashes = await Promise.all(Array.from({ length: 7 }, () => storedImageHash()));
		const before = await countFor(orgId);
		const cases = [
			[practiceInput(''), 'no_lead_organization'],
			[
				practiceInput(orgId, { startedOn: '2024-05-01', endedOn: '2024-04-30' }),
				'ended_before_started'
			],
			[
				practiceInput(orgId, { figures: [{ label: '参加者', value: '四十', unit: '人' }] }),
				'figure_not_number'
			],
			[
				practiceInput(orgId, { photos: hashes.map((hash, i) => ({ hash, alt: `写真${i + 1}` })) }),
				'too_many_photos'
			],
			[
				practiceInput(orgId, {
					photos: [
						{ hash: hashes[0], alt: '説明あり' },
						{ hash: hashes[1], alt: '  ' }
					]
				}),
				'photo_alt_required'
			],
			[practiceInput(orgId, { title: '' }), 'bad_length'],
			[practiceInput(orgId, { startedOn: '' }), 'no_start_date']
		] as const;
		for (const [input, refusal] of cases) {
			expect(await savePractice(userClient(editor.id), input), refusal).toEqual({
				ok: false,
				refusal
			});
		}
		expect(await countFor(orgId)).toBe(before);
		// six photos are fine, in the order given (the first is the cover)
		const id = await createPractice(
			editor.id,
			practiceInput(orgId, {
				photos: hashes.slice(0, 6).map((hash, i) => ({ hash, alt: `写真${i + 1}` }))
			})
		);
		const p = await getPractice(userClient(editor.id), id);
		expect(p!.photos.map((ph) => ph.alt)).toEqual([
			'写真1',
			'写真2',
			'写真3',
			'写真4',
			'写真5',
			'写真6'
		]);
		expect(p!.cover?.hash).toBe(hashes[0]);
		// the same image twice is kept once, at its first place
		const twice = await createPractice(
			editor.id,
			practiceInput(orgId, {
				photos: [
					{ hash: hashes[0], alt: '一枚目' },
					{ hash: hashes[1], alt: '二枚目' },
					{ hash: hashes[0], alt: 'もう一度' }
				]
			})
		);
		expect((await getPractice(userClient(editor.id), twice))!.photos.map((ph) => ph.alt)).toEqual([
			'一枚目',
			'二枚目'
		]);
		// an edit that is refused leaves the practice as it was
		const refused = await savePractice(userClient(editor.id), {
			...practiceInput(orgId, { title: '変えた題名', photos: [] }),
			id,
			endedOn: '2000-01-01'
		});
		expect(refused).toEqual({ ok: false, refusal: 'ended_before_started' });
		const after = await getPractice(userClient(editor.id), id);
		expect(after!.title).toBe('常盤平こども食堂');
		expect(after!.photos).toHaveLength(6);
	});

	it('linked events are the lead organization’s own (past and upcoming), shown with the practice', async () => {
		const past = await createEvent(editor.id, {
			title: '去年のこども食堂',
			organizationId: orgId,
			status: 'published',
			startsAt: new Date(Date.now() - 30 * 86400_000)
		});
		const coming = await createEvent(editor.id, {
			title: '来月のこども食堂',
			organizationId: orgId,
			status: 'published'
		});
		const foreign = await createEvent(stranger.id, {
			organizationId: otherOrgId,
			status: 'published'
		});
		const r = await savePractice(
			userClient(editor.id),
			practiceInput(orgId, { eventIds: [coming.id, foreign.id] })
		);
		expect(r).toEqual({ ok: false, refusal: 'forbidden' });
		const id = await createPractice(
			editor.id,
			practiceInput(orgId, { eventIds: [coming.id, past.id] })
		);
		const p = await getPractice(userClient(editor.id), id);
		expect(p!.events.map((e) => e.title)).toEqual(['去年のこども食堂', '来月のこども食堂']);
	});

	it('a suspended editor writes nothing', async () => {
		const suspended = await createTestUser('停止 さん');
		const org = await createTestOrg(owner.id, [suspended.id]);
		await serviceClient()
			.from('suspensions')
			.insert({ user_id: suspended.id, reason: 'テスト', created_by: coordinator.id });
		const r = await savePractice(userClient(suspended.id), practiceInput(org));
		expect(r).toEqual({ ok: false, refusal: 'suspended' });
		expect(await countFor(org)).toBe(0);
	});
});

describe('the workflow', () => {
	it('only editors of the lead organization submit; only coordinators publish, return and feature', async () => {
		const id = await createPractice(editor.id, practiceInput(orgId));
		expect(await submitPractice(userClient(stranger.id), id)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await submitPractice(userClient(plainMember.id), id)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect((await submitPractice(userClient(owner.id), id)).ok).toBe(true);
		expect(await submitPractice(userClient(editor.id), id)).toEqual({
			ok: false,
			refusal: 'wrong_status'
		});
		for (const who of [editor, owner, stranger]) {
			expect(await publishPractice(userClient(who.id), id)).toEqual({
				ok: false,
				refusal: 'forbidden'
			});
			expect(await returnPractice(userClient(who.id), id, '直してください')).toEqual({
				ok: false,
				refusal: 'forbidden'
			});
			expect(await setFeaturedPractices(userClient(who.id), [])).toEqual({
				ok: false,
				refusal: 'forbidden'
			});
		}
		const anon = await anonClient().rpc('publish_practice', { p_id: id });
		expect(anon.error?.code).toBe('42501');
		expect((await status(id)).status).toBe('submitted');
	});

	it('return needs a comment; the author sees it and is told; resubmitted, it is published with its snapshot', async () => {
		const title = `${word()} 食堂`;
		const id = await createPractice(editor.id, practiceInput(orgId, { title }));
		expect((await submitPractice(userClient(editor.id), id)).ok).toBe(true);
		expect((await submittedPractices(userClient(coordinator.id), 1000)).map((p) => p.id)).toContain(
			id
		);
		// editors do not see the queue of others' organizations, but they see their own submitted one
		expect((await submittedPractices(userClient(stranger.id))).map((p) => p.id)).not.toContain(id);

		expect(await returnPractice(userClient(coordinator.id), id, '   ')).toEqual({
			ok: false,
			refusal: 'comment_required'
		});
		expect(
			await publishPractice(
				userClient(coordinator.id),
				await createPractice(editor.id, practiceInput(orgId))
			)
		).toEqual({
			ok: false,
			refusal: 'wrong_status'
		});
		expect(
			(await returnPractice(userClient(coordinator.id), id, '写真の説明を足してください')).ok
		).toBe(true);
		const returned = await getPractice(userClient(editor.id), id);
		expect(returned!.status).toBe('returned');
		expect(returned!.reviewComment).toBe('写真の説明を足してください');
		expect(await notices(editor.id, id)).toEqual([
			{ kind: 'practice_returned', detail: '写真の説明を足してください' }
		]);

		expect((await submitPractice(userClient(editor.id), id)).ok).toBe(true);
		expect((await publishPractice(userClient(coordinator.id), id)).ok).toBe(true);
		const published = await status(id);
		expect(published.status).toBe('published');
		expect(published.review_comment).toBeNull();
		expect(published.published_snapshot).toMatchObject({
			title,
			figures: ['参加者 40人/月'],
			partners: ['常盤平地域包括支援センター']
		});
		expect((await notices(editor.id, id)).map((n) => n.kind)).toEqual([
			'practice_returned',
			'practice_published'
		]);
		expect(await notices(owner.id, id)).toEqual([]);
		// /notifications lists them with the practice's title and the comment
		const listed = await listNotifications(userClient(editor.id), editor.id, 1, NOTIFICATION_KINDS);
		expect(
			listed.items
				.filter((n) => n.practiceId === id)
				.map((n) => [n.kind, n.practiceTitle, n.detail])
		).toEqual([
			['practice_published', title, null],
			['practice_returned', title, '写真の説明を足してください']
		]);

		// found on /practices by a Japanese substring, and by its filters
		const q = title.slice(2, 8);
		const found = await listPractices(anonClient(), { q });
		expect(found.practices.map((p) => p.id)).toEqual([id]);
		expect(found.total).toBe(1);
		expect(
			(await listPractices(anonClient(), { q, audience: 'children', orgKind: 'npo' })).practices
		).toHaveLength(1);
		expect((await listPractices(anonClient(), { q, audience: 'elderly' })).practices).toHaveLength(
			0
		);
		expect((await listPractices(anonClient(), { q, orgKind: 'school' })).practices).toHaveLength(0);
		expect((await listPractices(anonClient(), { q, areaId })).practices).toHaveLength(0);
		expect(
			(await practicesOfOrganization(anonClient(), orgId)).every((p) => p.status === 'published')
		).toBe(true);
		expect(
			(await practicesOfOrganization(userClient(editor.id), orgId)).some(
				(p) => p.status === 'draft'
			)
		).toBe(true);
	});

	it('authors keep editing a published practice: it stays published, coordinators see what changed', async () => {
		const title = `${word()} サロン`;
		const id = await publishedPractice(editor.id, coordinator.id, practiceInput(orgId, { title }));
		expect(
			(await practicesChangedSincePublication(userClient(coordinator.id))).map((c) => c.id)
		).not.toContain(id);
		const saved = await savePractice(userClient(editor.id), {
			...practiceInput(orgId, {
				title: `${title}（改訂）`,
				figures: [{ label: '参加者', value: '55', unit: '人/月' }]
			}),
			id
		});
		expect(saved.ok).toBe(true);
		const now = await status(id);
		expect(now.status).toBe('published');
		expect(now.title).toBe(`${title}（改訂）`);
		expect(now.published_snapshot).toMatchObject({ title });
		const changed = (await practicesChangedSincePublication(userClient(coordinator.id))).find(
			(c) => c.id === id
		);
		expect(changed?.changes).toEqual([
			{ key: 'title', before: title, after: `${title}（改訂）` },
			{ key: 'figures', before: '参加者 40人/月', after: '参加者 55人/月' }
		]);
		const editorView = await userClient(editor.id).rpc('practices_changed_since_publication', {});
		expect(editorView.error?.hint).toBe('forbidden');
	});

	it('coordinators feature up to 6 published practices in their order; a new set replaces the old', async () => {
		const ids = await Promise.all(
			Array.from({ length: 3 }, () =>
				publishedPractice(editor.id, coordinator.id, practiceInput(orgId, { title: word() }))
			)
		);
		const draft = await createPractice(editor.id, practiceInput(orgId));
		const c = userClient(coordinator.id);
		expect(await setFeaturedPractices(c, [...ids, ...ids.slice(0, 2), draft].slice(0, 7))).toEqual({
			ok: false,
			refusal: 'too_many_featured'
		});
		expect(await setFeaturedPractices(c, [ids[0], draft])).toEqual({
			ok: false,
			refusal: 'not_published'
		});
		expect((await setFeaturedPractices(c, [ids[2], ids[0], ids[1]])).ok).toBe(true);
		expect((await homeSections(anonClient())).practices.map((p) => p.id)).toEqual([
			ids[2],
			ids[0],
			ids[1]
		]);
		expect((await setFeaturedPractices(c, [ids[1], ids[2]])).ok).toBe(true);
		expect((await homeSections(anonClient())).practices.map((p) => p.id)).toEqual([ids[1], ids[2]]);
		expect((await status(ids[0])).featured_position).toBeNull();
		// the form lists the featured ones past its newest: a newer one published, the newest one
		// and both featured are offered (saving the form replaces the set)
		const newer = await publishedPractice(
			editor.id,
			coordinator.id,
			practiceInput(orgId, { title: word() })
		);
		const offered = (await publishedPracticeChoices(c, 1)).map((p) => p.id);
		expect(offered[0]).toBe(newer);
		expect(offered.toSorted()).toEqual([newer, ids[1], ids[2]].toSorted());
		expect((await setFeaturedPractices(c, [])).ok).toBe(true);
		expect((await homeSections(anonClient())).practices).toEqual([]);
	});
});
