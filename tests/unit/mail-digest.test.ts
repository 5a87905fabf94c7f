import { describe, expect, it } from 'vitest';
import { composeDigestMail, type DigestEvent, type DigestInput } from '$lib/server/mail/digest';

const salon: DigestEvent = {
	eventId: '11111111-1111-4111-8111-111111111111',
	title: '子育てサロン <ひだまり>',
	// Sunday 13 December 2026, 10:00–12:00 Tokyo
	startsAt: '2026-12-13T01:00:00Z',
	endsAt: '2026-12-13T03:00:00Z',
	allDay: false,
	datesInWindow: 2,
	venueName: '常盤平市民センター',
	venueAddress: '松戸市常盤平3-30',
	onlineUrl: null,
	organizer: 'ひだまりの会',
	reasons: [
		{ kind: 'area', ja: '常盤平', en: 'Tokiwadaira' },
		{ kind: 'field', ja: '子ども・子育て', en: 'Children' },
		{ kind: 'organization', ja: 'ひだまりの会', en: 'ひだまりの会' }
	]
};
const online: DigestEvent = {
	eventId: '22222222-2222-4222-8222-222222222222',
	title: 'オンライン相談会',
	// Friday 18 December 2026, all day
	startsAt: '2026-12-17T15:00:00Z',
	endsAt: '2026-12-18T15:00:00Z',
	allDay: true,
	datesInWindow: 1,
	venueName: null,
	venueAddress: null,
	onlineUrl: 'https://meet.example/abc',
	organizer: '山田 太郎',
	reasons: [{ kind: 'field', ja: '福祉', en: 'Welfare' }]
};
const weekly: DigestInput = {
	frequency: 'weekly',
	locale: 'ja',
	origin: 'https://tsunagu.example/',
	recipientName: '佐藤',
	// run on Friday 11 December: Saturday 12th through Sunday 20th (Tokyo)
	window: { from: '2026-12-11T15:00:00Z', to: '2026-12-20T15:00:00Z' },
	events: [salon, online],
	unsubscribeUrl: 'https://tsunagu.example/unsubscribe?t=abc.def'
};

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the digest mail', () => {
	it('weekly: 今週末と来週のイベント, the window named by its first and last day', () => {
		const mail = composeDigestMail(weekly);
		expect(mail.subject).toBe('今週末と来週のイベント');
		expect(mail.text.startsWith('佐藤 さん\n')).toBe(true);
		expect(mail.text).toContain(
			'フォローしている地域・分野・団体の、2026年12月12日(土)から2026年12月20日(日)までのイベントです。'
		);
		expect(mail.ics).toBeNull();
	});

	it('each event: title, date with weekday in Tokyo time, place, organiser, why it is listed, link', () => {
		const { text } = composeDigestMail(weekly);
		expect(text).toContain(
			[
				'■子育てサロン <ひだまり>',
				'日時：2026年12月13日(日) 10:00〜12:00（ほか1回）',
				'場所：常盤平市民センター 松戸市常盤平3-30',
				'主催：ひだまりの会',
				'フォロー中：常盤平（地域）、子ども・子育て（分野）、ひだまりの会（団体）',
				`https://tsunagu.example/events/${salon.eventId}`
			].join('\n')
		);
		expect(text).toContain('日時：2026年12月18日(金)\n');
		expect(text).toContain('場所：オンライン https://meet.example/abc');
		expect(text).toContain('主催：山田 太郎');
		expect(text).toContain('フォロー中：福祉（分野）');
		// each event once, in the order given
		expect(count(text, '■子育てサロン')).toBe(1);
		expect(text.indexOf('■子育てサロン')).toBeLessThan(text.indexOf('■オンライン相談会'));
	});

	it('a place, organiser or reason left out when there is none; one date without 「ほか」', () => {
		const { text } = composeDigestMail({
			...weekly,
			events: [{ ...online, onlineUrl: null, venueName: null, organizer: null, reasons: [] }]
		});
		expect(text).not.toContain('場所：');
		expect(text).not.toContain('主催：');
		expect(text).not.toContain('フォロー中：');
		expect(text).not.toContain('ほか');
	});

	it('ends with the shared footer: the one-click link that stops it and the settings page, where the frequency is changed', () => {
		const { text, html } = composeDigestMail(weekly);
		const unsubscribe = 'https://tsunagu.example/unsubscribe?t=abc.def';
		const settings = 'https://tsunagu.example/account/notifications';
		expect(text).toContain(
			[
				'--',
				'このメールは「つなぐ」から自動で送っています。返信しても届きません。',
				'このお知らせを停止する',
				unsubscribe,
				'通知の設定',
				settings
			].join('\n')
		);
		expect(text.endsWith(settings)).toBe(true);
		// after the last event
		expect(text.indexOf('■オンライン相談会')).toBeLessThan(text.indexOf('--\n'));
		expect(html).toContain(`<a href="${unsubscribe}">このお知らせを停止する</a>`);
		expect(html).toContain(`<a href="${settings}">通知の設定</a>`);
		// the link's query escaped in the HTML
		const withAmp = composeDigestMail({ ...weekly, unsubscribeUrl: `${unsubscribe}&x=<1>` });
		expect(withAmp.html).toContain(`href="${unsubscribe}&amp;x=&lt;1&gt;"`);
		expect(withAmp.html).not.toContain('<1>');
		expect(withAmp.text).toContain(`このお知らせを停止する\n${unsubscribe}&x=<1>\n`);
	});

	it('the HTML: every event a link, user text escaped, readable on a phone', () => {
		const { html } = composeDigestMail(weekly);
		expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		expect(html).toContain(
			`<a href="https://tsunagu.example/events/${salon.eventId}">子育てサロン &lt;ひだまり&gt;</a>`
		);
		expect(html).not.toContain('<ひだまり>');
		expect(html).toContain(`href="https://tsunagu.example/events/${online.eventId}"`);
		expect(html).toContain('2026年12月13日(日) 10:00〜12:00');
	});

	it('daily: 新しく公開されたイベント with the count', () => {
		const mail = composeDigestMail({ ...weekly, frequency: 'daily', events: [online] });
		expect(mail.subject).toBe('新しく公開されたイベント（1件）');
		expect(mail.text).toContain(
			'フォローしている地域・分野・団体で、新しいイベントが公開されました。'
		);
		expect(mail.text).toContain('■オンライン相談会');
	});

	it('English for people who read English: names, dates and links', () => {
		const mail = composeDigestMail({ ...weekly, locale: 'en' });
		expect(mail.subject).toBe('Events this weekend and next week');
		expect(mail.text).toContain('Dear 佐藤,');
		expect(mail.text).toContain('Events from Sat, 12 Dec 2026 to Sun, 20 Dec 2026');
		expect(mail.text).toContain('When: Sun, 13 Dec 2026 10:00 – 12:00 (+1 more)');
		expect(mail.text).toContain(
			'You follow: Tokiwadaira (area), Children (field), ひだまりの会 (organization)'
		);
		expect(mail.text).toContain(`https://tsunagu.example/en/events/${salon.eventId}`);
		expect(mail.text).toContain(
			'Notification settings\nhttps://tsunagu.example/en/account/notifications'
		);
		expect(mail.text).toContain(
			'Stop these notices\nhttps://tsunagu.example/unsubscribe?t=abc.def'
		);
		expect(mail.html).toContain('href="https://tsunagu.example/en/account/notifications"');
		expect(mail.html).toContain('<html lang="en">');
	});
});
