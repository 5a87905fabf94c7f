// Calendar feeds against the real stack: the personal feed token's lifecycle,
// RLS on calendar_tokens, what the feeds' data queries return (filters, drafts,
// other people's registrations).
import { describe, expect, it } from 'vitest';
import { removeCalendarToken } from '$lib/server/db/calendar-tokens';
import { feedDates, feedItems, memberFeedItems } from '$lib/server/db/events';
import { calendarTokenOwner, replaceCalendarToken } from '$lib/server/events/calendar-token';
import { publicFeedWindow } from '$lib/server/events/feeds';
import { tokenHash } from '$lib/server/tokens';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

async function areaId(slug: string) {
	const { data, error } = await anonClient().from('areas').select('id').eq('slug', slug).single();
	if (error) throw new Error(error.message);
	return data.id;
}

describe('calendar tokens', () => {
	it('create, regenerate (the old token stops working), remove', async () => {
		const member = await createTestUser('カレンダー 利用者');
		const db = userClient(member.id);
		const first = await replaceCalendarToken(db, member.id);
		expect(first).toMatch(/^[a-z2-7]{32}$/);
		expect(await calendarTokenOwner(first)).toBe(member.id);

		const second = await replaceCalendarToken(db, member.id);
		expect(second).not.toBe(first);
		expect(await calendarTokenOwner(first)).toBeNull();
		expect(await calendarTokenOwner(second)).toBe(member.id);

		// only the hash is stored
		const { data: rows } = await serviceClient()
			.from('calendar_tokens')
			.select('token_hash')
			.eq('user_id', member.id);
		expect(rows).toEqual([{ token_hash: tokenHash(second) }]);

		await removeCalendarToken(db, member.id);
		expect(await calendarTokenOwner(second)).toBeNull();
	});

	it('nobody else reads, removes or makes a member’s token (RLS)', async () => {
		const owner = await createTestUser('持ち主');
		const other = await createTestUser('他の人');
		const token = await replaceCalendarToken(userClient(owner.id), owner.id);

		const read = await userClient(other.id)
			.from('calendar_tokens')
			.select('user_id, token_hash')
			.eq('user_id', owner.id);
		expect(read.error).toBeNull();
		expect(read.data).toEqual([]);
		const byHash = await userClient(other.id)
			.from('calendar_tokens')
			.select('user_id')
			.eq('token_hash', tokenHash(token));
		expect(byHash.data).toEqual([]);

		const removed = await userClient(other.id)
			.from('calendar_tokens')
			.delete()
			.eq('user_id', owner.id)
			.select();
		expect(removed.data ?? []).toEqual([]);
		expect(await calendarTokenOwner(token)).toBe(owner.id);

		const forged = await userClient(other.id)
			.from('calendar_tokens')
			.insert({ user_id: owner.id, token_hash: 'a'.repeat(64) });
		expect(forged.error?.code).toBe('42501');

		const anon = await anonClient().from('calendar_tokens').select('user_id');
		expect(anon.error?.code).toBe('42501');

		// the private resolver is not callable through the API
		const rpc = await userClient(other.id)
			.schema('private' as 'public')
			.rpc(
				'calendar_feed_user' as never,
				{
					p_token_hash: tokenHash(token)
				} as never
			);
		expect(rpc.error).not.toBeNull();
	});
});

