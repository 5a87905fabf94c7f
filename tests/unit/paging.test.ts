// The previous / next links of paged lists keep the list's filters ($lib/paging).
import { describe, expect, it } from 'vitest';
import { pageHref } from '$lib/paging';

describe('pageHref', () => {
	it('sets the page and keeps every other parameter; page 1 has none', () => {
		const url = new URL(
			'https://tsunagu.example/en/events?area=kogane&q=%E9%A3%9F%E5%A0%82&page=3'
		);
		expect(pageHref(url, 4)).toBe('/en/events?area=kogane&q=%E9%A3%9F%E5%A0%82&page=4');
		expect(pageHref(url, 1)).toBe('/en/events?area=kogane&q=%E9%A3%9F%E5%A0%82');
		expect(pageHref(new URL('https://tsunagu.example/recognition?page=2'), 1)).toBe('/recognition');
		// the URL it was given is not changed
		expect(url.searchParams.get('page')).toBe('3');
	});
});
