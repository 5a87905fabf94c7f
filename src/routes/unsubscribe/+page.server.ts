// One-click unsubscribe (RFC 8058), no login needed: /unsubscribe?t=<token>
// from a mail's footer or its List-Unsubscribe header. GET only asks (link
// scanners open links; nothing changes); POST with List-Unsubscribe=One-Click
// (what mail clients send, and the page's button) turns exactly the kind the
// token names off for the member it names, with the service role, once the
// signature is checked. Cross-site posts are allowed here only (hooks.server.ts).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { preferenceLabel } from '$lib/notifications/labels';
import { adminDb } from '$lib/server/db/client';
import { unsubscribeMail } from '$lib/server/db/notification-preferences';
import { serverEnv } from '$lib/server/env';
import { notice, readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { verifyUnsubscribe } from '$lib/server/mail/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

const oneClick = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

const tokenOf = (url: URL) => verifyUnsubscribe(serverEnv.jwtSecret, url.searchParams.get('t'));

export const load: PageServerLoad = ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { kind: tokenOf(url)?.kind ?? null };
};

export const actions: Actions = {
	default: async ({ url, request }) => {
		const token = tokenOf(url);
		const posted = await readForm(request, oneClick);
		if (!token || !posted) return refuse(400, 'unsubscribe', m.unsubscribe_invalid());
		if (!(await unsubscribeMail(adminDb(), token.userId, token.kind))) {
			return refuse(400, 'unsubscribe', m.unsubscribe_invalid());
		}
		logEvent('mail_unsubscribed', { kind: token.kind });
		return notice('unsubscribe', m.unsubscribe_done({ kind: preferenceLabel(token.kind) ?? '' }));
	}
};
