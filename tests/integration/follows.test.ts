// Follows (関心縁) and mail preferences (issue 11), through PostgREST with real
// tokens: only their member reads or writes them; a published event gives each
// follower of its area, fields, organization or co-hosts one in-app notice
// (not its organiser, not for drafts, not again when republished); and the
// functions the mail worker calls (private.wants_mail, private.digest_events)
// through a direct connection, as the worker has.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFollowing, listFollows, setFollowing } from '$lib/server/db/follows';
import {
	myNotificationPreferences,
	saveNotificationPreferences
} from '$lib/server/db/notification-preferences';
import { listNotifications, NOTIFICATION_KINDS } from '$lib/server/db/notifications';
import { createEvent, saveEventAgain } from '../support/events';
import { anonClient, createTestUser, serviceClient, testEnv, userClient } from '../support/db';
import { seedId } from '../support/threads';

type User = { id: string; email: string };
let organiser: User, alice: User, bob: User, carol: User, dave: User;
let yagiri: string, honcho: string, welfare: string, children: string;
let orgId: string, cohostId: string;
let sql: pg.Client;

async function makeOrg(name: string, editors: User[] = []) {
	const svc = serviceClient();
	const { data, error } = await svc
		.from('organizations')
		.insert({ slug: `follow-${randomBytes(4).toString('hex')}`, name, kind: 'npo' })
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	if (editors.length) {
		const added = await svc
			.from('organization_members')
			.insert(editors.map((u) => ({ organization_id: data.id, user_id: u.id, role: 'editor' })));
		if (added.error) throw new Error(added.error.message);
	}
	return data.id;
}

/** The person's notices about this event, of the new-followed-event kind. */
async function followNotices(user: User, eventId: string) {
	const { data, error } = await userClient(user.id)
		.from('notifications')
		.select('id')
		.eq('event_id', eventId)
		.eq('kind', 'new_followed_event');
	if (error) throw new Error(error.message);
	return data.length;
}

const follow = (user: User, kind: 'area' | 'field' | 'organization', id: string) =>
	setFollowing(userClient(user.id), user.id, { kind, id }, true);

beforeAll(async () => {
	[organiser, alice, bob, carol, dave] = await Promise.all([
		createTestUser('フォロー 主催者'),
		createTestUser('フォロー アリス'),
		createTestUser('フォロー ボブ'),
		createTestUser('フォロー キャロル'),
		createTestUser('フォロー デイブ')
	]);
	[yagiri, honcho, welfare, children] = await Promise.all([
		seedId('areas', 'yagiri'),
		seedId('areas', 'honcho'),
		seedId('fields', 'welfare'),
		seedId('fields', 'children')
	]);
	orgId = await makeOrg('フォロー試験の会', [organiser]);
	cohostId = await makeOrg('フォロー試験の共催団体', [organiser]);
	sql = new pg.Client({ connectionString: testEnv().databaseUrl });
	await sql.connect();
});
afterAll(() => sql.end());

