// 場所をCSVで取り込む (coordinators): a CSV in the MHLW 通いの場 format or the
// 推奨データセット「公共施設一覧」 format (UTF-8 or Shift_JIS, as Excel saves it).
// プレビュー reads it and shows what would be created, updated or left as it is,
// and every row that fails with its reason; nothing is written until
// 取り込む, which plans the same file again against the database as it is then
// and writes every planned row in one transaction (import_places), or none.
// The file's text travels with the preview (a hidden field), so no upload is
// kept on the server between the two steps; the plan's digest makes sure the
// confirmation writes what the preview showed.
import { createHash } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireCoordinator } from '$lib/server/auth/guard';
import type { Db } from '$lib/server/db/client';
import { listOrganizationChoices } from '$lib/server/db/orgs';
import { importPlaces, placesForImport } from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { postedFile } from '$lib/server/images/upload';
import { logEvent } from '$lib/server/log';
import { decodeCsv, parseImport, planImport, type ImportPlan } from '$lib/server/places/import';
import type { Actions, PageServerLoad } from './$types';

/** 5 MB: 2000 rows of the widest format fit many times over */
const MAX_BYTES = 5 * 1024 * 1024;

export const load: PageServerLoad = ({ url, cookies }) => {
	requireCoordinator();
	return { flash: takeFlash(cookies, url) };
};

async function plan(db: Db, text: string) {
	const parsed = parseImport(text);
	if (!parsed.ok) return parsed;
	const [areas, organizations, existing] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listOrganizationChoices(db),
		placesForImport(db)
	]);
	return {
		ok: true as const,
		format: parsed.format,
		plan: planImport(parsed.rows, { areas, organizations, existing })
	};
}

/** What the confirmation must find again: the rows it will write, as they will be written. */
const digestOf = (p: ImportPlan) =>
	createHash('sha256')
		.update(JSON.stringify([p.create, p.update]))
		.digest('hex');

/** What the page shows of a plan (names and reasons, not the payloads). */
const summaryOf = (p: ImportPlan) => ({
	create: p.create.map((r) => ({ line: r.line, name: r.name })),
	update: p.update.map((r) => ({ line: r.line, name: r.name })),
	unchanged: p.unchanged.length,
	failed: p.failed
});

const readText = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

export const actions: Actions = {
	preview: async ({ request }) => {
		requireCoordinator();
		const body = await request.formData();
		const file = postedFile(body, 'file');
		if (!file) return fail(400, { preview: null, error: m.place_import_error_no_file() });
		if (file.size > MAX_BYTES)
			return fail(400, { preview: null, error: m.place_import_error_too_big() });
		const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
		const planned = await plan(requestDb(), text);
		if (!planned.ok) {
			const why = {
				empty: m.place_import_error_empty,
				unknown_format: m.place_import_error_format,
				too_many_rows: m.place_import_error_too_many
			}[planned.reason]();
			return fail(400, { preview: null, error: why });
		}
		return {
			preview: {
				fileName: file.name,
				format: planned.format,
				text,
				digest: digestOf(planned.plan),
				...summaryOf(planned.plan)
			},
			error: null
		};
	},
	confirm: async ({ request, url, cookies }) => {
		const { user } = requireCoordinator();
		const body = await request.formData();
		const text = readText(body.get('text'));
		const db = requestDb();
		const planned = await plan(db, text);
		if (!planned.ok || digestOf(planned.plan) !== readText(body.get('digest'))) {
			return fail(409, { preview: null, error: m.place_import_error_changed() });
		}
		const rows = [...planned.plan.create, ...planned.plan.update].map((r) => ({
			...r.input,
			row: r.line
		}));
		if (rows.length > 0) {
			const written = await importPlaces(db, rows);
			if (!written.ok) return fail(409, { preview: null, error: m.place_refusal_import_row() });
		}
		logEvent('places_imported', {
			userId: user.id,
			created: planned.plan.create.length,
			updated: planned.plan.update.length
		});
		redirectWithFlash(cookies, url, localizeHref('/coordinate/places/import'), {
			text: m.place_import_done({
				created: planned.plan.create.length,
				updated: planned.plan.update.length,
				unchanged: planned.plan.unchanged.length
			}),
			ok: true,
			target: 'import'
		});
	}
};
