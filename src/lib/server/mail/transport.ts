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
