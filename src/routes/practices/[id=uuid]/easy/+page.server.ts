// A practice's やさしい日本語 version (issue 16), written by its lead
// organization's editors and coordinators; its body retells the story.
import { storySectionLabel } from '$lib/practices/labels';
import { STORY_SECTIONS } from '$lib/practices/types';
import { localizeHref } from '$lib/paraglide/runtime';
import { checkEasyForm, easyForm, saveEasyForm } from '$lib/server/easy-japanese/forms';
import { renderMarkdown } from '$lib/server/markdown';
import { editablePractice } from '$lib/server/practices/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { practice } = await editablePractice(params.id);
	const story = STORY_SECTIONS.flatMap((s) =>
		practice.story[s] ? [`### ${storySectionLabel(s)}\n\n${practice.story[s]}`] : []
	).join('\n\n');
	return {
		form: await easyForm(practice.easy),
		subject: { title: practice.title, href: localizeHref(`/practices/${practice.id}`) },
		original: { summary: practice.summary, html: renderMarkdown(story) }
	};
};

export const actions: Actions = {
	save: async (request) => {
		const { practice } = await editablePractice(request.params.id);
		const path = localizeHref(`/practices/${practice.id}`);
		return saveEasyForm(request, { subject: 'practice', id: practice.id, path });
	},
	check: async (request) => {
		await editablePractice(request.params.id);
		return checkEasyForm(request);
	}
};
