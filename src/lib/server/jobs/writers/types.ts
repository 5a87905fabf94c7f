// A writer turns one send_mail job's payload into a mail, reading the
// database as it is now, or says there is nothing to send any more (null).
// One module per family of kinds; ./index.ts maps each kind to its writer.
import type { MailKind } from '../../db/mail';
import type { ComposedMail } from '../../mail/layout';
import type { JobContext } from '../config';

export interface SendMailPayload {
	kind: MailKind;
	user_id: string;
	[key: string]: unknown;
}

export interface WrittenMail extends ComposedMail {
	/** the address it goes to (the member's, or a new one being confirmed) */
	to: string;
	/** more header fields, sent as they are (send_mail adds List-Unsubscribe where it belongs) */
	headers?: Record<string, string>;
	/**
	 * the one-click link the mail's footer names (writers/common.ts); send_mail
	 * puts the same in List-Unsubscribe. Absent: send_mail signs one itself.
	 */
	unsubscribeUrl?: string | null;
}

/** The job being run: graphile-worker's id and key. */
export interface MailJob {
	id: string;
	key: string | null;
}

export type MailWriter = (
	ctx: JobContext,
	payload: SendMailPayload,
	job: MailJob
) => Promise<WrittenMail | null>;
