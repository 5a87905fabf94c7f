import { anyPostAction } from '$lib/permissions';
import type { PageLoad } from './$types';

// What only members use, imported for them (docs/ARCHITECTURE.md): 「うちでもやってみたい」's form,
// the comment form's form for someone who can comment, what one may do with a comment, the form
// to thank.
export const load: PageLoad = async ({ data }) => {
	const [inspire, composer, actions, thanks] = await Promise.all([
		data.can.inspire ? import('./InspireForm.svelte').then((m) => m.default) : null,
		data.comments?.blocked === null
			? import('$lib/components/threads/ReplyComposer.svelte').then((m) => m.default)
			: null,
		anyPostAction(data.comments?.posts ?? [])
			? import('$lib/components/threads/PostActions.svelte').then((m) => m.default)
			: null,
		data.thanks?.viewer === 'can'
			? import('$lib/components/recognition/ThanksForm.svelte').then((m) => m.default)
			: null
	]);
	return { ...data, parts: { inspire, composer, actions, thanks } };
};
