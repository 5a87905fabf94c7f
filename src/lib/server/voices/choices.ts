// What a 声's form offers: the areas and fields in use (a 声 keeps a retired
// one it already has), and the same sets to check the posted form.
import type { Db } from '$lib/server/db/client';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import type { VoiceChoices } from './forms';

export async function voiceChoices(
	db: Db,
	current?: { areaId: string | null; fieldIds: string[] }
) {
	const [allAreas, allFields] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true })
	]);
	const areas = allAreas.filter((a) => !a.retired_at || a.id === current?.areaId);
	const fields = allFields.filter((f) => !f.retired_at || current?.fieldIds.includes(f.id));
	const choices: VoiceChoices = {
		areaIds: new Set(areas.map((a) => a.id)),
		fieldIds: new Set(fields.map((f) => f.id))
	};
	return { areas, fields, choices };
}
