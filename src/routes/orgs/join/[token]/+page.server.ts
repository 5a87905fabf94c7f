import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { acceptInvitationLink, previewInvitation } from '$lib/server/db/org-invitations';
import { requestDb } from '$lib/server/db/request';
import { refusalMessage } from '$lib/server/forms/refusals';
import { refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { TOKEN } from '$lib/server/tokens';
import type { Actions, PageServerLoad } from './$types';

/** On this page an unusable invitation is a link that is used up or expired. */
const joinMessages = { invalid_invitation: m.org_join_invalid };

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!locals.user) return { signedIn: false as const, invitation: null };
	const invitation = TOKEN.test(params.token)
		? await previewInvitation(requestDb(), params.token)
		: null;
	return { signedIn: true as const, invitation };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { user } = requireUser();
		const joined = TOKEN.test(params.token)
			? await acceptInvitationLink(requestDb(), params.token)
			: ({ ok: false, refusal: 'invalid_invitation' } as const);
		if (!joined.ok) return refuse(400, 'join', refusalMessage(joined.refusal, joinMessages));
		logEvent('organization_joined', { userId: user.id, slug: joined.slug });
		redirect(303, localizeHref(`/orgs/${joined.slug}`));
	}
};
