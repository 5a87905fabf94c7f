import { requireCoordinator } from '$lib/server/auth/guard';
import { listRecentlyPublished, listStaleDrafts } from '$lib/server/db/events';
import { countOpenReports } from '$lib/server/db/moderation';
import { countOpenNominations } from '$lib/server/db/nominations';
import { listUnverifiedOrganizations } from '$lib/server/db/orgs';
import { countOpenCorrections, countStalePlaces } from '$lib/server/db/places';
import { staleBefore } from '$lib/places/stale';
import { countSubmittedPractices } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { listQuietAreas } from '$lib/server/db/taxonomy';
import { countOpenVoices } from '$lib/server/db/voices';
import type { PageServerLoad } from './$types';

const SHOWN = 10;
/** drafts older than this have probably been forgotten */
const STALE_DAYS = 7;
/** an area with nothing in this many days needs a hand */
const QUIET_DAYS = 60;
const DAY = 24 * 60 * 60 * 1000;

const cut = <T>(rows: T[]) => ({ rows: rows.slice(0, SHOWN), more: rows.length > SHOWN });

// The coordinators' first page (coordinators and admins; 403 for everybody else).
export const load: PageServerLoad = async () => {
	requireCoordinator();
	const db = requestDb();
	const now = new Date();
	const [
		pending,
		published,
		drafts,
		quietAreas,
		openReports,
		submittedPractices,
		openNominations,
		openVoices,
		openCorrections,
		stalePlaceCount
	] = await Promise.all([
		listUnverifiedOrganizations(db, SHOWN + 1),
		listRecentlyPublished(db, SHOWN, now),
		listStaleDrafts(db, new Date(now.getTime() - STALE_DAYS * DAY), SHOWN + 1, now),
		listQuietAreas(db, QUIET_DAYS),
		countOpenReports(db),
		countSubmittedPractices(db),
		countOpenNominations(db),
		countOpenVoices(db),
		countOpenCorrections(db),
		countStalePlaces(db, staleBefore(now))
	]);
	return {
		pending: cut(pending),
		published,
		drafts: cut(drafts),
		quietAreas,
		openReports,
		submittedPractices,
		openNominations,
		openVoices,
		openCorrections,
		stalePlaceCount,
		staleDays: STALE_DAYS,
		quietDays: QUIET_DAYS
	};
};
