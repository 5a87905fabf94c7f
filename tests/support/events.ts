// Creating events in tests through the real RPC (save_event) as a real user,
// for integration and e2e tests alike. Needs the stack's env (npm test sets it).
import { buildRrule, expandRrule, type Repeat } from '$lib/events/recurrence';
import type { Database } from '$lib/server/db/database.types';
import { serviceClient, userClient } from './db';

export interface TestEvent {
	title?: string;
	startsAt?: Date;
	durationMinutes?: number;
	repeat?: Repeat;
	count?: number;
	capacity?: number | null;
	waitlist?: boolean;
	status?: 'draft' | 'published' | 'cancelled';
	organizationId?: string | null;
	areaSlug?: string;
	contactPhone?: string | null;
	venueName?: string | null;
	onlineUrl?: string | null;
	summary?: string;
	body?: string;
	fee?: string | null;
	belongings?: string | null;
	howToApply?: string | null;
	deadlineNote?: string | null;
	registrationClosesAt?: Date | null;
	fieldIds?: string[];
	/** organizations named as co-hosts (accepted at once where the organiser edits for them) */
	cohostIds?: string[];
}

/** Creates an event as `userId` and returns its id and occurrence ids (in time order). */
export async function createEvent(userId: string, e: TestEvent = {}) {
	const db = userClient(userId);
	const startsAt = e.startsAt ?? new Date(Date.now() + 7 * 86400_000);
	const endsAt = new Date(startsAt.getTime() + (e.durationMinutes ?? 120) * 60_000);
	const rrule = buildRrule({ repeat: e.repeat ?? 'none', startsAt, count: e.count ?? null });
	const starts = expandRrule(rrule, startsAt);
	let areaId: string | null = null;
	if (e.areaSlug) {
		const { data } = await db.from('areas').select('id').eq('slug', e.areaSlug).single();
		areaId = data?.id ?? null;
	}
	const { data: id, error } = await db.rpc('save_event', {
		p_id: null as unknown as string,
		p_event: {
			title: e.title ?? 'テストのサロン',
			kind: 'salon',
			summary: e.summary ?? 'テスト用のイベントです',
			body: e.body ?? '',
			starts_at: startsAt.toISOString(),
			ends_at: endsAt.toISOString(),
			all_day: false,
			rrule,
			venue_name:
				e.onlineUrl && e.venueName === undefined ? null : (e.venueName ?? '常盤平市民センター'),
			venue_address: '千葉県松戸市常盤平3-30',
			online_url: e.onlineUrl ?? null,
			area_id: areaId,
			organization_id: e.organizationId ?? null,
			capacity: e.capacity === undefined ? null : e.capacity,
			registration_opens_at: null,
			registration_closes_at: e.registrationClosesAt?.toISOString() ?? null,
			waitlist_enabled: e.waitlist ?? true,
			audience_note: null,
			accessibility: null,
			contact_name: null,
			contact_phone: e.contactPhone ?? null,
			contact_email: null,
			fee: e.fee ?? null,
			belongings: e.belongings ?? null,
			how_to_apply: e.howToApply ?? null,
			deadline_note: e.deadlineNote ?? null,
			status: e.status ?? 'published'
		},
		p_field_ids: e.fieldIds ?? [],
		p_cohost_ids: e.cohostIds ?? [],
		p_occurrences: starts.map((s) => ({
			starts_at: s.toISOString(),
			ends_at: new Date(s.getTime() + (endsAt.getTime() - startsAt.getTime())).toISOString()
		}))
	});
	if (error || !id) throw new Error(`save_event failed: ${error?.message}`);
	const { data: occurrences, error: occError } = await db
		.from('event_occurrences')
		.select('id')
		.eq('event_id', id)
		.order('starts_at');
	if (occError) throw new Error(occError.message);
	return { id, occurrenceIds: occurrences.map((o) => o.id) };
}

type EventRow = Database['public']['Tables']['events']['Row'];

/**
 * Saves an existing event again through save_event as `userId`, the way the
 * edit form does: the stored event with `changes` applied, and its dates as
 * they are (or `occurrences`). Returns the error, if any.
 */
export async function saveEventAgain(
	userId: string,
	eventId: string,
	changes: Partial<EventRow> = {},
	options: { cohostIds?: string[]; occurrences?: { starts_at: string; ends_at: string }[] } = {}
) {
	const service = serviceClient();
	const [event, occurrences, cohosts, fields] = await Promise.all([
		service.from('events').select('*').eq('id', eventId).single(),
		service
			.from('event_occurrences')
			.select('starts_at, ends_at')
			.eq('event_id', eventId)
			.order('starts_at'),
		service.from('event_cohosts').select('organization_id').eq('event_id', eventId),
		service.from('event_fields').select('field_id').eq('event_id', eventId)
	]);
	const failed = event.error ?? occurrences.error ?? cohosts.error ?? fields.error;
	if (failed) throw new Error(failed.message);
	const { error } = await userClient(userId).rpc('save_event', {
		p_id: eventId,
		p_event: { ...event.data, ...changes },
		p_field_ids: (fields.data ?? []).map((f) => f.field_id),
		p_cohost_ids: options.cohostIds ?? (cohosts.data ?? []).map((c) => c.organization_id),
		p_occurrences: options.occurrences ?? occurrences.data ?? []
	});
	return error;
}
