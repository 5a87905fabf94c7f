// renderMarkdown is the only thing whose output may go through {@html}: these
// payloads must come out as inert text or disappear, never as markup.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/server/markdown';

const REL = 'rel="nofollow ugc noopener"';

describe('normal Markdown', () => {
	it('renders emphasis, strike-through and single line breaks (GFM, breaks on)', () => {
		expect(renderMarkdown('**太字** と *斜体* と ~~取り消し~~\n次の行')).toBe(
			'<p><strong>太字</strong> と <em>斜体</em> と <del>取り消し</del><br />次の行</p>'
		);
	});

	it('renders lists, quotes, code and rules', () => {
		expect(renderMarkdown('- 子ども食堂\n- 見守り\n\n1. 一つ目\n2. 二つ目')).toBe(
			'<ul>\n<li>子ども食堂</li>\n<li>見守り</li>\n</ul>\n<ol>\n<li>一つ目</li>\n<li>二つ目</li>\n</ol>'
		);
		expect(renderMarkdown('> 地域のつながり')).toBe(
			'<blockquote>\n<p>地域のつながり</p>\n</blockquote>'
		);
		expect(renderMarkdown('`x < y`')).toBe('<p><code>x &lt; y</code></p>');
		expect(renderMarkdown('```js\nlet a = 1;\n```')).toBe('<pre><code>let a = 1;\n</code></pre>');
		expect(renderMarkdown('前\n\n---\n\n後')).toBe('<p>前</p>\n<hr />\n<p>後</p>');
	});

	it('renders Japanese paragraphs as written', () => {
		expect(renderMarkdown('常盤平で子ども食堂を運営しています。\n\nよろしくお願いします！')).toBe(
			'<p>常盤平で子ども食堂を運営しています。</p>\n<p>よろしくお願いします！</p>'
		);
	});

	it('keeps http, https, mailto and tel links, with rel="nofollow ugc noopener"', () => {
		expect(renderMarkdown('[市のサイト](https://www.city.matsudo.chiba.jp/ "松戸市")')).toBe(
			`<p><a href="https://www.city.matsudo.chiba.jp/" ${REL}>市のサイト</a></p>`
		);
		expect(
			renderMarkdown(
				'[電話](tel:047-000-0001) [メール](mailto:hanako@example.jp) [旧](http://example.jp)'
			)
		).toBe(
			`<p><a href="tel:047-000-0001" ${REL}>電話</a> <a href="mailto:hanako@example.jp" ${REL}>メール</a> <a href="http://example.jp" ${REL}>旧</a></p>`
		);
		expect(renderMarkdown('https://example.org を見てください')).toBe(
			`<p><a href="https://example.org" ${REL}>https://example.org</a> を見てください</p>`
		);
	});

	it('maps headings to h2–h4 (the page owns h1)', () => {
		expect(renderMarkdown('# 見出し\n## 小見出し\n### 三\n#### 四\n##### 五')).toBe(
			'<h2>見出し</h2>\n<h2>小見出し</h2>\n<h3>三</h3>\n<h4>四</h4>\n<h4>五</h4>'
		);
	});

	it('renders nothing for empty text', () => {
		expect(renderMarkdown('')).toBe('');
	});
});

