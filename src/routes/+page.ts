import type { PageLoad } from './$types';

// a signed-in member's next date: its card is imported for them only
export const load: PageLoad = async ({ data }) => ({
	...data,
	nextCard: data.next ? (await import('$lib/components/me/RegistrationItem.svelte')).default : null
});
