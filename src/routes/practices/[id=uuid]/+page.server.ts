import { error } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { EASY_PARAM, hasEasyVersion } from '$lib/easy-japanese/version';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	canAward,
	canNominate,
	practicePermissions,
	practiceReadPermissions
} from '$lib/permissions';
import { STORY_SECTIONS } from '$lib/practices/types';
import { requireUser } from '$lib/server/auth/guard';
import {
	getOrCreatePracticeThread,
	inspireThread,
	nextDatesOf,
	threadsInspiredBy
} from '$lib/server/db/practice-pages';
import { awardsFor } from '$lib/server/db/awards';
import { getPractice } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { pageReadings, postsWithReadings, withReadings } from '$lib/server/furigana/page';
import { renderMarkdown } from '$lib/server/markdown';
import { renderPost } from '$lib/server/posts/render';
import { editedOrganizations } from '$lib/server/orgs/memberships';
import { inspirePostBody, inspireSchema } from '$lib/server/practices/inspire';
import { practiceJsonLd } from '$lib/server/practices/json-ld';
import { resolveMyArea } from '$lib/server/preferences';
import { withCitations } from '$lib/server/recognition/awards';
import { loadThanks, thankAction } from '$lib/server/recognition/thanks';
import { readReply, refuseText } from '$lib/server/threads/forms';
import { loadComments, writeReply } from '$lib/server/threads/view';
import { currentSuspension } from '$lib/server/moderation/current';
import type { Actions, PageServerLoad } from './$types';

const choicesOf = (areas: { id: string }[], practice: { fields: { id: string }[] }) => ({
	areaIds: new Set(areas.map((a) => a.id)),
	fieldIds: new Set(practice.fields.map((f) => f.id))
});

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = requestDb();
	const practice = await getPractice(db, params.id);
	// not there, or a draft RLS hides from this viewer
	if (!practice) error(404, 'Not Found');
	const flash = takeFlash(cookies, url);
	const now = new Date();
	const open = practice.status === 'published';
	// the suspension in force, read once per request (the layout's banner reads the same)
	const suspended = locals.user ? (await currentSuspension(locals.user.id)) !== null : false;
	const [comments, inspired, nextDates, areas, editorOf, awards, thanks] = await Promise.all([
		// 質問・コメント: the comment thread's last page (made at the first comment)
		open
			? loadComments(db, { practiceId: practice.id }, locals.user, url.searchParams.get('quote'))
			: null,
		open ? threadsInspiredBy(db, practice.id) : [],
		nextDatesOf(
			db,
			practice.events.map((e) => e.id),
			now
		),
		listAreas(db),
		// 編集する: the lead organization's editors and coordinators
		locals.user ? editedOrganizations(db, locals.user.id) : new Set<string>(),
		// 表彰 and ありがとう (only a published practice receives them)
		open ? awardsFor(db, { practiceId: practice.id }) : [],
		open
			? loadThanks(
					db,
					{ practiceId: practice.id },
					{ kind: 'practice', organizationId: practice.leadOrganization.id },
					locals.user,
					suspended
				)
			: null
	]);
	const canEdit = practicePermissions(
		locals.user,
		{ status: practice.status, leadOrganizationId: practice.leadOrganization.id },
		editorOf
	).edit;
	const can = practiceReadPermissions(locals.user, practice, suspended);
	// 「うちでもやってみたい」: the reader's area (わたしの地域, else the profile's) and the practice's fields
	const myArea = can.inspire
		? await resolveMyArea(db, cookies, locals.user?.id ?? null, areas)
		: null;
	const inspireForm = await superValidate(
		{
			title: m.read_practice_inspire_title_default({ title: practice.title }).slice(0, 120),
			message: '',
			areaId: myArea?.id ?? '',
			fieldIds: practice.fields.map((f) => f.id)
		},
		zod4(inspireSchema(choicesOf(areas, practice))),
		{ id: 'inspire', errors: false }
	);
	// linked events: those with a date still to come first (by that date), then the past ones, latest first
	const upcomingEvents = practice.events
		.filter((e) => nextDates.has(e.id))
		.map((e) => ({ ...e, next: nextDates.get(e.id) ?? { startsAt: e.startsAt, endsAt: e.endsAt } }))
		.sort((a, b) => a.next.startsAt.localeCompare(b.next.startsAt));
	const pastEvents = practice.events
		.filter((e) => !nextDates.has(e.id))
		.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
	const pageUrl = new URL(localizeHref(`/practices/${practice.id}`), url.origin).href;
	// ふりがな: the words of what the page shows (one read, only while it is on)
	const readings = await pageReadings(cookies, db, [
		practice.id,
		...practice.events.map((e) => e.id),
		...(comments?.posts ?? []).map((p) => p.id)
	]);
	const cover = practice.photos[0] ?? null;
	// ?easy=1: the やさしい日本語 version (its body instead of the story, where there is one)
	const easyShown = url.searchParams.get(EASY_PARAM) === '1' && hasEasyVersion(practice.easy);
	const easyBody = easyShown ? practice.easy.body : null;
	return {
		practice,
		flash,
		readings,
		easyShown,
		easyHtml: easyBody ? withReadings(renderMarkdown(easyBody), readings) : null,
		// (not rendered while the やさしい日本語 body stands in its place)
		story: easyBody
			? []
			: STORY_SECTIONS.flatMap((key) => {
					const text = practice.story[key];
					return text?.trim() ? [{ key, html: withReadings(renderMarkdown(text), readings) }] : [];
				}),
		upcomingEvents,
		pastEvents,
		comments: comments && { ...comments, posts: postsWithReadings(comments.posts, readings) },
		inspired,
		can,
		canEdit,
		areas,
		inspireForm,
		awards: withCitations(awards),
		thanks,
		canAward: open && canAward(locals.user),
		canNominate: open && canNominate(locals.user, suspended),
		viewerId: locals.user?.id ?? null,
		links: {
			page: pageUrl,
			// the cover's JPEG (800 px or narrower) for Open Graph and Twitter cards
			ogImage: cover
				? new URL(`/images/${cover.hash}/${Math.min(800, cover.width)}.jpg`, url.origin).href
				: null
		},
		// practiceJsonLd() escapes "<", so nothing inside can end the script element
		jsonLdScript: open
			? `<script type="application/ld+json">${practiceJsonLd(practice, url.origin, m.site_name())}</script>`
			: null
	};
};