describe('XSS payloads', () => {
	it('shows a script tag as text', () => {
		expect(renderMarkdown('<script>alert(1)</script>')).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
		);
		expect(renderMarkdown('こんにちは<script>alert(1)</script>')).toBe(
			'<p>こんにちは&lt;script&gt;alert(1)&lt;/script&gt;</p>'
		);
	});

	it('shows raw HTML in Markdown as text, even allowed tags', () => {
		expect(renderMarkdown('<strong>太字</strong>')).toBe(
			'<p>&lt;strong&gt;太字&lt;/strong&gt;</p>'
		);
		expect(renderMarkdown('hello <b onclick="steal()">b</b>')).toBe(
			'<p>hello &lt;b onclick="steal()"&gt;b&lt;/b&gt;</p>'
		);
		expect(renderMarkdown('<div>\n\n**x**\n\n</div>')).toBe(
			'<p>&lt;div&gt;</p>\n<p><strong>x</strong></p>\n<p>&lt;/div&gt;</p>'
		);
		expect(renderMarkdown('<a href="javascript:alert(1)">click</a>')).toBe(
			'<p>&lt;a href="javascript:alert(1)"&gt;click&lt;/a&gt;</p>'
		);
	});

	it('never emits an event handler attribute', () => {
		expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe(
			'<p>&lt;img src=x onerror=alert(1)&gt;</p>'
		);
		expect(renderMarkdown('<svg onload=alert(1)>')).toBe('<p>&lt;svg onload=alert(1)&gt;</p>');
		expect(renderMarkdown('[x](https://a.example "\\" onmouseover=\\"alert(1)")')).toBe(
			`<p><a href="https://a.example" ${REL}>x</a></p>`
		);
		expect(renderMarkdown('[<img src=x onerror=alert(1)>](https://a.example)')).toBe(
			`<p><a href="https://a.example" ${REL}>&lt;img src=x onerror=alert(1)&gt;</a></p>`
		);
	});

	it('drops images, keeping their alt text', () => {
		expect(renderMarkdown('![写真](https://evil.example/x.png)')).toBe('<p>写真</p>');
		expect(renderMarkdown('![a" onerror="alert(1)](https://evil.example/x.png)')).toBe(
			'<p>a" onerror="alert(1)</p>'
		);
	});

	it('shows iframes, objects and styles as text', () => {
		expect(renderMarkdown('<iframe src="https://evil.example"></iframe>')).toBe(
			'<p>&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;</p>'
		);
		expect(renderMarkdown('<style>body{display:none}</style>')).toBe(
			'<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>'
		);
		expect(renderMarkdown('<object data="x.swf"></object>')).toBe(
			'<p>&lt;object data="x.swf"&gt;&lt;/object&gt;</p>'
		);
	});

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'javascript&#58;alert(1)',
		'&#x6A;avascript:alert(1)',
		'&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
		'%6Aavascript:alert(1)',
		'vbscript:msgbox(1)',
		'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
		'data:text/html,<script>alert(1)</script>',
		'file:///etc/passwd',
		'//evil.example/',
		'/relative/path',
		'https:evil.example'
	])('drops the href of [x](%s)', (href) => {
		const html = renderMarkdown(`[x](${href})`);
		expect(html).not.toMatch(/href/i);
		expect(html).not.toMatch(/<script/i);
	});

	it('drops a javascript: href that hides control characters', () => {
		for (const href of [
			'<java\tscript:alert(1)>',
			'<java\nscript:alert(1)>',
			'< javascript:alert(1)>'
		]) {
			expect(renderMarkdown(`[x](${href})`)).not.toMatch(/href="[^"]*script/i);
		}
	});

	it('drops reference-style and autolink javascript: links', () => {
		expect(renderMarkdown('[x][1]\n\n[1]: javascript:alert(1)')).toBe(`<p><a ${REL}>x</a></p>`);
		expect(renderMarkdown('<javascript:alert(1)>')).not.toMatch(/href/);
	});

	it('keeps already-encoded HTML as text', () => {
		expect(renderMarkdown('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
		);
		expect(renderMarkdown('&#60;script&#62;alert(1)&#60;/script&#62;')).not.toMatch(/<script/i);
	});

	it('keeps code samples inert', () => {
		expect(renderMarkdown('```html\n<script>alert(1)</script>\n```')).toBe(
			'<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>'
		);
	});
});

describe('the same source again', () => {
	it('gives the same sanitised HTML, with and without an extension', () => {
		const source = `同じ本文 ${Math.random()}\n\n<script>alert(1)</script> [x](javascript:alert(1))`;
		const first = renderMarkdown(source);
		expect(first).not.toContain('<script');
		expect(first).not.toContain('href="javascript');
		expect(renderMarkdown(source)).toBe(first);
		// an extension's output is never taken from (or kept for) the plain rendering
		const shout = { renderer: { strong: () => 'EXT' } };
		expect(renderMarkdown(`**a** ${source}`, shout)).toContain('EXT');
		expect(renderMarkdown(`**a** ${source}`)).toContain('<strong>a</strong>');
	});
});
