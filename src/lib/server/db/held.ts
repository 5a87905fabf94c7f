// A form's list to choose from is capped (a city's platform holds thousands of organizations,
// practices and events); what the form holds is looked up and added wherever it would sort, so
// that saving the form neither drops nor refuses it. The reads themselves stay in the entity's
// module (listOrganizationChoices, publishedPracticeOptions, eventOptions…).
import { UUID } from '$lib/forms/patterns';

/** The ids among `ids` worth looking up: those shaped as ids, once each. */
export const heldIds = (ids: readonly string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];

/** `listed`, then those of `held` it does not have. */
export function withHeld<T extends { id: string }>(listed: T[], held: T[] | null | undefined): T[] {
	const ids = new Set(listed.map((x) => x.id));
	return [...listed, ...(held ?? []).filter((x) => !ids.has(x.id))];
}
