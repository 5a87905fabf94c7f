// A coordinator's import of places from a CSV (issue 15), pure: the page reads
// the file, shows the plan and sends the rows to import_places (all or
// nothing). Two formats, told apart by their header: 厚生労働省's 「通いの場」
// and the Digital Agency's 「公共施設一覧」, as /opendata/places.csv and
// /opendata/facilities.csv write them (plus Tsunagu's 圏域), so an export comes
// back in unchanged. Every row is checked with the rules of
// private.write_place and every problem of a row is reported, by the line
// Excel shows. A row updates the place with the same name and address
// (places.import_key), and only in what its file says: a column the file lacks,
// or a cell that says what Tsunagu's own export would say of the place (a
// shortened description, ふりがな in hiragana), changes nothing.
import type { ImportError, ImportErrorCode } from '$lib/places/types';
import { parse } from 'csv-parse/sync';
import { isHttpUrl, normalizePhone, PHONE } from '$lib/forms/patterns';
import {
	PLACE_AUDIENCES,
	type PlaceAudience,
	type PlaceDay,
	type PlaceHours,
	type PlaceInput
} from '$lib/places/types';
import { neutralizeCell } from '$lib/server/http/csv';
import {
	AUDIENCE_WORDS,
	DAY_CHARS,
	FACILITY_COLUMNS,
	KAYOINOBA_COLUMNS,
	WEEKDAYS,
	facilityRecord,
	kayoinobaRecord,
	toHiragana,
	type OpenDataPlace
} from '$lib/server/opendata/places';
import { typedNumber, typedTime } from './forms';

/** At most this many rows a file (beyond it: split the file). */
export const MAX_IMPORT_ROWS = 2000;

export type ImportFormat = 'kayoinoba' | 'facility';

export type { ImportError, ImportErrorCode };

/** What a row says of a place; 圏域 and the organization by name. */
export type ImportPlace = Omit<PlaceInput, 'id' | 'photos' | 'area_id' | 'organization_id'> & {
	areaName: string | null;
	organizationName: string | null;
};
export type ImportField = keyof ImportPlace;

/**
 * A row of the file by the line Excel shows (the header is 1): the place, with
 * the fields its file carries (only those change an existing place), or its
 * problems.
 */
export type ImportRow =
	| { line: number; format: ImportFormat; fields: ImportField[]; place: ImportPlace }
	| { line: number; name: string; errors: ImportError[] };

export type ParsedImport =
	| { ok: true; format: ImportFormat; rows: ImportRow[] }
	| { ok: false; reason: 'empty' | 'unknown_format' | 'too_many_rows' };

// Reading the bytes ---------------------------------------------------------------------

/** UTF-8 (a BOM or not) or, when the bytes are not UTF-8, Shift_JIS (Excel in Japan). */
export function decodeCsv(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('shift_jis').decode(bytes);
	}
}

// Cells ------------------------------------------------------------------------------------

