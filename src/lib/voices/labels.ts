// Words for a 声's statuses and destinations (client-safe).
import { m } from '$lib/paraglide/messages';
import type { VoiceDestination, VoiceStatus } from './types';

const STATUS: Record<VoiceStatus, () => string> = {
	received: m.voice_status_received,
	considering: m.voice_status_considering,
	answered: m.voice_status_answered,
	reflected: m.voice_status_reflected,
	declined: m.voice_status_declined
};

const DESTINATION: Record<VoiceDestination, () => string> = {
	area_council: m.voice_destination_area_council,
	care_meeting: m.voice_destination_care_meeting,
	department: m.voice_destination_department,
	organization: m.voice_destination_organization
};

export const voiceStatusLabel = (s: VoiceStatus) => STATUS[s]();
export const voiceDestinationLabel = (d: VoiceDestination) => DESTINATION[d]();
