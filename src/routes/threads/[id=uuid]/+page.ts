import { postActions, replyComposer } from '$lib/member-parts';
import type { PageLoad } from './$types';

// the reply form's form for someone who can reply; what one may do with a post; the edit form
// only while editing (?edit=, one's own post), imported here so that only this page links its
// styles
export const load: PageLoad = async ({ data }) => {
	const [composer, actions, editForm] = await Promise.all([
		replyComposer(data.can.reply),
		postActions(data.posts),
		data.editingId !== null
			? import('$lib/components/threads/PostEditForm.svelte').then((m) => m.default)
			: null
	]);
	return { ...data, composer, actions, editForm };
};
