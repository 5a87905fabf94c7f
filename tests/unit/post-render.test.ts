// renderPost: a post's Markdown -> the HTML stored next to it, and the participants it mentions.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/server/markdown';
import { countLinks, renderPost } from '$lib/server/posts/render';

const REL = 'rel="nofollow ugc noopener"';
const YAMADA = { id: 'id-yamada', displayName: '山田' };
const HANAKO = { id: 'id-hanako', displayName: '山田 花子' };
const SATO = { id: 'id-sato', displayName: '佐藤' };
const TOM = { id: 'id-tom', displayName: 'Tom' };
const PARTICIPANTS = [YAMADA, HANAKO, SATO, TOM];

describe('mentions', () => {
	it('turns @name of a participant into <strong>@name</strong> and lists its id', () => {
		expect(renderPost('@佐藤 さん、ありがとうございます。', PARTICIPANTS)).toEqual({
			html: '<p><strong>@佐藤</strong> さん、ありがとうございます。</p>',
			mentions: [SATO.id]
		});
	});

	it('takes the longest name: 「@山田 花子」 is not 「@山田」 followed by 花子', () => {
		expect(renderPost('@山田 花子 さんと @山田 さん', PARTICIPANTS)).toEqual({
			html: '<p><strong>@山田 花子</strong> さんと <strong>@山田</strong> さん</p>',
			mentions: [HANAKO.id, YAMADA.id]
		});
		// the order of the participants does not matter
		expect(renderPost('@山田 花子', [YAMADA, HANAKO]).mentions).toEqual([HANAKO.id]);
		expect(renderPost('@山田 花子', [HANAKO, YAMADA]).mentions).toEqual([HANAKO.id]);
	});

	it('finds names inside Japanese text, where there are no spaces, and after ＠', () => {
		expect(renderPost('よろしく@山田さん。＠佐藤さんも', PARTICIPANTS)).toEqual({
			html: '<p>よろしく<strong>@山田</strong>さん。<strong>@佐藤</strong>さんも</p>',
			mentions: [YAMADA.id, SATO.id]
		});
	});

	it('leaves unknown names, e-mail addresses and \\@ as text', () => {
		expect(renderPost('@田中 さん、@Tomas さん、\\@山田', PARTICIPANTS)).toEqual({
			html: '<p>@田中 さん、@Tomas さん、@山田</p>',
			mentions: []
		});
		expect(renderPost('連絡先 taro@佐藤 と hanako@example.jp', [SATO, TOM])).toEqual({
			html: `<p>連絡先 taro@佐藤 と <a href="mailto:hanako@example.jp" ${REL}>hanako@example.jp</a></p>`,
			mentions: []
		});
		expect(renderPost('@Tom, @Tom_', PARTICIPANTS).html).toBe(
			'<p><strong>@Tom</strong>, @Tom_</p>'
		);
	});

	it('does not mention inside code spans, code blocks, link text or URLs', () => {
		const source = [
			'`@山田` と',
			'',
			'```',
			'@佐藤',
			'```',
			'',
			'    @Tom',
			'',
			'[@山田 花子](https://ok.example/) <https://ok.example/@佐藤> https://ok.example/@Tom'
		].join('\n');
		const { html, mentions } = renderPost(source, PARTICIPANTS);
		expect(mentions).toEqual([]);
		expect(html).not.toContain('<strong>');
		expect(html).toContain('<code>@山田</code>');
		expect(html).toContain('<pre><code>@佐藤\n</code></pre>');
		expect(html).toContain(`<a href="https://ok.example/" ${REL}>@山田 花子</a>`);
	});

	it('lists each person once, in the order of their first mention', () => {
		expect(renderPost('@佐藤 @山田 @佐藤\n\n- @山田 花子\n- @佐藤', PARTICIPANTS).mentions).toEqual(
			[SATO.id, YAMADA.id, HANAKO.id]
		);
	});

	it('mentions inside emphasis, lists, quotes and headings', () => {
		expect(renderPost('**@佐藤**\n\n> @山田\n\n# @Tom', PARTICIPANTS)).toEqual({
			html: '<p><strong><strong>@佐藤</strong></strong></p>\n<blockquote>\n<p><strong>@山田</strong></p>\n</blockquote>\n<h2><strong>@Tom</strong></h2>',
			mentions: [SATO.id, YAMADA.id, TOM.id]
		});
	});

	it('matches names with Markdown characters as written and shows them as text', () => {
		const star = { id: 'id-star', displayName: '*太郎*_[NPO]_' };
		expect(renderPost('@*太郎*_[NPO]_ さん', [star])).toEqual({
			html: '<p><strong>@*太郎*_[NPO]_</strong> さん</p>',
			mentions: [star.id]
		});
	});

	it('shows names with HTML or link syntax as text', () => {
		const img = { id: 'id-img', displayName: '<img src=x onerror=alert(1)>' };
		const link = { id: 'id-link', displayName: '](javascript:alert(1))' };
		expect(
			renderPost(
				'@<img src=x onerror=alert(1)> [x @](javascript:alert(1)) @](javascript:alert(1))',
				[img, link]
			)
		).toEqual({
			html: `<p><strong>@&lt;img src=x onerror=alert(1)&gt;</strong> <a ${REL}>x @</a> <strong>@](javascript:alert(1))</strong></p>`,
			mentions: [img.id, link.id]
		});
	});

	it('mentions everyone who shares the display name', () => {
		const other = { id: 'id-other-sato', displayName: '佐藤' };
		expect(renderPost('@佐藤', [SATO, other]).mentions).toEqual([SATO.id, other.id]);
	});

	it('ignores blank names, and renders exactly as renderMarkdown without participants', () => {
		const source = '**太字** @山田 hanako@example.jp [x](https://ok.example)';
		expect(renderPost(source, [{ id: 'blank', displayName: '  ' }])).toEqual({
			html: renderMarkdown(source),
			mentions: []
		});
		expect(renderPost(source, []).html).toBe(renderMarkdown(source));
	});
});

