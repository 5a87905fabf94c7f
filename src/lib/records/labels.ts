// Words for the kinds of participant a record counts (client-safe).
import { m } from '$lib/paraglide/messages';
import type { ParticipantKind } from './types';

const LABELS: Record<ParticipantKind, () => string> = {
	resident: m.record_kind_resident,
	neighbourhood: m.record_kind_neighbourhood,
	commissioner: m.record_kind_commissioner,
	volunteer: m.record_kind_volunteer,
	council: m.record_kind_council,
	care_centre: m.record_kind_care_centre,
	business: m.record_kind_business,
	government: m.record_kind_government,
	professional: m.record_kind_professional,
	student: m.record_kind_student,
	other: m.record_kind_other
};

export const participantKindLabel = (kind: ParticipantKind) => LABELS[kind]();
