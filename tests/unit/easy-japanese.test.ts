// The やさしい日本語 checker: each rule with Japanese sentences that should be
// flagged and ones that should not.
import { describe, expect, it } from 'vitest';
import { checkEasyJapanese, sentences, type EasyRule } from '$lib/easy-japanese/check';

const rules = (text: string) => checkEasyJapanese(text).map((f) => f.rule);
const flags = (text: string, rule: EasyRule) => rules(text).includes(rule);

describe('sentences', () => {
	it('splits after 。！？ and at line breaks', () => {
		expect(sentences('ごはんを食べます。あそびます！\nきてください')).toEqual([
			'ごはんを食べます。',
			'あそびます！',
			'きてください'
		]);
	});
});

describe('the rules', () => {
	it('a long sentence (over 30 characters)', () => {
		expect(
			flags(
				'地域の子どもたちと大人がいっしょに晩ごはんを作って食べながら話をする会を毎月開いています。',
				'long_sentence'
			)
		).toBe(true);
		expect(flags('毎月、ごはんを食べる会をします。', 'long_sentence')).toBe(false);
		// the count the form shows: characters without punctuation
		expect(
			checkEasyJapanese(
				'地域の子どもたちと大人がいっしょに晩ごはんを作って食べながら、話をする会を毎月開いています。'
			)[0]
		).toMatchObject({ rule: 'long_sentence', count: 44 });
	});

	it('many kanji in one sentence', () => {
		expect(flags('地域包括支援センター職員が介護予防体操教室を開催します。', 'many_kanji')).toBe(
			true
		);
		expect(flags('たいそうの会を開きます。', 'many_kanji')).toBe(false);
		expect(
			checkEasyJapanese('地域包括支援センター職員が介護予防体操教室を開催します。').find(
				(f) => f.rule === 'many_kanji'
			)?.count
		).toBe(18);
	});

	it('double negatives', () => {
		expect(flags('参加できないわけではありません。', 'double_negative')).toBe(true);
		expect(flags('行けなくはないです。', 'double_negative')).toBe(true);
		expect(flags('やめざるをえません。', 'double_negative')).toBe(true);
		expect(flags('参加できません。', 'double_negative')).toBe(false);
	});

	it('sentences that do not end in です・ます', () => {
		expect(flags('みんなで料理をする。', 'plain_ending')).toBe(true);
		expect(flags('雨でも開催だ。', 'plain_ending')).toBe(true);
		expect(flags('みんなで料理をします。', 'plain_ending')).toBe(false);
		expect(flags('来てください。', 'plain_ending')).toBe(false);
		expect(flags('参加できますか？', 'plain_ending')).toBe(false);
		// a heading or an item of a list is not a sentence
		expect(flags('## もちもの\n- エプロン', 'plain_ending')).toBe(false);
	});

	it('元号 instead of 西暦', () => {
		expect(checkEasyJapanese('令和9年1月12日にします。')[0]).toMatchObject({
			rule: 'era_year',
			match: '令和9年'
		});
		expect(flags('平成元年からあります。', 'era_year')).toBe(true);
		expect(flags('R9.1.12にします。', 'era_year')).toBe(true);
		expect(flags('2027年1月12日にします。', 'era_year')).toBe(false);
	});

	it('the 24-hour clock instead of 午前・午後', () => {
		expect(flags('14:00からです。', 'clock_24h')).toBe(true);
		expect(flags('15時におわります。', 'clock_24h')).toBe(true);
		expect(flags('１４：３０からです。', 'clock_24h')).toBe(true);
		expect(flags('午後2時からです。', 'clock_24h')).toBe(false);
		expect(flags('午前10時からです。', 'clock_24h')).toBe(false);
		expect(flags('10人まで入れます。', 'clock_24h')).toBe(false);
	});

	it('〜 for a range', () => {
		expect(flags('10時〜12時です。', 'tilde_range')).toBe(true);
		expect(flags('10時～12時です。', 'tilde_range')).toBe(true);
		expect(flags('午前10時から午後0時までです。', 'tilde_range')).toBe(false);
	});

	it('many katakana words in one sentence', () => {
		expect(
			checkEasyJapanese('ボランティアがフードバンクのサポートをします。').find(
				(f) => f.rule === 'katakana_words'
			)?.match
		).toBe('ボランティア・フードバンク・サポート');
		expect(flags('ボランティアをぼしゅうします。', 'katakana_words')).toBe(false);
	});

	it('finds nothing in やさしい日本語', () => {
		expect(checkEasyJapanese('2027年1月12日に、ごはんの会をします。午前10時からです。')).toEqual(
			[]
		);
	});
});
