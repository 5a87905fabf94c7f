// What a page's universal load (+page.ts) imports of the parts only members
// use, so that a visitor's page does not download them (the site's frame has
// its own: $lib/components/layout/member.ts). SvelteKit still links their
// styles in the server-rendered page, and the load awaits them before the page
// hydrates. Only components no page imports statically (docs/ARCHITECTURE.md).
import type { PostView } from '$lib/threads/types';
import type { ThanksSummary } from '$lib/recognition/types';

/** The form to post (ReplyComposer, the form inside ReplyForm), for someone who can post. */
export async function replyComposer(canPost: boolean) {
	return canPost ? (await import('$lib/components/threads/ReplyComposer.svelte')).default : null;
}

/** Whether the viewer may do anything with one of these posts (reading aside). */
export const anyPostAction = (posts: PostView[]) =>
	posts.some(
		({ can: c }) =>
			c.quote ||
			c.edit ||
			c.delete ||
			c.markSolved ||
			c.report ||
			c.hide ||
			c.restore ||
			c.seeVersions
	);

/** What one may do with a post (PostActions, under each post of PostList), when one may. */
export async function postActions(posts: PostView[]) {
	return anyPostAction(posts)
		? (await import('$lib/components/threads/PostActions.svelte')).default
		: null;
}

/** ThanksBox's form (ThanksForm), for a member who may thank. */
export async function thanksForm(thanks: ThanksSummary | null | undefined) {
	return thanks?.viewer === 'can'
		? (await import('$lib/components/recognition/ThanksForm.svelte')).default
		: null;
}
