import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { acceptInvitationLink, previewInvitation } from '$lib/server/db/org-invitations';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { TOKEN } from '$lib/server/tokens';
import type { Actions, PageServerLoad } from './$types';

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
		const slug = TOKEN.test(params.token)
			? await acceptInvitationLink(requestDb(), params.token)
			: null;
		if (!slug) return fail(400, { invalid: true });
		logEvent('organization_joined', { userId: user.id, slug });
		redirect(303, localizeHref(`/orgs/${slug}`));
	}
};
