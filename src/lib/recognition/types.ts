// Awards, nominations, thanks and programmes as pages and components see
// them (client-safe: components never import $lib/server).

/** Who receives an award or a thanks: exactly one. */
export type RecipientRef =
	{ practiceId: string } | { organizationId: string } | { profileId: string };

export type RecipientKind = 'practice' | 'organization' | 'person';

/** A recipient with what a page shows of it (null name: not visible to the reader). */
export interface Recipient {
	kind: RecipientKind;
	id: string;
	name: string | null;
	/** its page (not localized): /practices/<id>, /orgs/<slug>, /people/<id> */
	path: string | null;
	/** a practice's lead organization (the certificate names it) */
	byline: string | null;
}

export interface AwardItem {
	id: string;
	name: string;
	/** Markdown as written; pages show citationHtml */
	citation: string;
	awardedOn: string;
	fiscalYear: number;
	recipient: Recipient;
	/** the event it was presented at (発表会), when visible */
	event: { id: string; title: string } | null;
	nominationId: string | null;
}

/** An award with its citation rendered (renderMarkdown, on the server). */
export interface AwardView extends AwardItem {
	citationHtml: string;
}

export type NominationStatus = 'open' | 'awarded' | 'closed';

export interface NominationItem {
	id: string;
	recipient: Recipient;
	reason: string;
	status: NominationStatus;
	note: string | null;
	createdAt: string;
	answeredAt: string | null;
	nominator: { id: string; name: string | null };
	awardId: string | null;
}

export interface ThanksMessage {
	id: string;
	message: string | null;
	createdAt: string;
	thankerId: string;
	thankerName: string | null;
	/** hidden by a coordinator: shown only to its writer and coordinators */
	hidden: boolean;
}

/** What a ThanksBox shows: the count, the latest messages, and what the viewer may do. */
export interface ThanksSummary {
	count: number;
	latest: ThanksMessage[];
	/** null: signed out; 'own': the viewer's own (or own organization's); 'today': thanked today already */
	viewer: null | 'can' | 'own' | 'today';
}

export const THANKS_MESSAGE_MAX = 140;
export const NOMINATION_REASON_MAX = 1000;
export const AWARD_NAME_MAX = 120;
export const AWARD_CITATION_MAX = 600;
export const PROGRAMME_PRESENTER_MAX = 100;
export const PROGRAMME_PARAGRAPH_MAX = 400;

/** The recipient columns of a row as a RecipientRef (null when none is set). */
export function recipientRefOf(row: {
	practice_id: string | null;
	organization_id: string | null;
	profile_id?: string | null;
}): RecipientRef | null {
	if (row.practice_id) return { practiceId: row.practice_id };
	if (row.organization_id) return { organizationId: row.organization_id };
	if (row.profile_id) return { profileId: row.profile_id };
	return null;
}

/** The row's recipient columns for a RecipientRef. */
export function recipientColumns(ref: RecipientRef) {
	return {
		practice_id: 'practiceId' in ref ? ref.practiceId : null,
		organization_id: 'organizationId' in ref ? ref.organizationId : null,
		profile_id: 'profileId' in ref ? ref.profileId : null
	};
}

/** The programme editor's rows and values (as typed) and what is wrong with them. */
export interface ProgrammeRow {
	practiceId: string;
	title: string;
	startsAt: string;
	presenter: string;
	paragraph: string;
	order: number;
}

export interface ProgrammeValues {
	title: string;
	eventId: string;
	isPublic: boolean;
	rows: ProgrammeRow[];
}

export interface ProgrammeErrors {
	title?: string;
	eventId?: string;
	/** by practice id */
	rows: Record<string, string>;
}
