// Reports, moderation and suspensions through PostgREST with real tokens
// (issue 10): who reads the queue and the audit log, one report per person
// per item, what acting on a report does (closes it, tells the people
// concerned, logs it), suspensions refusing every kind of write, and an
// audit log that nobody can change, not even the service role or the
// database's owner.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { joinOccurrence } from '$lib/server/db/registrations';
import {
	activeSuspension,
	authorRecentPosts,
	authorsRecentPosts,
	dismissReport,
	hidePost,
	hideThread,
	liftSuspension,
	listAudit,
	lockThread,
	myReportsOn,
	mySuspension,
	reportItem,
	reportQueue,
	restorePost,
	suspendMember,
	unlockThread
} from '$lib/server/db/moderation';
import { deletePost, replyToThread } from '$lib/server/db/posts';
import {
	createThread,
	getThread,
	getOrCreateEventThread,
	setFollowing
} from '$lib/server/db/threads';
import { createEvent } from '../support/events';
import {
	anonClient,
	createTestUser,
	DEMO_IDS,
	serviceClient,
	testEnv,
	userClient
} from '../support/db';
import {
	ageAccount,
	forgetRecentPosts,
	html,
	pagePosts,
	startThread,
	tag
} from '../support/threads';

type User = { id: string; email: string };
let author: User, reporter: User, second: User, bystander: User;
const coordinator = () => userClient(DEMO_IDS.coordinator);
const admin = () => userClient(DEMO_IDS.admin);
let sql: pg.Client;

beforeAll(async () => {
	[author, reporter, second, bystander] = await Promise.all([
		createTestUser('通報 投稿者'),
		createTestUser('通報 する人'),
		createTestUser('通報 二人目'),
		createTestUser('通報 通りすがり')
	]);
	await Promise.all([author, reporter, second, bystander].map((u) => ageAccount(u.id)));
	sql = new pg.Client({ connectionString: testEnv().databaseUrl });
	await sql.connect();
});
afterAll(() => sql.end());
beforeEach(() => forgetRecentPosts(author.id, reporter.id, second.id, bystander.id));

const reply = (user: User, threadId: string, body = '返信です') =>
	replyToThread(userClient(user.id), threadId, { body, bodyHtml: html(body) });

async function threadWithReply(body = '問題のある投稿') {
	const threadId = await startThread(bystander.id, { title: `${tag()} 話題` });
	const r = await reply(author, threadId, body);
	if (!r.ok) throw new Error(r.refusal);
	return { threadId, postId: r.id };
}

const reportsOf = async (itemColumn: 'post_id' | 'thread_id', id: string) =>
	(
		await serviceClient()
			.from('reports')
			.select('reporter_id, status, note')
			.eq(itemColumn, id)
			.order('created_at')
	).data ?? [];

const auditRows = async (column: 'post_id' | 'thread_id' | 'member_id', id: string) =>
	(
		await serviceClient()
			.from('moderation_log')
			.select('action, moderator_id, member_id, thread_id, post_id, report_id, reason, until')
			.eq(column, id)
			.order('created_at')
	).data ?? [];

