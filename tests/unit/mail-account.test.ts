// The text of account mails (src/lib/server/mail/account.ts): each kind says
// what happened, carries its link from ORIGIN in the person's language, says
// how long it works and what to do when it was not them; names are escaped
// in the HTML; no unsubscribe link (these are not optional).
import { describe, expect, it } from 'vitest';
import { ACCOUNT_MAIL_KINDS, composeAccountMail } from '$lib/server/mail/account';

const token = 'abcdefghijklmnopqrstuvwxyz234567';
const base = {
	locale: 'ja' as const,
	origin: 'https://tsunagu.example/',
	recipientName: '佐藤 <b>花子</b>',
	token
};

describe('account mails', () => {
	it.each([
		['verify_email', '/verify/', '3日間'],
		['password_reset', '/login/reset/', '1時間'],
		['email_change_confirm', '/account/email/', '24時間'],
		['email_change_notice', '/account/email/undo/', '7日間']
	] as const)('%s: the link from ORIGIN and how long it works', (kind, path, validity) => {
		const mail = composeAccountMail({
			...base,
			kind,
			oldEmail: 'old@example.jp',
			newEmail: 'new@example.jp',
			changedAt: '2026-12-05T05:00:00Z'
		});
		expect(mail.text).toContain(`https://tsunagu.example${path}${token}\n`);
		expect(mail.html).toContain(`<a href="https://tsunagu.example${path}${token}">`);
		expect(mail.text).toContain(validity);
		expect(mail.text).toContain('心当たりがない場合');
		expect(mail.text).toContain('佐藤 <b>花子</b> さん');
		expect(mail.html).toContain('佐藤 &lt;b&gt;花子&lt;/b&gt; さん');
		expect(mail.html).not.toContain('<b>花子');
		expect(mail.ics).toBeNull();
		expect(`${mail.text}${mail.html}`).not.toMatch(
			/unsubscribe|配信停止|停止する|\/account\/notifications/i
		);
		// the shared footer: the note alone, last
		expect(mail.text).toMatch(
			/\n--\nこのメールは「つなぐ」から自動で送っています。返信しても届きません。$/
		);
		expect(mail.html).toContain(
			'<p style="color: #555; font-size: 14px;">このメールは「つなぐ」から自動で送っています。返信しても届きません。</p>\n</body></html>'
		);
	});

	it('signup_existing: no token, links to log in and to reset the password', () => {
		const mail = composeAccountMail({ ...base, token: undefined, kind: 'signup_existing' });
		expect(mail.subject).toBe('このアドレスはすでに登録されています（つなぐ）');
		expect(mail.text).toContain('https://tsunagu.example/login\n');
		expect(mail.text).toContain('https://tsunagu.example/login/reset\n');
		expect(mail.text).toContain('新しいアカウントは作っていません');
	});

	it('email_change_notice: the old and new address and when, in Tokyo time', () => {
		const mail = composeAccountMail({
			...base,
			kind: 'email_change_notice',
			oldEmail: 'old@example.jp',
			newEmail: 'new@example.jp',
			changedAt: '2026-12-05T05:00:00Z'
		});
		expect(mail.subject).toBe('メールアドレスが変更されました（つなぐ）');
		expect(mail.text).toContain('■変更前\nold@example.jp');
		expect(mail.text).toContain('■変更後\nnew@example.jp');
		expect(mail.text).toContain('2026年12月5日(土) 14:00');
	});

	it('in English, with /en/ links', () => {
		const mail = composeAccountMail({ ...base, locale: 'en', kind: 'password_reset' });
		expect(mail.subject).toBe('Reset your password (Tsunagu)');
		expect(mail.text).toContain(`https://tsunagu.example/en/login/reset/${token}`);
		expect(mail.text).toContain('one hour');
		expect(mail.html).toContain('<html lang="en">');
	});

	it('every kind has a subject and text in both languages', () => {
		for (const kind of ACCOUNT_MAIL_KINDS) {
			for (const locale of ['ja', 'en'] as const) {
				const mail = composeAccountMail({ ...base, locale, kind });
				expect(mail.subject.length, `${kind} ${locale}`).toBeGreaterThan(5);
				expect(mail.text.split('\n').length).toBeGreaterThan(6);
			}
		}
	});
});
