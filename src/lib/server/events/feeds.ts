// What the iCalendar feeds cover. Their data comes from src/lib/server/db/events.ts
// (feedOccurrences, memberFeedItems, eventFeed), read through a client on whose
// behalf RLS decides, and is written by ./ical.ts.

const DAY = 24 * 60 * 60 * 1000;

/** The window of the public feed: the last 30 days and the next 12 months. */
export function publicFeedWindow(now = new Date()) {
	const to = new Date(now);
	to.setUTCFullYear(to.getUTCFullYear() + 1);
	return { from: new Date(now.getTime() - 30 * DAY), to };
}