describe('reports', () => {
	it('one per person per item: a second report is refused and writes nothing', async () => {
		const { postId } = await threadWithReply();
		const db = userClient(reporter.id);
		expect(await reportItem(db, { postId }, 'spam', null)).toMatchObject({ ok: true });
		expect(await reportItem(db, { postId }, 'harassment', '別の理由で')).toEqual({
			ok: false,
			refusal: 'already_reported'
		});
		expect(await reportsOf('post_id', postId)).toHaveLength(1);
		// by hand, too (the unique index behind the trigger)
		const raw = await db.from('reports').insert({ post_id: postId, reason: 'spam' });
		expect(raw.error?.hint).toBe('already_reported');
		// another person may
		expect(await reportItem(userClient(second.id), { postId }, 'spam', null)).toMatchObject({
			ok: true
		});
	});

	it("'other' needs details of at most 1000 characters; exactly one item", async () => {
		const { postId, threadId } = await threadWithReply();
		const db = userClient(reporter.id);
		expect(await reportItem(db, { postId }, 'other', '  ')).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		expect(await reportItem(db, { postId }, 'spam', 'あ'.repeat(1001))).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		const two = await db
			.from('reports')
			.insert({ post_id: postId, thread_id: threadId, reason: 'spam' });
		expect(two.error).not.toBeNull();
		expect(await reportsOf('post_id', postId)).toEqual([]);
		expect(await reportItem(db, { postId }, 'other', '勧誘です')).toMatchObject({ ok: true });
	});

	it('reporters read their own reports (not the note, nor who handled them); others read none', async () => {
		const { postId } = await threadWithReply();
		const made = await reportItem(userClient(reporter.id), { postId }, 'harassment', '悪口です');
		const reportId = made.ok ? made.id : '';
		const mine = await myReportsOn(userClient(reporter.id), reporter.id, [postId]);
		expect(mine.get(postId)).toMatchObject({ id: reportId, reason: 'harassment', status: 'open' });
		for (const db of [userClient(author.id), userClient(second.id)]) {
			expect((await db.from('reports').select('id').eq('id', reportId)).data).toEqual([]);
		}
		const note = await userClient(reporter.id).from('reports').select('note').eq('id', reportId);
		expect(note.error?.code).toBe('42501');
		const handledBy = await userClient(reporter.id)
			.from('reports')
			.select('handled_by')
			.eq('id', reportId);
		expect(handledBy.error?.code).toBe('42501');
		// nor can they change its status
		const closed = await userClient(reporter.id)
			.from('reports')
			.update({ status: 'dismissed' })
			.eq('id', reportId)
			.select('id');
		expect(closed.error?.code).toBe('42501');
		// anon reports nothing
		const anon = await anonClient().from('reports').insert({ post_id: postId, reason: 'spam' });
		expect(anon.error).not.toBeNull();
		// an item one cannot see cannot be reported
		const draft = await createEvent(author.id, { status: 'draft' });
		expect(await reportItem(userClient(reporter.id), { eventId: draft.id }, 'spam', null)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
	});
});

describe('the queue and the audit log', () => {
	it('are for coordinators only', async () => {
		const { postId } = await threadWithReply();
		await reportItem(userClient(reporter.id), { postId }, 'spam', null);
		await hidePost(coordinator(), postId, '宣伝');

		for (const db of [userClient(reporter.id), userClient(author.id)]) {
			expect(await reportQueue(db)).toEqual({ ok: false, refusal: 'forbidden' });
			expect((await db.from('moderation_log').select('id').eq('post_id', postId)).data).toEqual([]);
			expect((await listAudit(db, { memberId: author.id })).entries).toEqual([]);
			expect((await db.from('post_versions').select('id').eq('post_id', postId)).data).toEqual([]);
		}
		expect((await anonClient().rpc('report_queue', {})).error).not.toBeNull();
		expect((await anonClient().from('moderation_log').select('id')).error?.code).toBe('42501');
		// nor may members act
		expect(await hidePost(userClient(reporter.id), postId, 'x')).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		expect(await restorePost(userClient(author.id), postId)).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		expect(await suspendMember(userClient(reporter.id), author.id, 7, 'x')).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		const direct = await userClient(reporter.id).from('moderation_log').insert({
			moderator_id: reporter.id,
			action: 'hide_post',
			member_id: author.id
		});
		expect(direct.error?.code).toBe('42501');
		expect(
			(await listAudit(coordinator(), { memberId: author.id })).entries.length
		).toBeGreaterThan(0);
	});

	it('lists personal information first, then the oldest, one entry per item with how many reported it', async () => {
		// the queue is shared by every test file: clear what is open first
		await serviceClient().from('reports').update({ status: 'dismissed' }).eq('status', 'open');
		const a = await threadWithReply('古い迷惑投稿');
		const b = await threadWithReply('連絡先を書いた投稿 090-0000-0000');
		const c = await threadWithReply('新しい迷惑投稿');
		await reportItem(userClient(reporter.id), { postId: a.postId }, 'spam', null);
		await reportItem(userClient(second.id), { postId: a.postId }, 'harassment', 'しつこい');
		await reportItem(userClient(reporter.id), { postId: c.postId }, 'spam', null);
		await reportItem(userClient(reporter.id), { postId: b.postId }, 'personal_info', '電話番号');
		await reportItem(userClient(second.id), { threadId: c.threadId }, 'other', '話題ごと不適切');

		const queue = await reportQueue(coordinator());
		if (!queue.ok) throw new Error(queue.refusal);
		expect(queue.items.map((i) => [i.kind, i.itemId, i.reporters])).toEqual([
			['post', b.postId, 1],
			['post', a.postId, 2],
			['post', c.postId, 1],
			['thread', c.threadId, 1]
		]);
		const [first, second_] = queue.items;
		expect(first).toMatchObject({
			personalInfo: true,
			body: '連絡先を書いた投稿 090-0000-0000',
			authorId: author.id,
			authorName: '通報 投稿者',
			threadId: b.threadId,
			postPosition: 2,
			details: ['電話番号']
		});
		expect(first.title).toMatch(/話題$/);
		expect(second_.reasons.sort()).toEqual(['harassment', 'spam']);
		expect(second_.details).toEqual(['しつこい']);
		expect(queue.items[3]).toMatchObject({ body: '最初の投稿です。', authorId: bystander.id });

		// the author's recent posts, as context
		const recent = await authorRecentPosts(coordinator(), author.id, 3);
		expect(recent.map((p) => p.body)).toEqual([
			'新しい迷惑投稿',
			'連絡先を書いた投稿 090-0000-0000',
			'古い迷惑投稿'
		]);
		// several authors in one request: each author's own, newest first, none mixed in
		const both = await authorsRecentPosts(coordinator(), [author.id, bystander.id], 3);
		expect(both.get(author.id)).toEqual(recent);
		expect(both.get(bystander.id)).toEqual(await authorRecentPosts(coordinator(), bystander.id, 3));
		expect(both.get(bystander.id)!.length).toBeGreaterThan(0);
	});
});

describe('acting on a report', () => {
	it('hiding a post closes its reports, tells the reporters and the author, and is logged', async () => {
		const { threadId, postId } = await threadWithReply('個人の住所を書きました');
		const r1 = await reportItem(userClient(reporter.id), { postId }, 'personal_info', null);
		const r2 = await reportItem(userClient(second.id), { postId }, 'harassment', null);
		expect(await hidePost(coordinator(), postId, '個人情報が含まれるため')).toEqual({ ok: true });
		// hiding twice does nothing more
		expect(await hidePost(coordinator(), postId, 'もう一度')).toEqual({ ok: true });

		expect((await reportsOf('post_id', postId)).map((r) => [r.reporter_id, r.status])).toEqual([
			[reporter.id, 'handled'],
			[second.id, 'handled']
		]);
		for (const [user, report] of [
			[reporter, r1],
			[second, r2]
		] as const) {
			const { data } = await userClient(user.id)
				.from('notifications')
				.select('kind, report_id, report:reports(status)')
				.eq('kind', 'report_handled')
				.eq('report_id', report.ok ? report.id : '');
			expect(data).toEqual([
				{
					kind: 'report_handled',
					report_id: report.ok ? report.id : '',
					report: { status: 'handled' }
				}
			]);
		}
		const told = await userClient(author.id)
			.from('notifications')
			.select('kind, thread_id, detail')
			.eq('post_id', postId);
		expect(told.data).toEqual([
			{ kind: 'post_hidden', thread_id: threadId, detail: '個人情報が含まれるため' }
		]);
		expect(await auditRows('post_id', postId)).toEqual([
			{
				action: 'hide_post',
				moderator_id: DEMO_IDS.coordinator,
				member_id: author.id,
				thread_id: threadId,
				post_id: postId,
				report_id: null,
				reason: '個人情報が含まれるため',
				until: null
			}
		]);

		// restoring shows it again, and is logged
		expect(await restorePost(coordinator(), postId, '確認の結果問題なし')).toEqual({ ok: true });
		expect((await pagePosts(anonClient(), threadId, 1))[1].state).toBe('visible');
		expect((await auditRows('post_id', postId)).map((r) => r.action)).toEqual([
			'hide_post',
			'restore_post'
		]);
	});

	it('a hide needs a reason; a missing item is not_found', async () => {
		const { postId, threadId } = await threadWithReply();
		expect(await hidePost(coordinator(), postId, '  ')).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		expect(await hideThread(coordinator(), threadId, 'あ'.repeat(501))).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		expect(await hidePost(coordinator(), '00000000-0000-4000-8000-00000000dead', '理由')).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await auditRows('post_id', postId)).toEqual([]);
	});

	it('dismissing closes every open report on the item as dismissed and tells the reporters', async () => {
		const { threadId, postId } = await threadWithReply('普通の投稿');
		const made = await reportItem(userClient(reporter.id), { postId }, 'spam', null);
		await reportItem(userClient(second.id), { postId }, 'spam', null);
		expect(
			await dismissReport(coordinator(), made.ok ? made.id : '', '宣伝ではありません')
		).toEqual({
			ok: true
		});
		expect(await reportsOf('post_id', postId)).toEqual([
			{ reporter_id: reporter.id, status: 'dismissed', note: '宣伝ではありません' },
			{ reporter_id: second.id, status: 'dismissed', note: '宣伝ではありません' }
		]);
		const { data } = await userClient(second.id)
			.from('notifications')
			.select('kind, report:reports(status)')
			.eq('kind', 'report_handled')
			.not('report_id', 'is', null)
			.order('created_at', { ascending: false })
			.limit(1);
		expect(data).toEqual([{ kind: 'report_handled', report: { status: 'dismissed' } }]);
		expect(await auditRows('post_id', postId)).toMatchObject([
			{ action: 'dismiss_report', report_id: made.ok ? made.id : '', member_id: author.id }
		]);
		// the post stays as it was
		expect((await pagePosts(anonClient(), threadId, 1))[1].state).toBe('visible');
	});

	it('locking a thread closes its reports and stops replies; unlocking opens it again', async () => {
		const { threadId } = await threadWithReply();
		await reportItem(userClient(reporter.id), { threadId }, 'harassment', null);
		expect(await lockThread(coordinator(), threadId, '口論になったため')).toEqual({ ok: true });
		expect((await reportsOf('thread_id', threadId)).map((r) => r.status)).toEqual(['handled']);
		expect(await reply(second, threadId)).toEqual({ ok: false, refusal: 'locked' });
		expect(await unlockThread(coordinator(), threadId)).toEqual({ ok: true });
		expect(await reply(second, threadId)).toMatchObject({ ok: true });
		expect((await auditRows('thread_id', threadId)).map((r) => r.action)).toEqual([
			'lock_thread',
			'unlock_thread'
		]);
	});
});

