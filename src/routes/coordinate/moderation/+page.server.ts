import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import {
	activeSuspensions,
	authorsRecentPosts,
	organizationSlugs,
	reportQueue
} from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import { moderationActions } from '$lib/server/moderation/actions';
import type { Actions, PageServerLoad } from './$types';

/** recent posts shown beside a reported post or thread */
const RECENT = 3;

// The report queue (coordinators and admins; 403 for everybody else): open
// items, personal information (個人情報) first, then oldest first.
export const load: PageServerLoad = async ({ url, cookies }) => {
	requireCoordinator();
	const db = requestDb();
	const requested = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
	const flash = takeFlash(cookies, url);
	const queue = await reportQueue(db, page);
	if (!queue.ok) error(403, 'Forbidden');
	const authors = [
		...new Set(
			queue.items.flatMap((i) =>
				i.authorId && (i.kind === 'post' || i.kind === 'thread') ? [i.authorId] : []
			)
		)
	];
	// one request for every author's recent posts, one for all suspensions
	const [recentBy, suspensions, slugs] = await Promise.all([
		authorsRecentPosts(db, authors, RECENT + 1),
		activeSuspensions(
			db,
			queue.items.flatMap((i) => (i.authorId ? [i.authorId] : []))
		),
		organizationSlugs(
			db,
			queue.items.flatMap((i) => (i.organizationId ? [i.organizationId] : []))
		)
	]);
	return {
		flash,
		page,
		hasMore: queue.hasMore,
		items: queue.items.map((item) => ({
			...item,
			orgSlug: item.organizationId ? (slugs.get(item.organizationId) ?? null) : null,
			// the author's other recent posts (not the reported one)
			recentPosts: (item.authorId ? (recentBy.get(item.authorId) ?? []) : [])
				.filter((p) => p.id !== item.postId)
				.slice(0, RECENT),
			suspension: item.authorId ? (suspensions.get(item.authorId) ?? null) : null
		}))
	};
};

export const actions: Actions = { ...moderationActions };