describe('follows: only their member', () => {
	it('a member follows, lists and stops following; following twice changes nothing', async () => {
		const db = userClient(dave.id);
		expect(await isFollowing(db, dave.id, { kind: 'area', id: honcho })).toBe(false);
		expect(await follow(dave, 'area', honcho)).toBe(true);
		expect(await follow(dave, 'area', honcho)).toBe(true);
		expect(await follow(dave, 'field', children)).toBe(true);
		expect(await follow(dave, 'organization', orgId)).toBe(true);
		expect(await isFollowing(db, dave.id, { kind: 'area', id: honcho })).toBe(true);
		const list = await listFollows(db, dave.id);
		expect(list.map((f) => [f.kind, f.id])).toEqual([
			['area', honcho],
			['field', children],
			['organization', orgId]
		]);
		await setFollowing(db, dave.id, { kind: 'field', id: children }, false);
		expect((await listFollows(db, dave.id)).map((f) => f.kind)).toEqual(['area', 'organization']);
		// a thing that does not exist
		expect(await follow(dave, 'area', '00000000-0000-4000-8000-00000000dead')).toBe(false);
	});

	it('another member neither reads, adds for, nor removes my follows; anon nothing', async () => {
		await follow(carol, 'area', yagiri);
		const other = userClient(bob.id);
		const read = await other.from('follows').select('id').eq('user_id', carol.id);
		expect(read.error).toBeNull();
		expect(read.data).toEqual([]);
		const added = await other.from('follows').insert({ user_id: carol.id, area_id: honcho });
		expect(added.error?.code).toBe('42501');
		const removed = await other
			.from('follows')
			.delete()
			.eq('user_id', carol.id)
			.eq('area_id', yagiri)
			.select('id');
		expect(removed.data).toEqual([]);
		// no update at all: a row cannot be pointed at something else
		const changed = await userClient(carol.id)
			.from('follows')
			.update({ area_id: honcho })
			.eq('user_id', carol.id);
		expect(changed.error?.code).toBe('42501');
		expect(await isFollowing(userClient(carol.id), carol.id, { kind: 'area', id: yagiri })).toBe(
			true
		);
		const anon = await anonClient().from('follows').select('id');
		expect(anon.error?.code).toBe('42501');
		const anonAdd = await anonClient()
			.from('follows')
			.insert({ user_id: carol.id, area_id: honcho });
		expect(anonAdd.error?.code).toBe('42501');
	});
});

describe('the notice of a newly published event', () => {
	it('each follower once (however many things match), never the organiser', async () => {
		// alice follows the area, the field and the organization; bob the co-host; the organiser the area
		await Promise.all([
			follow(alice, 'area', yagiri),
			follow(alice, 'field', welfare),
			follow(alice, 'organization', orgId),
			follow(bob, 'organization', cohostId),
			follow(organiser, 'area', yagiri)
		]);
		const { id } = await createEvent(organiser.id, {
			title: 'フォローのサロン',
			areaSlug: 'yagiri',
			fieldIds: [welfare],
			organizationId: orgId,
			cohostIds: [cohostId]
		});
		expect(await followNotices(alice, id)).toBe(1);
		expect(await followNotices(bob, id)).toBe(1);
		expect(await followNotices(organiser, id)).toBe(0);
		// dave follows honcho and the organization only... he follows orgId (above): one notice
		expect(await followNotices(dave, id)).toBe(1);

		// shown on /notifications with the event's title and date
		const { items } = await listNotifications(
			userClient(alice.id),
			alice.id,
			1,
			NOTIFICATION_KINDS
		);
		const notice = items.find((n) => n.eventId === id && n.kind === 'new_followed_event');
		expect(notice).toMatchObject({ eventTitle: 'フォローのサロン' });
		expect(notice?.eventStartsAt).toBeTruthy();
	});

	it('nothing for a draft; once when it is published, not again when unpublished and republished', async () => {
		await follow(carol, 'area', yagiri);
		const { id } = await createEvent(organiser.id, { areaSlug: 'yagiri', status: 'draft' });
		expect(await followNotices(carol, id)).toBe(0);
		expect(await saveEventAgain(organiser.id, id, { status: 'published' })).toBeNull();
		expect(await followNotices(carol, id)).toBe(1);
		expect(await saveEventAgain(organiser.id, id, { status: 'draft' })).toBeNull();
		expect(await saveEventAgain(organiser.id, id, { status: 'published' })).toBeNull();
		expect(await followNotices(carol, id)).toBe(1);
		// an edit of the published event tells nobody again
		expect(await saveEventAgain(organiser.id, id, { title: '変更したサロン' })).toBeNull();
		expect(await followNotices(carol, id)).toBe(1);
	});

	it('nobody who follows something else', async () => {
		const outsider = await createTestUser('フォロー 無関係');
		await follow(outsider, 'field', children);
		const { id } = await createEvent(organiser.id, { areaSlug: 'yagiri', fieldIds: [welfare] });
		expect(await followNotices(outsider, id)).toBe(0);
	});
});

