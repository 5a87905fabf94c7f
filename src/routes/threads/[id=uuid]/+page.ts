import { anyPostAction } from '$lib/permissions';
import type { PageLoad } from './$types';

// What only members use, imported for them (docs/ARCHITECTURE.md): the reply form's form for
// someone who can reply, what one may do with a post, the edit form while editing (?edit=, one's
// own post).
export const load: PageLoad = async ({ data }) => {
	const [composer, actions, editForm] = await Promise.all([
		data.can.reply
			? import('$lib/components/threads/ReplyComposer.svelte').then((m) => m.default)
			: null,
		anyPostAction(data.posts)
			? import('$lib/components/threads/PostActions.svelte').then((m) => m.default)
			: null,
		data.editingId !== null
			? import('$lib/components/threads/PostEditForm.svelte').then((m) => m.default)
			: null
	]);
	return { ...data, composer, actions, editForm };
};
