// What the worker reads to write the place mails (service role): a change
// reported on a place (to its keepers) and the monthly 「確認をお願いします」 (the
// places the person keeps that nobody has confirmed for six months). Imports
// are relative and type-only: the worker runs this outside SvelteKit.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

export interface MailPlaceNotice {
	userId: string;
	kind: 'place_correction' | 'places_stale';
	/** place_correction: the place and what the member wrote */
	correction: { placeId: string; placeName: string; body: string } | null;
	/** places_stale: the places waiting, oldest confirmation first */
	stale: { id: string; name: string; confirmedAt: string }[];
}

/** The places `userId` keeps that were last confirmed before `before` (at most 50). */
async function stalePlacesOf(db: Db, userId: string, before: string) {
	const [memberships, profile] = await Promise.all([
		db
			.from('organization_members')
			.select('organization_id')
			.eq('user_id', userId)
			.in('role', ['owner', 'editor']),
		db.from('profiles').select('role').eq('id', userId).maybeSingle()
	]);
	if (memberships.error) fail('organization_members', memberships.error);
	if (profile.error) fail('profiles', profile.error);
	const orgs = memberships.data.map((r) => r.organization_id);
	const coordinator = profile.data?.role === 'coordinator' || profile.data?.role === 'admin';
	const whose = [
		orgs.length ? `organization_id.in.(${orgs.join(',')})` : null,
		coordinator ? 'organization_id.is.null' : null
	].filter((x): x is string => x !== null);
	if (whose.length === 0) return [];
	const { data, error } = await db
		.from('places')
		.select('id, name, confirmed_at')
		.eq('published', true)
		.lt('confirmed_at', before)
		.or(whose.join(','))
		.order('confirmed_at')
		.limit(50);
	if (error) fail('places', error);
	return data.map((p) => ({ id: p.id, name: p.name, confirmedAt: p.confirmed_at }));
}

/**
 * One notice with what its mail says, or null when there is nothing left to
 * say: the correction was dealt with meanwhile, or every place was confirmed.
 * `staleBefore`: the moment before which a confirmation is out of date.
 */
export async function mailPlaceNotice(
	db: Db,
	id: string,
	staleBefore: Date
): Promise<MailPlaceNotice | null> {
	const { data, error } = await db
		.from('notifications')
		.select('user_id, kind, detail, place:places(id, name)')
		.eq('id', id)
		.maybeSingle();
	if (error) fail('notifications', error);
	if (!data) return null;
	if (data.kind === 'place_correction') {
		if (!data.place || !data.detail) return null;
		const c = await db
			.from('place_corrections')
			.select('body, resolved_at')
			.eq('id', data.detail)
			.maybeSingle();
		if (c.error) fail('place_corrections', c.error);
		if (!c.data || c.data.resolved_at) return null;
		return {
			userId: data.user_id,
			kind: 'place_correction',
			correction: { placeId: data.place.id, placeName: data.place.name, body: c.data.body },
			stale: []
		};
	}
	if (data.kind === 'places_stale') {
		const stale = await stalePlacesOf(db, data.user_id, staleBefore.toISOString());
		if (stale.length === 0) return null;
		return { userId: data.user_id, kind: 'places_stale', correction: null, stale };
	}
	return null;
}
