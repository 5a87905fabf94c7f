import { isCoordinator } from '$lib/auth/roles';
import type { Db } from '$lib/server/db/client';
import { listMemberships } from '$lib/server/db/orgs';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import type { SessionUser } from '$lib/server/auth/session';
import type { EventChoices } from './forms';
import { dbFailure } from '$lib/server/db/errors';

/** What an organiser may pick: active areas and fields, the organizations they edit for, co-hosts. */
export async function eventChoices(
	db: Db,
	user: SessionUser,
	current?: {
		organizationId: string | null;
		areaId: string | null;
		fieldIds: string[];
		cohostIds: string[];
	}
) {
	const [areas, fields, memberships, orgs] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true }),
		listMemberships(db, user.id),
		db
			.from('organizations')
			.select('id, name, sort_key')
			.is('hidden_at', null)
			.order('sort_key')
			.limit(1000)
	]);
	if (orgs.error) dbFailure(orgs.error);
	const editable = memberships.filter((mb) => mb.role === 'owner' || mb.role === 'editor');
	const organizations: { id: string; name: string }[] = isCoordinator(user.role)
		? orgs.data
		: editable;
	if (current?.organizationId && !organizations.some((o) => o.id === current.organizationId)) {
		const existing = orgs.data.find((o) => o.id === current.organizationId);
		if (existing) organizations.push(existing);
	}
	const activeAreas = areas.filter((a) => !a.retired_at || a.id === current?.areaId);
	const activeFields = fields.filter((f) => !f.retired_at || current?.fieldIds.includes(f.id));
	const choices: EventChoices = {
		areaIds: new Set(activeAreas.map((a) => a.id)),
		fieldIds: new Set(activeFields.map((f) => f.id)),
		organizationIds: new Set(organizations.map((o) => o.id)),
		cohostIds: new Set(orgs.data.map((o) => o.id))
	};
	return {
		areas: activeAreas,
		fields: activeFields,
		organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
		cohosts: orgs.data.map((o) => ({ id: o.id, name: o.name })),
		choices
	};
}