/** A header as compared: NFKC (（）－ as ()-) and trimmed. */
const columnKey = (name: string) => name.normalize('NFKC').trim();
/** A cell by its column's standard name; undefined: the file has no such column. */
type Cells = (column: string) => string | undefined;
/** csvFile's guard against formulas (a leading ') taken off again */
const unneutralize = (v: string) => (/^'[=@\t\r+-]/.test(v) ? v.slice(1) : v);
/** as private.trim_text, which write_place stores text through */
const clean = (v: string) => v.replace(/^[ \t\r\n\u3000]+|[ \t\r\n\u3000]+$/g, '');
/** char_length counts code points */
const length = (v: string) => Array.from(v).length;

const FLAGS: Record<string, boolean> = {
	'1': true,
	'0': false,
	有: true,
	無: false,
	有り: true,
	無し: false,
	あり: true,
	なし: false,
	可: true,
	不可: false,
	'○': true,
	〇: true,
	'◯': true,
	'×': false
};

const AUDIENCE_BY_WORD = new Map<string, PlaceAudience>([
	...PLACE_AUDIENCES.map((a): [string, PlaceAudience] => [AUDIENCE_WORDS[a], a]),
	['障害者', 'disability'],
	['障がい者', 'disability'],
	['子ども', 'children'],
	['子供', 'children'],
	['子育て', 'parents'],
	['誰でも', 'everyone'],
	['だれでも', 'everyone']
]);

/** Checks the cells of one row, collecting every problem and the fields its file carries. */
function rowReader(get: Cells) {
	const errors: ImportError[] = [];
	const fields: ImportField[] = [];
	const fail = (code: ImportErrorCode, column: string, value?: string) =>
		errors.push(value === undefined ? { code, column } : { code, column, value });
	const has = (...columns: string[]) => columns.some((c) => get(c) !== undefined);
	const raw = (column: string) => clean(get(column) ?? '');
	return {
		errors,
		fields,
		fail,
		has,
		raw,
		/** `field` changes an existing place when the file has one of `columns` */
		carry(field: ImportField, ...columns: string[]) {
			if (has(...columns)) fields.push(field);
		},
		text(column: string, max: number) {
			const v = raw(column);
			if (length(v) > max) fail('too_long', column);
			return v === '' ? null : v;
		},
		flag(column: string) {
			const v = raw(column).normalize('NFKC');
			if (v === '') return null;
			if (v in FLAGS) return FLAGS[v];
			fail('bad_flag', column, v);
			return null;
		},
		phone(column: string) {
			const v = normalizePhone(raw(column));
			if (v !== '' && (!PHONE.test(v) || length(v) > 30)) fail('bad_phone', column, v);
			return v === '' ? null : v;
		},
		url(column: string) {
			const v = raw(column);
			if (v !== '' && (!isHttpUrl(v) || length(v) > 500)) fail('bad_url', column, v);
			return v === '' ? null : v;
		},
		capacity(column: string) {
			const v = raw(column);
			if (v === '') return null;
			const n = typedNumber(v);
			if (n !== null && Number.isInteger(n) && n >= 1 && n <= 100000) return n;
			fail('bad_number', column, v);
			return null;
		},
		/** 緯度・経度: both or neither, in Japan, to the 6 decimals stored */
		point(latColumn: string, lngColumn: string) {
			const none = { latitude: null, longitude: null };
			const la = raw(latColumn);
			const lo = raw(lngColumn);
			if (la === '' && lo === '') return none;
			if (la === '' || lo === '') {
				fail('outside_japan', la === '' ? latColumn : lngColumn, '');
				return none;
			}
			const lat = typedNumber(la);
			const lng = typedNumber(lo);
			if (lat === null) fail('bad_number', latColumn, la);
			else if (lat < 20 || lat > 46) fail('outside_japan', latColumn, la);
			if (lng === null) fail('bad_number', lngColumn, lo);
			else if (lng < 122 || lng > 154) fail('outside_japan', lngColumn, lo);
			if (lat === null || lng === null) return none;
			const round = (n: number) => Math.round(n * 1e6) / 1e6;
			return { latitude: round(lat), longitude: round(lng) };
		},
		/** one span of hours: both times or neither (null) */
		span(opensColumn: string, closesColumn: string) {
			const o = raw(opensColumn);
			const c = raw(closesColumn);
			if (o === '' && c === '') return null;
			const opens = o === '' ? null : clock(o);
			const closes = c === '' ? null : clock(c);
			if (opens === null) fail('bad_time', opensColumn, o);
			if (closes === null) fail('bad_time', closesColumn, c);
			if (opens === null || closes === null) return null;
			if (closes <= opens) {
				fail('closes_before_opens', closesColumn, c);
				return null;
			}
			return { opens, closes };
		}
	};
}

/** H:MM or HH:MM (full-width digits too; seconds of :00 as Excel may write them) → HH:MM */
const clock = (typed: string) =>
	typedTime(typed.normalize('NFKC').replace(/^(\d+:\d\d):00$/, '$1'));

/** 対象者: the known words, separated by ; 、 ・ or spaces (others are not guessed at) */
function audiencesOf(typed: string): PlaceAudience[] {
	const words = new Set(typed.normalize('NFKC').split(/[;,、・/\s]+/));
	const found = new Set([...words].flatMap((w) => AUDIENCE_BY_WORD.get(w) ?? []));
	return PLACE_AUDIENCES.filter((a) => found.has(a));
}

/** 料金体系: 無料 alone is fee_free; other words are the fee */
function feeOf(typed: string | null) {
	if (typed === null) return { fee_free: null, fee: null };
	if (typed.normalize('NFKC') === '無料') return { fee_free: true, fee: null };
	return { fee_free: null, fee: typed };
}

const isWeekdayWord = (token: string) => /^[月火水木金](曜日?)?$/.test(token);

/** 利用可能曜日: 月火水木金土日祝 with or without separators, 平日, 毎日, 月〜金 (null: unreadable) */
function daysOf(typed: string): PlaceDay[] | null {
	const v = typed
		.normalize('NFKC')
		.replace(/祝日/g, '祝')
		.replace(/平日/g, '月~金')
		.replace(/毎日/g, '月~日')
		.replace(/曜日?/g, '')
		.replace(/[\s・、,;/]+/g, '')
		.replace(/([月火水木金土日])[~〜-]([月火水木金土日])/g, (_, a: string, b: string) =>
			DAY_CHARS.slice(DAY_CHARS.indexOf(a), DAY_CHARS.indexOf(b) + 1)
		);
	const days = Array.from(v).map((c) => DAY_CHARS.indexOf(c) + 1);
	if (days.some((d) => d === 0)) return null;
	return [...new Set(days)].sort((a, b) => a - b).filter(isDay);
}
const isDay = (d: number): d is PlaceDay => d >= 1 && d <= 8;

const spread = (
	days: readonly number[],
	span: { opens: string; closes: string } | null
): PlaceHours[] => (span ? days.filter(isDay).map((day) => ({ day, ...span })) : []);

const MHLW_SPANS = [
	['平日', WEEKDAYS],
	['土曜', [6]],
	['日曜', [7]],
	['祝日', [8]]
] as const;

/** A row of 「通いの場」 (厚生労働省). */
function readKayoinoba(get: Cells) {
	const r = rowReader(get);
	const opensOf = (label: string) => `運営日（${label}）－開始`;
	const closesOf = (label: string) => `運営日（${label}）－終了`;
	const spans = MHLW_SPANS.map(([label, days]) => ({
		days,
		span: r.span(opensOf(label), closesOf(label))
	}));
	// the weekdays it is closed, named in 定休日, narrow 平日 (spans[0]) and leave 定休日's words
	const closedTyped = r.raw('定休日');
	const tokens = closedTyped.split(/[;；、,，・\s]+/).filter((t) => t !== '');
	const closedWeekdays = spans[0].span
		? tokens.filter((t) => isWeekdayWord(t.normalize('NFKC')))
		: [];
	const closedDays = closedWeekdays.length
		? tokens.filter((t) => !isWeekdayWord(t.normalize('NFKC'))).join(';')
		: closedTyped;
	if (length(closedDays) > 200) r.fail('too_long', '定休日');
	const open = (days: readonly number[]) =>
		days.filter((d) => !closedWeekdays.some((t) => t.normalize('NFKC')[0] === DAY_CHARS[d - 1]));
	const hours = spans.flatMap(({ days, span }) => spread(open(days), span));

	const building = r.raw('所在地（建物名・部屋番号等）');
	const address = [r.raw('所在地（都道府県から番地まで）'), building]
		.filter((v) => v !== '')
		.join(' ');
	if (length(address) > 200) r.fail('too_long', '所在地（都道府県から番地まで）');

	r.carry('name', '名称');
	r.carry('name_kana', '名称（ふりがな）');
	r.carry('address', '所在地（都道府県から番地まで）', '所在地（建物名・部屋番号等）');
	r.carry('latitude', '緯度', '経度');
	r.carry('longitude', '緯度', '経度');
	r.carry('phone', '電話番号');
	r.carry('audiences', '対象者');
	r.carry('description', '活動内容');
	r.carry('hours', ...MHLW_SPANS.flatMap(([l]) => [opensOf(l), closesOf(l)]));
	r.carry('closed_days', '定休日');
	r.carry('hours_note', '備考');
	r.carry('fee', '料金体系');
	r.carry('fee_free', '料金体系');
	r.carry('capacity', '定員');
	r.carry('meals_provided', '飲食の提供の有無');
	r.carry('food_allowed', '飲食持ち込みの可否');
	r.carry('transport', '送迎の有無');
	r.carry('accessibility', 'その他');
	r.carry('areaName', '圏域');
	r.carry('organizationName', '法人名称');

	const place: ImportPlace = {
		name: r.raw('名称'),
		name_kana: r.text('名称（ふりがな）', 100),
		kinds: ['kayoinoba'],
		address: address === '' ? null : address,
		...r.point('緯度', '経度'),
		audiences: audiencesOf(r.raw('対象者')),
		hours,
		hours_note: r.text('備考', 500),
		closed_days: closedDays === '' ? null : closedDays,
		...feeOf(r.text('料金体系', 200)),
		capacity: r.capacity('定員'),
		meals_provided: r.flag('飲食の提供の有無'),
		food_allowed: r.flag('飲食持ち込みの可否'),
		transport: r.flag('送迎の有無'),
		accessibility: r.text('その他', 1000),
		phone: r.phone('電話番号'),
		email: null,
		url: null,
		description: r.text('活動内容', 5000),
		published: true,
		areaName: r.raw('圏域') || null,
		organizationName: r.raw('法人名称') || null
	};
	return { place, fields: r.fields, errors: r.errors };
}

/** A row of 「公共施設一覧」 (the Digital Agency's 推奨データセット). */
function readFacility(get: Cells) {
	const r = rowReader(get);
	const daysTyped = r.raw('利用可能曜日');
	const days = daysOf(daysTyped);
	if (days === null) r.fail('bad_time', '利用可能曜日', daysTyped);
	const span = r.span('開始時間', '終了時間');
	// times for no day cannot be held; days without times are not (the notes may say)
	if (span && daysTyped === '') r.fail('bad_time', '利用可能曜日', '');

	// 利用可能日時特記事項: the notes, then 「定休日：…」 as the export writes it
	const note = r.raw('利用可能日時特記事項');
	const at = note.search(/(^|\n)[ \t\u3000]*定休日[ \t\u3000]*[:：]/);
	const hoursNote = clean(at < 0 ? note : note.slice(0, at));
	const closedDays = at < 0 ? '' : clean(note.slice(at).replace(/^\s*定休日\s*[:：]/, ''));
	if (length(hoursNote) > 500 || length(closedDays) > 200)
		r.fail('too_long', '利用可能日時特記事項');

	const building = r.raw('方書');
	const address = [r.raw('住所'), building].filter((v) => v !== '').join(' ');
	if (length(address) > 200) r.fail('too_long', '住所');

	r.carry('name', '名称');
	r.carry('name_kana', '名称_カナ');
	r.carry('address', '住所', '方書');
	r.carry('latitude', '緯度', '経度');
	r.carry('longitude', '緯度', '経度');
	r.carry('phone', '電話番号');
	r.carry('hours', '利用可能曜日', '開始時間', '終了時間');
	r.carry('hours_note', '利用可能日時特記事項');
	r.carry('closed_days', '利用可能日時特記事項');
	r.carry('description', '説明');
	r.carry('accessibility', 'バリアフリー情報');
	r.carry('url', 'URL');
	r.carry('areaName', '圏域');
	r.carry('organizationName', '団体名');

	const place: ImportPlace = {
		name: r.raw('名称'),
		name_kana: r.text('名称_カナ', 100),
		kinds: ['meeting_place'],
		address: address === '' ? null : address,
		...r.point('緯度', '経度'),
		audiences: [],
		hours: spread(days ?? [], span),
		hours_note: hoursNote === '' ? null : hoursNote,
		closed_days: closedDays === '' ? null : closedDays,
		fee_free: null,
		fee: null,
		capacity: null,
		meals_provided: null,
		food_allowed: null,
		transport: null,
		accessibility: r.text('バリアフリー情報', 1000),
		phone: r.phone('電話番号'),
		email: null,
		url: r.url('URL'),
		description: r.text('説明', 5000),
		published: true,
		areaName: r.raw('圏域') || null,
		organizationName: r.raw('団体名') || null
	};
	return { place, fields: r.fields, errors: r.errors };
}

/** A row of either format, its name checked. */
function readRow(format: ImportFormat, get: Cells) {
	const read = format === 'kayoinoba' ? readKayoinoba(get) : readFacility(get);
	const name = read.place.name;
	if (name === '') read.errors.unshift({ code: 'required', column: '名称' });
	else if (length(name) > 100) read.errors.unshift({ code: 'too_long', column: '名称' });
	return read;
}

const KAYOINOBA_KEYS = new Set(KAYOINOBA_COLUMNS.map(columnKey));
const FACILITY_KEYS = new Set(FACILITY_COLUMNS.map(columnKey));

/** The format whose own columns the header has more of (名称 required). */
function formatOf(header: string[]): ImportFormat | null {
	const names = new Set(header.map(columnKey));
	if (!names.has('名称')) return null;
	const own = (mine: Set<string>, theirs: Set<string>) =>
		[...names].filter((n) => mine.has(n) && !theirs.has(n)).length;
	const kayoinoba = own(KAYOINOBA_KEYS, FACILITY_KEYS);
	const facility = own(FACILITY_KEYS, KAYOINOBA_KEYS);
	if (kayoinoba === facility) return null;
	return kayoinoba > facility ? 'kayoinoba' : 'facility';
}

const blank = (record: string[]) => record.every((c) => clean(c) === '');

/** The rows of a file, each checked; the format told by its header. */
export function parseImport(text: string): ParsedImport {
	let records: string[][];
	try {
		records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true });
	} catch {
		// (an unclosed quote: not a CSV either format could be read from)
		return { ok: false, reason: 'unknown_format' };
	}
	// a record is a row in Excel: its line is its index + 1, blank ones counted
	const lines = records
		.map((record, i) => ({ record, line: i + 1 }))
		.filter((r) => !blank(r.record));
	if (lines.length === 0) return { ok: false, reason: 'empty' };
	const [header, ...data] = lines;
	const format = formatOf(header.record);
	if (!format) return { ok: false, reason: 'unknown_format' };
	if (data.length === 0) return { ok: false, reason: 'empty' };
	if (data.length > MAX_IMPORT_ROWS) return { ok: false, reason: 'too_many_rows' };

	const index = new Map<string, number>();
	header.record.forEach((name, i) => {
		if (!index.has(columnKey(name))) index.set(columnKey(name), i);
	});
	const rows = data.map(({ record, line }): ImportRow => {
		const read = readRow(format, (column) => {
			const i = index.get(columnKey(column));
			return i === undefined ? undefined : unneutralize(record[i] ?? '');
		});
		return read.errors.length
			? { line, name: read.place.name, errors: read.errors }
			: { line, format, fields: read.fields, place: read.place };
	});
	return { ok: true, format, rows };
}

