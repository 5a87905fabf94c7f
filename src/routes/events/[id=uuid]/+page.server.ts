import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { EASY_PARAM, hasEasyVersion } from '$lib/easy-japanese/version';
import { nextScheduled } from '$lib/events/dates';
import { googleCalendarUrl } from '$lib/events/google-calendar';
import { shortPath } from '$lib/events/short-code';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { findEventWithDates } from '$lib/server/db/events';
import { occurrences as keptOccurrences, readerAt } from '$lib/server/events/kept-lists';
import { listEventRecords } from '$lib/server/db/records';
import { cancelRegistration, joinOccurrence } from '$lib/server/db/registrations';
import { requestDb } from '$lib/server/db/request';
import { getOrCreateEventThread } from '$lib/server/db/threads';
import { managesEvent } from '$lib/server/events/access';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { unrecordedDates } from '$lib/server/records/held';
import { eventJsonLd } from '$lib/server/events/json-ld';
import { readForm, refuse } from '$lib/server/forms/small';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { pageReadings, postsWithReadings, withReadings } from '$lib/server/furigana/page';
import { renderMarkdown } from '$lib/server/markdown';
import { readReply, refuseText } from '$lib/server/threads/forms';
import { loadEventComments, writeReply } from '$lib/server/threads/view';
import type { Actions, PageServerLoad } from './$types';

const UPCOMING_SHOWN = 12;
const RECORDS_SHOWN = 5;

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = requestDb();
	// the event, its dates, the person's registrations for them and the version the
	// organization's next dates are kept by: one request
	const found = await findEventWithDates(db, params.id);
	if (!found) error(404, 'Not Found');
	const { event, occurrences } = found;
	const reader = readerAt(found.eventsVersion);
	const flash = takeFlash(cookies, url);
	const now = Date.now();
	const upcomingOf = <T extends { endsAt: string }>(all: T[]) =>
		all.filter((o) => new Date(o.endsAt).getTime() > now).slice(0, UPCOMING_SHOWN);
	const upcomingIds = new Set(upcomingOf(occurrences).map((o) => o.id));
	const registrations = found.registrations.filter((r) => upcomingIds.has(r.occurrenceId));
	// everything else that needs only the event, side by side
	const [records, canManage, comments, others] = await Promise.all([
		// 開催記録: public ones, and for the organisers every one; only a date that has
		// started can have one (save_occurrence_record refuses the others)
		occurrences.some((o) => new Date(o.startsAt).getTime() <= now)
			? listEventRecords(db, event.id, RECORDS_SHOWN)
			: [],
		managesEvent(db, event, locals.user),
		// 質問・コメント: the latest comments and the comment form (?quote=…#comment)
		loadEventComments(db, event.id, locals.user, url.searchParams.get('quote')),
		event.organizationId
			? keptOccurrences(
					db,
					reader,
					{ from: new Date(), organizationId: event.organizationId },
					{ offset: 0, limit: 5 }
				)
			: null
	]);
	// ふりがな: the words of everything shown (one read, only while it is on)
	const readings = await pageReadings(cookies, db, [
		event.id,
		event.organizationId,
		event.place?.id,
		...comments.posts.map((p) => p.id),
		...(others ?? []).map((o) => o.event.id)
	]);
	// for the organisers: the latest held dates that still have no record
	const unrecorded = canManage ? await unrecordedDates(db, event, occurrences, now) : [];
	const upcoming = upcomingOf(occurrences);
	const next = event.status === 'cancelled' ? undefined : nextScheduled(occurrences, now);
	const jsonLd = eventJsonLd(event, upcoming[0] ?? occurrences.at(-1), url.origin);
	const pagePath = localizeHref(`/events/${event.id}`);
	const pageUrl = new URL(pagePath, url.origin).href;
	const place = [event.venueName, event.venueAddress].filter(Boolean).join(' ');
	// ?confirm=leave-<registration id>: the second step of leaving, shown at that date
	const confirm = url.searchParams.get('confirm');
	// ?easy=1: the やさしい日本語 version, field by field where the organiser wrote one
	const easyShown = url.searchParams.get(EASY_PARAM) === '1' && hasEasyVersion(event.easy);
	return {
		event,
		flash,
		bodyHtml: withReadings(renderMarkdown((easyShown && event.easy.body) || event.body), readings),
		easyShown,
		readings,
		upcoming,
		next,
		pastCount: occurrences.filter((o) => new Date(o.endsAt).getTime() <= now).length,
		scheduledCount: occurrences.filter(
			(o) => o.status === 'scheduled' && new Date(o.endsAt).getTime() > now
		).length,
		registrations,
		signedIn: locals.user !== null,
		comments: { ...comments, posts: postsWithReadings(comments.posts, readings) },
		confirmLeave: registrations.find((r) => confirm === `leave-${r.id}`)?.id ?? null,
		canManage,
		records,
		unrecorded,
		otherEvents: (others ?? []).filter((o) => o.event.id !== event.id).slice(0, 4),
		links: {
			page: pageUrl,
			short: new URL(shortPath(event.shortCode), url.origin).href,
			ogImage: new URL(`/events/${event.id}/og.png`, url.origin).href,
			ics: localizeHref(`/events/${event.id}/ical`),
			icsWithoutReminder: `${localizeHref(`/events/${event.id}/ical`)}?reminder=0`,
			// one date: Google's link cannot carry a series' moved and cancelled dates
			google: next
				? googleCalendarUrl({
						title: event.title,
						startsAt: next.startsAt,
						endsAt: next.endsAt,
						allDay: event.allDay,
						details: [event.summary, pageUrl].filter(Boolean).join('\n\n'),
						location: place || event.onlineUrl
					})
				: null
		},
		// eventJsonLd() escapes "<", so nothing inside can end the script element
		jsonLdScript: `<script type="application/ld+json">${jsonLd}</script>`
	};
};

