// Event covers and organization logos through PostgREST with real tokens: who
// may set them (RLS on events and organizations, the column grants), the
// cover's required description, and what pages read back.
import { beforeAll, describe, expect, it } from 'vitest';
import { findEvent, setEventCover } from '$lib/server/db/events';
import { findOrganization, setOrganizationLogo } from '$lib/server/db/orgs';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { createTestOrg, storedImageHash } from '../support/practices';

type User = { id: string; email: string };
let owner: User, editor: User, member: User, stranger: User;
let orgId: string;
let orgSlug: string;

beforeAll(async () => {
	[owner, editor, member, stranger] = await Promise.all([
		createTestUser('表紙 代表'),
		createTestUser('表紙 編集'),
		createTestUser('表紙 会員'),
		createTestUser('表紙 他人')
	]);
	orgId = await createTestOrg(owner.id, [editor.id]);
	await serviceClient()
		.from('organization_members')
		.insert({ organization_id: orgId, user_id: member.id, role: 'member' });
	const { data } = await serviceClient()
		.from('organizations')
		.select('slug')
		.eq('id', orgId)
		.single();
	orgSlug = data!.slug;
});

describe('event covers', () => {
	it('the organisers set and remove a cover with its description; others and anon cannot', async () => {
		const event = await createEvent(owner.id, { organizationId: orgId, status: 'published' });
		const hash = await storedImageHash();
		expect(
			await setEventCover(userClient(stranger.id), event.id, { hash, alt: '他人の写真' })
		).toBe(false);
		expect(await setEventCover(userClient(member.id), event.id, { hash, alt: '会員の写真' })).toBe(
			false
		);
		const anon = await anonClient()
			.from('events')
			.update({ cover_image_hash: hash, cover_alt: 'x' })
			.eq('id', event.id)
			.select('id');
		expect(anon.error?.code).toBe('42501');
		expect((await findEvent(anonClient(), event.id))?.cover).toBeNull();

		expect(await setEventCover(userClient(editor.id), event.id, { hash, alt: '会場の様子' })).toBe(
			true
		);
		expect((await findEvent(anonClient(), event.id))?.cover).toEqual({
			hash,
			width: 1200,
			height: 800,
			alt: '会場の様子'
		});
		expect(await setEventCover(userClient(owner.id), event.id, null)).toBe(true);
		expect((await findEvent(anonClient(), event.id))?.cover).toBeNull();
	});

	it('a cover without a description is refused by the database', async () => {
		const event = await createEvent(owner.id, { organizationId: orgId });
		const { error } = await userClient(owner.id)
			.from('events')
			.update({ cover_image_hash: await storedImageHash(), cover_alt: ' ' })
			.eq('id', event.id);
		expect(error?.code).toBe('23514');
		expect((await findEvent(userClient(owner.id), event.id))?.cover).toBeNull();
	});
});

describe('organization logos', () => {
	it('owners and editors set the logo; members, others and anon cannot', async () => {
		const hash = await storedImageHash();
		expect(await setOrganizationLogo(userClient(member.id), orgId, hash)).toBe(false);
		expect(await setOrganizationLogo(userClient(stranger.id), orgId, hash)).toBe(false);
		const anon = await anonClient()
			.from('organizations')
			.update({ logo_image_hash: hash })
			.eq('id', orgId)
			.select('id');
		expect(anon.error?.code).toBe('42501');
		expect((await findOrganization(anonClient(), orgSlug))?.logo).toBeNull();
		expect(await setOrganizationLogo(userClient(editor.id), orgId, hash)).toBe(true);
		expect((await findOrganization(anonClient(), orgSlug))?.logo).toEqual({
			hash,
			width: 1200,
			height: 800
		});
		expect(await setOrganizationLogo(userClient(owner.id), orgId, null)).toBe(true);
		expect((await findOrganization(anonClient(), orgSlug))?.logo).toBeNull();
	});
});
