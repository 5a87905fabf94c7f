import type { PageLoad } from './$types';

// the form to thank, for a member who may (docs/ARCHITECTURE.md)
export const load: PageLoad = async ({ data }) => ({
	...data,
	thanksForm:
		data.thanks.viewer === 'can'
			? (await import('$lib/components/recognition/ThanksForm.svelte')).default
			: null
});
