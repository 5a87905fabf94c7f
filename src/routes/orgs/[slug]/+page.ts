import type { PageLoad } from './$types';

// Opened by its address (a link on the organization's own site) the page is not hydrated: no
// JavaScript to download, all of it links and forms that work without (docs/ARCHITECTURE.md,
// §5). Reached from a hydrated page, SvelteKit renders it in the browser as usual.
export const csr = false;

// What only some members use, imported for them (docs/ARCHITECTURE.md): the form to thank, the
// co-host requests for who answers them, a coordinator's moderation.
export const load: PageLoad = async ({ data }) => {
	const [thanks, cohostRequests, moderation] = await Promise.all([
		!data.org.hiddenAt && data.thanks.viewer === 'can'
			? import('$lib/components/recognition/ThanksForm.svelte').then((m) => m.default)
			: null,
		data.can.answerCohosts ? import('./CohostRequests.svelte').then((m) => m.default) : null,
		data.can.moderate ? import('./Moderation.svelte').then((m) => m.default) : null
	]);
	return { ...data, parts: { thanks, cohostRequests, moderation } };
};
