import type { LayoutServerLoad } from './$types';

// Only what the header needs; never the session.
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { displayName: locals.user.displayName, role: locals.user.role } : null
});