const joinSchema = z.object({
	occurrenceId: z.uuid(),
	companions: z.coerce.number().int().min(0).max(9).default(0)
});

const leaveSchema = z.object({
	registrationId: z.uuid(),
	// where to land and which words to use (only the message depends on them)
	occurrenceId: z.uuid().optional(),
	waitlisted: z.literal('true').optional()
});

export const actions: Actions = {
	/** A comment: the event's thread is made at the first one. Lands at the comment. */
	comment: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const read = await readReply(request);
		if (!read.ok) return refuseText('comment', read.why, read.kept);
		const thread = await getOrCreateEventThread(db, params.id);
		if (!thread.ok) return refuseText('comment', refusalMessage(thread.refusal), read.kept);
		const result = await writeReply(db, thread.id, read.data);
		if (!result.ok) return refuseText('comment', refusalMessage(result.refusal), read.kept);
		logEvent('post_written', { userId: user.id, threadId: thread.id, postId: result.id });
		return redirectWithFlash(cookies, url, localizeHref(`/events/${params.id}`), {
			text: m.post_posted(),
			ok: true,
			target: `post-${result.id}`
		});
	},

	join: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const form = await readForm(request, joinSchema);
		if (!form) return refuse(400, 'join', m.event_join_bad_companions(), { occurrenceId: null });
		const { occurrenceId, companions } = form;
		const result = await joinOccurrence(requestDb(), occurrenceId, companions);
		// the answer lands at the date it is about (Post/Redirect/Get: reloading repeats nothing)
		const land = (text: string, ok: boolean) =>
			redirectWithFlash(cookies, url, localizeHref(`/events/${params.id}`), {
				text,
				ok,
				target: `occurrence-${occurrenceId}`
			});
		if (!result.ok) {
			// an unknown date is not one of the page's: its message goes above the list
			if (result.refusal === 'not_found')
				return refuse(404, 'join', m.event_join_not_found(), { occurrenceId: null });
			return land(refusalMessage(result.refusal), false);
		}
		logEvent('event_joined', { userId: user.id, occurrenceId, status: result.status });
		return land(
			result.status === 'going' ? m.event_joined_going() : m.event_joined_waitlisted(),
			true
		);
	},

	leave: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const form = await readForm(request, leaveSchema);
		// an unknown registration, or somebody else's
		const result = form ? await cancelRegistration(requestDb(), form.registrationId) : null;
		if (!form || !result?.ok) return refuse(400, 'leave', m.event_leave_not_found());
		logEvent('event_left', { userId: user.id, registrationId: form.registrationId });
		return redirectWithFlash(cookies, url, localizeHref(`/events/${params.id}`), {
			text: form.waitlisted ? m.event_left_waitlist() : m.event_left(),
			ok: true,
			target: form.occurrenceId ? `occurrence-${form.occurrenceId}` : 'join'
		});
	}
};
