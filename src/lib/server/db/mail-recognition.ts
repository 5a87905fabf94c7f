// What the worker reads to write recognition mails (service role): the notice
// and what it is about (an award, a nomination, a thanks). Imports are relative
// and type-only: the worker runs this outside SvelteKit (scripts/worker.ts).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

/** A recipient as a mail names it: what it is, its name and its page's path. */
export interface MailRecipient {
	kind: 'practice' | 'organization' | 'person';
	name: string;
	path: string;
}

function recipient(row: {
	practice_id: string | null;
	organization_id: string | null;
	profile_id: string | null;
	practice: { title: string } | null;
	organization: { slug: string; name: string } | null;
	profile: { display_name: string } | null;
}): MailRecipient | null {
	if (row.practice_id && row.practice)
		return { kind: 'practice', name: row.practice.title, path: `/practices/${row.practice_id}` };
	if (row.organization_id && row.organization)
		return {
			kind: 'organization',
			name: row.organization.name,
			path: `/orgs/${row.organization.slug}`
		};
	if (row.profile_id && row.profile)
		return { kind: 'person', name: row.profile.display_name, path: `/people/${row.profile_id}` };
	return null;
}

export type RecognitionNotice =
	| {
			kind: 'award_received';
			userId: string;
			award: { id: string; name: string; awardedOn: string; recipient: MailRecipient };
	  }
	| {
			kind: 'nomination_answered';
			userId: string;
			/** null: closed with a note (the note in `note`) */
			award: { id: string; name: string; recipient: MailRecipient } | null;
			nominated: MailRecipient | null;
			note: string | null;
	  }
	| {
			kind: 'thanks_received';
			userId: string;
			thanks: { message: string | null; recipient: MailRecipient };
	  };

const RECIPIENT_EMBEDS = `practice_id, organization_id, profile_id,
	practice:practices(title), organization:organizations(slug, name)`;

/**
 * A recognition notice with what its mail says, or null when there is nothing
 * to say any more (the award deleted, the thanks hidden, the notice gone).
 */
export async function mailRecognitionNotice(db: Db, id: string): Promise<RecognitionNotice | null> {
	const { data: n, error } = await db
		.from('notifications')
		.select('id, user_id, kind, award_id, nomination_id, thanks_id, detail')
		.eq('id', id)
		.maybeSingle();
	if (error) fail('notifications', error);
	if (!n) return null;
	if (n.kind === 'award_received' && n.award_id) {
		const { data: a, error: e } = await db
			.from('awards')
			.select(
				`id, name, awarded_on, ${RECIPIENT_EMBEDS}, profile:profiles!awards_profile_id_fkey(display_name)`
			)
			.eq('id', n.award_id)
			.maybeSingle();
		if (e) fail('awards', e);
		const r = a && recipient(a);
		if (!a || !r) return null;
		return {
			kind: 'award_received',
			userId: n.user_id,
			award: { id: a.id, name: a.name, awardedOn: a.awarded_on, recipient: r }
		};
	}
	if (n.kind === 'nomination_answered' && n.nomination_id) {
		const { data: nom, error: e } = await db
			.from('nominations')
			.select(
				`id, status, note, practice_id, organization_id, practice:practices(title), organization:organizations(slug, name),
				award:awards(id, name, ${RECIPIENT_EMBEDS}, profile:profiles!awards_profile_id_fkey(display_name))`
			)
			.eq('id', n.nomination_id)
			.maybeSingle();
		if (e) fail('nominations', e);
		if (!nom) return null;
		const nominated = recipient({ ...nom, profile_id: null, profile: null });
		const awardRecipient = nom.award && recipient(nom.award);
		return {
			kind: 'nomination_answered',
			userId: n.user_id,
			award:
				nom.award && awardRecipient
					? { id: nom.award.id, name: nom.award.name, recipient: awardRecipient }
					: null,
			nominated,
			note: nom.status === 'closed' ? (n.detail ?? nom.note) : null
		};
	}
	if (n.kind === 'thanks_received' && n.thanks_id) {
		const { data: t, error: e } = await db
			.from('thanks')
			.select(
				`message, hidden_at, ${RECIPIENT_EMBEDS}, profile:profiles!thanks_profile_id_fkey(display_name)`
			)
			.eq('id', n.thanks_id)
			.maybeSingle();
		if (e) fail('thanks', e);
		const r = t && recipient(t);
		// hidden by a coordinator meanwhile: not mailed
		if (!t || !r || t.hidden_at) return null;
		return {
			kind: 'thanks_received',
			userId: n.user_id,
			thanks: { message: t.message, recipient: r }
		};
	}
	return null;
}