// Planning ---------------------------------------------------------------------------------

/** As private.search_normalize: NFKC, lower case, katakana as hiragana. */
export const searchNormalize = (text: string) => toHiragana(text.normalize('NFKC').toLowerCase());

/** As the generated column places.import_key. */
export const importKey = (name: string, address: string | null) =>
	`${searchNormalize(name)}|${searchNormalize(address ?? '')}`;

export interface PlannedRow {
	line: number;
	name: string;
	/** with id: an update of that place */
	input: PlaceInput;
}

export interface ImportPlan {
	create: PlannedRow[];
	update: PlannedRow[];
	unchanged: PlannedRow[];
	failed: { line: number; name: string; errors: ImportError[] }[];
}

export interface ImportContext {
	areas: { id: string; name_ja: string; slug: string; kana: string | null }[];
	organizations: { id: string; name: string }[];
	existing: (PlaceInput & { id: string })[];
}

const withoutPhotos = (p: PlaceInput): PlaceInput => {
	const copy = { ...p };
	delete copy.photos;
	return copy;
};

/** A value as compared: arrays in a fixed order (hours by day). */
function comparable(v: unknown): string {
	if (!Array.isArray(v)) return JSON.stringify(v ?? null);
	const items: unknown[] = v;
	return JSON.stringify(
		items
			.map((x) =>
				typeof x === 'object' && x !== null ? JSON.stringify(x, ['day', 'opens', 'closes']) : x
			)
			.map(String)
			.sort()
	);
}
const same = (a: unknown, b: unknown) => comparable(a) === comparable(b);

