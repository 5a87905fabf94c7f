import { postActions, replyComposer, thanksForm } from '$lib/member-parts';
import type { PageLoad } from './$types';

// What only members use, imported for them (docs/ARCHITECTURE.md): 「うちでもやってみたい」's form,
// the comment form's form for someone who can comment, what one may do with a comment, the form
// to thank.
export const load: PageLoad = async ({ data }) => {
	const [inspire, composer, actions, thanks] = await Promise.all([
		data.can.inspire ? import('./InspireForm.svelte').then((m) => m.default) : null,
		replyComposer(data.comments?.blocked === null),
		postActions(data.comments?.posts ?? []),
		thanksForm(data.thanks)
	]);
	return { ...data, parts: { inspire, composer, actions, thanks } };
};
