// Mail: what the worker reads to write a mail and the log it keeps (service
// role; the admins' view of the log is db/mail-log.ts). Imports are
// relative and type-only where they reach SvelteKit modules: the worker runs
// this outside SvelteKit (scripts/worker.ts, under tsx).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

export type MailKind = Database['public']['Tables']['mail_log']['Row']['kind'];

const EVENT_COLUMNS =
	'id, title, summary, starts_at, ends_at, all_day, rrule, venue_name, venue_address, online_url, status, cancel_reason, sequence, updated_at, belongings, contact_name, contact_phone, contact_email, organization:organizations!events_organization_id_fkey(name)';

export interface MailEvent {
	id: string;
	title: string;
	summary: string;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	rrule: string | null;
	venueName: string | null;
	venueAddress: string | null;
	onlineUrl: string | null;
	status: 'draft' | 'published' | 'cancelled';
	cancelReason: string | null;
	sequence: number;
	updatedAt: string;
	belongings: string | null;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	organizationName: string | null;
}

export interface MailOccurrence {
	id: string;
	startsAt: string;
	endsAt: string;
	originalStartsAt: string;
	status: 'scheduled' | 'cancelled';
	cancelReason: string | null;
	sequence: number;
	/** the recipient's registration on it */
	registration: 'going' | 'waitlisted' | 'cancelled' | null;
}

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

export interface MailRecipient {
	email: string;
	displayName: string;
	locale: 'ja' | 'en';
	/** the address is confirmed (account mails say what to do when it is not) */
	verified: boolean;
}

/** The member a mail goes to: address, name, language (null when the account is gone). */
export async function mailRecipient(db: Db, userId: string): Promise<MailRecipient | null> {
	const [cred, profile] = await Promise.all([
		db.from('credentials').select('email, email_verified_at').eq('user_id', userId).maybeSingle(),
		db.from('profiles').select('display_name, locale').eq('id', userId).maybeSingle()
	]);
	if (cred.error) fail('credentials', cred.error);
	if (profile.error) fail('profiles', profile.error);
	if (!cred.data || !profile.data) return null;
	return {
		email: cred.data.email,
		displayName: profile.data.display_name,
		locale: profile.data.locale === 'en' ? 'en' : 'ja',
		verified: cred.data.email_verified_at !== null
	};
}

/**
 * Whether the member wants mail governed by this preference
 * (private.wants_mail: their choice or the default; never while their address bounced).
 */
export async function mailWanted(db: Db, userId: string, preference: string) {
	const { data, error } = await db.rpc('mail_wanted', { p_user: userId, p_kind: preference });
	if (error) fail('mail_wanted', error);
	return data === true;
}

/** A permanent SMTP failure: marks the member's address when it is `address` (true when marked). */
export async function mailMarkBounced(db: Db, userId: string, address: string) {
	const { data, error } = await db.rpc('mail_mark_bounced', {
		p_user: userId,
		p_address: address
	});
	if (error) fail('mail_mark_bounced', error);
	return data === true;
}

export async function mailEvent(db: Db, eventId: string): Promise<MailEvent | null> {
	const { data, error } = await db
		.from('events')
		.select(EVENT_COLUMNS)
		.eq('id', eventId)
		.maybeSingle();
	if (error) fail('events', error);
	if (!data) return null;
	return {
		id: data.id,
		title: data.title,
		summary: data.summary,
		startsAt: data.starts_at,
		endsAt: data.ends_at,
		allDay: data.all_day,
		rrule: data.rrule,
		venueName: data.venue_name,
		venueAddress: data.venue_address,
		onlineUrl: data.online_url,
		status: data.status,
		cancelReason: data.cancel_reason,
		sequence: data.sequence,
		updatedAt: data.updated_at,
		belongings: data.belongings,
		contactName: data.contact_name,
		contactPhone: data.contact_phone,
		contactEmail: data.contact_email,
		organizationName: data.organization?.name ?? null
	};
}

/** The event of a date (null when the date is gone). */
export async function mailOccurrenceEvent(db: Db, occurrenceId: string) {
	const { data, error } = await db
		.from('event_occurrences')
		.select('event_id')
		.eq('id', occurrenceId)
		.maybeSingle();
	if (error) fail('event_occurrences', error);
	return data?.event_id ?? null;
}

/**
 * The dates of an event a member is registered for (one date when given),
 * with their registration; only dates not yet over unless one is named.
 */
export async function mailOccurrences(
	db: Db,
	userId: string,
	eventId: string,
	occurrenceId: string | null
): Promise<MailOccurrence[]> {
	let query = db
		.from('event_occurrences')
		.select(
			'id, starts_at, ends_at, original_starts_at, status, cancel_reason, sequence, registrations!inner(status, user_id)'
		)
		.eq('event_id', eventId)
		.eq('registrations.user_id', userId)
		.order('starts_at');
	query = occurrenceId
		? query.eq('id', occurrenceId)
		: query.gt('ends_at', new Date().toISOString());
	const { data, error } = await query.limit(100);
	if (error) fail('event_occurrences', error);
	return data.map((o) => ({
		id: o.id,
		startsAt: o.starts_at,
		endsAt: o.ends_at,
		originalStartsAt: o.original_starts_at,
		status: o.status,
		cancelReason: o.cancel_reason,
		sequence: o.sequence,
		registration: o.registrations[0]?.status ?? null
	}));
}

/** A member's place on a date's waiting list (1 = next), null when not waiting. */
export async function mailWaitlistPosition(db: Db, userId: string, occurrenceId: string) {
	const { data, error } = await db
		.from('registrations')
		.select('id')
		.eq('occurrence_id', occurrenceId)
		.eq('status', 'waitlisted')
		.order('queued_at')
		.order('id')
		.limit(1000);
	if (error) fail('registrations', error);
	const { data: me, error: meError } = await db
		.from('registrations')
		.select('id')
		.eq('occurrence_id', occurrenceId)
		.eq('user_id', userId)
		.maybeSingle();
	if (meError) fail('registrations', meError);
	if (!me) return null;
	const index = data.findIndex((r) => r.id === me.id);
	return index < 0 ? null : index + 1;
}

/** Before a send: 'send' (attempt counted) or 'done' (sent, skipped, or its once_key taken). */
export async function mailLogBegin(
	db: Db,
	job: { id: string; key: string | null; onceKey: string | null; kind: MailKind; userId: string }
) {
	const { data, error } = await db.rpc('mail_log_begin', {
		p_job_id: Number(job.id),
		p_job_key: job.key as string,
		p_once_key: job.onceKey as string,
		p_kind: job.kind,
		p_user: job.userId
	});
	if (error) fail('mail_log_begin', error);
	return data === 'send' ? ('send' as const) : ('done' as const);
}

export async function mailLogFinish(
	db: Db,
	jobId: string,
	result: {
		status: 'sending' | 'sent' | 'skipped' | 'failed' | 'bounced';
		recipient?: string | null;
		subject?: string | null;
		messageId?: string | null;
		error?: string | null;
	}
) {
	const { error } = await db
		.from('mail_log')
		.update({
			status: result.status,
			recipient: result.recipient ?? null,
			subject: result.subject?.slice(0, 300) ?? null,
			message_id: result.messageId ?? null,
			last_error: result.error?.slice(0, 2000) ?? null,
			...(result.status === 'sent' ? { sent_at: new Date().toISOString() } : {})
		})
		.eq('job_id', Number(jobId));
	if (error) fail('mail_log', error);
}
