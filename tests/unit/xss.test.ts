// Every payload of the corpus (tests/support/xss-payloads.ts, assembled from public XSS lists)
// goes through the real post pipeline, renderPost, and the HTML it would store is parsed and
// checked against the allow-list (tests/support/xss-check.ts). Issue 10 asks for at least 150.
import { describe, expect, it } from 'vitest';
import { renderPost } from '$lib/server/posts/render';
import { XSS_GROUPS, XSS_PAYLOADS } from '../support/xss-payloads';
import { xssProblems } from '../support/xss-check';

const PARTICIPANTS = [
	{ id: '00000000-0000-4000-8000-000000000001', displayName: '山田 花子' },
	{ id: '00000000-0000-4000-8000-000000000002', displayName: '<img src=x onerror=alert(1)>' },
	{ id: '00000000-0000-4000-8000-000000000003', displayName: '](javascript:alert(1))' }
];

const label = (payload: string) => JSON.stringify(payload).slice(0, 80);

describe('the XSS corpus', () => {
	it('holds at least 200 distinct payloads, in groups that name their source', () => {
		const all = XSS_GROUPS.flatMap((group) => group.payloads);
		expect(new Set(all).size).toBeGreaterThanOrEqual(200);
		expect(XSS_PAYLOADS.length).toBe(new Set(all).size);
		for (const group of XSS_GROUPS) {
			expect(group.source, group.name).not.toBe('');
			expect(group.payloads.length, group.name).toBeGreaterThan(0);
		}
	});
});

describe('the checker', () => {
	it.each([
		['a script element', '<p>x</p><script>alert(1)</script>'],
		['an element outside the allow-list', '<p><img src="https://ok.example/x.png"></p>'],
		['an event handler on an allowed element', '<p onclick="alert(1)">x</p>'],
		['an event handler on a link', '<a href="https://ok.example" onmouseover="alert(1)">x</a>'],
		['a javascript: href', '<a href="javascript:alert(1)">x</a>'],
		['an encoded javascript: href', '<a href="&#x6A;ava&#x09;script&colon;alert(1)">x</a>'],
		['a javascript: href after spaces and controls', '<a href=" \u0001javascript:alert(1)">x</a>'],
		['a data: href', '<a href="data:text/html,%3Cscript%3E">x</a>'],
		['a relative href', '<a href="/admin">x</a>'],
		['an attribute other than href and rel', '<a href="https://ok.example" class="x">x</a>'],
		['an attribute on an element that takes none', '<strong title="x">x</strong>'],
		['an unquoted attribute', '<a href=https://ok.example>x</a>'],
		['a comment', '<p>x<!-- <script>alert(1)</script> --></p>'],
		['a CDATA section', '<p><![CDATA[x]]></p>'],
		['a declaration', '<!DOCTYPE html><p>x</p>'],
		['an unterminated tag', '<p>x</p><svg onload=alert(1)'],
		['a tag in upper case', '<P>x</P>']
	])('rejects %s', (_, html) => {
		expect(xssProblems(html)).not.toEqual([]);
	});

	it('accepts what the pipeline and a browser write for a normal post', () => {
		for (const html of [
			renderPost('**太字** [市](https://ok.example/?a=1&b=2 "t") `<b>` &lt;script&gt;', []).html,
			'<p>a<br>b</p><hr><a href="mailto:a@ok.example" rel="nofollow ugc noopener">メール</a>',
			'<h2>見出し</h2>\n<ul>\n<li><strong>@山田</strong> &gt; "x"</li>\n</ul>'
		]) {
			expect(xssProblems(html), html).toEqual([]);
		}
	});
});

describe('every payload through renderPost', () => {
	it.each(XSS_PAYLOADS.map((payload, i) => [i, label(payload), payload]))(
		'#%i %s renders inert',
		(_, __, payload) => {
			const { html } = renderPost(payload, PARTICIPANTS);
			expect(xssProblems(html), `${payload}\n=> ${html}`).toEqual([]);
		}
	);

	it('renders inert when the payload is a participant’s display name, mentioned', () => {
		for (const payload of XSS_PAYLOADS) {
			const participants = [{ id: 'u', displayName: payload }];
			const source = `@${payload} と ＠${payload}\n\n- @${payload}`;
			const { html } = renderPost(source, participants);
			expect(xssProblems(html), `${payload}\n=> ${html}`).toEqual([]);
		}
	});
});
