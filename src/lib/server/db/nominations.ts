// Nominations (推薦): a member nominates a published practice or an
// organization with a reason; the nominator and coordinators read it (RLS);
// coordinators close it with a note (close_nomination) or answer it with an
// award (db/awards.ts createAward with the nomination), and the nominator is told.
import type { Db } from '$lib/server/db/client';
import { recipientOf } from '$lib/server/db/awards';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { NominationItem, NominationStatus } from '$lib/recognition/types';

export type { NominationItem };

const NOMINATION_SELECT = `id, reason, status, note, created_at, answered_at, nominator_id, practice_id, organization_id,
	practice:practices(id, title),
	organization:organizations(id, slug, name),
	nominator:profiles!nominations_nominator_id_fkey(id, display_name),
	award:awards(id)`;

interface NominationRow {
	id: string;
	reason: string;
	status: string;
	note: string | null;
	created_at: string;
	answered_at: string | null;
	nominator_id: string;
	practice_id: string | null;
	organization_id: string | null;
	practice: { id: string; title: string } | null;
	organization: { id: string; slug: string; name: string } | null;
	nominator: { id: string; display_name: string } | null;
	award: { id: string } | null;
}

const isStatus = (s: string): s is NominationStatus =>
	s === 'open' || s === 'awarded' || s === 'closed';

const toNomination = (r: NominationRow): NominationItem => ({
	id: r.id,
	recipient: recipientOf(r),
	reason: r.reason,
	status: isStatus(r.status) ? r.status : 'closed',
	note: r.note,
	createdAt: r.created_at,
	answeredAt: r.answered_at,
	nominator: { id: r.nominator_id, name: r.nominator?.display_name ?? null },
	awardId: r.award?.id ?? null
});

export type NominateRefusal =
	'not_found' | 'not_published' | 'bad_length' | 'suspended' | 'unverified';

/** Nominates a practice or an organization (what the member sees). */
export async function nominate(
	db: Db,
	target: { practiceId: string } | { organizationId: string },
	reason: string
): Promise<Refusable<{ id: string }, NominateRefusal>> {
	const { data, error } = await db
		.from('nominations')
		.insert({
			practice_id: 'practiceId' in target ? target.practiceId : null,
			organization_id: 'organizationId' in target ? target.organizationId : null,
			reason
		})
		.select('id')
		.single();
	if (error) {
		// the policy refuses what the member cannot see
		if ((error.code === '42501' && !error.hint) || error.code === '23503')
			return { ok: false, refusal: 'not_found' };
		return refused(error, ['not_found', 'not_published', 'bad_length', 'suspended', 'unverified']);
	}
	return { ok: true, id: data.id };
}

/** The member's own nominations, newest first. */
export async function myNominations(db: Db, userId: string, limit = 50): Promise<NominationItem[]> {
	const { data, error } = await db
		.from('nominations')
		.select(NOMINATION_SELECT)
		.eq('nominator_id', userId)
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) dbFailure(error);
	return data.map(toNomination);
}

/**
 * /coordinate/nominations: every open nomination (oldest first, up to 100),
 * then the latest answered ones. RLS gives others only their own.
 */
export async function nominationQueue(
	db: Db,
	answeredLimit = 30
): Promise<{ open: NominationItem[]; answered: NominationItem[] }> {
	const [open, answered] = await Promise.all([
		db
			.from('nominations')
			.select(NOMINATION_SELECT)
			.eq('status', 'open')
			.order('created_at', { ascending: true })
			.limit(100),
		db
			.from('nominations')
			.select(NOMINATION_SELECT)
			.neq('status', 'open')
			.order('answered_at', { ascending: false })
			.limit(answeredLimit)
	]);
	if (open.error) dbFailure(open.error);
	if (answered.error) dbFailure(answered.error);
	return { open: open.data.map(toNomination), answered: answered.data.map(toNomination) };
}

/** One nomination the reader may see (its nominator, coordinators), or null. */
export async function findNomination(db: Db, id: string): Promise<NominationItem | null> {
	const { data, error } = await db
		.from('nominations')
		.select(NOMINATION_SELECT)
		.eq('id', id)
		.maybeSingle();
	if (error) dbFailure(error);
	return data && toNomination(data);
}

/** Closes an open nomination with a note (coordinators); the nominator is told. */
export async function closeNomination(
	db: Db,
	id: string,
	note: string
): Promise<
	Refusable<object, 'forbidden' | 'not_found' | 'already_answered' | 'bad_length' | 'sign_in'>
> {
	const { error } = await db.rpc('close_nomination', { p_nomination: id, p_note: note });
	if (error)
		return refused(error, ['forbidden', 'not_found', 'already_answered', 'bad_length', 'sign_in']);
	return { ok: true };
}

/** What a nomination would be about, as the member sees it (null: not there, or not published). */
export async function nominationTarget(
	db: Db,
	target: { practiceId: string } | { organizationId: string }
): Promise<{ name: string; path: string } | null> {
	if ('practiceId' in target) {
		const { data, error } = await db
			.from('practices')
			.select('id, title')
			.eq('id', target.practiceId)
			.eq('status', 'published')
			.maybeSingle();
		if (error) dbFailure(error);
		return data && { name: data.title, path: `/practices/${data.id}` };
	}
	const { data, error } = await db
		.from('organizations')
		.select('slug, name')
		.eq('id', target.organizationId)
		.maybeSingle();
	if (error) dbFailure(error);
	return data && { name: data.name, path: `/orgs/${data.slug}` };
}

/** How many nominations wait for an answer (/coordinate). */
export async function countOpenNominations(db: Db): Promise<number> {
	const { count, error } = await db
		.from('nominations')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'open');
	if (error) dbFailure(error);
	return count ?? 0;
}
