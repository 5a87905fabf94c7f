import { thanksForm } from '$lib/member-parts';
import type { PageLoad } from './$types';

// the form to thank, for a member who may (docs/ARCHITECTURE.md)
export const load: PageLoad = async ({ data }) => ({
	...data,
	thanksForm: await thanksForm(data.thanks)
});
