import type { ParamMatcher } from '@sveltejs/kit';

// /admin/areas and /admin/fields: one set of admin pages for both (src/lib/server/admin/taxonomy.ts).
export const TAXONOMIES = ['areas', 'fields'] as const;

export const match = ((param: string): param is (typeof TAXONOMIES)[number] =>
	(TAXONOMIES as readonly string[]).includes(param)) satisfies ParamMatcher;
