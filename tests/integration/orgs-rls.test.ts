// Organizations through PostgREST with real tokens: who may see, change,
// verify, hide, invite and join — and every refusal.
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

type User = { id: string; email: string };
let owner: User, editor: User, stranger: User, coordinator: User;
let areaIds: string[];
let fieldId: string;

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const slug = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

async function createOrg(user: User, overrides: Record<string, unknown> = {}) {
	const { data, error } = await userClient(user.id).rpc('create_organization', {
		p_slug: slug('test-org'),
		p_name: '常盤平子ども食堂テスト',
		p_kana: 'ときわだいらこどもしょくどうてすと',
		p_kind: 'npo',
		p_municipality_wide: false,
		p_description: '毎月の子ども食堂です。',
		p_contact_email: '',
		p_contact_phone: '',
		p_website: '',
		p_area_ids: areaIds,
		p_field_ids: [fieldId],
		...overrides
	});
	if (error) throw new Error(error.message);
	return data;
}

beforeAll(async () => {
	[owner, editor, stranger, coordinator] = await Promise.all([
		createTestUser('代表 さん'),
		createTestUser('編集 さん'),
		createTestUser('他人 さん'),
		createTestUser('コーディ さん')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	const { data: areas } = await serviceClient()
		.from('areas')
		.select('id')
		.in('slug', ['tokiwadaira', 'kogane']);
	areaIds = areas!.map((a) => a.id);
	const { data: field } = await serviceClient()
		.from('fields')
		.select('id')
		.eq('slug', 'children')
		.single();
	fieldId = field!.id;
});

describe('creating and reading', () => {
	it('a member creates an organization with areas and fields in one call and becomes its owner', async () => {
		const org = await createOrg(owner);
		const { data: members } = await userClient(owner.id)
			.from('organization_members')
			.select('user_id, role')
			.eq('organization_id', org.id);
		expect(members).toEqual([{ user_id: owner.id, role: 'owner' }]);
		const { count } = await anonClient()
			.from('organization_areas')
			.select('*', { count: 'exact', head: true })
			.eq('organization_id', org.id);
		expect(count).toBe(2);
	});

	it('anon reads organizations but cannot create one', async () => {
		const org = await createOrg(owner);
		const { data } = await anonClient()
			.from('organizations')
			.select('name')
			.eq('id', org.id)
			.single();
		expect(data?.name).toBe('常盤平子ども食堂テスト');
		const { error } = await anonClient().rpc('create_organization', {
			p_slug: slug('anon'),
			p_name: 'x',
			p_kana: '',
			p_kind: 'npo',
			p_municipality_wide: true,
			p_description: '',
			p_contact_email: '',
			p_contact_phone: '',
			p_website: '',
			p_area_ids: [],
			p_field_ids: []
		});
		expect(error?.code).toBe('42501');
		const insert = await anonClient()
			.from('organizations')
			.insert({ slug: slug('anon'), name: 'x', kind: 'npo' });
		expect(insert.error?.code).toBe('42501');
	});

	it('nothing half-written: a bad area id leaves no organization behind', async () => {
		const s = slug('half');
		await expect(
			createOrg(owner, { p_slug: s, p_area_ids: ['00000000-0000-4000-8000-00000000dead'] })
		).rejects.toThrow();
		const { count } = await serviceClient()
			.from('organizations')
			.select('*', { count: 'exact', head: true })
			.eq('slug', s);
		expect(count).toBe(0);
	});

	it('a duplicate slug is refused by the database', async () => {
		const org = await createOrg(owner);
		await expect(createOrg(owner, { p_slug: org.slug })).rejects.toThrow(/organizations_slug_key/);
	});
});

describe('changing', () => {
	it('a stranger cannot edit, re-area, add members or read invitations', async () => {
		const org = await createOrg(owner);
		const db = userClient(stranger.id);
		const update = await db
			.from('organizations')
			.update({ name: '乗っ取り' })
			.eq('id', org.id)
			.select();
		expect(update.data).toEqual([]);
		const rpc = await db.rpc('update_organization', {
			p_id: org.id,
			p_name: '乗っ取り',
			p_kana: '',
			p_kind: 'npo',
			p_municipality_wide: true,
			p_description: '',
			p_contact_email: '',
			p_contact_phone: '',
			p_website: '',
			p_area_ids: [],
			p_field_ids: []
		});
		expect(rpc.error?.code).toBe('42501');
		expect(
			(await db.from('organization_areas').insert({ organization_id: org.id, area_id: areaIds[0] }))
				.error?.code
		).toBe('42501');
		expect(
			(await db.from('organization_areas').delete().eq('organization_id', org.id).select()).data
		).toEqual([]);
		expect(
			(
				await db
					.from('organization_members')
					.insert({ organization_id: org.id, user_id: stranger.id, role: 'owner' })
			).error?.code
		).toBe('42501');
		expect(
			(await db.from('organization_invitations').select('id').eq('organization_id', org.id)).data
		).toEqual([]);
		const { data } = await serviceClient()
			.from('organizations')
			.select('name')
			.eq('id', org.id)
			.single();
		expect(data?.name).toBe('常盤平子ども食堂テスト');
	});

	it('only coordinators verify or hide; owners cannot verify themselves', async () => {
		const org = await createOrg(owner);
		const self = await userClient(owner.id)
			.from('organizations')
			.update({ verified_at: new Date().toISOString() })
			.eq('id', org.id);
		expect(self.error?.code).toBe('42501');
		const hideSelf = await userClient(owner.id)
			.from('organizations')
			.update({ hidden_at: null, hidden_reason: 'x' })
			.eq('id', org.id);
		expect(hideSelf.error?.code).toBe('42501');
		const verify = await userClient(coordinator.id)
			.from('organizations')
			.update({ verified_at: new Date().toISOString(), verified_by: coordinator.id })
			.eq('id', org.id)
			.select('verified_at');
		expect(verify.error).toBeNull();
		expect(verify.data?.[0].verified_at).not.toBeNull();
	});

	it('a hidden organization disappears for the public but stays visible, with its reason, to owners and coordinators', async () => {
		const org = await createOrg(owner, { p_name: '非表示テスト団体' });
		const hide = await userClient(coordinator.id)
			.from('organizations')
			.update({
				hidden_at: new Date().toISOString(),
				hidden_by: coordinator.id,
				hidden_reason: '連絡先が確認できません'
			})
			.eq('id', org.id);
		expect(hide.error).toBeNull();
		expect((await anonClient().from('organizations').select('id').eq('id', org.id)).data).toEqual(
			[]
		);
		expect(
			(await userClient(stranger.id).from('organizations').select('id').eq('id', org.id)).data
		).toEqual([]);
		const mine = await userClient(owner.id)
			.from('organizations')
			.select('hidden_reason')
			.eq('id', org.id)
			.single();
		expect(mine.data?.hidden_reason).toBe('連絡先が確認できません');
		const listed = await userClient(owner.id).rpc('search_organizations', { p_q: '非表示テスト' });
		expect(listed.data?.map((o) => o.id)).not.toContain(org.id);
		// coordinators find hidden ones again; for the public there are none
		const hiddenForCoordinator = await userClient(coordinator.id).rpc('search_organizations', {
			p_hidden: true
		});
		expect(hiddenForCoordinator.data?.map((o) => o.id)).toContain(org.id);
		const hiddenForAnon = await anonClient().rpc('search_organizations', { p_hidden: true });
		expect(hiddenForAnon.data?.map((o) => o.id)).not.toContain(org.id);
	});
});

describe('invitations and members', () => {
	it('a link invitation works once, within 7 days, and makes an editor who can edit but not manage members', async () => {
		const org = await createOrg(owner);
		const token = randomBytes(20).toString('hex');
		const invite = await userClient(owner.id)
			.from('organization_invitations')
			.insert({ organization_id: org.id, role: 'editor', token_hash: sha(token) });
		expect(invite.error).toBeNull();
		// a stranger cannot create invitations for someone else's organization
		const forged = await userClient(stranger.id)
			.from('organization_invitations')
			.insert({ organization_id: org.id, role: 'editor', token_hash: sha('forged') });
		expect(forged.error?.code).toBe('42501');

		const accepted = await userClient(editor.id).rpc('accept_organization_invitation', {
			p_token_hash: sha(token)
		});
		expect(accepted.error).toBeNull();
		expect(accepted.data).toBe(org.slug);
		const again = await userClient(stranger.id).rpc('accept_organization_invitation', {
			p_token_hash: sha(token)
		});
		expect(again.error?.hint).toBe('invalid_invitation');

		const edit = await userClient(editor.id).rpc('update_organization', {
			p_id: org.id,
			p_name: org.name,
			p_kana: '',
			p_kind: 'npo',
			p_municipality_wide: true,
			p_description: '編集者が書き直しました',
			p_contact_email: '',
			p_contact_phone: '',
			p_website: '',
			p_area_ids: [],
			p_field_ids: []
		});
		expect(edit.error).toBeNull();
		const promote = await userClient(editor.id)
			.from('organization_members')
			.update({ role: 'owner' })
			.eq('organization_id', org.id)
			.eq('user_id', editor.id)
			.select();
		expect(promote.data).toEqual([]);
		const kick = await userClient(editor.id)
			.from('organization_members')
			.delete()
			.eq('organization_id', org.id)
			.eq('user_id', owner.id)
			.select();
		expect(kick.data).toEqual([]);
	});

	it('an expired link is refused', async () => {
		const org = await createOrg(owner);
		const token = randomBytes(20).toString('hex');
		await serviceClient()
			.from('organization_invitations')
			.insert({
				organization_id: org.id,
				role: 'member',
				token_hash: sha(token),
				created_by: owner.id,
				expires_at: new Date(Date.now() - 1000).toISOString()
			});
		const { error } = await userClient(stranger.id).rpc('accept_organization_invitation', {
			p_token_hash: sha(token)
		});
		expect(error?.hint).toBe('invalid_invitation');
		const { count } = await serviceClient()
			.from('organization_members')
			.select('*', { count: 'exact', head: true })
			.eq('organization_id', org.id)
			.eq('user_id', stranger.id);
		expect(count).toBe(0);
	});

	it('invitations by email reach only existing accounts, and only owners send them', async () => {
		const org = await createOrg(owner);
		const sent = await userClient(owner.id).rpc('invite_organization_member', {
			p_org: org.id,
			p_email: stranger.email.toUpperCase(),
			p_role: 'member'
		});
		expect(sent.error).toBeNull();
		expect(sent.data).toBe('invited');
		const theirs = await userClient(stranger.id)
			.from('organization_invitations')
			.select('organization_id, role')
			.eq('invitee_id', stranger.id);
		expect(theirs.data).toContainEqual({ organization_id: org.id, role: 'member' });
		const unknown = await userClient(owner.id).rpc('invite_organization_member', {
			p_org: org.id,
			p_email: 'nobody@test.example',
			p_role: 'member'
		});
		expect(unknown.error).toBeNull();
		expect(unknown.data).toBe('no_account');
		const self = await userClient(owner.id).rpc('invite_organization_member', {
			p_org: org.id,
			p_email: owner.email,
			p_role: 'member'
		});
		expect(self.data).toBe('already_member');
		const notOwner = await userClient(stranger.id).rpc('invite_organization_member', {
			p_org: org.id,
			p_email: editor.email,
			p_role: 'editor'
		});
		expect(notOwner.error?.code).toBe('42501');
		expect(notOwner.error?.hint).toBe('not_owner');
		const asOwner = await userClient(owner.id).rpc('invite_organization_member', {
			p_org: org.id,
			p_email: editor.email,
			p_role: 'owner'
		});
		expect(asOwner.error?.hint).toBe('owner_by_transfer');
	});

	it('invitations by email are limited to 20 an hour per member, whatever their answer', async () => {
		const prober = await createTestUser('探り さん');
		const org = await createOrg(prober);
		const db = userClient(prober.id);
		const invite = (email: string) =>
			db.rpc('invite_organization_member', { p_org: org.id, p_email: email, p_role: 'member' });
		const answers: (string | null)[] = [];
		for (let i = 0; i < 19; i++) {
			const { data, error } = await invite(
				`probe-${i}-${randomBytes(3).toString('hex')}@test.example`
			);
			expect(error).toBeNull();
			answers.push(data);
		}
		expect(answers.every((a) => a === 'no_account')).toBe(true);
		const twentieth = await invite(editor.email);
		expect(twentieth.data).toBe('invited');

		// the 21st gets no answer at all, for an existing account or not
		for (const email of [stranger.email, 'nobody-else@test.example']) {
			const refused = await invite(email);
			expect(refused.data).toBeNull();
			expect(refused.error?.hint).toBe('throttled');
		}
		const { count } = await serviceClient()
			.from('organization_invitations')
			.select('*', { count: 'exact', head: true })
			.eq('organization_id', org.id)
			.eq('invitee_id', stranger.id);
		expect(count).toBe(0);
		// link invitations are not limited, and other members are not affected
		const link = await db.from('organization_invitations').insert({
			organization_id: org.id,
			role: 'member',
			token_hash: sha(randomBytes(20).toString('hex'))
		});
		expect(link.error).toBeNull();
		const other = await createOrg(owner);
		const theirs = await userClient(owner.id).rpc('invite_organization_member', {
			p_org: other.id,
			p_email: stranger.email,
			p_role: 'member'
		});
		expect(theirs.data).toBe('invited');

		// an hour later it works again
		const aged = await serviceClient()
			.from('email_invitation_attempts')
			.update({ created_at: new Date(Date.now() - 61 * 60_000).toISOString() })
			.eq('user_id', prober.id);
		expect(aged.error).toBeNull();
		expect((await invite(stranger.email)).data).toBe('invited');
	});

	it('nobody reads or writes the count of invitations but the database itself', async () => {
		for (const db of [anonClient(), userClient(stranger.id)]) {
			const read = await db.from('email_invitation_attempts').select('*').eq('user_id', owner.id);
			expect(read.error?.code).toBe('42501');
			const write = await db.from('email_invitation_attempts').insert({ user_id: stranger.id });
			expect(write.error?.code).toBe('42501');
			const wipe = await db.from('email_invitation_attempts').delete().eq('user_id', stranger.id);
			expect(wipe.error?.code).toBe('42501');
		}
	});

	it('the last owner cannot leave or step down; after a transfer they can', async () => {
		const org = await createOrg(owner);
		const token = randomBytes(20).toString('hex');
		await userClient(owner.id)
			.from('organization_invitations')
			.insert({ organization_id: org.id, role: 'member', token_hash: sha(token) });
		await userClient(stranger.id).rpc('accept_organization_invitation', {
			p_token_hash: sha(token)
		});

		const leave = await userClient(owner.id)
			.from('organization_members')
			.delete()
			.eq('organization_id', org.id)
			.eq('user_id', owner.id);
		expect(leave.error?.hint).toBe('last_owner');
		const demote = await userClient(owner.id)
			.from('organization_members')
			.update({ role: 'member' })
			.eq('organization_id', org.id)
			.eq('user_id', owner.id);
		expect(demote.error?.hint).toBe('last_owner');

		const transfer = await userClient(owner.id).rpc('transfer_organization_ownership', {
			p_org: org.id,
			p_to: stranger.id
		});
		expect(transfer.error).toBeNull();
		const { data: roles } = await serviceClient()
			.from('organization_members')
			.select('user_id, role')
			.eq('organization_id', org.id)
			.order('role');
		expect(roles).toEqual(
			expect.arrayContaining([
				{ user_id: stranger.id, role: 'owner' },
				{ user_id: owner.id, role: 'editor' }
			])
		);
		const left = await userClient(owner.id)
			.from('organization_members')
			.delete()
			.eq('organization_id', org.id)
			.eq('user_id', owner.id);
		expect(left.error).toBeNull();
	});
});

describe('who sees memberships', () => {
	// owner, editor and plain member do not list their profile; `listedOne` does
	let org: { id: string };
	let orgOwner: User, orgEditor: User, plain: User, listedOne: User;
	const ids = (rows: { user_id: string }[] | null) => (rows ?? []).map((r) => r.user_id).sort();
	const membersSeenBy = async (db: ReturnType<typeof anonClient>) => {
		const { data, error } = await db
			.from('organization_members')
			.select('user_id')
			.eq('organization_id', org.id);
		expect(error).toBeNull();
		return ids(data);
	};

	beforeAll(async () => {
		[orgOwner, orgEditor, plain, listedOne] = await Promise.all([
			createTestUser('非公開の代表'),
			createTestUser('非公開の編集者'),
			createTestUser('非公開の会員'),
			createTestUser('公開の会員')
		]);
		await serviceClient().from('profiles').update({ listed: true }).eq('id', listedOne.id);
		org = await createOrg(orgOwner);
		const added = await serviceClient()
			.from('organization_members')
			.insert([
				{ organization_id: org.id, user_id: orgEditor.id, role: 'editor' },
				{ organization_id: org.id, user_id: plain.id, role: 'member' },
				{ organization_id: org.id, user_id: listedOne.id, role: 'member' }
			]);
		expect(added.error).toBeNull();
	});

	it('anon sees only the members who list their profile, also when asking for someone by id', async () => {
		expect(await membersSeenBy(anonClient())).toEqual([listedOne.id]);
		const byId = await anonClient()
			.from('organization_members')
			.select('organization_id, role')
			.in('user_id', [orgOwner.id, plain.id]);
		expect(byId.error).toBeNull();
		expect(byId.data).toEqual([]);
		// nor through a profile or an organization embedding its members
		const embedded = await anonClient()
			.from('organizations')
			.select('organization_members(user_id)')
			.eq('id', org.id)
			.single();
		expect(ids(embedded.data?.organization_members ?? null)).toEqual([listedOne.id]);
	});

	it('another member sees only the members who list their profile', async () => {
		expect(await membersSeenBy(userClient(stranger.id))).toEqual([listedOne.id]);
		const byId = await userClient(stranger.id)
			.from('organization_members')
			.select('role')
			.eq('user_id', plain.id);
		expect(byId.data).toEqual([]);
	});

	it('a plain member of the organization sees the listed ones and themself, not the unlisted others', async () => {
		expect(await membersSeenBy(userClient(plain.id))).toEqual([listedOne.id, plain.id].sort());
	});

	it('owners and editors see all of their members; coordinators see everyone', async () => {
		const all = [orgOwner.id, orgEditor.id, plain.id, listedOne.id].sort();
		expect(await membersSeenBy(userClient(orgOwner.id))).toEqual(all);
		expect(await membersSeenBy(userClient(orgEditor.id))).toEqual(all);
		expect(await membersSeenBy(userClient(coordinator.id))).toEqual(all);
	});

	it('a person always sees their own memberships', async () => {
		const { data } = await userClient(plain.id)
			.from('organization_members')
			.select('organization_id, role')
			.eq('user_id', plain.id);
		expect(data).toEqual([{ organization_id: org.id, role: 'member' }]);
	});

	it('the number of members is public, who they are is not; a hidden organization has none for anon', async () => {
		const count = await anonClient().rpc('organization_member_count', { p_org: org.id });
		expect(count.error).toBeNull();
		expect(count.data).toBe(4);
		const hidden = await createOrg(owner);
		await serviceClient()
			.from('organization_members')
			.insert({ organization_id: hidden.id, user_id: listedOne.id, role: 'member' });
		await serviceClient()
			.from('organizations')
			.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
			.eq('id', hidden.id);
		expect(
			(await anonClient().rpc('organization_member_count', { p_org: hidden.id })).data
		).toBeNull();
		const listedInHidden = await anonClient()
			.from('organization_members')
			.select('user_id')
			.eq('organization_id', hidden.id);
		expect(listedInHidden.data).toEqual([]);
		expect(
			(await userClient(owner.id).rpc('organization_member_count', { p_org: hidden.id })).data
		).toBe(2);
	});

	it('a stranger still cannot change or remove anyone’s membership', async () => {
		const change = await userClient(stranger.id)
			.from('organization_members')
			.update({ role: 'owner' })
			.eq('organization_id', org.id)
			.eq('user_id', listedOne.id)
			.select();
		expect(change.data).toEqual([]);
		const remove = await userClient(stranger.id)
			.from('organization_members')
			.delete()
			.eq('organization_id', org.id)
			.eq('user_id', listedOne.id)
			.select();
		expect(remove.data).toEqual([]);
		const { count } = await serviceClient()
			.from('organization_members')
			.select('*', { count: 'exact', head: true })
			.eq('organization_id', org.id);
		expect(count).toBe(4);
	});
});

describe('search', () => {
	it('finds Japanese substrings of two characters, folds katakana and full-width letters, and takes % literally', async () => {
		const org = await createOrg(owner, {
			p_name: 'ＡＢＣみんなの子ども食堂',
			p_kana: 'えーびーしーみんなのこどもしょくどう'
		});
		const ids = async (q: string) =>
			((await anonClient().rpc('search_organizations', { p_q: q })).data ?? []).map((o) => o.id);
		expect(await ids('食堂')).toContain(org.id);
		expect(await ids('ミンナ')).toContain(org.id);
		expect(await ids('abc')).toContain(org.id);
		expect(await ids('%')).not.toContain(org.id);
		expect(await ids('食堂ではない')).not.toContain(org.id);
	});

	it('filters by area (municipality-wide ones count everywhere) and field', async () => {
		const local = await createOrg(owner);
		const wide = await createOrg(owner, { p_municipality_wide: true, p_area_ids: [] });
		const { data: elsewhere } = await serviceClient()
			.from('areas')
			.select('id')
			.eq('slug', 'yagiri')
			.single();
		const inYagiri = (
			(await anonClient().rpc('search_organizations', { p_area: elsewhere!.id })).data ?? []
		).map((o) => o.id);
		expect(inYagiri).toContain(wide.id);
		expect(inYagiri).not.toContain(local.id);
		const inField = (
			(await anonClient().rpc('search_organizations', { p_field: fieldId })).data ?? []
		).map((o) => o.id);
		expect(inField).toEqual(expect.arrayContaining([local.id, wide.id]));
	});
});