describe('preferences: only their member', () => {
	it('defaults when nothing is stored: digest weekly only for a member who follows something', async () => {
		const fresh = await createTestUser('フォロー 設定なし');
		const db = userClient(fresh.id);
		const before = await myNotificationPreferences(db, fresh.id);
		expect(before.current).toEqual({
			confirmations: true,
			changes_cancellations: true,
			promotions: true,
			reminders: true,
			thread_replies: false,
			mentions: true,
			moderation: true,
			invitations: true,
			practices_recognition: true,
			digest: 'none'
		});
		expect(before.followsSomething).toBe(false);
		await follow(fresh, 'area', honcho);
		expect((await myNotificationPreferences(db, fresh.id)).current.digest).toBe('weekly');
	});

	it('saves a choice; a setting left at its default stays the default', async () => {
		const member = await createTestUser('フォロー 設定あり');
		const db = userClient(member.id);
		const before = await myNotificationPreferences(db, member.id);
		await saveNotificationPreferences(
			db,
			member.id,
			{ ...before.current, reminders: false, digest: 'none' },
			before
		);
		const after = await myNotificationPreferences(db, member.id);
		expect(after.current).toMatchObject({ reminders: false, confirmations: true, digest: 'none' });
		expect(after.stored).toMatchObject({ reminders: false, confirmations: null, digest: null });
		// following something now makes the default digest weekly
		await follow(member, 'area', honcho);
		expect((await myNotificationPreferences(db, member.id)).current.digest).toBe('weekly');
	});

	it('another member neither reads nor writes my preferences; anon nothing', async () => {
		const me = await createTestUser('フォロー 本人');
		const db = userClient(me.id);
		const before = await myNotificationPreferences(db, me.id);
		await saveNotificationPreferences(db, me.id, { ...before.current, mentions: false }, before);
		const other = userClient(bob.id);
		const read = await other.from('notification_preferences').select('*').eq('user_id', me.id);
		expect(read.data).toEqual([]);
		const changed = await other
			.from('notification_preferences')
			.update({ mentions: true })
			.eq('user_id', me.id)
			.select('user_id');
		expect(changed.data).toEqual([]);
		const inserted = await other
			.from('notification_preferences')
			.insert({ user_id: carol.id, digest_frequency: 'daily' });
		expect(inserted.error?.code).toBe('42501');
		const upserted = await other
			.from('notification_preferences')
			.upsert({ user_id: me.id, mentions: true }, { onConflict: 'user_id' });
		expect(upserted.error?.code).toBe('42501');
		expect((await myNotificationPreferences(db, me.id)).current.mentions).toBe(false);
		expect((await anonClient().from('notification_preferences').select('*')).error?.code).toBe(
			'42501'
		);
		expect((await anonClient().rpc('my_notification_preferences')).error).not.toBeNull();
	});
});