describe('suspensions', () => {
	it('a suspended member reads but cannot post, start a thread, report, join an event or create anything', async () => {
		const member = await createTestUser('停止される人');
		await ageAccount(member.id);
		const db = userClient(member.id);
		const { threadId, postId } = await threadWithReply();
		const own = await reply(member, threadId, '停止前の投稿');
		const event = await createEvent(bystander.id, { capacity: 10 });
		const joined = await joinOccurrence(db, event.occurrenceIds[0], 0);
		const registrationId = joined.ok ? joined.id : '';
		const report = await reportItem(
			userClient(reporter.id),
			{ postId: own.ok ? own.id : '' },
			'harassment',
			null
		);
		const reportId = report.ok ? report.id : null;

		const suspended = await suspendMember(
			coordinator(),
			member.id,
			7,
			'嫌がらせの投稿のため',
			reportId
		);
		expect(suspended.ok).toBe(true);
		const until = suspended.ok && suspended.until ? new Date(suspended.until).getTime() : 0;
		expect(Math.abs(until - (Date.now() + 7 * 86400_000))).toBeLessThan(60_000);

		// they see why and until when
		expect(await mySuspension(db, member.id)).toMatchObject({
			reason: '嫌がらせの投稿のため',
			until: suspended.ok ? suspended.until : null
		});
		expect(await activeSuspension(userClient(reporter.id), member.id)).toBeNull();
		expect(await activeSuspension(coordinator(), member.id)).not.toBeNull();
		// the report acted on is closed
		expect((await reportsOf('post_id', own.ok ? own.id : '')).map((r) => r.status)).toEqual([
			'handled'
		]);

		// reading still works
		expect(await getThread(db, threadId, member.id)).not.toBeNull();
		expect(await pagePosts(db, threadId, 1)).toHaveLength(3);

		// writing does not
		expect(await reply(member, threadId)).toEqual({ ok: false, refusal: 'suspended' });
		expect(
			await createThread(db, {
				title: tag(),
				body: '本文',
				bodyHtml: html('本文'),
				areaId: null,
				organizationId: null,
				fieldIds: [],
				isQuestion: false
			})
		).toEqual({ ok: false, refusal: 'suspended' });
		expect(await reportItem(db, { postId }, 'spam', null)).toEqual({
			ok: false,
			refusal: 'suspended'
		});
		const other = await createEvent(bystander.id);
		expect(await joinOccurrence(db, other.occurrenceIds[0], 0)).toEqual({
			ok: false,
			refusal: 'suspended'
		});
		expect(await getOrCreateEventThread(db, other.id)).toEqual({ ok: false, refusal: 'suspended' });
		const { error: leaveError } = await db.rpc('cancel_registration', {
			p_registration: registrationId
		});
		expect(leaveError).toBeNull(); // leaving is allowed ...
		expect(await joinOccurrence(db, event.occurrenceIds[0], 0)).toEqual({
			ok: false,
			refusal: 'suspended'
		}); // ... joining again is not
		const { error: eventError } = await db.rpc('save_event', {
			p_id: null as unknown as string,
			p_event: {
				title: '停止中のイベント',
				kind: 'salon',
				starts_at: new Date(Date.now() + 86400_000).toISOString(),
				ends_at: new Date(Date.now() + 90000_000).toISOString(),
				venue_name: '公民館',
				status: 'published'
			},
			p_field_ids: [],
			p_cohost_ids: [],
			p_occurrences: []
		});
		expect(eventError?.hint).toBe('suspended');
		const { error: orgError } = await db.rpc('create_organization', {
			p_slug: `suspended-${randomBytes(4).toString('hex')}`,
			p_name: '停止中の団体',
			p_kana: '',
			p_kind: 'npo',
			p_municipality_wide: false,
			p_description: '',
			p_contact_email: '',
			p_contact_phone: '',
			p_website: '',
			p_area_ids: [],
			p_field_ids: []
		});
		expect(orgError?.hint).toBe('suspended');
		// nothing was written
		expect(
			(await serviceClient().from('posts').select('id').eq('author_id', member.id)).data
		).toHaveLength(1);
		expect(
			(await serviceClient().from('reports').select('id').eq('reporter_id', member.id)).data
		).toEqual([]);
		expect(
			(await serviceClient().from('registrations').select('status').eq('user_id', member.id)).data
		).toEqual([{ status: 'cancelled' }]);

		// deleting one's own post and following are still possible
		expect(await deletePost(db, own.ok ? own.id : '')).toEqual({ ok: true });
		expect(await setFollowing(db, threadId, false)).toEqual({ ok: true });

		// lifted: writing works again; both actions are in the log
		expect(await liftSuspension(coordinator(), member.id, '反省が見られたため')).toEqual({
			ok: true
		});
		expect(await liftSuspension(coordinator(), member.id)).toEqual({
			ok: false,
			refusal: 'not_found'
		});
		expect(await mySuspension(db, member.id)).toBeNull();
		expect(await reply(member, threadId, '戻りました')).toMatchObject({ ok: true });
		const audit = await listAudit(coordinator(), { memberId: member.id });
		expect(audit.entries.map((e) => [e.action, e.reason, e.moderator.id])).toEqual([
			['lift_suspension', '反省が見られたため', DEMO_IDS.coordinator],
			['suspend', '嫌がらせの投稿のため', DEMO_IDS.coordinator]
		]);
		expect(audit.entries[1].until).toBe(suspended.ok ? suspended.until : null);
		expect(audit.entries[1].member?.displayName).toBe('停止される人');
	});

	it('indefinitely until lifted; coordinators and admins are not suspended; nobody writes suspensions by hand', async () => {
		const member = await createTestUser('無期限');
		expect(await suspendMember(coordinator(), member.id, null, '重大な違反')).toEqual({
			ok: true,
			until: null
		});
		expect(await mySuspension(userClient(member.id), member.id)).toMatchObject({ until: null });
		expect(await suspendMember(coordinator(), DEMO_IDS.admin, 1, 'x')).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		expect(await suspendMember(admin(), DEMO_IDS.coordinator, 1, 'x')).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		const forged = await userClient(member.id)
			.from('suspensions')
			.update({ lifted_at: new Date().toISOString() })
			.eq('user_id', member.id)
			.select('id');
		expect(forged.error?.code).toBe('42501');
		expect(await mySuspension(userClient(member.id), member.id)).not.toBeNull();
		// an expired suspension no longer holds anybody back
		await serviceClient()
			.from('suspensions')
			.update({
				starts_at: new Date(Date.now() - 3 * 86400_000).toISOString(),
				until: new Date(Date.now() - 86400_000).toISOString()
			})
			.eq('user_id', member.id);
		expect(await mySuspension(userClient(member.id), member.id)).toBeNull();
		const { threadId } = await threadWithReply();
		expect(await reply(member, threadId)).toMatchObject({ ok: true });
	});
});

