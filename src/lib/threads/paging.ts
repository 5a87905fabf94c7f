// Where a post is: thread pages hold 50 positions each (1–50 on page 1,
// 51–100 on page 2, …). Positions are never reused (a deleted or hidden post
// keeps its place), so /threads/<id>?page=<n>#post-<id> stays valid forever.

/** Posts on one page of a thread (the same number as in public.thread_posts). */
export const POSTS_PER_PAGE = 50;

/** The page (1, 2, …) on which the post at this position appears. */
export const postPageOf = (position: number) =>
	Math.max(1, Math.ceil(Math.max(1, Math.floor(position)) / POSTS_PER_PAGE));

/** How many pages a thread with `postCount` posts has (at least 1). */
export const threadPageCount = (postCount: number) => postPageOf(Math.max(1, postCount));

/** The anchor of a post on its page. */
export const postAnchor = (postId: string) => `post-${postId}`;

/** The address of a post: its thread's page and its anchor (without the locale prefix). */
export const postHref = (threadId: string, position: number, postId: string) =>
	`/threads/${threadId}?page=${postPageOf(position)}#${postAnchor(postId)}`;