describe('for the mail worker', () => {
	const wants = async (user: string, kind: string) =>
		(await sql.query<{ w: boolean }>('select private.wants_mail($1, $2) as w', [user, kind]))
			.rows[0].w;

	it('wants_mail: the defaults, a member’s choice, the digest by follows; unknown people and kinds', async () => {
		const member = await createTestUser('フォロー メール');
		expect(await wants(member.id, 'confirmations')).toBe(true);
		expect(await wants(member.id, 'changes_cancellations')).toBe(true);
		expect(await wants(member.id, 'reminders')).toBe(true);
		expect(await wants(member.id, 'thread_replies')).toBe(false);
		expect(await wants(member.id, 'digest')).toBe(false);
		await follow(member, 'field', welfare);
		expect(await wants(member.id, 'digest')).toBe(true);
		const db = userClient(member.id);
		const before = await myNotificationPreferences(db, member.id);
		await saveNotificationPreferences(
			db,
			member.id,
			{ ...before.current, confirmations: false, thread_replies: true, digest: 'none' },
			before
		);
		expect(await wants(member.id, 'confirmations')).toBe(false);
		expect(await wants(member.id, 'thread_replies')).toBe(true);
		expect(await wants(member.id, 'digest')).toBe(false);
		expect(await wants('00000000-0000-4000-8000-00000000dead', 'confirmations')).toBe(false);
		await expect(wants(member.id, 'spam')).rejects.toThrow(/unknown mail kind/);
		// not callable through the API
		expect(
			(await userClient(member.id).rpc('wants_mail' as never, { p_user: member.id } as never)).error
		).not.toBeNull();
	});

	it('digest_events: a matching event once, at its first date in the window, only published ones', async () => {
		const reader = await createTestUser('フォロー ダイジェスト');
		await Promise.all([
			follow(reader, 'area', honcho),
			follow(reader, 'field', children),
			follow(reader, 'organization', cohostId)
		]);
		const start = new Date(Date.now() + 3 * 86400_000);
		// matches three times (area, field, co-host), weekly: two dates in a 10-day window
		const twice = await createEvent(organiser.id, {
			title: 'ダイジェストの会',
			areaSlug: 'honcho',
			fieldIds: [children],
			cohostIds: [cohostId],
			startsAt: start,
			repeat: 'weekly',
			count: 4
		});
		const draft = await createEvent(organiser.id, {
			areaSlug: 'honcho',
			startsAt: start,
			status: 'draft'
		});
		const elsewhere = await createEvent(organiser.id, { areaSlug: 'yagiri', startsAt: start });
		const later = await createEvent(organiser.id, {
			areaSlug: 'honcho',
			startsAt: new Date(Date.now() + 30 * 86400_000)
		});
		const own = await createEvent(reader.id, { areaSlug: 'honcho', startsAt: start });
		const { rows } = await sql.query<{
			event_id: string;
			starts_at: Date;
			dates_in_window: number;
			title: string;
		}>('select * from private.digest_events($1, $2, $3)', [
			reader.id,
			new Date(),
			new Date(Date.now() + 12 * 86400_000)
		]);
		const ids = rows.map((r) => r.event_id);
		expect(ids.filter((i) => i === twice.id)).toHaveLength(1);
		const row = rows.find((r) => r.event_id === twice.id);
		expect(row).toMatchObject({ title: 'ダイジェストの会', dates_in_window: 2 });
		expect(row?.starts_at.getTime()).toBe(start.getTime());
		for (const excluded of [draft.id, elsewhere.id, later.id, own.id])
			expect(ids).not.toContain(excluded);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('digest_events uses the indexes (no sequential scan when the planner may avoid one)', async () => {
		// the function's body, as the planner sees it with the member's id
		await sql.query('begin');
		try {
			await sql.query('set local enable_seqscan = off');
			const body = (
				await sql.query<{ src: string }>(
					`select prosrc as src from pg_proc where proname = 'digest_events'`
				)
			).rows[0].src;
			const plan = (
				await sql.query<{ 'QUERY PLAN': string }>(
					`explain ${body
						.replaceAll('p_user', `'${alice.id}'::uuid`)
						.replaceAll('p_from', 'now()')
						.replaceAll('p_to', `now() + interval '7 days'`)}`
				)
			).rows
				.map((r) => r['QUERY PLAN'])
				.join('\n');
			expect(plan).not.toMatch(/Seq Scan/);
		} finally {
			await sql.query('rollback');
		}
	});

	it('not callable through the API', async () => {
		const { error } = await userClient(alice.id).rpc(
			'digest_events' as never,
			{ p_user: alice.id } as never
		);
		expect(error).not.toBeNull();
	});
});
