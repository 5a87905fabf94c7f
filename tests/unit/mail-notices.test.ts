// The notice mails other than events, written from plain data: thread
// replies and mentions, moderation, invitations; and the footer every mail a
// member can turn off shares (its one-click link and the settings page).
import { describe, expect, it } from 'vitest';
import type { MailEvent, MailOccurrence } from '$lib/server/db/mail';
import { composeEventMail } from '$lib/server/mail/compose';
import { composeCohostMail, composeOrganizationInvitationMail } from '$lib/server/mail/invitation';
import { composeMail, mailFooter, plainExcerpt } from '$lib/server/mail/layout';
import { composeHiddenMail, composeReportMail } from '$lib/server/mail/moderation';
import { composeMentionMail, composeThreadReplyMail } from '$lib/server/mail/threads';

const origin = 'https://tsunagu.example';
const unsubscribeUrl = `${origin}/unsubscribe?t=token-1`;
const thread = { id: '33333333-3333-4333-8333-333333333333', title: '子ども食堂の <相談>' };
const post = (n: number, position: number) => ({
	id: `44444444-4444-4444-8444-00000000000${n}`,
	position,
	authorName: '鈴木 <一郎>',
	createdAt: '2026-12-13T01:05:00Z',
	body: `**${n}件目** の投稿です。\n\n[地図](https://example.com/x) を見てね & よろしく\n3行目\n4行目は出ない`
});
const common = { locale: 'ja' as const, origin, recipientName: '佐藤', unsubscribeUrl };

function expectFooter(text: string, html: string) {
	expect(text).toContain(`このお知らせを停止する\n${unsubscribeUrl}`);
	expect(text).toContain(`通知の設定\n${origin}/account/notifications`);
	expect(html).toContain(`<a href="${unsubscribeUrl}">このお知らせを停止する</a>`);
	expect(html).toContain(`<a href="${origin}/account/notifications">通知の設定</a>`);
}

describe('the footer', () => {
	it('offers the one-click link and the settings only where a kind can be turned off', () => {
		const with_ = mailFooter({ locale: 'ja', origin, note: 'お知らせ', unsubscribeUrl });
		expectFooter(with_.text, with_.html);
		const without = mailFooter({ locale: 'ja', origin, note: 'お知らせ', unsubscribeUrl: null });
		expect(without.text).toBe('--\nお知らせ');
		expect(without.html).not.toContain('<a');
		const en = mailFooter({ locale: 'en', origin, note: 'Note', unsubscribeUrl });
		expect(en.text).toContain(`Stop these notices\n${unsubscribeUrl}`);
		expect(en.text).toContain(`Notification settings\n${origin}/en/account/notifications`);
	});

	it('is on the event mails too', () => {
		const event = {
			id: '11111111-1111-4111-8111-111111111111',
			title: 'サロン',
			summary: '',
			startsAt: '2026-12-13T01:00:00Z',
			endsAt: '2026-12-13T03:00:00Z',
			allDay: false,
			rrule: null,
			venueName: '公民館',
			venueAddress: null,
			onlineUrl: null,
			status: 'published',
			cancelReason: null,
			sequence: 0,
			updatedAt: '2026-12-01T00:00:00Z',
			belongings: null,
			contactName: null,
			contactPhone: null,
			contactEmail: null,
			organizationName: null
		} satisfies MailEvent;
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
		const mail = composeEventMail({
			...common,
			kind: 'reminder',
			event,
			occurrences: [occ],
			before: null,
			waitlistPosition: null
		});
		expectFooter(mail.text, mail.html);
		expect(mail.text).toContain('問い合わせは上の問い合わせ先へ');
	});
});

