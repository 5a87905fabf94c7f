// A form's organizations to check (an event's co-hosts, a practice's partners): every one while
// the city has few, past that those the form names and what 「団体名で探す」 finds
// (OrganizationChoices.svelte). The search is a second submit of the same form: its action
// validates nothing and answers the form as typed with what was found.
import type { OrganizationSearch } from '$lib/orgs/types';
import type { Db } from '$lib/server/db/client';
import { searchOrganizations } from '$lib/server/db/orgs';

/** Up to this many organizations, a form lists every one. */
export const ORGANIZATIONS_LISTED = 50;
/** What a search shows at most. */
const ORGANIZATIONS_FOUND = 20;

/**
 * Organizations to list: every one of `all` (a choice list) while there are few, else those
 * the form names (`named`: what it holds and was sent). `search`: the form finds the others.
 */
export function organizationsToList(
	all: { id: string; name: string }[],
	named: readonly string[]
): { listed: { id: string; name: string }[]; search: boolean } {
	const search = all.length > ORGANIZATIONS_LISTED;
	return { listed: search ? all.filter((o) => named.includes(o.id)) : all, search };
}

/** The posted form's 「団体名で探す」 (orgQuery): `listed` are those the form lists for it. */
export async function organizationSearch(
	db: Db,
	body: FormData,
	listed: { id: string; name: string }[]
): Promise<OrganizationSearch> {
	const sent = body.get('orgQuery');
	const q = (typeof sent === 'string' ? sent : '').trim().slice(0, 50);
	if (!q) return { q, listed, found: [], more: false };
	const { organizations, total } = await searchOrganizations(db, { q }, 1, ORGANIZATIONS_FOUND);
	const ids = new Set(listed.map((o) => o.id));
	return {
		q,
		listed,
		found: organizations.filter((o) => !ids.has(o.id)).map((o) => ({ id: o.id, name: o.name })),
		more: total > organizations.length
	};
}
