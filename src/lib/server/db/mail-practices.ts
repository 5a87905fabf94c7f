// What the worker reads to write the mails of practice notices (service role):
// the notice, its practice and, for 「うちでもやってみたい」, the thread that
// was opened and who opened it. Imports are relative and type-only: the
// worker runs this outside SvelteKit (scripts/worker.ts).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

export interface MailPracticeNotice {
	userId: string;
	kind: 'practice_published' | 'practice_returned' | 'practice_inspired';
	/** the coordinator's comment of a return */
	detail: string | null;
	practice: { id: string; title: string; status: string; organizationName: string };
	/** the thread opened by 「うちでもやってみたい」 (practice_inspired only) */
	thread: { id: string; title: string; openedBy: string | null; areaName: string | null } | null;
}

const KINDS = ['practice_published', 'practice_returned', 'practice_inspired'] as const;
const isPracticeKind = (k: string): k is MailPracticeNotice['kind'] =>
	(KINDS as readonly string[]).includes(k);

/** One practice notice with what its mail says, or null when it or its practice is gone. */
export async function mailPracticeNotice(db: Db, id: string): Promise<MailPracticeNotice | null> {
	const { data, error } = await db
		.from('notifications')
		.select(
			'user_id, kind, detail, thread_id, practice:practices(id, title, status, lead:organizations!practices_lead_organization_id_fkey(name))'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('notifications', error);
	if (!data || !data.practice || !isPracticeKind(data.kind)) return null;
	let thread: MailPracticeNotice['thread'] = null;
	if (data.kind === 'practice_inspired') {
		if (!data.thread_id) return null;
		const t = await db
			.from('threads')
			.select(
				'id, title, hidden_at, deleted_at, author:profiles!threads_author_id_fkey(display_name), area:areas(name_ja)'
			)
			.eq('id', data.thread_id)
			.maybeSingle();
		if (t.error) fail('threads', t.error);
		// hidden or deleted since: nothing to point at
		if (!t.data || t.data.hidden_at || t.data.deleted_at) return null;
		thread = {
			id: t.data.id,
			title: t.data.title,
			openedBy: t.data.author?.display_name ?? null,
			areaName: t.data.area?.name_ja ?? null
		};
	}
	return {
		userId: data.user_id,
		kind: data.kind,
		detail: data.detail,
		practice: {
			id: data.practice.id,
			title: data.practice.title,
			status: data.practice.status,
			organizationName: data.practice.lead?.name ?? ''
		},
		thread
	};
}
