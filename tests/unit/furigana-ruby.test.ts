import { describe, expect, it } from 'vitest';
import {
	annotate,
	annotateHtml,
	compoundsOf,
	partsToHtml,
	splitReading,
	toHiragana,
	type Readings
} from '$lib/furigana/ruby';

describe('splitReading: kana in the word stay bare', () => {
	it('okurigana and prefixes', () => {
		expect(splitReading('集まる', 'アツマル')).toEqual([['集', 'あつ'], 'まる']);
		expect(splitReading('お知らせ', 'オシラセ')).toEqual(['お', ['知', 'し'], 'らせ']);
		expect(splitReading('一人で', 'ひとりで')).toEqual([['一人', 'ひとり'], 'で']);
		expect(splitReading('八柱', 'やばしら')).toEqual([['八柱', 'やばしら']]);
	});
	it('a reading that does not fit goes over the whole word', () => {
		expect(splitReading('明第1', 'めいだいいち')).toEqual([['明第1', 'めいだいいち']]);
		expect(splitReading('見る', 'ミタ')).toEqual([['見る', 'みた']]);
	});
	it('katakana becomes hiragana; ー stays', () => {
		expect(toHiragana('ヤバシラ・サービス')).toBe('やばしら・さーびす');
	});
});

describe('annotate', () => {
	const words: Readings = {
		方法: [['方法', 'ほうほう']],
		方: [['方', 'かた']],
		集まる: [['集', 'あつ'], 'まる'],
		日本: [['日本', 'にほん']]
	};
	it('the longest word wins, the first dictionary on a tie', () => {
		expect(annotate('この方法で集まる方', words)).toEqual([
			'この',
			['方法', 'ほうほう'],
			'で',
			['集', 'あつ'],
			'まる',
			['方', 'かた']
		]);
		expect(annotate('方', { 方: [['方', 'ほう']] }, words)).toEqual([['方', 'ほう']]);
		expect(annotate('日本語', { 日本語: [['日本語', 'にほんご']] }, words)).toEqual([
			['日本語', 'にほんご']
		]);
	});
	it('text without kanji, and kanji nobody knows, stay as they are', () => {
		expect(annotate('ひらがなだけ', words)).toEqual(['ひらがなだけ']);
		expect(annotate('謎', words)).toEqual(['謎']);
	});
	it('dates and counters by rule: 12月 がつ, 5日 いつか, 1人 ひとり, (土) ど', () => {
		const html = partsToHtml(annotate('12月5日(土)・13日（日）に1人で3人と5分', words));
		expect(html).toContain('12<ruby>月<rt aria-hidden="true">がつ</rt></ruby>');
		expect(html).toContain('<ruby>5日<rt aria-hidden="true">いつか</rt></ruby>');
		expect(html).toContain('(<ruby>土<rt aria-hidden="true">ど</rt></ruby>)');
		expect(html).toContain('13<ruby>日<rt aria-hidden="true">にち</rt></ruby>');
		expect(html).toContain('（<ruby>日<rt aria-hidden="true">にち</rt></ruby>）');
		expect(html).toContain('<ruby>1人<rt aria-hidden="true">ひとり</rt></ruby>');
		expect(html).toContain('3<ruby>人<rt aria-hidden="true">にん</rt></ruby>');
		expect(html).toContain('5<ruby>分<rt aria-hidden="true">ふん</rt></ruby>');
		// 25日 is not 5日
		expect(partsToHtml(annotate('25日', words))).toBe(
			'25<ruby>日<rt aria-hidden="true">にち</rt></ruby>'
		);
	});
	it('compounds only: a single kanji is read by its neighbours', () => {
		expect(Object.keys(compoundsOf(words)).sort()).toEqual(['方法', '日本', '集まる'].sort());
	});
});

describe('HTML', () => {
	it('escapes text and hides readings from copying and screen readers', () => {
		expect(partsToHtml(['<b>&', ['八柱', 'やばしら']])).toBe(
			'&#60;b&#62;&#38;<ruby>八柱<rt aria-hidden="true">やばしら</rt></ruby>'
		);
	});
	it('rendered Markdown: text nodes get ruby, tags, attributes and code do not', () => {
		const words: Readings = { 八柱: [['八柱', 'やばしら']] };
		const html =
			'<p><a href="/八柱" title="八柱">八柱</a>で</p><pre><code>八柱</code></pre><p>&amp;八柱</p>';
		expect(annotateHtml(html, words)).toBe(
			'<p><a href="/八柱" title="八柱"><ruby>八柱<rt aria-hidden="true">やばしら</rt></ruby></a>で</p>' +
				'<pre><code>八柱</code></pre><p>&amp;<ruby>八柱<rt aria-hidden="true">やばしら</rt></ruby></p>'
		);
	});
	it('readings never change the text: a word whose parts spell something else is ignored', () => {
		const forged: Readings = {
			八柱: [['<img src=x onerror=alert(1)>', 'やばしら']],
			常盤平: ['<b>', ['常盤平', 'ときわだいら']]
		};
		expect(annotate('八柱と常盤平', forged)).toEqual(['八柱と常盤平']);
		expect(annotateHtml('<p>八柱と常盤平</p>', forged)).toBe('<p>八柱と常盤平</p>');
	});
	it('text with markup stays text, with ふりがな on', async () => {
		const { furiganaReader } = await import('$lib/furigana/reader');
		const html = furiganaReader({}, { 八柱: [['八柱', 'やばしら']] }).read(
			'<script>alert(1)</script>八柱"\'&',
			false,
			undefined
		);
		expect(html).toBe(
			'&#60;script&#62;alert(1)&#60;/script&#62;<ruby>八柱<rt aria-hidden="true">やばしら</rt></ruby>&#34;&#39;&#38;'
		);
	});
});
