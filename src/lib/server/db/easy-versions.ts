// やさしい日本語 versions (issue 16): an event's, a practice's or a place's
// author-written summary and body in やさしい日本語, stored next to the text
// they retell (easy_summary, easy_body) and read with it. One writer for the
// three: save_easy_version checks who calls as each subject's own save does.
import type { EasySubject, EasyVersion } from '$lib/easy-japanese/version';
import type { Db } from '$lib/server/db/client';
import { refused, type Refusable } from '$lib/server/db/errors';

export type SaveEasyRefusal = 'sign_in' | 'forbidden' | 'not_found' | 'bad_length' | 'suspended';
const SAVE_REFUSALS: SaveEasyRefusal[] = [
	'sign_in',
	'forbidden',
	'not_found',
	'bad_length',
	'suspended'
];

/** Saves the version (both fields empty: there is none any more). */
export async function saveEasyVersion(
	db: Db,
	subject: EasySubject,
	id: string,
	version: EasyVersion
): Promise<Refusable<object, SaveEasyRefusal>> {
	const { error } = await db.rpc('save_easy_version', {
		p_subject: subject,
		p_id: id,
		p_summary: version.summary ?? '',
		p_body: version.body ?? ''
	});
	if (error) return refused(error, SAVE_REFUSALS);
	return { ok: true };
}
