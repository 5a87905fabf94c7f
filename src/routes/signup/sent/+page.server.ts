import { localizeHref } from '$lib/paraglide/runtime';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import type { PageServerLoad } from './$types';

// Where every sign-up lands, whether its address was new or taken: the same
// words for both (確認メール), and a way on to where the person was going.
export const load: PageServerLoad = ({ url }) => {
	const home = localizeHref('/');
	const next = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin, home);
	return { next, home: next === home };
};
