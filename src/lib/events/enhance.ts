// use:enhance for the small forms of event pages (join, leave, a date, an
// attendee), whose answer depends on what others change at the same time
// (places, the waiting list). SvelteKit's default reads the page's data again
// only after a success; here it does after a refusal too, so that the page
// shows what it would show without JavaScript (the load runs after any post).
import type { SubmitFunction } from '@sveltejs/kit';
import { invalidateAll } from '$app/navigation';

export const reloadAfterSubmit: SubmitFunction =
	() =>
	async ({ result, update }) => {
		if (result.type === 'failure') await invalidateAll();
		await update();
	};
