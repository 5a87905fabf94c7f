// Words for recognition's kinds (client-safe).
import { m } from '$lib/paraglide/messages';
import type { NominationStatus, RecipientKind } from './types';

export const recipientKindLabel = (kind: RecipientKind) =>
	({
		practice: m.recognition_kind_practice,
		organization: m.recognition_kind_organization,
		person: m.recognition_kind_person
	})[kind]();

export const nominationStatusLabel = (status: NominationStatus) =>
	({
		open: m.recognition_nomination_open,
		awarded: m.recognition_nomination_awarded,
		closed: m.recognition_nomination_closed
	})[status]();