const INPUT_FIELDS = [
	'name',
	'name_kana',
	'kinds',
	'area_id',
	'address',
	'latitude',
	'longitude',
	'organization_id',
	'audiences',
	'hours',
	'hours_note',
	'closed_days',
	'fee_free',
	'fee',
	'capacity',
	'meals_provided',
	'food_allowed',
	'transport',
	'accessibility',
	'phone',
	'email',
	'url',
	'description',
	'published'
] as const satisfies readonly (keyof PlaceInput)[];
const sameInput = (a: PlaceInput, b: PlaceInput) => INPUT_FIELDS.every((f) => same(a[f], b[f]));

type CopiedField = Exclude<ImportField, 'areaName' | 'organizationName'>;
function copy<K extends CopiedField>(to: PlaceInput, from: Pick<PlaceInput, K>, field: K) {
	to[field] = from[field];
}

const NO_MUNICIPALITY = { municipality: { code: '', prefecture: '', name: '' } };

/**
 * The row Tsunagu's own export writes for a place, read back: a cell that says
 * just that keeps what the place holds (the export shortens and reshapes).
 */
function echoOf(
	format: ImportFormat,
	p: PlaceInput & { id: string },
	names: {
		area: (id: string | null) => string | null;
		organization: (id: string | null) => string | null;
	}
): ImportPlace {
	const open: OpenDataPlace = {
		id: p.id,
		name: p.name,
		nameKana: p.name_kana,
		kinds: p.kinds,
		audiences: p.audiences,
		address: p.address,
		latitude: p.latitude,
		longitude: p.longitude,
		phone: p.phone,
		hours: p.hours,
		hoursNote: p.hours_note,
		closedDays: p.closed_days,
		feeFree: p.fee_free,
		fee: p.fee,
		capacity: p.capacity,
		mealsProvided: p.meals_provided,
		foodAllowed: p.food_allowed,
		transport: p.transport,
		accessibility: p.accessibility,
		description: p.description,
		url: p.url,
		organizationName: names.organization(p.organization_id),
		areaName: names.area(p.area_id)
	};
	const record =
		format === 'kayoinoba'
			? kayoinobaRecord(open, 1, NO_MUNICIPALITY)
			: facilityRecord(open, 1, NO_MUNICIPALITY);
	// as written into the file (csvFile's guard) and read back
	const cells = new Map(
		Object.entries(record).map(([k, v]): [string, string] => [
			columnKey(k),
			unneutralize(neutralizeCell(v))
		])
	);
	return readRow(format, (column) => cells.get(columnKey(column))).place;
}

