// A date carries its event's organization (event_occurrences.organization_id,
// kept by triggers: migration 20261218100000_organization_dates), so that an
// organization's page, its lists and the event page's "other events" walk
// that organization's dates alone, with the events it co-hosts (accepted)
// looked up by id. The copy must never drift from the event.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchEventSeries, searchOccurrences } from '$lib/server/db/events';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

async function makeOrg(ownerId: string) {
	const svc = serviceClient();
	const { data, error } = await svc
		.from('organizations')
		.insert({ slug: `dates-${randomBytes(4).toString('hex')}`, name: '日付の会', kind: 'npo' })
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	const added = await svc
		.from('organization_members')
		.insert({ organization_id: data.id, user_id: ownerId, role: 'owner' });
	if (added.error) throw new Error(added.error.message);
	return data.id;
}

async function datesOrganizations(eventId: string) {
	const { data } = await serviceClient()
		.from('event_occurrences')
		.select('organization_id')
		.eq('event_id', eventId);
	return data!.map((o) => o.organization_id);
}

describe("a date's organization", () => {
	it('comes from the event, follows it, and cannot be set apart from it', async () => {
		const owner = await createTestUser('日付の会の代表');
		const [mine, other] = await Promise.all([makeOrg(owner.id), makeOrg(owner.id)]);
		const ev = await createEvent(owner.id, {
			title: `団体の日付 ${Date.now()}`,
			repeat: 'weekly',
			count: 3,
			organizationId: mine
		});
		expect(await datesOrganizations(ev.id)).toEqual([mine, mine, mine]);

		const anon = anonClient();
		const from = new Date();
		const found = async (organizationId: string) => {
			const [series, dates] = await Promise.all([
				searchEventSeries(anon, { from, organizationId }, { offset: 0, limit: 20 }),
				searchOccurrences(anon, { from, organizationId }, { offset: 0, limit: 20 })
			]);
			return {
				series: series.cards.filter((c) => c.event.id === ev.id).length,
				dates: dates.filter((d) => d.event.id === ev.id).length
			};
		};
		expect(await found(mine)).toEqual({ series: 1, dates: 3 });
		expect(await found(other)).toEqual({ series: 0, dates: 0 });

		// the event moves to the other organization: its dates go with it
		const moved = await serviceClient()
			.from('events')
			.update({ organization_id: other })
			.eq('id', ev.id);
		expect(moved.error).toBeNull();
		expect(await datesOrganizations(ev.id)).toEqual([other, other, other]);
		expect(await found(other)).toEqual({ series: 1, dates: 3 });
		expect(await found(mine)).toEqual({ series: 0, dates: 0 });

		// whoever writes a date (here with every right), the organization stays the event's
		const { error } = await serviceClient()
			.from('event_occurrences')
			.update({ organization_id: mine })
			.eq('id', ev.occurrenceIds[0]);
		expect(error).toBeNull();
		expect(await datesOrganizations(ev.id)).toEqual([other, other, other]);

		// co-hosting, once accepted, lists the event for the co-host as well
		const host = await createTestUser('共催を頼む人');
		const hosted = await createEvent(host.id, {
			title: `共催の日付 ${Date.now()}`,
			repeat: 'weekly',
			count: 2,
			cohostIds: [mine]
		});
		const cards = async () =>
			(
				await searchEventSeries(anon, { from, organizationId: mine }, { offset: 0, limit: 20 })
			).cards
				.map((c) => c.event.id)
				.filter((id) => id === hosted.id);
		expect(await cards()).toEqual([]);
		const accepted = await userClient(owner.id).rpc('accept_cohost_invitation', {
			p_event: hosted.id,
			p_organization: mine
		});
		expect(accepted.error).toBeNull();
		expect(await cards()).toEqual([hosted.id]);
		expect(await datesOrganizations(hosted.id)).toEqual([null, null]);
	});
});
