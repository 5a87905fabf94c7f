// 年度 (April–March, in Tokyo), dates in the Japanese era, the certificate's
// type size and the award form's reading of a person's address.
import { describe, expect, it } from 'vitest';
import { citationSize, uprightParts } from '$lib/recognition/certificate';
import { eraDate, fiscalYearLabel, fiscalYearOf, parseFiscalYear } from '$lib/recognition/fiscal';
import { personIdOf } from '$lib/server/recognition/forms';

describe('年度', () => {
	it.each([
		['2027-03-31', 2026],
		['2027-04-01', 2027],
		['2026-04-01', 2026],
		['2026-12-31', 2026],
		['2027-01-01', 2026]
	])('the date %s is in 年度 %i', (date, fy) => {
		expect(fiscalYearOf(date)).toBe(fy);
	});

	it('an instant is taken in Tokyo: 31 March 23:30 in Tokyo is still the old year, 1 April 00:30 the new', () => {
		// 2027-03-31T23:30+09:00 and 2027-04-01T00:30+09:00
		expect(fiscalYearOf(new Date('2027-03-31T14:30:00Z'))).toBe(2026);
		expect(fiscalYearOf(new Date('2027-03-31T15:30:00Z'))).toBe(2027);
		// in UTC the second is still 31 March: Tokyo decides
		expect(new Date('2027-03-31T15:30:00Z').getUTCDate()).toBe(31);
	});

	it('is named in the era and in the western year', () => {
		expect(fiscalYearLabel(2026, 'ja')).toBe('令和8年度（2026年度）');
		expect(fiscalYearLabel(2019, 'ja')).toBe('令和元年度（2019年度）');
		expect(fiscalYearLabel(2018, 'ja')).toBe('平成30年度（2018年度）');
		expect(fiscalYearLabel(2026, 'en')).toBe('FY2026 (Reiwa 8)');
	});

	it('comes from the address only as a plausible year', () => {
		expect(parseFiscalYear('2026')).toBe(2026);
		expect(parseFiscalYear('26')).toBeNull();
		expect(parseFiscalYear('1999')).toBeNull();
		expect(parseFiscalYear('2026; drop')).toBeNull();
		expect(parseFiscalYear(null)).toBeNull();
	});
});

describe('the certificate', () => {
	it('dates in the era, 元年 for the first year, the era changing on 1 May 2019', () => {
		expect(eraDate('2026-12-02')).toBe('令和8年12月2日');
		expect(eraDate('2019-05-01')).toBe('令和元年5月1日');
		expect(eraDate('2019-04-30')).toBe('平成31年4月30日');
		// an instant: its Tokyo date
		expect(eraDate(new Date('2026-12-01T15:00:00Z'))).toBe('令和8年12月2日');
	});

	it('stands numbers of one or two digits upright in vertical text', () => {
		expect(uprightParts('令和8年12月2日')).toEqual([
			{ text: '令和', upright: false },
			{ text: '8', upright: true },
			{ text: '年', upright: false },
			{ text: '12', upright: true },
			{ text: '月', upright: false },
			{ text: '2', upright: true },
			{ text: '日', upright: false }
		]);
	});

	it('sets longer citations smaller so that they fit one sheet', () => {
		expect(citationSize('あ'.repeat(100))).toBe('large');
		expect(citationSize('あ'.repeat(200))).toBe('medium');
		expect(citationSize('あ'.repeat(400))).toBe('small');
		expect(citationSize('あ'.repeat(600))).toBe('tiny');
	});
});

describe('the award form', () => {
	it('reads a person from their page address or id', () => {
		const id = '0b6f3c2e-1d2a-4c1e-9f3a-2b7c8d9e0f1a';
		expect(personIdOf(`https://tsunagu.example/people/${id}`)).toBe(id);
		expect(personIdOf(`/en/people/${id.toUpperCase()}/`)).toBe(id);
		expect(personIdOf(id)).toBe(id);
		expect(personIdOf('https://tsunagu.example/people/')).toBeNull();
	});
});
