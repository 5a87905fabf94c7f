// The practice form's rules on the real schema, the photo order it saves, and
// the field-by-field changes coordinators see.
import { describe, expect, it } from 'vitest';
import { snapshotChanges } from '$lib/server/db/practices';
import {
	figureNumber,
	orderedPhotos,
	practiceInputOf,
	practiceSchema
} from '$lib/server/practices/forms';

const choices = {
	organizationIds: new Set(['o1']),
	areaIds: new Set(['a1']),
	fieldIds: new Set(['f1']),
	partnerIds: new Set(['o1', 'o2']),
	eventIds: new Set(['e1']),
	placeIds: new Set(['p1'])
};
const valid = {
	leadOrganizationId: 'o1',
	title: '常盤平こども食堂',
	summary: '毎月の子ども食堂',
	startedOn: '2023-04-01'
};
const problems = (values: Record<string, unknown>) => {
	const result = practiceSchema(choices).safeParse({ ...valid, ...values });
	return result.success
		? {}
		: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('practice form', () => {
	it('accepts the least a practice needs', () => {
		expect(problems({})).toEqual({});
	});

	it('refuses what save_practice refuses, next to the field', () => {
		expect(Object.keys(problems({ leadOrganizationId: '' }))).toEqual(['leadOrganizationId']);
		expect(Object.keys(problems({ leadOrganizationId: 'other' }))).toEqual(['leadOrganizationId']);
		expect(Object.keys(problems({ startedOn: '' }))).toEqual(['startedOn']);
		expect(Object.keys(problems({ endedOn: '2023-03-31' }))).toEqual(['endedOn']);
		expect(problems({ endedOn: '2023-04-01' })).toEqual({});
		expect(Object.keys(problems({ title: ' ' }))).toEqual(['title']);
		expect(Object.keys(problems({ summary: 'あ'.repeat(201) }))).toEqual(['summary']);
		expect(Object.keys(problems({ story_tips: 'あ'.repeat(5001) }))).toEqual(['story_tips']);
		expect(Object.keys(problems({ eventIds: ['e2'] }))).toEqual(['eventIds']);
		expect(Object.keys(problems({ audiences: ['aliens'] }))).toEqual(['audiences.0']);
	});

	it('a figure row needs a label and a number; empty rows are ignored', () => {
		const rows = (labels: string[], values: string[], units: string[]) =>
			problems({ figureLabels: labels, figureValues: values, figureUnits: units });
		expect(rows(['参加者', ''], ['40', ''], ['人', ''])).toEqual({});
		expect(Object.keys(rows(['参加者'], ['四十'], ['人']))).toEqual(['figureValues.0']);
		expect(Object.keys(rows([''], ['40'], ['人']))).toEqual(['figureLabels.0']);
		expect(figureNumber('４０')).toBe(40);
		expect(figureNumber('1,200')).toBe(1200);
		expect(figureNumber('2.5')).toBe(2.5);
		expect(figureNumber('40人')).toBeNull();
	});

	it('a kept photo needs its description; a removed one does not', () => {
		const photos = { photoHashes: ['h1', 'h2'], photoAlts: ['説明', ''], photoOrder: ['1', '2'] };
		expect(Object.keys(problems(photos))).toEqual(['photoAlts.1']);
		expect(problems({ ...photos, photoRemove: ['h2'] })).toEqual({});
	});

	it('photos are saved in the chosen order, the new one last, each image once', () => {
		const v = {
			photoHashes: ['h1', 'h2', 'h3'],
			photoAlts: ['一', '二', '三'],
			photoOrder: ['2', '1', '3'],
			photoRemove: ['h3']
		};
		expect(orderedPhotos(v, { hash: 'h4', alt: '四' })).toEqual([
			{ hash: 'h2', alt: '二' },
			{ hash: 'h1', alt: '一' },
			{ hash: 'h4', alt: '四' }
		]);
		expect(orderedPhotos(v, { hash: 'h1', alt: 'また' })).toHaveLength(2);
	});

	it('makes save_practice’s input: partners registered then named, numbers as numbers', () => {
		const parsed = practiceSchema(choices).parse({
			...valid,
			figureLabels: ['参加者', ''],
			figureValues: ['４０', ''],
			figureUnits: ['人/月', ''],
			partnerOrgIds: ['o2'],
			partnerNames: ['地域包括支援センター', '']
		});
		const input = practiceInputOf(null, parsed, []);
		expect(input.figures).toEqual([{ label: '参加者', value: 40, unit: '人/月' }]);
		expect(input.partners).toEqual([{ organizationId: 'o2' }, { name: '地域包括支援センター' }]);
	});
});

describe('changes since publication', () => {
	it('lists the keys whose values differ, as text', () => {
		expect(
			snapshotChanges(
				{ title: '前', figures: ['参加者 40人'], areas: ['小金'], ended_on: null },
				{ title: '後', figures: ['参加者 40人'], areas: ['小金', '常盤平'], ended_on: '2025-03-31' }
			)
		).toEqual([
			{ key: 'title', before: '前', after: '後' },
			{ key: 'areas', before: '小金', after: '小金、常盤平' },
			{ key: 'ended_on', before: '', after: '2025-03-31' }
		]);
	});
});