export const actions: Actions = {
	/** ありがとう (a small form; the same as on organization and person pages) */
	thank: async (event) => {
		const practice = await getPractice(requestDb(), event.params.id);
		return thankAction(
			event,
			practice?.status === 'published' ? { practiceId: practice.id } : null,
			`/practices/${event.params.id}`
		);
	},
	/** A comment: the practice's thread is made at the first one. Lands at the comment. */
	comment: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const read = await readReply(request);
		if (!read.ok) return refuseText('comment', read.why, read.kept);
		const thread = await getOrCreatePracticeThread(db, params.id);
		if (!thread.ok) return refuseText('comment', refusalMessage(thread.refusal), read.kept);
		const result = await writeReply(db, thread.id, read.data);
		if (!result.ok) return refuseText('comment', refusalMessage(result.refusal), read.kept);
		logEvent('post_written', { userId: user.id, threadId: thread.id, postId: result.id });
		return redirectWithFlash(cookies, url, localizeHref(`/practices/${params.id}`), {
			text: m.post_posted(),
			ok: true,
			target: `post-${result.id}`
		});
	},

	/** 「うちでもやってみたい」: opens a thread in the reader's area and lands on it. */
	inspire: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const [practice, areas] = await Promise.all([getPractice(db, params.id), listAreas(db)]);
		if (!practice) error(404, 'Not Found');
		const form = await superValidate(request, zod4(inspireSchema(choicesOf(areas, practice))), {
			id: 'inspire'
		});
		if (!form.valid) return fail(400, { inspireForm: form });
		const body = inspirePostBody(
			form.data.message,
			practice,
			localizeHref(`/practices/${practice.id}`)
		);
		const created = await inspireThread(db, {
			practiceId: practice.id,
			title: form.data.title,
			body,
			// the first post: nobody else takes part yet, so no mentions
			bodyHtml: renderPost(body, []).html,
			areaId: form.data.areaId || null,
			fieldIds: form.data.fieldIds
		});
		if (!created.ok) {
			const r = created.refusal;
			const field = r === 'bad_length' || r === 'thread_rate' ? 'title' : 'message';
			setError(form, field, refusalMessage(r));
			return fail(r === 'not_found' ? 404 : 400, { inspireForm: form });
		}
		logEvent('thread_created', { userId: user.id, threadId: created.id, practiceId: practice.id });
		return redirectWithFlash(cookies, url, localizeHref(`/threads/${created.id}`), {
			text: m.read_practice_inspire_done(),
			ok: true,
			target: 'thread-top'
		});
	}
};
