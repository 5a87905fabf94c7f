// What the iCalendar feeds cover. Their data comes from src/lib/server/db/events.ts
// (feedDates and feedItems, memberFeedItems, eventFeed), read through a client on whose
// behalf RLS decides, and is written by ./ical.ts.

import { tokyoDayStart } from '$lib/format';

const DAY = 24 * 60 * 60 * 1000;

export interface FeedWindow {
	from: Date;
	/** the start of today in Tokyo: a feed's dates to come are those not ended before it */
	today: Date;
	to: Date;
}

/**
 * The window of the public feed: the last 30 days and the next 12 months, in
 * whole Tokyo days, so that a feed changes only when its data does or the
 * day turns (its ETag is made from the data's version and the day).
 */
export function publicFeedWindow(now = new Date()): FeedWindow {
	const today = tokyoDayStart(now);
	const to = new Date(today.getTime() + DAY);
	to.setUTCFullYear(to.getUTCFullYear() + 1);
	return { from: new Date(today.getTime() - 30 * DAY), today, to };
}
