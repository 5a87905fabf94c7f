// /report: what a member reports (from the address: ?post=, ?thread=, ?event=,
// ?organization=), the form, and where the reporter lands afterwards.
import { z } from 'zod';
import { isReportReason, type ReportTarget } from '$lib/moderation/types';
import { m } from '$lib/paraglide/messages';
import { REPORT_DETAILS_MAX, type ReportedItem } from '$lib/server/db/moderation';
import { postAnchor, postPageOf } from '$lib/threads/paging';

const uuid = z.uuid();

/** The one item the address names, or null (none, several, or not an id). */
export function reportTargetOf(params: URLSearchParams): ReportTarget | null {
	const named = (['post', 'thread', 'event', 'organization', 'thanks'] as const).flatMap((key) => {
		const value = params.get(key);
		return value !== null ? [{ key, value }] : [];
	});
	if (named.length !== 1 || !uuid.safeParse(named[0].value).success) return null;
	const { key, value } = named[0];
	if (key === 'post') return { postId: value };
	if (key === 'thread') return { threadId: value };
	if (key === 'event') return { eventId: value };
	if (key === 'thanks') return { thanksId: value };
	return { organizationId: value };
}

/** The form: a reason (nothing preselected) and words, needed for その他. */
export const reportSchema = () =>
	z
		.object({
			// a plain string so that nothing is preselected; only a known reason passes
			reason: z
				.string()
				.refine((v): boolean => isReportReason(v), m.report_error_reason())
				.default(''),
			details: z
				.string()
				.trim()
				.max(REPORT_DETAILS_MAX, m.report_error_details_too_long({ max: REPORT_DETAILS_MAX }))
				.default('')
		})
		.superRefine((v, ctx) => {
			if (v.reason === 'other' && v.details === '')
				ctx.addIssue({
					code: 'custom',
					path: ['details'],
					message: m.report_error_details_required()
				});
		});

/**
 * Where the reporter goes back to (a path without the locale, its query, the
 * anchor): the post on its thread page, or among the event's comments on the
 * event's page, the event's or the organization's page.
 */
export function landingOf(item: ReportedItem): { path: string; search: string; target: string } {
	// an event's comments are on its page (the thread's last page, where nearly every comment is)
	if (item.eventId)
		return {
			path: `/events/${item.eventId}`,
			search: '',
			target: item.kind === 'post' ? postAnchor(item.id) : 'top'
		};
	if (item.kind === 'thanks')
		return { path: item.recipientPath ?? '/recognition', search: '', target: 'thanks' };
	if (item.kind === 'organization' && item.slug)
		return { path: `/orgs/${item.slug}`, search: '', target: 'top' };
	if (item.kind === 'post' && item.threadId && item.postPosition !== null)
		return {
			path: `/threads/${item.threadId}`,
			search: `?page=${postPageOf(item.postPosition)}`,
			target: postAnchor(item.id)
		};
	return { path: `/threads/${item.threadId ?? ''}`, search: '', target: 'top' };
}

/** The first lines of what was written, for showing it (escaped) on the report page. */
export function firstLines(text: string, lines = 4, chars = 300): string {
	const cut = text.split(/\r?\n/).filter(Boolean).slice(0, lines).join('\n');
	return [...cut].length > chars ? `${[...cut].slice(0, chars).join('')}…` : cut;
}
