import type { ParamMatcher } from '@sveltejs/kit';

// Sections in the navigation that are not built yet; each one leaves this
// list when its own route folder lands.
export const SOON_SECTIONS = ['practices'] as const;

export const match = ((param: string): param is (typeof SOON_SECTIONS)[number] =>
	(SOON_SECTIONS as readonly string[]).includes(param)) satisfies ParamMatcher;