/**
 * What an import would do: new places, updates, rows that change nothing, and
 * rows that cannot be imported. 圏域 by name, reading or slug; the
 * organization by its exact name (none found: none for a new place, the one it
 * had for an update). An update whose result is the place as it is, is
 * unchanged (the same file imported twice changes nothing).
 */
export function planImport(rows: ImportRow[], ctx: ImportContext): ImportPlan {
	const plan: ImportPlan = { create: [], update: [], unchanged: [], failed: [] };
	const areaByWord = new Map<string, string>();
	for (const a of ctx.areas)
		for (const word of [a.name_ja, a.kana, a.slug])
			if (word && !areaByWord.has(searchNormalize(word)))
				areaByWord.set(searchNormalize(word), a.id);
	const orgByName = new Map(ctx.organizations.map((o) => [searchNormalize(o.name), o.id]));
	const names = {
		area: (id: string | null) => ctx.areas.find((a) => a.id === id)?.name_ja ?? null,
		organization: (id: string | null) => ctx.organizations.find((o) => o.id === id)?.name ?? null
	};
	// a file without an address column matches by name alone
	const keyOf = (fields: ImportField[], name: string, address: string | null) =>
		fields.includes('address') ? importKey(name, address) : searchNormalize(name);
	const byKey = new Map<string, (PlaceInput & { id: string })[]>();
	const byName = new Map<string, (PlaceInput & { id: string })[]>();
	for (const p of ctx.existing) {
		for (const [map, key] of [
			[byKey, importKey(p.name, p.address)],
			[byName, searchNormalize(p.name)]
		] as const)
			map.set(key, [...(map.get(key) ?? []), p]);
	}
	const seen = new Set<string>();

	for (const row of rows) {
		if ('errors' in row) {
			plan.failed.push({ line: row.line, name: row.name, errors: row.errors });
			continue;
		}
		const { place, fields, line } = row;
		const { areaName, organizationName, ...values } = place;
		const errors: ImportError[] = [];
		let areaId: string | null = null;
		if (areaName !== null) {
			areaId = areaByWord.get(searchNormalize(areaName)) ?? null;
			if (areaId === null) errors.push({ code: 'unknown_area', column: '圏域', value: areaName });
		}
		const key = keyOf(fields, place.name, place.address);
		if (seen.has(key)) errors.push({ code: 'duplicate_row', column: '名称', value: place.name });
		seen.add(key);
		const matches = (fields.includes('address') ? byKey : byName).get(key) ?? [];
		if (matches.length > 1) errors.push({ code: 'ambiguous', column: '名称', value: place.name });
		if (errors.length) {
			plan.failed.push({ line, name: place.name, errors });
			continue;
		}
		const orgId =
			organizationName === null ? null : (orgByName.get(searchNormalize(organizationName)) ?? null);

		const existing = matches.at(0);
		if (!existing) {
			const input: PlaceInput = { ...values, area_id: areaId, organization_id: orgId };
			plan.create.push({ line, name: place.name, input });
			continue;
		}
		const before = withoutPhotos(existing);
		const next: PlaceInput = { ...before };
		const echo = echoOf(row.format, existing, names);
		for (const field of fields) {
			// an empty 圏域 or an unknown organization keeps what the place had
			if (field === 'areaName') next.area_id = areaId ?? before.area_id;
			else if (field === 'organizationName') next.organization_id = orgId ?? before.organization_id;
			else if (!same(place[field], echo[field])) copy(next, place, field);
		}
		(sameInput(next, before) ? plan.unchanged : plan.update).push({
			line,
			name: place.name,
			input: next
		});
	}
	return plan;
}
