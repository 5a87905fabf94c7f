// The coordinators' moderation actions, shared by /coordinate/moderation (the
// queue) and /coordinate/moderate (one item found on a page). Each is a small
// form (hidden ids, a reason or note); the answer lands back at the page the
// form was on (Post/Redirect/Get) with a flash saying what was done, or, when
// something was missing, at the item's own box.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { formatDateTime } from '$lib/format';
import type { SuspensionDays } from '$lib/moderation/types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { requireCoordinator } from '$lib/server/auth/guard';
import {
	dismissReport,
	handleReport,
	hidePost,
	hideThread,
	liftSuspension,
	lockThread,
	MODERATION_REASON_MAX,
	restorePost,
	restoreThread,
	suspendMember,
	unlockThread
} from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';
import { hideThanks, restoreThanks } from '$lib/server/db/thanks';
import { redirectWithFlash } from '$lib/server/events/flash';
import { readForm } from '$lib/server/forms/small';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';

const reason = (required: boolean) =>
	required
		? z.string().trim().min(1).max(MODERATION_REASON_MAX)
		: z.string().trim().max(MODERATION_REASON_MAX).default('');

const schemas = {
	hidePost: z.object({ box: z.string(), postId: z.uuid(), reason: reason(true) }),
	restorePost: z.object({ box: z.string(), postId: z.uuid() }),
	hideThread: z.object({ box: z.string(), threadId: z.uuid(), reason: reason(true) }),
	restoreThread: z.object({ box: z.string(), threadId: z.uuid() }),
	lockThread: z.object({ box: z.string(), threadId: z.uuid() }),
	unlockThread: z.object({ box: z.string(), threadId: z.uuid() }),
	suspend: z.object({
		box: z.string(),
		userId: z.uuid(),
		days: z.enum(['1', '7', '30', 'indefinite']),
		reason: reason(true),
		reportId: z.uuid().optional()
	}),
	liftSuspension: z.object({ box: z.string(), userId: z.uuid() }),
	hideThanks: z.object({ box: z.string(), thanksId: z.uuid(), reason: reason(true) }),
	restoreThanks: z.object({ box: z.string(), thanksId: z.uuid() }),
	dismiss: z.object({ box: z.string(), reportId: z.uuid(), note: reason(false) }),
	handle: z.object({ box: z.string(), reportId: z.uuid(), note: reason(false) })
};
type Name = keyof typeof schemas;

/** What the person is told when a form is incomplete (the reason is what is missing). */
const MISSING: Partial<Record<Name, () => string>> = {
	hidePost: m.moderation_error_reason,
	hideThread: m.moderation_error_reason,
	hideThanks: m.moderation_error_reason,
	suspend: m.moderation_error_suspend
};

/** Back to the page the form was on (its own query kept, the action's dropped). */
function land(cookies: Cookies, url: URL, text: string, ok: boolean, target: string): never {
	const params = new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('/')));
	const search = params.size ? `?${params}` : '';
	redirectWithFlash(cookies, url, url.pathname, { text, ok, target }, search);
}

const boxId = (box: string) => (/^[\w-]{1,80}$/.test(box) ? box : 'top');

type Outcome = { ok: boolean; text: string };

function action<T extends object>(
	name: Name,
	schema: z.ZodType<T>,
	run: (form: T) => Promise<Outcome>
) {
	return async ({ request, url, cookies }: RequestEvent) => {
		const { user } = requireCoordinator();
		const raw = await request.clone().formData();
		const form = await readForm(request, schema);
		const given = raw.get('box');
		const box = typeof given === 'string' ? boxId(given) : 'top';
		if (!form) land(cookies, url, (MISSING[name] ?? m.refusal_not_found)(), false, box);
		const result = await run(form);
		if (!result.ok) land(cookies, url, result.text, false, box);
		logEvent('moderation_action', { userId: user.id, action: name });
		land(cookies, url, result.text, true, 'top');
	};
}

/** The db function's answer in words: what was done, or why not. */
const said = (
	r: { ok: true } | { ok: false; refusal: Parameters<typeof refusalMessage>[0] },
	done: () => string
): Outcome => (r.ok ? { ok: true, text: done() } : { ok: false, text: refusalMessage(r.refusal) });

const DAYS: Record<'1' | '7' | '30' | 'indefinite', SuspensionDays> = {
	'1': 1,
	'7': 7,
	'30': 30,
	indefinite: null
};

/** The actions, for a page's `actions` (`export const actions = { ...moderationActions }`). */
export const moderationActions = {
	hidePost: action('hidePost', schemas.hidePost, async (f) =>
		said(await hidePost(requestDb(), f.postId, f.reason), m.moderation_done_hide_post)
	),
	restorePost: action('restorePost', schemas.restorePost, async (f) =>
		said(await restorePost(requestDb(), f.postId), m.moderation_done_restore_post)
	),
	hideThread: action('hideThread', schemas.hideThread, async (f) =>
		said(await hideThread(requestDb(), f.threadId, f.reason), m.moderation_done_hide_thread)
	),
	restoreThread: action('restoreThread', schemas.restoreThread, async (f) =>
		said(await restoreThread(requestDb(), f.threadId), m.moderation_done_restore_thread)
	),
	lockThread: action('lockThread', schemas.lockThread, async (f) =>
		said(await lockThread(requestDb(), f.threadId), m.moderation_done_lock_thread)
	),
	unlockThread: action('unlockThread', schemas.unlockThread, async (f) =>
		said(await unlockThread(requestDb(), f.threadId), m.moderation_done_unlock_thread)
	),
	suspend: action('suspend', schemas.suspend, async (f) => {
		const r = await suspendMember(
			requestDb(),
			f.userId,
			DAYS[f.days],
			f.reason,
			f.reportId ?? null
		);
		return said(r, () =>
			r.ok && r.until
				? m.moderation_done_suspend({ until: formatDateTime(r.until, getLocale()) })
				: m.moderation_done_suspend_indefinite()
		);
	}),
	liftSuspension: action('liftSuspension', schemas.liftSuspension, async (f) =>
		said(await liftSuspension(requestDb(), f.userId), m.moderation_done_lift_suspension)
	),
	dismiss: action('dismiss', schemas.dismiss, async (f) =>
		said(await dismissReport(requestDb(), f.reportId, f.note), m.moderation_done_dismiss)
	),
	hideThanks: action('hideThanks', schemas.hideThanks, async (f) =>
		said(await hideThanks(requestDb(), f.thanksId, f.reason), m.recognition_done_hide_thanks)
	),
	restoreThanks: action('restoreThanks', schemas.restoreThanks, async (f) =>
		said(await restoreThanks(requestDb(), f.thanksId), m.recognition_done_restore_thanks)
	),
	handle: action('handle', schemas.handle, async (f) =>
		said(await handleReport(requestDb(), f.reportId, f.note), m.moderation_done_handle)
	)
};
