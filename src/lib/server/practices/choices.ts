// What the practice form offers: the organizations the person writes practices
// for (owners and editors; coordinators: every one), active areas and fields,
// registered organizations as partners, and the lead organization's events.
// The same sets check the posted form (forms.ts, PracticeChoices).
import { isCoordinator } from '$lib/auth/roles';
import { editsFor } from '$lib/permissions';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import { listOrganizationChoices } from '$lib/server/db/orgs';
import { organizationsToList } from '$lib/server/orgs/search';
import { myMemberships } from '$lib/server/orgs/memberships';
import { placeChoices } from '$lib/server/db/places';
import { linkableEvents, type PracticeDetail } from '$lib/server/db/practices';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import type { PracticeChoices } from './forms';

/** The organizations a posted practice form names (its lead and partners), as sent. */
export const sentPracticeOrganizationIds = (body: FormData) =>
	[body.get('leadOrganizationId'), ...body.getAll('partnerOrgIds')].filter(
		(v): v is string => typeof v === 'string' && v !== ''
	);

/**
 * `current`: the practice being edited (its partners stay choosable though past the list's
 * first thousand); `sent`: the organizations a posted form names (sentPracticeOrganizationIds).
 */
export async function practiceChoices(
	db: Db,
	user: SessionUser,
	leadOrganizationId: string,
	current?: PracticeDetail | null,
	sent: string[] = []
) {
	const named = [
		leadOrganizationId,
		...(current?.partners ?? []).flatMap((p) => (p.org ? [p.org.id] : [])),
		...sent
	];
	const [areas, fields, memberships, orgs, places] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true }),
		myMemberships(db, user.id),
		listOrganizationChoices(db, named),
		placeChoices(db)
	]);
	const edited = memberships.filter((mb) => editsFor(mb.role));
	const organizations = isCoordinator(user.role)
		? [...orgs]
		: edited.map((mb) => ({ id: mb.id, name: mb.name }));
	const leadId = organizations.some((o) => o.id === leadOrganizationId) ? leadOrganizationId : '';
	const events = leadId ? await linkableEvents(db, leadId) : [];
	// events linked before stay choosable (an event of a co-host, one further back)
	for (const e of current?.events ?? []) if (!events.some((x) => x.id === e.id)) events.push(e);
	const activeAreas = areas.filter(
		(a) => !a.retired_at || current?.areas.some((x) => x.id === a.id)
	);
	const activeFields = fields.filter(
		(f) => !f.retired_at || current?.fields.some((x) => x.id === f.id)
	);
	// a city with many organizations: the form lists those it names and finds others by name
	const partners = organizationsToList(
		orgs.filter((o) => o.id !== leadId),
		named
	);
	const choices: PracticeChoices = {
		organizationIds: new Set(organizations.map((o) => o.id)),
		areaIds: new Set(activeAreas.map((a) => a.id)),
		fieldIds: new Set(activeFields.map((f) => f.id)),
		partnerIds: new Set(orgs.map((o) => o.id)),
		eventIds: new Set(events.map((e) => e.id)),
		placeIds: new Set(places.map((p) => p.id))
	};
	return {
		lists: {
			organizations,
			areas: activeAreas,
			fields: activeFields,
			partners: partners.listed,
			searchPartners: partners.search,
			events,
			places,
			editorOf: [...new Set(edited.map((mb) => mb.id))]
		},
		choices,
		leadId
	};
}
