// The place form's rules on the real schema (the same as private.write_place),
// what it sends to save_place, and when 最終確認日 is out of date.
import { describe, expect, it } from 'vitest';
import { hoursSummary } from '$lib/places/labels';
import { isStale, staleBefore } from '$lib/places/stale';
import {
	placeInputOf,
	placeSchema,
	typedTime,
	type PlaceFormValues
} from '$lib/server/places/forms';

const choices = {
	organizationIds: new Set(['o1']),
	areaIds: new Set(['a1']),
	allowNoOrganization: false
};
const valid = {
	name: 'ひまわり子ども食堂',
	kinds: ['kodomo_shokudo'],
	organizationId: 'o1',
	areaId: 'a1',
	latitude: '35.7966',
	longitude: '139.9493',
	opens: ['', '', '', '', '', '10:00', '', ''],
	closes: ['', '', '', '', '', '14:00', '', '']
};
const parse = (values: Record<string, unknown>) =>
	placeSchema(choices).safeParse({ ...valid, ...values });
const problems = (values: Record<string, unknown>) => {
	const result = parse(values);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('the place form', () => {
	it('takes a complete place', () => {
		expect(problems({})).toEqual([]);
	});

	it('refuses a point outside Japan, half a point, and words for numbers', () => {
		expect(problems({ latitude: '51.5', longitude: '-0.12' })).toEqual(['latitude', 'longitude']);
		expect(problems({ longitude: '' })).toEqual(['longitude']);
		expect(problems({ latitude: 'きた', longitude: '139.9' })).toEqual(['latitude']);
		// full-width digits are numbers
		expect(problems({ latitude: '３５．７９', longitude: '１３９．９' })).toEqual([]);
	});

	it('refuses closing before opening and times that are not times, on that day', () => {
		expect(
			problems({ closes: ['', '', '', '', '', '09:00', '', ''] }).filter((p) =>
				p.startsWith('closes')
			)
		).toEqual(['closes.5']);
		expect(
			problems({
				opens: ['25:00', '', '', '', '', '10:00', '', ''],
				closes: ['26:00', '', '', '', '', '14:00', '', '']
			})
		).toEqual(['opens.0', 'closes.0']);
		expect(problems({ opens: ['10:00', '', '', '', '', '10:00', '', ''] })).toEqual(['closes.0']);
	});

	it('needs a kind, and an organization unless the person keeps places of none', () => {
		expect(problems({ kinds: [] })).toEqual(['kinds']);
		expect(problems({ organizationId: '' })).toEqual(['organizationId']);
		expect(problems({ organizationId: 'o2' })).toEqual(['organizationId']);
		const coordinator = placeSchema({ ...choices, allowNoOrganization: true });
		expect(coordinator.safeParse({ ...valid, organizationId: '' }).success).toBe(true);
	});

	it('refuses a bad phone, address or capacity', () => {
		expect(problems({ phone: '電話してね' })).toEqual(['phone']);
		expect(problems({ url: 'javascript:alert(1)' })).toEqual(['url']);
		expect(problems({ capacity: '0' })).toEqual(['capacity']);
		expect(problems({ capacity: '２０' })).toEqual([]);
	});

	it('sends the days it is open with HH:MM times, and yes/no/not said as true/false/null', () => {
		const v: PlaceFormValues = parse({
			opens: ['9:30', '', '', '', '', '10:00', '', '１０：００'],
			closes: ['12:00', '', '', '', '', '14:00', '', '12:00'],
			feeFree: 'yes',
			mealsProvided: 'no',
			transport: '',
			capacity: '２０',
			hidden: true
		}).data!;
		const input = placeInputOf(null, v, [{ hash: 'h1', alt: '入口' }]);
		expect(input.hours).toEqual([
			{ day: 1, opens: '09:30', closes: '12:00' },
			{ day: 6, opens: '10:00', closes: '14:00' },
			{ day: 8, opens: '10:00', closes: '12:00' }
		]);
		expect(input).toMatchObject({
			fee_free: true,
			meals_provided: false,
			transport: null,
			capacity: 20,
			latitude: 35.7966,
			published: false,
			organization_id: 'o1',
			photos: [{ image_hash: 'h1', alt: '入口' }]
		});
		expect('id' in input).toBe(false);
		expect(placeInputOf('p1', v, []).id).toBe('p1');
	});

	it('reads typed times', () => {
		expect(typedTime('9:05')).toBe('09:05');
		expect(typedTime('２３：５９')).toBe('23:59');
		expect(typedTime('24:00')).toBeNull();
		expect(typedTime('10時')).toBeNull();
	});
});

describe('最終確認日', () => {
	it('is out of date six calendar months later, as PostgreSQL counts them', () => {
		expect(staleBefore(new Date('2026-12-03T00:00:00Z')).toISOString()).toBe(
			'2026-06-03T00:00:00.000Z'
		);
		// 31 August minus six months is the last day of February
		expect(staleBefore(new Date('2026-08-31T12:00:00Z')).toISOString()).toBe(
			'2026-02-28T12:00:00.000Z'
		);
		const now = new Date('2026-12-03T00:00:00Z');
		expect(isStale('2026-06-02T23:59:59Z', now)).toBe(true);
		expect(isStale('2026-06-03T00:00:01Z', now)).toBe(false);
	});
});

describe('hours in a list', () => {
	it('days in a row with the same hours are one line; 祝日 stays apart', () => {
		const weekdays = [1, 2, 3, 4, 5].map((day) => ({
			day: day as 1 | 2 | 3 | 4 | 5,
			opens: '08:30',
			closes: '17:15'
		}));
		expect(
			hoursSummary([
				...weekdays,
				{ day: 7, opens: '10:00', closes: '12:00' },
				{ day: 8, opens: '10:00', closes: '12:00' }
			])
		).toEqual(['月〜金曜日 08:30〜17:15', '日曜日 10:00〜12:00', '祝日 10:00〜12:00']);
		expect(
			hoursSummary([
				{ day: 1, opens: '10:00', closes: '12:00' },
				{ day: 3, opens: '10:00', closes: '12:00' }
			])
		).toEqual(['月曜日 10:00〜12:00', '水曜日 10:00〜12:00']);
	});
});
