// What a failed supabase-js call becomes. There are three kinds:
//
// - a refusal the person can act on ("full", "last_owner"): SQL raises it with
//   a stable `hint` (one of REFUSALS below), a db function returns it as
//   `{ ok: false, refusal }` and the page shows its message (forms/refusals.ts);
// - the database is out of reach: PostgREST answers every database error with
//   a code (a SQLSTATE, or PGRST… for its own), so a failure without one never
//   reached the database (a timeout, see client-options.ts, a refused
//   connection, a failing gateway). People get the friendly page with 503;
// - anything else is a bug: an Error, logged, and a 500.
import { error as httpError } from '@sveltejs/kit';
import { logEvent } from '$lib/server/log';

export interface ApiError {
	message: string;
	code?: string;
	hint?: string | null;
}

/**
 * Every refusal SQL may raise, by its hint. A new one is added here, raised
 * with `raise exception '…' using errcode = 'P0001', hint = '<name>'`, and
 * given a message in forms/refusals.ts.
 */
export const REFUSALS = [
	// anybody
	'sign_in',
	'forbidden',
	'not_found',
	'throttled',
	// joining an event
	'full',
	'closed',
	'not_open',
	'too_many',
	'bad_companions',
	// organizations
	'slug_taken',
	'last_owner',
	'not_owner',
	'owner_by_transfer',
	'not_member',
	'already_member',
	'no_account',
	'invalid_invitation',
	// threads, posts and reports
	'bad_length',
	'locked',
	'gone',
	'post_rate',
	'too_many_links',
	'thread_rate',
	'suspended',
	'already_reported',
	// a new account whose address is not confirmed yet (private.refuse_unverified)
	'unverified',
	// practices (save_practice and the workflow functions)
	'no_lead_organization',
	'no_start_date',
	'ended_before_started',
	'figure_not_number',
	'too_many_photos',
	'photo_alt_required',
	'wrong_status',
	'comment_required',
	'too_many_featured',
	'not_published',
	// recognition: awards, nominations, thanks (20261209100000_recognition)
	'not_listed',
	'already_answered',
	'already_thanked',
	'own_thanks',
	// records of held dates (20261213000000_occurrence_records)
	'not_held',
	'date_cancelled',
	'headcount_over',
	// 地域の声 (20261214000000_voices)
	'no_record',
	'voice_needs_reason',
	'voice_needs_answer',
	'voice_bad_date',
	'record_has_voices',
	// places (20261215000000_places)
	'no_kind',
	'unknown_area',
	'outside_japan',
	'point_incomplete',
	'closes_before_opens',
	'bad_day',
	'import_row',
	// the reading table (ふりがな)
	'no_kanji',
	'bad_reading',
	'word_taken'
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type Refused<R extends Refusal = Refusal> = { ok: false; refusal: R };
/** What a db function returns when the database may refuse: its result, or which refusal. */
export type Refusable<T extends object, R extends Refusal = Refusal> =
	({ ok: true } & T) | Refused<R>;

/** True when the call never got an answer from PostgreSQL. */
export const isUnavailable = (e: ApiError) => !e.code;

/** The refusal an error stands for, or null. */
export function refusalOf(e: ApiError): Refusal | null {
	const hint = e.hint ?? '';
	if ((REFUSALS as readonly string[]).includes(hint)) return hint as Refusal;
	// a plain insert or update that hits a unique slug (areas, fields, organizations)
	if (e.code === '23505' && /_slug_key\b/.test(e.message)) return 'slug_taken';
	// two reports of one item by one person at the same moment (the trigger catches the rest)
	if (e.code === '23505' && /\breports_one_per_person\b/.test(e.message)) return 'already_reported';
	// two thanks of one recipient by one person at the same moment (the trigger catches the rest)
	if (e.code === '23505' && /\bthanks_once_per_day\b/.test(e.message)) return 'already_thanked';
	return null;
}

/**
 * Throws for a failed call: 503 when the database API is unreachable or too
 * slow, otherwise an Error with the database's message (a bug: 500, logged).
 * Use as `if (error) dbFailure(error);`
 */
export function dbFailure(e: ApiError): never {
	if (isUnavailable(e)) {
		logEvent('database_unavailable', { error: e.message });
		httpError(503, 'Service Unavailable');
	}
	throw new Error(e.message);
}

/**
 * `{ ok: false, refusal }` when the error is one of the refusals this call
 * expects; any other error fails as in dbFailure.
 * Use as `if (error) return refused(error, ['full', 'closed']);`
 */
export function refused<R extends Refusal>(e: ApiError, expected: readonly R[]): Refused<R> {
	const refusal = refusalOf(e);
	if (refusal && (expected as readonly Refusal[]).includes(refusal))
		return { ok: false, refusal: refusal as R };
	dbFailure(e);
}
