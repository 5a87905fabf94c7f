// Thanks (ありがとう): a member thanks a published practice, an organization or
// a person, with an optional message (≤ 140), once per recipient per Tokyo day,
// never oneself nor what one belongs to (private.thanks_write). Public where
// the recipient shows; coordinators hide a message (hide_thanks), like posts.
import type { Db } from '$lib/server/db/client';
import { recipientOf } from '$lib/server/db/awards';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import {
	recipientColumns,
	type Recipient,
	type RecipientRef,
	type ThanksMessage
} from '$lib/recognition/types';

export const THANKS_SHOWN = 5;

export type ThankRefusal =
	| 'already_thanked'
	| 'own_thanks'
	| 'bad_length'
	| 'not_found'
	| 'not_published'
	| 'suspended'
	| 'unverified';

/** Thanks the recipient, with an optional message. */
export async function thank(
	db: Db,
	ref: RecipientRef,
	message: string | null
): Promise<Refusable<{ id: string }, ThankRefusal>> {
	const { data, error } = await db
		.from('thanks')
		.insert({ ...recipientColumns(ref), message: message?.trim() || null })
		.select('id')
		.single();
	if (error) {
		if ((error.code === '42501' && !error.hint) || error.code === '23503')
			return { ok: false, refusal: 'not_found' };
		return refused(error, [
			'already_thanked',
			'own_thanks',
			'bad_length',
			'not_found',
			'not_published',
			'suspended',
			'unverified'
		]);
	}
	return { ok: true, id: data.id };
}

const rpcArgs = (ref: RecipientRef) =>
	'practiceId' in ref
		? { p_practice: ref.practiceId }
		: 'organizationId' in ref
			? { p_organization: ref.organizationId }
			: { p_profile: ref.profileId };

interface SummaryJson {
	count: number;
	latest: {
		id: string;
		message: string;
		created_at: string;
		thanker_id: string;
		hidden_at: string | null;
	}[];
	/** the thankers' names (only people with a thanks that shows; coordinators see all) */
	names: Record<string, string>;
	thanked_today: boolean;
}

const summaryOf = (data: unknown) => data as SummaryJson;

/** The names of these thankers (people with a thanks that shows; coordinators see all). */
async function thankerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
	const names = new Map<string, string>();
	if (ids.length === 0) return names;
	const { data, error } = await db.rpc('thanker_names', { p_ids: ids });
	if (error) dbFailure(error);
	for (const r of data) names.set(r.user_id, r.display_name);
	return names;
}

/**
 * What a recipient's ThanksBox shows, in one call (thanks_summary): how many
 * thanks show, the latest `limit` messages with their writers' names, and
 * whether the person `db` acts for thanked it today (Tokyo).
 */
export async function thanksFor(
	db: Db,
	ref: RecipientRef,
	limit = THANKS_SHOWN
): Promise<{ count: number; latest: ThanksMessage[]; thankedToday: boolean }> {
	const { data, error } = await db.rpc('thanks_summary', { ...rpcArgs(ref), p_limit: limit });
	if (error) dbFailure(error);
	const summary = summaryOf(data);
	return {
		count: summary.count,
		latest: summary.latest.map((t) => ({
			id: t.id,
			message: t.message,
			createdAt: t.created_at,
			thankerId: t.thanker_id,
			thankerName: summary.names[t.thanker_id] ?? null,
			hidden: t.hidden_at !== null
		})),
		thankedToday: summary.thanked_today
	};
}

export interface ThanksItem extends ThanksMessage {
	recipient: Recipient;
}

/** One thanks (for reporting and moderating it), or null when the reader may not see it. */
export async function findThanks(db: Db, id: string): Promise<ThanksItem | null> {
	const { data, error } = await db
		.from('thanks')
		.select(
			`id, message, created_at, thanker_id, hidden_at, practice_id, organization_id, profile_id,
			practice:practices(id, title),
			organization:organizations(id, slug, name),
			profile:profiles!thanks_profile_id_fkey(id, display_name)`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const names = await thankerNames(db, [data.thanker_id]);
	return {
		id: data.id,
		message: data.message,
		createdAt: data.created_at,
		thankerId: data.thanker_id,
		thankerName: names.get(data.thanker_id) ?? null,
		hidden: data.hidden_at !== null,
		recipient: recipientOf(data)
	};
}

export type HideRefusal = 'forbidden' | 'not_found' | 'bad_length' | 'sign_in';

/** Hides a thanks message with a reason (coordinators); its open reports are closed. */
export async function hideThanks(
	db: Db,
	id: string,
	reason: string
): Promise<Refusable<object, HideRefusal>> {
	const { error } = await db.rpc('hide_thanks', { p_thanks: id, p_reason: reason });
	if (error) return refused(error, ['forbidden', 'not_found', 'bad_length', 'sign_in']);
	return { ok: true };
}

/** Shows a hidden thanks message again (coordinators). */
export async function restoreThanks(db: Db, id: string): Promise<Refusable<object, HideRefusal>> {
	const { error } = await db.rpc('restore_thanks', { p_thanks: id });
	if (error) return refused(error, ['forbidden', 'not_found', 'bad_length', 'sign_in']);
	return { ok: true };
}
