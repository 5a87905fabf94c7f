import { postActions, replyComposer } from '$lib/member-parts';
import type { PageLoad } from './$types';

// What only members use, imported for them (docs/ARCHITECTURE.md): the join and leave forms for
// someone signed in, the comment form's form for someone who can comment, what one may do with a
// comment.
export const load: PageLoad = async ({ data }) => {
	const [memberJoin, composer, actions] = await Promise.all([
		data.signedIn ? import('./MemberJoin.svelte').then((m) => m.default) : null,
		replyComposer(data.comments.blocked === null),
		postActions(data.comments.posts)
	]);
	return { ...data, memberJoin, composer, actions };
};
