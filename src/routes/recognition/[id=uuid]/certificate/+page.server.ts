// The certificate (表彰状) of an award, to print on one A4 landscape sheet:
// award name, recipient, citation, date in the Japanese era, the municipality.
// Whoever sees the award sees its certificate (RLS on awards).
import { error } from '@sveltejs/kit';
import { citationSize } from '$lib/recognition/certificate';
import { eraDate } from '$lib/recognition/fiscal';
import { findAward } from '$lib/server/db/awards';
import { requestDb } from '$lib/server/db/request';
import { serverEnv } from '$lib/server/env';
import { renderMarkdown } from '$lib/server/markdown';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const award = await findAward(requestDb(), params.id);
	if (!award) error(404, 'Not Found');
	return {
		award: {
			id: award.id,
			name: award.name,
			recipient: award.recipient,
			citationHtml: renderMarkdown(award.citation),
			citationSize: citationSize(award.citation),
			awardedOn: award.awardedOn
		},
		date: eraDate(award.awardedOn),
		municipality: serverEnv.municipalityName
	};
};
