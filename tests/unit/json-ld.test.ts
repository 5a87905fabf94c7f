import { describe, expect, it } from 'vitest';
import { eventJsonLd } from '$lib/server/events/json-ld';

const event: Parameters<typeof eventJsonLd>[0] = {
	id: '20000000-0000-4000-8000-000000000009',
	title: '</script><script>alert(1)</script> サロン',
	summary: 'a < b',
	startsAt: '2026-12-05T05:00:00Z',
	endsAt: '2026-12-05T07:00:00Z',
	status: 'published',
	venueName: '常盤平市民センター',
	venueAddress: '千葉県松戸市常盤平3-30',
	onlineUrl: null,
	organization: { id: 'o', slug: 'kodomo', name: 'こども食堂の会' }
};

describe('event JSON-LD', () => {
	it('cannot close the script element it is put in, and still parses to the same data', () => {
		const text = eventJsonLd(event, undefined, 'https://tsunagu.example');
		expect(text).not.toContain('<');
		const data = JSON.parse(text) as {
			name: string;
			'@type': string;
			location: unknown;
			eventAttendanceMode: string;
			organizer: { url: string };
		};
		expect(data.name).toBe('</script><script>alert(1)</script> サロン');
		expect(data['@type']).toBe('Event');
		expect(data.location).toEqual({
			'@type': 'Place',
			name: '常盤平市民センター',
			address: '千葉県松戸市常盤平3-30'
		});
		expect(data.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
		expect(data.organizer.url).toBe('https://tsunagu.example/orgs/kodomo');
	});
});
