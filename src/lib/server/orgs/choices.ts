import type { Db } from '$lib/server/db/client';
import { listAreas, listFields } from '$lib/server/db/taxonomy';

/** Active areas and fields to choose from, plus any retired ones the organization already has. */
export async function orgChoices(
	db: Db,
	current: { areaIds: string[]; fieldIds: string[] } = { areaIds: [], fieldIds: [] }
) {
	const [allAreas, allFields] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true })
	]);
	const areas = allAreas.filter((a) => !a.retired_at || current.areaIds.includes(a.id));
	const fields = allFields.filter((f) => !f.retired_at || current.fieldIds.includes(f.id));
	return {
		areas,
		fields,
		allowed: {
			areaIds: new Set(areas.map((a) => a.id)),
			fieldIds: new Set(fields.map((f) => f.id))
		}
	};
}
