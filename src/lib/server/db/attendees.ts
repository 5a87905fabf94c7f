// Registrations of one occurrence as its organisers see them (参加者名簿).
// Every call goes through the request's client: RLS shows registrations only
// to the person and to the event's organisers.
import type { Db } from '$lib/server/db/client';
import type { RegistrationStatus } from '$lib/server/db/events';
import { dbFailure } from '$lib/server/db/errors';

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
				`id, user_id, guest_name, guest_phone, note, companions, status, queued_at, created_at, attended,
				person:profiles!registrations_user_id_fkey(display_name)`
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

export interface AttendeeGroups {
	going: Attendee[];
	/** in the order they would be promoted */
	waitlisted: Attendee[];
	cancelled: Attendee[];
	/** people counted against capacity: the going ones and their companions */
	goingPeople: number;
}

export function groupAttendees(attendees: Attendee[]): AttendeeGroups {
	const going = attendees.filter((a) => a.status === 'going');
	return {
		going,
		waitlisted: attendees.filter((a) => a.status === 'waitlisted'),
		cancelled: attendees.filter((a) => a.status === 'cancelled'),
		goingPeople: going.reduce((sum, a) => sum + 1 + a.companions, 0)
	};
}

export type AddGuestResult =
	{ ok: true; status: RegistrationStatus } | { ok: false; reason: 'full' | 'too_many' };

/**
 * Someone who applied by phone or on paper; capacity and the waiting list are
 * decided in the database (behind everybody already waiting).
 */
export async function addGuest(
	db: Db,
	occurrenceId: string,
	guest: { name: string; phone: string; note: string; companions: number }
): Promise<AddGuestResult> {
	const { data, error } = await db.rpc('add_guest_registration', {
		p_occurrence: occurrenceId,
		p_name: guest.name,
		p_phone: guest.phone,
		p_note: guest.note,
		p_companions: guest.companions
	});
	if (error?.hint === 'full') return { ok: false, reason: 'full' };
	if (error?.hint === 'too_many') return { ok: false, reason: 'too_many' };
	if (error) dbFailure(error);
	if (!data) throw new Error('add_guest_registration returned no row');
	return { ok: true, status: data.status };
}

/** Cancels a registration of this occurrence (the database promotes the waiting list). */
export async function cancelAttendee(
	db: Db,
	occurrenceId: string,
	registrationId: string
): Promise<boolean> {
	const found = await db
		.from('registrations')
		.select('id')
		.eq('id', registrationId)
		.eq('occurrence_id', occurrenceId)
		.maybeSingle();
	if (found.error) dbFailure(found.error);
	if (!found.data) return false;
	const { error } = await db.rpc('cancel_registration', { p_registration: registrationId });
	if (error) dbFailure(error);
	return true;
}

/** 出席 / 欠席 (or back to unknown with null); false when RLS let no row change. */
export async function markAttendance(
	db: Db,
	occurrenceId: string,
	registrationId: string,
	attended: boolean | null
): Promise<boolean> {
	const { data, error } = await db
		.from('registrations')
		.update({ attended })
		.eq('id', registrationId)
		.eq('occurrence_id', occurrenceId)
		.eq('status', 'going')
		.select('id');
	if (error) dbFailure(error);
	return data.length === 1;
}
