// What a やさしい日本語 version is (issue 16), for pages and forms alike: an
// author-written summary and body of an event, a practice or a place.

export const EASY_SUBJECTS = ['event', 'practice', 'place'] as const;
export type EasySubject = (typeof EASY_SUBJECTS)[number];

export interface EasyVersion {
	summary: string | null;
	body: string | null;
}

/** The lengths the database keeps (save_easy_version, the columns' checks). */
export const EASY_SUMMARY_MAX = 200;
export const EASY_BODY_MAX = 5000;

/** A version is there when either field is. */
export const hasEasyVersion = (v: EasyVersion | null | undefined): v is EasyVersion =>
	!!v && (!!v.summary || !!v.body);

/** The address parameter that shows the やさしい日本語 version of a page. */
export const EASY_PARAM = 'easy';
