// The record form's rules on the real schema: counts as people type them
// (full-width digits too), first-timers and the headcounts' sum against the
// attendance, handouts as addresses, and what a checked form writes.
import { describe, expect, it } from 'vitest';
import { recordInput, recordSchema } from '$lib/server/records/forms';

const valid = { forumName: 'ささえあいフォーラム', venue: '常盤平市民センター' };
const parse = (attended: number, values: Record<string, unknown>) =>
	recordSchema(attended).safeParse({ ...valid, ...values });
const problems = (attended: number, values: Record<string, unknown>) => {
	const result = parse(attended, values);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.')).sort();
};

describe('record form', () => {
	it('needs only the forum and the venue', () => {
		expect(problems(0, {})).toEqual([]);
		expect(problems(0, { forumName: ' ', venue: '' })).toEqual(['forumName', 'venue']);
	});

	it('refuses counts that are not whole numbers of 0 or more', () => {
		expect(problems(0, { walkIns: '12人' })).toEqual(['walkIns']);
		expect(problems(0, { walkIns: '-3' })).toEqual(['walkIns']);
		expect(problems(0, { people_resident: '1.5' })).toEqual(['people_resident']);
		expect(problems(0, { walkIns: '1000001' })).toEqual(['walkIns']);
		expect(problems(0, { walkIns: '１２', people_resident: '１２' })).toEqual([]);
	});

	it('refuses more first-timers than people of that kind', () => {
		expect(problems(10, { people_student: '2', first_student: '3' })).toEqual(['first_student']);
		expect(problems(10, { people_student: '3', first_student: '3' })).toEqual([]);
	});

	it('refuses headcounts that add up to more than came (marked attendance plus walk-ins)', () => {
		expect(problems(3, { walkIns: '2', people_resident: '4', people_other: '2' })).toEqual([
			'headcounts'
		]);
		expect(problems(3, { walkIns: '3', people_resident: '4', people_other: '2' })).toEqual([]);
	});

	it('takes handouts one address a line, up to ten', () => {
		expect(
			problems(0, { materials: 'https://example.jp/a.pdf\n\n https://example.jp/b \n' })
		).toEqual([]);
		expect(problems(0, { materials: 'javascript:alert(1)' })).toEqual(['materials']);
		expect(problems(0, { materials: '資料は当日配布' })).toEqual(['materials']);
		const eleven = Array.from({ length: 11 }, (_, i) => `https://example.jp/${i}`).join('\n');
		expect(problems(0, { materials: eleven })).toEqual(['materials']);
	});

	it('writes numbers, trimmed addresses and only the kinds someone came as', () => {
		const result = parse(2, {
			walkIns: '１０',
			people_resident: '8',
			first_resident: '3',
			people_government: '',
			materials: ' https://example.jp/a.pdf \n',
			isPublic: true
		});
		expect(result.success).toBe(true);
		expect(recordInput(result.data!)).toEqual({
			forumName: valid.forumName,
			venue: valid.venue,
			agenda: '',
			summary: '',
			minutes: '',
			materials: ['https://example.jp/a.pdf'],
			walkIns: 10,
			isPublic: true,
			headcounts: [{ kind: 'resident', people: 8, firstTime: 3 }]
		});
	});
});
