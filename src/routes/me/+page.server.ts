import { canModerate } from '$lib/permissions';
import { requireUser } from '$lib/server/auth/guard';
import {
	listEditedOrganizationsEvents,
	listMyRegistrations,
	listOrganizedEvents
} from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

const UPCOMING = 30;
const PAST_PAGE = 10;
const ORGANIZED = 20;
const PER_ORGANIZATION = 10;

/** One more than shown is read: it tells that there are more. */
const cut = <T>(rows: T[], shown: number) => ({
	rows: rows.slice(0, shown),
	more: rows.length > shown
});

export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser();
	const db = requestDb();
	const now = new Date();
	const pastPage = Math.max(
		1,
		Math.min(1000, Number.parseInt(url.searchParams.get('past') ?? '1', 10) || 1)
	);
	const [upcoming, past, organized, organizations] = await Promise.all([
		listMyRegistrations(db, user.id, 'upcoming', { offset: 0, limit: UPCOMING + 1 }, now),
		listMyRegistrations(
			db,
			user.id,
			'past',
			{ offset: (pastPage - 1) * PAST_PAGE, limit: PAST_PAGE + 1 },
			now
		),
		listOrganizedEvents(db, user.id, ORGANIZED + 1, now),
		listEditedOrganizationsEvents(db, user.id, PER_ORGANIZATION + 1, now)
	]);
	return {
		upcoming: cut(upcoming, UPCOMING),
		past: { ...cut(past, PAST_PAGE), page: pastPage },
		organized: cut(organized, ORGANIZED),
		organizations: organizations.map(({ organization, events }) => ({
			organization,
			events: cut(events, PER_ORGANIZATION)
		})),
		coordinator: canModerate({ id: user.id, role: user.role })
	};
};
