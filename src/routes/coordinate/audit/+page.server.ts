import { z } from 'zod';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listAudit, organizationSlugs } from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

const id = z.uuid();

// The moderation log (append-only), newest first, 50 a page; ?moderator=<id>
// and ?member=<id> filter it. Coordinators and admins; 403 for everybody else.
export const load: PageServerLoad = async ({ url }) => {
	requireCoordinator();
	const db = requestDb();
	const param = (key: string) => {
		const v = url.searchParams.get(key);
		return v !== null && id.safeParse(v).success ? v : undefined;
	};
	const requested = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
	const moderatorId = param('moderator');
	const memberId = param('member');
	const { entries, hasMore } = await listAudit(db, { moderatorId, memberId, page });
	const slugs = await organizationSlugs(
		db,
		entries.flatMap((e) => (e.organizationId ? [e.organizationId] : []))
	);
	// the filter's person, named from the page's rows when there
	const nameOf = (personId: string | undefined) =>
		personId
			? (entries.find((e) => e.moderator.id === personId)?.moderator.displayName ??
				entries.find((e) => e.member?.id === personId)?.member?.displayName ??
				null)
			: null;
	return {
		entries: entries.map((e) => ({
			...e,
			orgSlug: e.organizationId ? (slugs.get(e.organizationId) ?? null) : null
		})),
		page,
		hasMore,
		filter: {
			moderator: moderatorId ? { id: moderatorId, name: nameOf(moderatorId) } : null,
			member: memberId ? { id: memberId, name: nameOf(memberId) } : null
		}
	};
};