describe('the mail every composer builds (composeMail)', () => {
	it('greeting, blocks with a blank line between them, footer; HTML escaped except a block’s own HTML', () => {
		const mail = composeMail(
			{ ...common, recipientName: '佐藤 <s>' },
			'件名',
			[
				{ text: 'はじめ <b>' },
				{ rows: [['項目', '値 & <v>']] },
				{ label: '見る：', url: `${origin}/x?a=1&b=<2>` },
				{ text: '自前', html: '<div class="own">自前</div>' }
			],
			{ footerNote: '理由 <n>', ics: 'BEGIN:VCALENDAR' }
		);
		expect(mail.subject).toBe('件名');
		expect(mail.ics).toBe('BEGIN:VCALENDAR');
		expect(mail.text).toBe(
			[
				'佐藤 <s> さん',
				'',
				'はじめ <b>',
				'',
				'■項目\n値 & <v>',
				'',
				`見る：\n${origin}/x?a=1&b=<2>`,
				'',
				'自前',
				'',
				'--',
				'理由 <n>',
				`このお知らせを停止する\n${unsubscribeUrl}`,
				`通知の設定\n${origin}/account/notifications`
			].join('\n')
		);
		expect(mail.html).toContain('<p>佐藤 &lt;s&gt; さん</p>\n<p>はじめ &lt;b&gt;</p>\n<dl>');
		expect(mail.html).toContain('<dd style="margin: 0;">値 &amp; &lt;v&gt;</dd>');
		expect(mail.html).toContain(
			`<p><a href="${origin}/x?a=1&amp;b=&lt;2&gt;">見る： ${origin}/x?a=1&amp;b=&lt;2&gt;</a></p>\n<div class="own">自前</div>`
		);
		expect(mail.html).toContain('理由 &lt;n&gt;');
		expect(mail.html).not.toMatch(/<s>|<b>|<v>|<2>|<n>/);
		expectFooter(mail.text, mail.html);
		// without a one-click link: the generic note alone
		const plain = composeMail({ ...common, unsubscribeUrl: null }, '件名', [{ text: '本文' }]);
		expect(plain.text).toBe(
			'佐藤 さん\n\n本文\n\n--\nこのメールは「つなぐ」から自動で送っています。返信しても届きません。'
		);
		expect(plain.html).not.toContain('/account/notifications');
		expect(plain.ics).toBeNull();
	});
});

describe('plain excerpts of posts', () => {
	it('keep the words of the first lines, without Markdown marks', () => {
		expect(plainExcerpt(post(1, 2).body)).toBe(
			'1件目 の投稿です。\n地図 を見てね & よろしく\n3行目…'
		);
		expect(plainExcerpt('# 見出し\n> 引用\n- 項目')).toBe('見出し\n引用\n項目');
		expect(plainExcerpt('あ'.repeat(300))).toBe(`${'あ'.repeat(200)}…`);
		expect(plainExcerpt('😀'.repeat(201))).toBe(`${'😀'.repeat(200)}…`);
	});
});

describe('thread mails', () => {
	it('new posts: the thread, who wrote, the first lines and a link to each post; escaped HTML', () => {
		const mail = composeThreadReplyMail({
			...common,
			thread,
			posts: [post(1, 2), post(2, 51)],
			more: 3
		});
		expect(mail.subject).toBe('新しい投稿（5件）：子ども食堂の <相談>');
		expect(mail.text).toContain('佐藤 さん');
		expect(mail.text).toContain('■話題\n子ども食堂の <相談>');
		expect(mail.text).toContain('鈴木 <一郎>さん（2026年12月13日(日) 10:05）');
		expect(mail.text).toContain('1件目 の投稿です。');
		expect(mail.text).toContain(
			`投稿を見る：\n${origin}/threads/${thread.id}?page=1#post-${post(1, 2).id}`
		);
		// position 51 is on page 2
		expect(mail.text).toContain(`/threads/${thread.id}?page=2#post-${post(2, 51).id}`);
		expect(mail.text).toContain('ほかに3件の投稿があります。');
		expect(mail.text).toContain(`話題を見る：\n${origin}/threads/${thread.id}`);
		expect(mail.html).toContain('子ども食堂の &lt;相談&gt;');
		expect(mail.html).toContain('鈴木 &lt;一郎&gt;');
		expect(mail.html).toContain('を見てね &amp; よろしく');
		expect(mail.html).not.toMatch(/<相談>|<一郎>/);
		expect(mail.ics).toBeNull();
		expectFooter(mail.text, mail.html);
	});

	it('a mention names who wrote it; English when asked', () => {
		const mail = composeMentionMail({ ...common, thread, post: post(1, 2) });
		expect(mail.subject).toBe('鈴木 <一郎>さんがあなたの名前を書きました：子ども食堂の <相談>');
		expect(mail.text).toContain(
			'鈴木 <一郎>さんが、話題「子ども食堂の <相談>」の投稿であなたの名前を書きました。'
		);
		const en = composeMentionMail({
			...common,
			locale: 'en',
			thread,
			post: { ...post(1, 2), authorName: null }
		});
		expect(en.subject).toBe('(name not shown) mentioned you: 子ども食堂の <相談>');
		expect(en.text).toContain(`${origin}/en/threads/${thread.id}?page=1#post-`);
		expect(en.html).toContain('<html lang="en">');
	});
});

