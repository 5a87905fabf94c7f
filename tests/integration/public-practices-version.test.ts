// The version of what the public lists of practices show (migration
// 20261223000000_public_practices_version): a visitor's page of /practices is
// kept under it (src/lib/server/practices/kept-list.ts), so every change a card
// or a filter can show must move it, once per transaction, and what no list of
// practices shows (an event, who thanked) must not. One file at a time
// (fileParallelism: false): nothing else writes to this stack while a test reads
// the number twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { publicPracticesVersion, savePractice } from '$lib/server/db/practices';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import {
	createTestOrg,
	practiceInput,
	publishedPractice,
	storedImageHash
} from '../support/practices';

const version = () => publicPracticesVersion(anonClient());

let editor: { id: string }, coordinator: { id: string }, orgId: string;

beforeAll(async () => {
	[editor, coordinator] = await Promise.all([
		createTestUser('版 実践編集者'),
		createTestUser('版 実践コーディネーター')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	orgId = await createTestOrg(editor.id);
});

describe('public practices version', () => {
	it('anybody reads it; nobody sets it', async () => {
		const v = await version();
		expect(Number.isInteger(v)).toBe(true);
		// the table is in a schema PostgREST does not serve, the function only reads
		const write = await userClient(editor.id)
			.schema('private' as 'public')
			.from('public_practices_version' as 'practices')
			.update({ title: 'x' })
			.neq('id', '00000000-0000-0000-0000-000000000000');
		expect(write.error).not.toBeNull();
		expect(await version()).toBe(v);
	});

	it('moves with what a card shows or a filter matches, once per transaction', async () => {
		const v0 = await version();
		const id = await publishedPractice(
			editor.id,
			coordinator.id,
			practiceInput(orgId, { title: '版の実践' })
		);
		// saved, submitted and published: three transactions
		expect(await version()).toBe(v0 + 3);

		// an edit of the practice with its children (photos, areas, fields): one transaction
		const hash = await storedImageHash();
		const { data: area } = await serviceClient().from('areas').select('id').limit(1).single();
		const saved = await savePractice(userClient(editor.id), {
			...practiceInput(orgId, { title: '版の実践（改）', photos: [{ hash, alt: '写真' }] }),
			id,
			areaIds: [area!.id]
		});
		expect(saved.ok).toBe(true);
		const v1 = await version();
		expect(v1).toBe(v0 + 4);

		const service = serviceClient();
		// the lead organization's name is on every card of its practices
		const { error: rename } = await service
			.from('organizations')
			.update({ name: '版の団体（改）' })
			.eq('id', orgId);
		expect(rename).toBeNull();
		expect(await version()).toBe(v1 + 1);

		// a field's name is on the cards and in the filter
		const { data: field } = await service.from('fields').select('id, name_ja').limit(1).single();
		const { error: retitle } = await service
			.from('fields')
			.update({ name_ja: field!.name_ja })
			.eq('id', field!.id);
		expect(retitle).toBeNull();
		expect(await version()).toBe(v1 + 2);

		// a photo taken away directly (not through save_practice)
		const { error: unphoto } = await service.from('practice_photos').delete().eq('practice_id', id);
		expect(unphoto).toBeNull();
		expect(await version()).toBe(v1 + 3);
	});

	it('stays when what no list of practices shows changes: an event', async () => {
		const before = await version();
		await createEvent(editor.id, { title: '実践と関係のない会' });
		expect(await version()).toBe(before);
	});
});
