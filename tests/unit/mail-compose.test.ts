import { describe, expect, it } from 'vitest';
import type { MailEvent, MailOccurrence } from '$lib/server/db/mail';
import { composeEventMail } from '$lib/server/mail/compose';

const event: MailEvent = {
	id: '11111111-1111-4111-8111-111111111111',
	title: '子育てサロン <ひだまり>',
	summary: '',
	startsAt: '2026-12-13T01:00:00Z',
	endsAt: '2026-12-13T03:00:00Z',
	allDay: false,
	rrule: null,
	venueName: '常盤平市民センター',
	venueAddress: '松戸市常盤平3-30',
	onlineUrl: null,
	status: 'published',
	cancelReason: null,
	sequence: 1,
	updatedAt: '2026-12-01T00:00:00Z',
	belongings: '上履き',
	contactName: '山田',
	contactPhone: '047-000-0000',
	contactEmail: null,
	organizationName: 'ひだまりの会'
};
const occ: MailOccurrence = {
	id: '22222222-2222-4222-8222-222222222222',
	startsAt: event.startsAt,
	endsAt: event.endsAt,
	originalStartsAt: event.startsAt,
	status: 'scheduled',
	cancelReason: null,
	sequence: 0,
	registration: 'going'
};
const base = {
	locale: 'ja' as const,
	origin: 'https://tsunagu.example',
	recipientName: '佐藤',
	event,
	occurrences: [occ],
	before: null,
	waitlistPosition: null
};

describe('event mails', () => {
	it('a confirmation says what, when (Tokyo, weekday), where, who to ask and where to look, with an .ics', () => {
		const mail = composeEventMail({ ...base, kind: 'registered' });
		expect(mail.subject).toBe('参加登録のお知らせ：子育てサロン <ひだまり>');
		expect(mail.text).toContain('2026年12月13日(日) 10:00〜12:00');
		expect(mail.text).toContain('常盤平市民センター 松戸市常盤平3-30');
		expect(mail.text).toContain('山田 047-000-0000');
		expect(mail.text).toContain('上履き');
		expect(mail.text).toContain('https://tsunagu.example/events/' + event.id);
		expect(mail.html).toContain('子育てサロン &lt;ひだまり&gt;');
		expect(mail.html).not.toContain('<ひだまり>');
		expect(mail.ics).toContain('BEGIN:VEVENT');
	});

	it('a change shows the old and the new time and place', () => {
		const mail = composeEventMail({
			...base,
			kind: 'event_changed',
			before: {
				starts_at: '2026-12-12T01:00:00Z',
				ends_at: '2026-12-12T03:00:00Z',
				venue_name: '五香公民館',
				venue_address: null,
				online_url: null
			}
		});
		expect(mail.text).toContain('変更前の日時\n2026年12月12日(土) 10:00〜12:00');
		expect(mail.text).toContain('変更前の場所\n五香公民館');
		expect(mail.text).toContain('■日時\n2026年12月13日(日) 10:00〜12:00');
		expect(mail.ics).toBeNull();
	});

	it('a cancelled date gives the reason; English when asked', () => {
		const mail = composeEventMail({
			...base,
			kind: 'occurrence_cancelled',
			occurrences: [{ ...occ, status: 'cancelled', cancelReason: '台風のため' }]
		});
		expect(mail.subject).toContain('中止のお知らせ（2026年12月13日(日)）');
		expect(mail.text).toContain('中止の理由\n台風のため');
		const en = composeEventMail({ ...base, locale: 'en', kind: 'event_cancelled' });
		expect(en.subject).toBe('Cancelled: 子育てサロン <ひだまり>');
		expect(en.text).toContain('https://tsunagu.example/en/events/');
	});
});