describe('moderation mails', () => {
	it('a hidden post: what and why, with a link to one’s own post', () => {
		const p = post(1, 2);
		const mail = composeHiddenMail({ ...common, thread, post: p, reason: '個人情報 <電話番号>' });
		expect(mail.subject).toBe('投稿が非表示になりました：子ども食堂の <相談>');
		expect(mail.text).toContain('■理由\n個人情報 <電話番号>');
		expect(mail.text).toContain('■投稿\n1件目 の投稿です。');
		expect(mail.text).toContain(`/threads/${thread.id}?page=1#post-${p.id}`);
		expect(mail.html).toContain('個人情報 &lt;電話番号&gt;');
		expectFooter(mail.text, mail.html);
	});

	it('a hidden thread says so, without a post', () => {
		const mail = composeHiddenMail({ ...common, thread, post: null, reason: null });
		expect(mail.subject).toBe('話題が非表示になりました：子ども食堂の <相談>');
		expect(mail.text).not.toContain('■理由');
		expect(mail.text).toContain(`話題を見る：\n${origin}/threads/${thread.id}`);
	});

	it('a report handled or dismissed says what was reported, never the hidden words', () => {
		const handled = composeReportMail({
			...common,
			status: 'handled',
			reported: { kind: 'post', title: thread.title },
			note: null
		});
		expect(handled.subject).toBe('通報への対応のお知らせ');
		expect(handled.text).toContain('対応しました');
		expect(handled.text).toContain('■通報したもの\n話題「子ども食堂の <相談>」の投稿');
		expect(handled.text).not.toContain('コーディネーターから');
		const dismissed = composeReportMail({
			...common,
			status: 'dismissed',
			reported: { kind: 'organization', name: 'ひだまりの会' },
			note: 'ご連絡ありがとうございました'
		});
		expect(dismissed.text).toContain('今回は対応の必要がないと判断しました');
		expect(dismissed.text).toContain('団体「ひだまりの会」');
		expect(dismissed.text).toContain('■コーディネーターから\nご連絡ありがとうございました');
		expect(
			composeReportMail({ ...common, status: 'handled', reported: null, note: null }).text
		).toContain('（表示できないもの）');
	});
});

describe('invitation mails', () => {
	const organization = { name: 'ひだまり <の会>', slug: 'hidamari' };
	it('an invitation into an organization: who, to what, as what, until when, where to answer', () => {
		const mail = composeOrganizationInvitationMail({
			...common,
			inviterName: '田中',
			organization,
			role: 'editor',
			expiresAt: '2026-12-20T03:00:00Z'
		});
		expect(mail.subject).toBe('団体への招待：ひだまり <の会>');
		expect(mail.text).toContain(
			'田中さんが、あなたを団体「ひだまり <の会>」に編集者として招待しました。'
		);
		expect(mail.text).toContain('■有効期限\n2026年12月20日(日)');
		expect(mail.text).toContain(`${origin}/account#invitations-heading`);
		expect(mail.text).toContain(`${origin}/orgs/hidamari`);
		expect(mail.html).toContain('ひだまり &lt;の会&gt;');
		expectFooter(mail.text, mail.html);
		const en = composeOrganizationInvitationMail({
			...common,
			locale: 'en',
			inviterName: null,
			organization,
			role: 'member',
			expiresAt: '2026-12-20T03:00:00Z'
		});
		expect(en.text).toContain('You are invited to join ひだまり <の会> as a member.');
	});

	it('a co-host request: who asks, the event and its date, where to answer', () => {
		const mail = composeCohostMail({
			...common,
			inviterName: '山田',
			organization,
			event: {
				id: '11111111-1111-4111-8111-111111111111',
				title: '防災フォーラム',
				startsAt: '2026-12-13T01:00:00Z',
				endsAt: '2026-12-13T03:00:00Z',
				allDay: false,
				organizerName: '常盤平町会'
			}
		});
		expect(mail.subject).toBe('共催の依頼：防災フォーラム');
		expect(mail.text).toContain(
			'山田さんが、イベント「防災フォーラム」の共催を団体「ひだまり <の会>」に依頼しています。'
		);
		expect(mail.text).toContain('2026年12月13日(日) 10:00〜12:00');
		expect(mail.text).toContain('■主催\n常盤平町会');
		expect(mail.text).toContain(`${origin}/orgs/hidamari#cohost-requests`);
		expect(mail.text).toContain(`${origin}/events/11111111-1111-4111-8111-111111111111`);
		expectFooter(mail.text, mail.html);
	});
});
