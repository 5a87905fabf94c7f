// Threads and posts as pages see them (client-safe: components may import these).
import type { AreaRef, FieldRef, OrgRef } from '$lib/events/types';
import type { PostPermissions } from '$lib/permissions';

export type { AreaRef, FieldRef, OrgRef };

/** A person named beside what they wrote. */
export interface PersonRef {
	id: string;
	displayName: string;
}

/** A thread in lists (/threads, area and organization pages). */
export interface ThreadCard {
	id: string;
	title: string;
	isQuestion: boolean;
	/** a reply is marked as the answer (解決) */
	solved: boolean;
	locked: boolean;
	createdAt: string;
	/** the latest post: the lists' order */
	lastPostedAt: string;
	/** replies that show (0: unanswered) */
	replyCount: number;
	/** posts ever written (positions 1…postCount) */
	postCount: number;
	/** null when the account is gone */
	author: PersonRef | null;
	area: AreaRef | null;
	organization: OrgRef | null;
	/** the event whose comment thread this is */
	event: { id: string; title: string } | null;
	fields: FieldRef[];
}

/** One thread as its page shows it. */
export interface ThreadDetail extends ThreadCard {
	authorId: string | null;
	solvedPostId: string | null;
	lockedAt: string | null;
	/** shown to the author and coordinators only (others do not see a hidden thread) */
	hiddenAt: string | null;
	hiddenReason: string | null;
	deletedAt: string | null;
	/** whether the viewer follows it; null when signed out */
	following: boolean | null;
}

export type PostState = 'visible' | 'hidden' | 'deleted';

/**
 * One position of a thread page. A hidden post's text (and author) is there
 * only for its author and coordinators; a deleted post's text for nobody.
 */
export interface PostSlot {
	id: string;
	position: number;
	state: PostState;
	authorId: string | null;
	authorName: string | null;
	createdAt: string;
	/** set when edited (編集済み) and readable */
	editedAt: string | null;
	quoteOf: string | null;
	/** the quoted post's position, for its link (postHref) */
	quotePosition: number | null;
	/** who wrote the quoted post, while it shows (neither hidden nor deleted) */
	quoteAuthor: string | null;
	/** to the author and coordinators of a hidden post: why */
	hiddenReason: string | null;
	/** Markdown as written; null when the viewer may not read it */
	body: string | null;
	/** the sanitised HTML stored when it was written; null when the viewer may not read it */
	bodyHtml: string | null;
}

/** An earlier version of an edited post (coordinators). */
export interface PostVersion {
	id: string;
	body: string;
	bodyHtml: string;
	writtenAt: string;
	replacedAt: string;
}

/**
 * One position of a thread page as a page shows it (src/lib/server/threads/view.ts):
 * without the Markdown it was written in, which only the edit form needs (on the server).
 */
export interface PostView extends Omit<PostSlot, 'body'> {
	/** what the viewer may do with it (postPermissions) */
	can: PostPermissions;
	/** 主催者: the event's organiser or an editor of its organizations (event threads) */
	host: boolean;
	/** marked as the answer of the question (解決) */
	answer: boolean;
	/** earlier versions (coordinators; empty for others) */
	versions: PostVersion[];
}

/**
 * What a refused reply, comment or edit form sends back under its name
 * (`form.reply`, `form.comment`, `form.edit`): why, next to the text, and what
 * was typed.
 */
export interface TextRefusal {
	text: string;
	ok: boolean;
	body: string;
	quoteOf?: string;
	postId?: string;
}
