// The form to post (ReplyComposer, the form inside ReplyForm), for the
// universal load (+page.ts) of a page that has a reply or comment form:
// imported only for someone who can post, so that a visitor's page does not
// download it. SvelteKit still links its styles in the server-rendered page,
// and the load awaits it before the page hydrates.
export async function replyComposer(canPost: boolean) {
	return canPost ? (await import('$lib/components/threads/ReplyComposer.svelte')).default : null;
}
