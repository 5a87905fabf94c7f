import { describe, expect, it } from 'vitest';
import { fillHtmlElement } from '$lib/server/http/html-element';

const values = {
	'%paraglide.lang%': 'en',
	'%tsunagu.text_size%': 'large',
	'%tsunagu.easy_view%': 'on'
};
const page = (body: string) =>
	'<!doctype html>\n<html\n\tlang="%paraglide.lang%"\n\tdata-text-size="%tsunagu.text_size%"\n\tdata-easy-view="%tsunagu.easy_view%"\n>\n<head></head><body>' +
	body +
	'</body></html>';

describe('fillHtmlElement', () => {
	it('fills every placeholder of the <html> element', () => {
		expect(fillHtmlElement(page('<p>本文</p>'), values)).toBe(
			'<!doctype html>\n<html\n\tlang="en"\n\tdata-text-size="large"\n\tdata-easy-view="on"\n>\n<head></head><body><p>本文</p></body></html>'
		);
	});

	it('leaves the page alone: a post that quotes a placeholder shows it as written', () => {
		const filled = fillHtmlElement(page('<p>%paraglide.lang% と %tsunagu.text_size%</p>'), values);
		expect(filled).toContain('<p>%paraglide.lang% と %tsunagu.text_size%</p>');
		expect(filled).toContain('lang="en"');
	});

	it('passes a later chunk of a streamed page through as it is', () => {
		const chunk = '<script>__sveltekit_x.resolve(1, () => [{"lang":"%paraglide.lang%"}])</script>';
		expect(fillHtmlElement(chunk, values)).toBe(chunk);
	});
});