describe('the audit log is append-only', () => {
	it('nobody updates or deletes a row: not a member, a coordinator, an admin, the service role, nor the owner in SQL', async () => {
		const { postId } = await threadWithReply();
		await hidePost(coordinator(), postId, '記録される理由');
		const [row] = (
			await serviceClient().from('moderation_log').select('id, reason').eq('post_id', postId)
		).data ?? [{ id: '', reason: '' }];
		expect(row.reason).toBe('記録される理由');

		for (const db of [userClient(reporter.id), coordinator(), admin(), serviceClient()]) {
			const updated = await db
				.from('moderation_log')
				.update({ reason: '書き換え' })
				.eq('id', row.id)
				.select('id');
			expect(updated.error?.code).toBe('42501');
			const deleted = await db.from('moderation_log').delete().eq('id', row.id).select('id');
			expect(deleted.error?.code).toBe('42501');
		}
		// the database's owner (what `supabase db push` and the dashboard run as)
		await expect(
			sql.query(`update public.moderation_log set reason = '書き換え' where id = $1`, [row.id])
		).rejects.toThrow(/append-only/);
		await expect(
			sql.query(`delete from public.moderation_log where id = $1`, [row.id])
		).rejects.toThrow(/append-only/);
		await expect(sql.query('truncate public.moderation_log')).rejects.toThrow(/append-only/);
		const after = await serviceClient()
			.from('moderation_log')
			.select('id, reason')
			.eq('id', row.id);
		expect(after.data).toEqual([row]);
	});

	it('lists 50 a page, newest first, by moderator and by member', async () => {
		const { postId } = await threadWithReply();
		await hidePost(coordinator(), postId, '一回目');
		await restorePost(admin(), postId, '二回目');
		const byCoordinator = await listAudit(coordinator(), { moderatorId: DEMO_IDS.coordinator });
		expect(byCoordinator.entries.every((e) => e.moderator.id === DEMO_IDS.coordinator)).toBe(true);
		expect(byCoordinator.entries.length).toBeLessThanOrEqual(50);
		const byAdmin = await listAudit(admin(), { moderatorId: DEMO_IDS.admin });
		expect(byAdmin.entries[0]).toMatchObject({
			action: 'restore_post',
			postId,
			postPosition: 2,
			reason: '二回目'
		});
		expect(byAdmin.entries[0].threadTitle).toMatch(/話題$/);
		const byMember = await listAudit(coordinator(), { memberId: author.id });
		const times = byMember.entries.map((e) => e.createdAt);
		expect([...times].sort().reverse()).toEqual(times);
		expect(byMember.entries.every((e) => e.member?.id === author.id)).toBe(true);
	});
});
