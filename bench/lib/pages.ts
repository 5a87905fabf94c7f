// The pages the benchmark measures (issue 13), addressed in the seeded dataset.
import { FURIGANA_COOKIE } from './furigana.ts';
import type { BenchFixtures } from './seed.ts';
import { POSTS_PER_PAGE } from '../../src/lib/threads/paging.ts';

export interface BenchPage {
	name: string;
	path: string;
	/** a cookie: a session (the page as a signed-in member sees it) or a preference (ふりがな) */
	cookie?: string;
	/** a list whose cost must not grow with what is stored (p95 at L within 1.5× of S) */
	list: boolean;
	/** a calendar app's poll: sent with If-None-Match, the ETag of the page as it is (304) */
	poll?: boolean;
	/**
	 * every request at an address of its own (`&fresh=<n>`, which the page ignores): what a
	 * feed costs when no body made before serves it
	 */
	fresh?: boolean;
	/**
	 * the modules the page's loads import for this visitor only (a member's parts, the
	 * ふりがな reader), by their source path: counted in its JavaScript with what they import
	 */
	imports?: string[];
}

/** what the loads import for a signed-in member who can join, comment and report a comment */
const MEMBER_EVENT = [
	'src/lib/components/layout/member.ts',
	'src/routes/events/[id=uuid]/MemberJoin.svelte',
	'src/lib/components/threads/ReplyComposer.svelte',
	'src/lib/components/threads/PostActions.svelte'
];
/** what the root layout's load imports while ふりがな is on */
const FURIGANA = [
	'src/lib/furigana/reader.ts',
	'src/lib/furigana/ruby.ts',
	'src/lib/furigana/interface-words.json'
];

/** posts in the seeded long thread (every size) */
const THREAD_POSTS = 1000;

export function benchPages(f: BenchFixtures, cookie: string): BenchPage[] {
	const lastThreadPage = Math.ceil(THREAD_POSTS / POSTS_PER_PAGE);
	return [
		{ name: 'home', path: '/', list: true },
		{ name: 'events', path: '/events', list: true },
		{
			name: 'events filtered',
			path: `/events?area=${f.areaSlug}&field=${f.fieldSlug}`,
			list: true
		},
		{ name: 'calendar', path: '/calendar', list: true },
		{ name: 'event', path: `/events/${f.popularEventId}`, list: false },
		{ name: 'organization', path: `/orgs/${f.organizationSlug}`, list: true },
		{ name: 'practices q=食堂', path: `/practices?q=${encodeURIComponent('食堂')}`, list: true },
		{ name: 'thread p.1', path: `/threads/${f.threadId}`, list: true },
		{
			name: `thread p.${lastThreadPage}`,
			path: `/threads/${f.threadId}?page=${lastThreadPage}`,
			list: true
		},
		// The harness's own worst case, not one of the pages: the feed made anew at every
		// request (the first poll after a change), with all it shows, 8 times the dates at L. Not
		// held to the lists' 1.5× (its L/S is printed): the issue's feed is the one address asked
		// for again and again, the next row.
		{
			name: 'calendar.ics area',
			path: `/calendar.ics?area=${f.areaSlug}`,
			list: false,
			fresh: true
		},
		// the same feed again and again without If-None-Match, as most calendar apps poll it
		{ name: 'calendar.ics area, again', path: `/calendar.ics?area=${f.areaSlug}`, list: true },
		{
			name: 'calendar.ics area, polled',
			path: `/calendar.ics?area=${f.areaSlug}`,
			list: true,
			poll: true
		},
		{
			name: 'event signed in',
			path: `/events/${f.popularEventId}`,
			cookie,
			list: false,
			imports: MEMBER_EVENT
		},
		// ふりがな on (issue 16): the same pages with readings, against 'home' and 'event'
		{
			name: 'home ふりがな',
			path: '/',
			cookie: FURIGANA_COOKIE,
			list: false,
			imports: FURIGANA
		},
		{
			name: 'event ふりがな',
			path: `/events/${f.popularEventId}`,
			cookie: FURIGANA_COOKIE,
			list: false,
			imports: FURIGANA
		}
	];
}
