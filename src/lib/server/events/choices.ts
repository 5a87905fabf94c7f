// What the event form offers an organiser: active areas and fields, the
// organizations they may publish for, and the organizations they may name as
// co-hosts, and the places of the directory (会場). The same sets check the posted form (forms.ts, EventChoices).
import { isCoordinator } from '$lib/auth/roles';
import { editsFor } from '$lib/permissions';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import { listOrganizationChoices } from '$lib/server/db/orgs';
import { organizationsToList } from '$lib/server/orgs/search';
import { myMemberships } from '$lib/server/orgs/memberships';
import { placeChoices } from '$lib/server/db/places';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import type { EventChoices } from './forms';

/** The organizations a posted event form names (its organiser and co-hosts), as sent. */
export const sentOrganizationIds = (body: FormData) =>
	[body.get('organizationId'), ...body.getAll('cohostIds')].filter(
		(v): v is string => typeof v === 'string' && v !== ''
	);

/**
 * `current`: the event's values (kept choosable though retired or past the list's first
 * thousand); `sent`: the organizations a posted form names (sentOrganizationIds).
 */
export async function eventChoices(
	db: Db,
	user: SessionUser,
	current?: {
		organizationId: string | null;
		areaId: string | null;
		fieldIds: string[];
		cohostIds: string[];
	},
	sent: string[] = []
) {
	const named = [current?.organizationId ?? '', ...(current?.cohostIds ?? []), ...sent];
	const [areas, fields, memberships, orgs, places] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true }),
		myMemberships(db, user.id),
		listOrganizationChoices(db, named),
		placeChoices(db)
	]);
	const organizations = isCoordinator(user.role)
		? [...orgs]
		: memberships.filter((mb) => editsFor(mb.role)).map((mb) => ({ id: mb.id, name: mb.name }));
	if (current?.organizationId && !organizations.some((o) => o.id === current.organizationId)) {
		const existing = orgs.find((o) => o.id === current.organizationId);
		if (existing) organizations.push(existing);
	}
	const activeAreas = areas.filter((a) => !a.retired_at || a.id === current?.areaId);
	const activeFields = fields.filter((f) => !f.retired_at || current?.fieldIds.includes(f.id));
	const choices: EventChoices = {
		areaIds: new Set(activeAreas.map((a) => a.id)),
		fieldIds: new Set(activeFields.map((f) => f.id)),
		organizationIds: new Set(organizations.map((o) => o.id)),
		cohostIds: new Set(orgs.map((o) => o.id)),
		placeIds: new Set(places.map((p) => p.id))
	};
	// a city with many organizations: the form lists those it names and finds others by name
	const cohosts = organizationsToList(orgs, named);
	return {
		areas: activeAreas,
		fields: activeFields,
		organizations,
		cohosts: cohosts.listed,
		searchCohosts: cohosts.search,
		places,
		choices
	};
}
