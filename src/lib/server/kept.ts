// What this process keeps of what it made from public data, by a key that names
// the version of that data (public_events_version: in a feed's ETag, in the key
// of a month of the calendar). Not state: every process makes the same thing for
// a key, and a change of the data is a new key. Calendar apps polling a feed
// without If-None-Match (most of them), and everybody opening this month's
// calendar, are answered without reading or rendering the same dates again.
// Made once however many ask at the same time; what fails is not kept; the
// least recently used go first. A feed's VEVENTs are keyed by what they are made
// from instead (keptVevents: the date and its event as JSON; keptFeedVevents, the
// public feed's: the hash of those columns that feed_items gives): one is only
// ever sent again for the same date of the same event, whoever's feed it is in.
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

type Render = () => Promise<string | Uint8Array<ArrayBuffer>>;

/** Bodies, UTF-8 encoded: at most 16 MB in all. */
const bodies = new LRUCache<string, Uint8Array<ArrayBuffer>, Render>({
	maxSize: 16 * 1024 * 1024,
	maxEntrySize: 4 * 1024 * 1024,
	sizeCalculation: (body) => body.byteLength,
	fetchMethod: async (_key, _stale, { context }) => {
		const body = await context();
		return typeof body === 'string' ? new TextEncoder().encode(body) : body;
	}
});

/** Results of reads: a month of the calendar is some 40 KB, a page of cards 20. */
const reads = new LRUCache<string, { value: unknown }, () => Promise<unknown>>({
	max: 500,
	fetchMethod: async (_key, _stale, { context }) => ({ value: await context() })
});

/**
 * The VEVENTs of the feeds of dates, by what each is made from (ical.ts,
 * VeventStore): after a change every feed is made again, but of its dates
 * only those that changed are rendered again. The personal feeds' as text (at
 * most 8 million characters with their keys: up to 16 MB), the public feeds'
 * UTF-8 encoded (at most 8 MB with their keys), some 6,000 dates each.
 */
export const keptVevents = new LRUCache<string, string>({
	maxSize: 8 * 1024 * 1024,
	sizeCalculation: (vevent, key) => vevent.length + key.length
});
export const keptFeedVevents = new LRUCache<string, Uint8Array>({
	maxSize: 8 * 1024 * 1024,
	sizeCalculation: (vevent, key) => vevent.byteLength + key.length
});

/** A body made once for its key (renderedOnce). */
export interface KeptBody {
	key: string;
	bytes: Uint8Array<ArrayBuffer>;
	/**
	 * Made for an earlier request, or for one still being answered: a body asked for again (a
	 * feed that calendar apps poll) is worth compressing once (gzippedOnce); one made for a single
	 * request (a feed at a new address) is not.
	 */
	again: boolean;
}

/**
 * The body for `key` as `render` makes it, rendered once; a render that fails
 * (a 404 thrown, a database error) reaches its callers and is not kept. `key`
 * must name everything the body is made from.
 */
export async function renderedOnce(key: string, render: Render): Promise<KeptBody> {
	const status: LRUCache.Status<string, Uint8Array<ArrayBuffer>, Render> = {};
	const bytes = await bodies.fetch(key, { context: render, status });
	if (!bytes) throw new Error(`renderedOnce: nothing made for ${key}`);
	// one too large to keep (over 4 MB) is made anew for each request after it: never "again",
	// so never compressed here, where it would hold the event loop for every client that joined it
	const asked = status.fetch === 'hit' || status.fetch === 'inflight';
	return { key, bytes, again: asked && bodies.has(key) };
}

/**
 * Kept bodies gzip-compressed, by the same keys: at most 4 MB (a feed of 500 dates, 290 KB,
 * is 22 KB compressed). Compressed once, at the default level (2 ms for that feed), and sent
 * to every client that accepts gzip after that; a city's proxy passes a compressed response
 * through as it is.
 */
const gzipped = new LRUCache<string, Uint8Array<ArrayBuffer>>({
	maxSize: 4 * 1024 * 1024,
	sizeCalculation: (body, key) => body.byteLength + key.length
});

export function gzippedOnce(body: KeptBody): Uint8Array<ArrayBuffer> {
	let compressed = gzipped.get(body.key);
	if (!compressed) {
		// copied out of the Buffer, which may share a larger block of memory than the LRU counts
		compressed = new Uint8Array(gzipSync(body.bytes));
		gzipped.set(body.key, compressed);
	}
	return compressed;
}

/**
 * What `read` gives for `key`, read once. Every request that asks shares the
 * result: it must not be changed. `key` must name everything the read depends
 * on, the version of the data first.
 */
export async function readOnce<T>(key: string, read: () => Promise<T>): Promise<T> {
	const kept = await reads.fetch(key, { context: read });
	if (!kept) throw new Error(`readOnce: nothing read for ${key}`);
	return kept.value as T;
}
