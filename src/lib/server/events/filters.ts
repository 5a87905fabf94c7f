// The event filters shared by /calendar and /calendar.ics (and the same names
// as /events): q, kind, area, field (slugs) and organization (slug).
import { isEventKind, type EventKind } from '$lib/events/kinds';
import type { Db } from '$lib/server/db/client';
import type { OccurrenceFilters } from '$lib/server/db/events';
import { findOrganizationRef } from '$lib/server/db/orgs';
import type { Area, Field } from '$lib/server/db/taxonomy';
import { publicTaxonomy } from '$lib/server/events/kept-lists';

export interface FilterValues {
	q: string;
	kind: EventKind | '';
	area: string;
	field: string;
	organization: string;
}

export interface ReadFilters {
	values: FilterValues;
	filters: Omit<OccurrenceFilters, 'from' | 'to'>;
	/** a slug that matches nothing (a feed answers 404 rather than everything) */
	unknown: boolean;
	area: Area | null;
	field: Field | null;
	organization: { id: string; slug: string; name: string } | null;
	areas: Area[];
	fields: Field[];
}

/** The filters of the address; `version`: of the public events, which names the areas and fields kept. */
export async function readFilters(
	db: Db,
	params: URLSearchParams,
	version: number
): Promise<ReadFilters> {
	const slug = (k: string) => (params.get(k) ?? '').trim().slice(0, 100);
	const orgSlug = slug('organization');
	const [{ areas, fields }, organization] = await Promise.all([
		// retired ones still match, so that old subscriptions keep working
		publicTaxonomy(db, version),
		// RLS decides: an organization hidden from the public is found by its members
		orgSlug ? findOrganizationRef(db, orgSlug) : null
	]);
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const kind = params.get('kind') ?? '';
	const area = areas.find((a) => a.slug === slug('area')) ?? null;
	const field = fields.find((f) => f.slug === slug('field')) ?? null;
	const unknown =
		(!!slug('area') && !area) ||
		(!!slug('field') && !field) ||
		(!!orgSlug && !organization) ||
		(!!kind && !isEventKind(kind));
	return {
		values: {
			q,
			kind: isEventKind(kind) ? kind : '',
			area: area?.slug ?? '',
			field: field?.slug ?? '',
			organization: organization?.slug ?? ''
		},
		filters: {
			q: q || undefined,
			kind: isEventKind(kind) ? kind : undefined,
			areaId: area?.id,
			fieldId: field?.id,
			organizationId: organization?.id
		},
		unknown,
		area,
		field,
		organization,
		areas: areas.filter((a) => !a.retired_at || a.id === area?.id),
		fields: fields.filter((f) => !f.retired_at || f.id === field?.id)
	};
}

/** The filters as a query string (without "?"), empty values left out. */
export function filterQuery(values: FilterValues, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries({ ...extra, ...values })) if (v) params.set(k, v);
	return params.toString();
}
