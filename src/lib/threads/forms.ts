// The forms to post (ReplyComposer, the form inside ReplyForm) and to edit a
// post (PostEditForm), for the universal load (+page.ts) of a page that has
// them: imported only for someone who can use them, so that a visitor's page
// does not download them. SvelteKit still links their styles in the
// server-rendered page, and the load awaits them before the page hydrates.
export async function replyComposer(canPost: boolean) {
	return canPost ? (await import('$lib/components/threads/ReplyComposer.svelte')).default : null;
}

export async function postEditForm(editing: boolean) {
	return editing ? (await import('$lib/components/threads/PostEditForm.svelte')).default : null;
}
