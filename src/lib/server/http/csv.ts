// CSV files for Excel in Japan, written one way everywhere (attendee lists,
// reports, open data): UTF-8 with a BOM (without it Excel reads Shift_JIS
// and shows mojibake), CRLF between rows, and every cell that holds a line
// break quoted (csv-stringify quotes only the record delimiter itself, so a
// lone LF in a note or an address would otherwise start a new row).
import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (CSV
 * injection): such text gets a leading apostrophe. Phone numbers such as
 * +81 90-0000-0000 stay as they are.
 */
export function neutralizeCell(value: string): string {
	if (/^[=@\t\r]/.test(value)) return `'${value}`;
	if (/^[+-]/.test(value) && !/^[+\-0-9 ()]+$/.test(value)) return `'${value}`;
	return value;
}

/** The whole file: the header row, then the rows; text cells are neutralized. */
export function csvFile(header: readonly string[], rows: (string | number)[][]): string {
	return stringify(
		[
			[...header],
			...rows.map((row) => row.map((c) => (typeof c === 'string' ? neutralizeCell(c) : c)))
		],
		{ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }
	);
}
