// Sending: nodemailer over SMTP (SMTP_URL, e.g. smtps://user:pass@smtp.example.jp:465),
// from MAIL_FROM. Relative imports only: the worker runs this outside SvelteKit.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html: string;
	ics: string | null;
	/** stable per job: a resend after a crash carries the same Message-ID */
	messageId: string;
	/** more header fields (List-Unsubscribe, List-Unsubscribe-Post), sent as they are */
	headers?: Record<string, string>;
}

/**
 * Whether a send failed for good for this address: the receiving server
 * answered RCPT TO or DATA with a 5xx reply (e.g. 550 no such mailbox). Such a
 * mail is not retried and the address is marked as bounced. A 4xx reply, a
 * refused connection or a 5xx to anything else (our own login, MAIL FROM) is
 * ours or passing, and retried.
 */
export function isPermanentFailure(e: unknown): boolean {
	if (!e || typeof e !== 'object') return false;
	const { responseCode, command } = e as { responseCode?: unknown; command?: unknown };
	return (
		typeof responseCode === 'number' &&
		responseCode >= 500 &&
		responseCode < 600 &&
		(command === 'RCPT TO' || command === 'DATA')
	);
}

export function mailTransport(smtpUrl: string, from: string) {
	const transport = nodemailer.createTransport(smtpUrl);
	return {
		async send(mail: OutgoingMail) {
			const info = await transport.sendMail({
				from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				messageId: mail.messageId,
				headers: mail.headers,
				attachments: mail.ics
					? [
							{
								filename: 'event.ics',
								content: mail.ics,
								contentType: 'text/calendar; charset=utf-8; method=PUBLISH'
							}
						]
					: []
			});
			return info.messageId;
		},
		close: () => transport.close()
	};
}
