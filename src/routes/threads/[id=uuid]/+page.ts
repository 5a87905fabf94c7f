import { postEditForm, replyComposer } from '$lib/threads/forms';
import type { PageLoad } from './$types';

// the reply form's form for someone who can reply, the edit form while editing (?edit=)
export const load: PageLoad = async ({ data }) => {
	const [composer, editForm] = await Promise.all([
		replyComposer(data.can.reply),
		postEditForm(data.editingId !== null)
	]);
	return { ...data, composer, editForm };
};
