// The one place where a database refusal (db/errors.ts) becomes words for the
// person. A page that needs a more specific sentence passes it as an override:
//   refusalMessage(result.refusal, { not_found: m.event_join_not_found })
import { m } from '$lib/paraglide/messages';
import type { Refusal } from '$lib/server/db/errors';

const MESSAGES: Record<Refusal, () => string> = {
	sign_in: m.refusal_sign_in,
	forbidden: m.refusal_forbidden,
	not_found: m.refusal_not_found,
	throttled: m.refusal_throttled,
	full: m.event_join_full,
	closed: m.event_join_closed,
	not_open: m.event_join_not_open,
	too_many: m.event_join_too_many,
	bad_companions: m.event_join_bad_companions,
	slug_taken: m.org_error_slug_taken,
	last_owner: m.org_error_last_owner,
	not_owner: m.refusal_not_owner,
	owner_by_transfer: m.refusal_owner_by_transfer,
	not_member: m.refusal_not_member,
	already_member: m.org_invite_already_member,
	no_account: m.org_invite_no_account,
	invalid_invitation: m.invitation_invalid,
	bad_length: m.refusal_bad_length,
	locked: m.refusal_locked,
	gone: m.refusal_gone,
	post_rate: m.refusal_post_rate,
	too_many_links: m.refusal_too_many_links,
	thread_rate: m.refusal_thread_rate,
	suspended: m.refusal_suspended,
	already_reported: m.refusal_already_reported,
	unverified: m.refusal_unverified,
	no_lead_organization: m.practice_refusal_no_lead_organization,
	no_start_date: m.practice_refusal_no_start_date,
	ended_before_started: m.practice_refusal_ended_before_started,
	figure_not_number: m.practice_refusal_figure_not_number,
	too_many_photos: m.practice_refusal_too_many_photos,
	photo_alt_required: m.practice_refusal_photo_alt_required,
	wrong_status: m.practice_refusal_wrong_status,
	comment_required: m.practice_refusal_comment_required,
	too_many_featured: m.practice_refusal_too_many_featured,
	not_published: m.practice_refusal_not_published,
	not_listed: m.recognition_refusal_not_listed,
	already_answered: m.recognition_refusal_already_answered,
	already_thanked: m.recognition_refusal_already_thanked,
	own_thanks: m.recognition_refusal_own_thanks,
	not_held: m.record_refusal_not_held,
	date_cancelled: m.record_refusal_date_cancelled,
	headcount_over: m.record_refusal_headcount_over,
	no_record: m.voice_refusal_no_record,
	voice_needs_reason: m.voice_refusal_needs_reason,
	voice_needs_answer: m.voice_refusal_needs_answer,
	voice_bad_date: m.voice_refusal_bad_date,
	record_has_voices: m.voice_refusal_record_has_voices,
	no_kind: m.place_refusal_no_kind,
	unknown_area: m.place_refusal_unknown_area,
	outside_japan: m.place_refusal_outside_japan,
	point_incomplete: m.place_refusal_point_incomplete,
	closes_before_opens: m.place_refusal_closes_before_opens,
	bad_day: m.place_refusal_bad_day,
	import_row: m.place_refusal_import_row,
	no_kanji: m.reading_refusal_no_kanji,
	bad_reading: m.reading_refusal_bad_reading,
	word_taken: m.reading_refusal_word_taken
};

export function refusalMessage(
	refusal: Refusal,
	overrides: Partial<Record<Refusal, () => string>> = {}
): string {
	return (overrides[refusal] ?? MESSAGES[refusal])();
}
