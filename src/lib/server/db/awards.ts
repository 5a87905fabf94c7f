// Awards (表彰): coordinators give them to a practice, an organization or a
// person (policies on awards: coordinators write, everyone reads what shows
// with its recipient). The recipient is told by a trigger (award_received);
// an award naming a nomination closes it as awarded.
import { fiscalYearOf } from '$lib/recognition/fiscal';
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import {
	recipientColumns,
	type AwardItem,
	type Recipient,
	type RecipientRef
} from '$lib/recognition/types';

export type { AwardItem, RecipientRef };

export const TIMELINE_PAGE_SIZE = 20;

/**
 * An award with its recipient and event: award_card builds them as JSON in SQL
 * under the reader's RLS (four embeds cost PostgREST 2.5 ms a request;
 * migration 20261220100000_award_card).
 */
const AWARD_SELECT =
	'id, name, citation, awarded_on, fiscal_year, nomination_id, practice_id, organization_id, profile_id, shown:award_card';

/** award_card: what the reader may see of the recipient and the event (null where RLS hides it). */
interface AwardShown {
	practice: { id: string; title: string; lead: { name: string } | null } | null;
	organization: { id: string; slug: string; name: string } | null;
	profile: { id: string; display_name: string } | null;
	event: { id: string; title: string } | null;
}

export interface AwardRow {
	id: string;
	name: string;
	citation: string;
	awarded_on: string;
	/** generated from awarded_on (never null; the generated types cannot say so) */
	fiscal_year: number | null;
	nomination_id: string | null;
	practice_id: string | null;
	organization_id: string | null;
	profile_id: string | null;
	shown: unknown;
}

/** A row's recipient as pages show it (a name and a page only where the reader sees it). */
export function recipientOf(row: {
	practice_id: string | null;
	organization_id: string | null;
	profile_id?: string | null;
	practice?: { id: string; title: string; lead?: { name: string } | null } | null;
	organization?: { id: string; slug: string; name: string } | null;
	profile?: { id: string; display_name: string } | null;
}): Recipient {
	if (row.practice_id)
		return {
			kind: 'practice',
			id: row.practice_id,
			name: row.practice?.title ?? null,
			path: row.practice ? `/practices/${row.practice_id}` : null,
			byline: row.practice?.lead?.name ?? null
		};
	if (row.organization_id)
		return {
			kind: 'organization',
			id: row.organization_id,
			name: row.organization?.name ?? null,
			path: row.organization ? `/orgs/${row.organization.slug}` : null,
			byline: null
		};
	const id = row.profile_id ?? '';
	return {
		kind: 'person',
		id,
		name: row.profile?.display_name ?? null,
		path: row.profile ? `/people/${id}` : null,
		byline: null
	};
}

export function toAward(r: AwardRow): AwardItem {
	const shown = r.shown as AwardShown;
	return {
		id: r.id,
		name: r.name,
		citation: r.citation,
		awardedOn: r.awarded_on,
		fiscalYear: r.fiscal_year ?? fiscalYearOf(r.awarded_on),
		recipient: recipientOf({ ...r, ...shown }),
		event: shown.event,
		nominationId: r.nomination_id
	};
}

const column = (ref: RecipientRef) =>
	'practiceId' in ref
		? (['practice_id', ref.practiceId] as const)
		: 'organizationId' in ref
			? (['organization_id', ref.organizationId] as const)
			: (['profile_id', ref.profileId] as const);

/** The awards of one recipient, newest first (its page's 表彰 section). */
export async function awardsFor(db: Db, ref: RecipientRef, limit = 50): Promise<AwardItem[]> {
	const [col, id] = column(ref);
	const { data, error } = await db
		.from('awards')
		.select(AWARD_SELECT)
		.eq(col, id)
		.order('awarded_on', { ascending: false })
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) dbFailure(error);
	return data.map(toAward);
}

export interface TimelineFilter {
	fiscalYear: number | null;
	areaId: string | null;
	fieldId: string | null;
}

