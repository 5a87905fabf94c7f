// The harness records each page's PostgREST requests on a render that reads
// everything the page shows: what the app keeps per version of the public
// events or practices ($lib/server/kept) would otherwise make the recorded
// render, and so the floor, depend on which page ran before. Raising the
// versions (as any change to a public event or practice does) leaves nothing
// kept that the render can use.
import pg from 'pg';

export async function raisePublicVersions(databaseUrl: string) {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await db.query('update private.public_events_version set version = version + 1');
		await db.query('update private.public_practices_version set version = version + 1');
	} finally {
		await db.end();
	}
}
