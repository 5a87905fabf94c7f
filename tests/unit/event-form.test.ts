// The event form's rules, on the real schema (messages compiled by the setup).
import { describe, expect, it } from 'vitest';
import { eventSchema } from '$lib/server/events/forms';

const choices = {
	areaIds: new Set(['a1']),
	fieldIds: new Set(['f1']),
	organizationIds: new Set(['o1']),
	cohostIds: new Set(['o1', 'o2']),
	placeIds: new Set(['p1'])
};
const valid = {
	title: '地域づくりフォーラム',
	kind: 'forum',
	date: '2027-03-10',
	startTime: '14:00',
	endTime: '16:00',
	venueName: '常盤平市民センター',
	repeat: 'none'
};
const problems = (values: Record<string, unknown>) => {
	const result = eventSchema(choices).safeParse({ ...valid, ...values });
	return result.success
		? {}
		: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('event form', () => {
	it('accepts a plain one-off event', () => {
		expect(problems({})).toEqual({});
	});

	it.each([
		[{ title: '   ' }, 'title'],
		[{ kind: 'party' }, 'kind'],
		[{ endTime: '13:00' }, 'endTime'],
		[{ capacity: '0' }, 'capacity'],
		[{ capacity: '-3' }, 'capacity'],
		[{ capacity: 'abc' }, 'capacity'],
		[{ capacity: '2.5' }, 'capacity'],
		[{ registrationCloses: '2027-03-10T15:00' }, 'registrationCloses'],
		[
			{ registrationOpens: '2027-03-05T10:00', registrationCloses: '2027-03-04T10:00' },
			'registrationCloses'
		],
		[{ venueName: '', onlineUrl: '' }, 'venueName'],
		[{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
		[{ areaId: 'nowhere' }, 'areaId'],
		[{ organizationId: 'o2' }, 'organizationId'],
		[{ date: '2027-02-30' }, 'date'],
		[{ date: '2027-13-01' }, 'date'],
		[{ date: '0000-01-01' }, 'date'],
		[{ startTime: '25:00' }, 'startTime'],
		[{ startTime: '24:00' }, 'startTime'],
		[{ endTime: '23:60' }, 'endTime'],
		[{ endDate: '2027-13-01' }, 'endDate'],
		[{ registrationOpens: '2027-13-01T10:00' }, 'registrationOpens'],
		[{ repeat: 'weekly', repeatEnd: 'until', repeatUntil: '2027-13-01' }, 'repeatUntil'],
		[{ repeat: 'weekly', repeatEnd: 'count', repeatCount: '501' }, 'repeatCount'],
		[{ repeat: 'weekly', repeatEnd: 'until', repeatUntil: '2040-01-01' }, 'repeatUntil'],
		[{ repeat: 'monthly', repeatEnd: 'count', repeatCount: '' }, 'repeatCount']
	])('refuses %j on %s', (values, field) => {
		expect(Object.keys(problems(values))).toContain(field);
	});

	it('accepts a weekly series of 500 dates, the maximum', () => {
		expect(problems({ repeat: 'weekly', repeatEnd: 'count', repeatCount: '500' })).toEqual({});
	});
});

describe('the place an event is held at', () => {
	it('a registered place stands for the venue; an unknown one is refused', () => {
		expect(problems({ venueName: '', onlineUrl: '', placeId: 'p1' })).toEqual({});
		expect(Object.keys(problems({ placeId: 'p9' }))).toEqual(['placeId']);
	});
});