/** /recognition: a page of awards (20), newest first, filtered; `more` when a next page exists. */
export async function awardTimeline(
	db: Db,
	filter: TimelineFilter,
	page: number
): Promise<{ awards: AwardItem[]; more: boolean }> {
	const { data, error } = await db
		.rpc('award_timeline', {
			p_fiscal_year: filter.fiscalYear ?? undefined,
			p_area: filter.areaId ?? undefined,
			p_field: filter.fieldId ?? undefined,
			p_limit: TIMELINE_PAGE_SIZE + 1,
			p_offset: (page - 1) * TIMELINE_PAGE_SIZE
		})
		.select(AWARD_SELECT);
	if (error) dbFailure(error);
	const rows: AwardRow[] = data;
	return {
		awards: rows.slice(0, TIMELINE_PAGE_SIZE).map(toAward),
		more: rows.length > TIMELINE_PAGE_SIZE
	};
}

/** The 年度 that have awards, newest first (the filter's choices). */
export async function awardFiscalYears(db: Db): Promise<number[]> {
	const { data, error } = await db.rpc('award_fiscal_years');
	if (error) dbFailure(error);
	return data;
}

/** One award, or null when there is none the reader may see. */
export async function findAward(db: Db, id: string): Promise<AwardItem | null> {
	const { data, error } = await db.from('awards').select(AWARD_SELECT).eq('id', id).maybeSingle();
	if (error) dbFailure(error);
	return data && toAward(data);
}

export interface AwardInput {
	recipient: RecipientRef;
	name: string;
	citation: string;
	/** yyyy-MM-dd */
	awardedOn: string;
	eventId: string | null;
}

export type AwardRefusal =
	'forbidden' | 'not_found' | 'not_published' | 'not_listed' | 'already_answered' | 'bad_length';
const AWARD_REFUSALS: AwardRefusal[] = [
	'forbidden',
	'not_found',
	'not_published',
	'not_listed',
	'already_answered',
	'bad_length'
];

/** The policies refuse anybody but coordinators without a hint (42501): that is 'forbidden'. */
const asRefusal = (e: { code?: string; hint?: string | null; message: string }) =>
	e.code === '42501' && !e.hint ? { ...e, hint: 'forbidden' } : e;

/** Gives an award (coordinators); with a nomination, closes it as awarded. */
export async function createAward(
	db: Db,
	input: AwardInput,
	nominationId: string | null = null
): Promise<Refusable<{ id: string }, AwardRefusal>> {
	const { data, error } = await db
		.from('awards')
		.insert({
			...recipientColumns(input.recipient),
			name: input.name,
			citation: input.citation,
			awarded_on: input.awardedOn,
			event_id: input.eventId,
			nomination_id: nominationId
		})
		.select('id')
		.single();
	if (error) {
		// a nomination or event that does not exist (foreign key)
		if (error.code === '23503') return { ok: false, refusal: 'not_found' };
		return refused(asRefusal(error), AWARD_REFUSALS);
	}
	return { ok: true, id: data.id };
}

/** Changes an award (coordinators); 'not_found' when there is none they may change. */
export async function updateAward(
	db: Db,
	id: string,
	input: AwardInput
): Promise<Refusable<object, AwardRefusal>> {
	const { data, error } = await db
		.from('awards')
		.update({
			...recipientColumns(input.recipient),
			name: input.name,
			citation: input.citation,
			awarded_on: input.awardedOn,
			event_id: input.eventId
		})
		.eq('id', id)
		.select('id');
	if (error) {
		if (error.code === '23503') return { ok: false, refusal: 'not_found' };
		return refused(asRefusal(error), AWARD_REFUSALS);
	}
	return data.length ? { ok: true } : { ok: false, refusal: 'not_found' };
}

/** Deletes an award (coordinators); false when there was none they may delete. */
export async function deleteAward(db: Db, id: string): Promise<boolean> {
	const { data, error } = await db.from('awards').delete().eq('id', id).select('id');
	if (error) dbFailure(error);
	return data.length > 0;
}
