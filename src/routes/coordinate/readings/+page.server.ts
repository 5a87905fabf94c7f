// 読み方の辞書 (ふりがな) for coordinators: the words whose reading wins over the
// analyser's. The areas' and towns' names are in it from their kana; a
// coordinator adds a word (or changes the reading of a name by adding it),
// changes or removes one. Every change reads the texts that have the word
// again, in the worker (furigana_word), so pages show it within seconds.
import { fail } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireCoordinator } from '$lib/server/auth/guard';
import { deleteReadingWord, readingTable, saveReadingWord } from '$lib/server/db/furigana';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { readingWordSchema } from '$lib/server/furigana/forms';
import { readForm } from '$lib/server/forms/small';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	requireCoordinator();
	const entries = await readingTable(requestDb());
	// ?edit=<id>: change a coordinator's word; ?word=…: a name's reading, as a new word
	const editing = entries.find((e) => e.id && e.id === url.searchParams.get('edit')) ?? null;
	const named = url.searchParams.get('word')?.slice(0, 30) ?? '';
	const start = editing
		? {
				id: editing.id ?? '',
				word: editing.word,
				reading: editing.reading,
				note: editing.note ?? ''
			}
		: { id: '', word: named, reading: '', note: '' };
	const form = await superValidate(start, zod4(readingWordSchema()), { errors: false });
	const deleting = entries.find((e) => e.id && e.id === url.searchParams.get('delete')) ?? null;
	return { entries, form, editing: !!editing, deleting, flash: takeFlash(cookies, url) };
};

export const actions: Actions = {
	save: async ({ request, cookies, url }) => {
		const { user } = requireCoordinator();
		const form = await superValidate(request, zod4(readingWordSchema()));
		if (!form.valid) return fail(400, { form });
		const result = await saveReadingWord(requestDb(), {
			id: form.data.id || null,
			word: form.data.word,
			reading: form.data.reading,
			note: form.data.note
		});
		if (!result.ok) {
			const field = result.refusal === 'bad_reading' ? 'reading' : 'word';
			return setError(form, field, refusalMessage(result.refusal));
		}
		logEvent('reading_word_saved', { userId: user.id, word: form.data.word });
		// to the list, which now has it (Post/Redirect/Get: the form is empty for the next word)
		redirectWithFlash(cookies, url, localizeHref('/coordinate/readings'), {
			text: m.readings_saved({ word: form.data.word }),
			ok: true,
			target: 'readings-list'
		});
	},
	delete: async ({ request, cookies, url }) => {
		requireCoordinator();
		const posted = await readForm(request, z.object({ id: z.uuid(), word: z.string().max(30) }));
		const result = posted ? await deleteReadingWord(requestDb(), posted.id) : null;
		redirectWithFlash(cookies, url, localizeHref('/coordinate/readings'), {
			text: result?.ok
				? m.readings_deleted({ word: posted?.word ?? '' })
				: m.readings_delete_failed(),
			ok: !!result?.ok,
			target: 'readings-list'
		});
	}
};
