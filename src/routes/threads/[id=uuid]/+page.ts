import { replyComposer } from '$lib/threads/reply-composer';
import type { PageLoad } from './$types';

// the reply form's form for someone who can reply; the edit form only while editing (?edit=,
// one's own post), imported here so that only this page links its styles
export const load: PageLoad = async ({ data }) => {
	const [composer, editForm] = await Promise.all([
		replyComposer(data.can.reply),
		data.editingId !== null
			? import('$lib/components/threads/PostEditForm.svelte').then((m) => m.default)
			: null
	]);
	return { ...data, composer, editForm };
};
