// Registrations (参加申込): joining and leaving a date, the person's own
// registrations, and the attendee list (参加者名簿) as organisers see it.
// Capacity and the waiting list are decided in the database, under a row lock
// (join_occurrence, add_guest_registration; triggers promote the waiting
// list). Every call goes through the request's client: RLS shows
// registrations only to the person and to the event's organisers.
import type { RegistrationStatus } from '$lib/events/types';
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';

/** Joins a date (going, or on the waiting list when it is full). */
export async function joinOccurrence(
	db: Db,
	occurrenceId: string,
	companions: number
): Promise<
	Refusable<
		{ id: string; status: RegistrationStatus },
		| 'not_found'
		| 'full'
		| 'closed'
		| 'not_open'
		| 'too_many'
		| 'bad_companions'
		| 'suspended'
		| 'unverified'
	>
> {
	const { data, error } = await db.rpc('join_occurrence', {
		p_occurrence: occurrenceId,
		p_companions: companions
	});
	if (error)
		return refused(error, [
			'not_found',
			'full',
			'closed',
			'not_open',
			'too_many',
			'bad_companions',
			// a suspended member joins nothing (private.refuse_suspended)
			'suspended',
			// nor does a new account before it confirms its address (private.refuse_unverified)
			'unverified'
		]);
	return { ok: true, id: data.id, status: data.status };
}

/**
 * Cancels a registration: one's own, or any of an event one manages (the
 * database promotes the waiting list). 'not_found' for an unknown one,
 * 'forbidden' for somebody else's.
 */
export async function cancelRegistration(
	db: Db,
	registrationId: string
): Promise<Refusable<object, 'not_found' | 'forbidden'>> {
	const { error } = await db.rpc('cancel_registration', { p_registration: registrationId });
	if (error) return refused(error, ['not_found', 'forbidden']);
	return { ok: true };
}

export interface MyRegistration {
	id: string;
	occurrenceId: string;
	status: RegistrationStatus;
	companions: number;
	waitlistPosition: number | null;
}

/** A person's registration as the event page reads it (event_page: findEventWithDates). */
export interface MyRegistrationRow {
	id: string;
	occurrence_id: string;
	status: RegistrationStatus;
	companions: number;
	waitlist_position: number | null;
}

export const myRegistrationOf = (r: MyRegistrationRow): MyRegistration => ({
	id: r.id,
	occurrenceId: r.occurrence_id,
	status: r.status,
	companions: r.companions,
	waitlistPosition: r.waitlist_position
});

// ---------------------------------------------------------------------------
// The attendee list (organisers)

export interface Attendee {
	id: string;
	userId: string | null;
	/** the guest's name, or the member's display name; null when RLS hides the member's profile */
	name: string | null;
	guest: boolean;
	phone: string | null;
	note: string | null;
	companions: number;
	status: RegistrationStatus;
	queuedAt: string;
	createdAt: string;
	attended: boolean | null;
}

// PostgREST returns at most max_rows (1000) rows per request
const BATCH = 1000;

/** Every registration of the occurrence, in queue order (first come first). */
export async function listAttendees(db: Db, occurrenceId: string): Promise<Attendee[]> {
	const rows: Attendee[] = [];
	for (let from = 0; ; from += BATCH) {
		const { data, error } = await db
			.from('registrations')
			.select(
				'id, user_id, guest_name, guest_phone, note, companions, status, queued_at, created_at, attended, person:profiles!registrations_user_id_fkey(display_name)'
			)
			.eq('occurrence_id', occurrenceId)
			.order('queued_at')
			.order('id')
			.range(from, from + BATCH - 1);
		if (error) dbFailure(error);
		for (const r of data) {
			rows.push({
				id: r.id,
				userId: r.user_id,
				name: r.guest_name ?? r.person?.display_name ?? null,
				guest: r.user_id === null,
				phone: r.guest_phone,
				note: r.note,
				companions: r.companions,
				status: r.status,
				queuedAt: r.queued_at,
				createdAt: r.created_at,
				attended: r.attended
			});
		}
		if (data.length < BATCH) return rows;
	}
}

/**
 * Someone who applied by phone or on paper; capacity and the waiting list are
 * decided in the database (behind everybody already waiting).
 */
export async function addGuest(
	db: Db,
	occurrenceId: string,
	guest: { name: string; phone: string; note: string; companions: number }
): Promise<
	Refusable<{ id: string; status: RegistrationStatus }, 'full' | 'too_many' | 'suspended'>
> {
	const { data, error } = await db.rpc('add_guest_registration', {
		p_occurrence: occurrenceId,
		p_name: guest.name,
		p_phone: guest.phone,
		p_note: guest.note,
		p_companions: guest.companions
	});
	if (error) return refused(error, ['full', 'too_many', 'suspended']);
	return { ok: true, id: data.id, status: data.status };
}

/** Cancels a registration of this occurrence (an organiser's page); 'not_found' for any other. */
export async function cancelAttendee(
	db: Db,
	occurrenceId: string,
	registrationId: string
): Promise<Refusable<object, 'not_found'>> {
	const found = await db
		.from('registrations')
		.select('id')
		.eq('id', registrationId)
		.eq('occurrence_id', occurrenceId)
		.maybeSingle();
	if (found.error) dbFailure(found.error);
	if (!found.data) return { ok: false, refusal: 'not_found' };
	const { error } = await db.rpc('cancel_registration', { p_registration: registrationId });
	if (error) return refused(error, ['not_found']);
	return { ok: true };
}

/**
 * 出席 / 欠席 (or back to unknown with null) for a going registration of this
 * occurrence; 'not_found' when RLS let no row change.
 */
export async function markAttendance(
	db: Db,
	occurrenceId: string,
	registrationId: string,
	attended: boolean | null
): Promise<Refusable<object, 'not_found'>> {
	const { data, error } = await db
		.from('registrations')
		.update({ attended })
		.eq('id', registrationId)
		.eq('occurrence_id', occurrenceId)
		.eq('status', 'going')
		.select('id');
	if (error) dbFailure(error);
	return data.length === 1 ? { ok: true } : { ok: false, refusal: 'not_found' };
}