describe('rendering', () => {
	it('keeps absolute links with rel="nofollow ugc noopener" and drops others', () => {
		expect(
			renderPost(
				'[市](https://www.city.matsudo.chiba.jp/) [x](javascript:alert(1)) [y](/admin)',
				[]
			).html
		).toBe(
			`<p><a href="https://www.city.matsudo.chiba.jp/" ${REL}>市</a> <a ${REL}>x</a> <a ${REL}>y</a></p>`
		);
	});

	it('starts headings at h2 (the page owns h1)', () => {
		expect(renderPost('# 見出し\n### 三\n###### 六', []).html).toBe(
			'<h2>見出し</h2>\n<h3>三</h3>\n<h4>六</h4>'
		);
	});

	it('drops images, keeping their alt text', () => {
		expect(renderPost('![会場の写真](https://ok.example/x.png)', []).html).toBe(
			'<p>会場の写真</p>'
		);
	});

	it('shows raw HTML as text', () => {
		expect(
			renderPost('<b onclick="x()">太字</b>\n\n<div>\n\n<script>alert(1)</script>', []).html
		).toBe(
			'<p>&lt;b onclick="x()"&gt;太字&lt;/b&gt;</p>\n<p>&lt;div&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
		);
	});
});

describe('countLinks', () => {
	it('counts the links of rendered HTML, not links written as text', () => {
		const { html } = renderPost(
			'[a](https://a.example) https://b.example <mailto:c@ok.example>\n\n`<a href="x">` &lt;a href=x&gt;',
			[]
		);
		expect(countLinks(html)).toBe(3);
		expect(countLinks(renderPost('リンクなし <a href="https://x.example">x</a>', []).html)).toBe(0);
		expect(countLinks('')).toBe(0);
	});
});
