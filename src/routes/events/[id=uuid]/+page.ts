import { anyPostAction } from '$lib/permissions';
import type { PageLoad } from './$types';

// Opened by its address (a shared link) the page is not hydrated: no JavaScript to download, all
// of it links and forms that work without (docs/ARCHITECTURE.md, §5). Reached from a hydrated
// page, SvelteKit renders it in the browser as usual.
export const csr = false;

// What only members use, imported for them (docs/ARCHITECTURE.md): the join and leave forms for
// someone signed in while the event takes registrations, the comment form's form for someone who
// can comment, what one may do with a comment.
export const load: PageLoad = async ({ data }) => {
	const joinable = data.signedIn && data.event.status === 'published' && data.upcoming.length > 0;
	const [memberJoin, composer, actions] = await Promise.all([
		joinable ? import('./MemberJoin.svelte').then((m) => m.default) : null,
		data.comments.blocked === null
			? import('$lib/components/threads/ReplyComposer.svelte').then((m) => m.default)
			: null,
		anyPostAction(data.comments.posts)
			? import('$lib/components/threads/PostActions.svelte').then((m) => m.default)
			: null
	]);
	return { ...data, memberJoin, composer, actions };
};
