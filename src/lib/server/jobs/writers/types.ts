// A writer turns one send_mail job's payload into a mail, reading the
// database as it is now, or says there is nothing to send any more (null).
// One module per family of kinds; ./index.ts maps each kind to its writer.
import type { MailKind } from '../../db/mail';
import type { ComposedMail } from '../../mail/compose';
import type { JobContext } from '../config';

export interface SendMailPayload {
	kind: MailKind;
	user_id: string;
	[key: string]: unknown;
}

export interface WrittenMail extends ComposedMail {
	/** the address it goes to (the member's, or a new one being confirmed) */
	to: string;
}

export type MailWriter = (ctx: JobContext, payload: SendMailPayload) => Promise<WrittenMail | null>;