describe('feed data', () => {
	it('the public feed filters by area and never shows drafts', async () => {
		const organiser = await createTestUser('主催 カレンダー');
		const inTokiwadaira = await createEvent(organiser.id, {
			title: 'ときわ平の集い',
			areaSlug: 'tokiwadaira'
		});
		const inKogane = await createEvent(organiser.id, { title: '小金の集い', areaSlug: 'kogane' });
		const draft = await createEvent(organiser.id, {
			title: '下書きの集い',
			areaSlug: 'tokiwadaira',
			status: 'draft'
		});
		const window = publicFeedWindow();
		/** the feed's dates, read in full, as the dates' events */
		const eventsOf = async (db: ReturnType<typeof anonClient>, areaSlug?: string) => {
			const filters = areaSlug ? { areaId: await areaId(areaSlug) } : {};
			const dates = await feedDates(db, filters, window);
			const items = await feedItems(
				db,
				dates.map((d) => d.id)
			);
			// the same dates, at the same versions
			expect(items.map((i) => [i.item.occurrence.id, i.version])).toEqual(
				dates.map((d) => [d.id, d.version])
			);
			return items.map((i) => i.item.event.id);
		};

		const tokiwa = await eventsOf(anonClient(), 'tokiwadaira');
		expect(tokiwa).toContain(inTokiwadaira.id);
		expect(tokiwa).not.toContain(inKogane.id);
		expect(tokiwa).not.toContain(draft.id);

		const kogane = await eventsOf(anonClient(), 'kogane');
		expect(kogane).toContain(inKogane.id);
		expect(kogane).not.toContain(inTokiwadaira.id);

		// not even for its organiser: feeds are for published and cancelled events
		expect(await eventsOf(userClient(organiser.id))).not.toContain(draft.id);

		// a draft's dates asked for by id: given to nobody, its organiser included (what is made
		// of them is kept for every reader), while a published event's are given to anybody
		expect(await feedItems(anonClient(), draft.occurrenceIds)).toEqual([]);
		expect(await feedItems(userClient(organiser.id), draft.occurrenceIds)).toEqual([]);
		const published = await feedItems(anonClient(), inKogane.occurrenceIds);
		expect(published.map((i) => i.item.event.title)).toEqual(['小金の集い']);
	});

	it('a full feed holds the dates to come first, then the most recent past ones', async () => {
		const organiser = await createTestUser('主催 順');
		const day = 86400_000;
		const window = publicFeedWindow();
		const noonOf = (days: number) => new Date(window.today.getTime() + days * day + 3 * 3600_000);
		// weekly from 20 days ago: -20, -13, -6, +1, +8, +15, +22, +29 days
		const series = await createEvent(organiser.id, {
			title: 'フィード順の体操',
			startsAt: noonOf(-20),
			repeat: 'weekly',
			count: 8
		});
		// began yesterday, ends tomorrow: still on, so among those to come
		const ongoing = await createEvent(organiser.id, {
			title: 'フィード順の展示',
			startsAt: noonOf(-1),
			durationMinutes: 2 * 24 * 60
		});
		const [d20, d13, d6, d1, d8, d15, d22, d29] = series.occurrenceIds;
		const idsOf = async (max?: number) =>
			(await feedDates(anonClient(), { q: 'フィード順' }, window, max)).map((d) => d.id);

		// room for all: the past ones, then those to come
		expect(await idsOf()).toEqual([d20, d13, d6, ongoing.occurrenceIds[0], d1, d8, d15, d22, d29]);
		// room for five: the first five to come, none of the past
		expect(await idsOf(5)).toEqual([ongoing.occurrenceIds[0], d1, d8, d15, d22]);
		// room for eight: all six to come, and the two most recent past ones
		expect(await idsOf(8)).toEqual([d13, d6, ongoing.occurrenceIds[0], d1, d8, d15, d22, d29]);
	});

	it('a date’s version changes with what its VEVENT is made from, not with registrations', async () => {
		const organiser = await createTestUser('主催 版');
		const series = await createEvent(organiser.id, {
			title: '毎週の体操',
			areaSlug: 'mabashi',
			repeat: 'weekly',
			count: 3
		});
		const neighbour = await createEvent(organiser.id, { title: '隣の会', areaSlug: 'mabashi' });
		const window = publicFeedWindow();
		const versions = async () => {
			const dates = await feedDates(anonClient(), { areaId: await areaId('mabashi') }, window);
			return new Map(dates.map((d) => [d.id, d.version]));
		};
		const [first, second, third] = series.occurrenceIds;
		const before = await versions();
		expect([...before.keys()]).toEqual(expect.arrayContaining([first, second, third]));

		// the series renamed: each of its dates has a new version, the neighbour's does not
		const renamed = await serviceClient()
			.from('events')
			.update({ title: '毎週の体操（新）' })
			.eq('id', series.id);
		expect(renamed.error).toBeNull();
		const afterRename = await versions();
		for (const id of series.occurrenceIds) expect(afterRename.get(id)).not.toBe(before.get(id));
		const other = neighbour.occurrenceIds[0];
		expect(afterRename.get(other)).toBe(before.get(other));

		// one date moved: only that date's version changes
		const moved = await serviceClient()
			.from('event_occurrences')
			.update({ sequence: 1 })
			.eq('id', second);
		expect(moved.error).toBeNull();
		const afterMove = await versions();
		expect(afterMove.get(second)).not.toBe(afterRename.get(second));
		expect(afterMove.get(first)).toBe(afterRename.get(first));
		expect(afterMove.get(third)).toBe(afterRename.get(third));

		// somebody joins the first date (its counts change): its VEVENT is the same, and so its version
		const member = await createTestUser('参加 版');
		const joined = await userClient(member.id).rpc('join_occurrence', {
			p_occurrence: first,
			p_companions: 0
		});
		expect(joined.error).toBeNull();
		const { data: counted } = await serviceClient()
			.from('event_occurrences')
			.select('going_count')
			.eq('id', first)
			.single();
		expect(counted?.going_count).toBe(1);
		expect((await versions()).get(first)).toBe(afterMove.get(first));

		// the place, which the VEVENT writes (LOCATION): a new version
		const placed = await serviceClient()
			.from('events')
			.update({ venue_name: '別の会場' })
			.eq('id', series.id);
		expect(placed.error).toBeNull();
		expect((await versions()).get(first)).not.toBe(afterMove.get(first));
	});

	it('the personal feed: own registrations only (going and waitlisted), no drafts', async () => {
		const organiser = await createTestUser('主催 個人フィード');
		const member = await createTestUser('参加 個人フィード');
		const someoneElse = await createTestUser('別の人');
		const open = await createEvent(organiser.id, { title: '参加する会' });
		const full = await createEvent(organiser.id, { title: '満員の会', capacity: 1 });
		const later = await createEvent(organiser.id, { title: 'のちに下書きへ' });

		const join = async (userId: string, occurrence: string) => {
			const { data, error } = await userClient(userId).rpc('join_occurrence', {
				p_occurrence: occurrence,
				p_companions: 0
			});
			if (error) throw new Error(error.message);
			return (data as unknown as { status: string }).status;
		};
		expect(await join(member.id, open.occurrenceIds[0])).toBe('going');
		expect(await join(someoneElse.id, full.occurrenceIds[0])).toBe('going');
		expect(await join(member.id, full.occurrenceIds[0])).toBe('waitlisted');
		expect(await join(member.id, later.occurrenceIds[0])).toBe('going');
		const { error } = await userClient(organiser.id)
			.from('events')
			.update({ status: 'draft' })
			.eq('id', later.id);
		expect(error).toBeNull();

		const items = await memberFeedItems(userClient(member.id), member.id);
		const byEvent = new Map(items.map((i) => [i.event.id, i]));
		expect(byEvent.get(open.id)?.waitlisted).toBe(false);
		expect(byEvent.get(full.id)?.waitlisted).toBe(true);
		expect(byEvent.has(later.id)).toBe(false);
		expect(items).toHaveLength(2);

		// read as somebody else, RLS shows none of the member's registrations
		expect(await memberFeedItems(userClient(someoneElse.id), member.id)).toEqual([]);
	});
});
