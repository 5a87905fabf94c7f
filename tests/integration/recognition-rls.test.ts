// Awards, nominations, thanks and programmes through PostgREST with real
// tokens: who may read and write what, and every refusal (with its hint).
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import {
	addMember,
	createCoordinator,
	createOrg,
	createPractice,
	listProfile,
	noticesOf,
	type User
} from '../support/recognition';

let owner: User, editor: User, member: User, other: User, coordinator: User, person: User;
let orgId: string, practiceId: string, draftId: string;

const award = (over: Record<string, unknown> = {}) => ({
	organization_id: orgId,
	name: '令和8年度 地域づくり大賞',
	citation: '長年の見守り活動に感謝します。',
	awarded_on: '2026-12-02',
	...over
});

beforeAll(async () => {
	[owner, editor, member, other, person] = await Promise.all([
		createTestUser('代表 さん'),
		createTestUser('編集 さん'),
		createTestUser('会員 さん'),
		createTestUser('住民 さん'),
		createTestUser('表彰される さん')
	]);
	coordinator = await createCoordinator();
	orgId = (await createOrg(owner)).id;
	await addMember(orgId, editor, 'editor');
	await addMember(orgId, member, 'member');
	practiceId = await createPractice(orgId);
	draftId = await createPractice(orgId, { status: 'draft' });
	await listProfile(person);
});

describe('awards', () => {
	it('only coordinators give, change and delete awards', async () => {
		const refused = await userClient(other.id).from('awards').insert(award()).select('id');
		expect(refused.error?.code).toBe('42501');
		const anon = await anonClient().from('awards').insert(award()).select('id');
		expect(anon.error).not.toBeNull();
		// an editor of the organization cannot award it either
		const own = await userClient(owner.id).from('awards').insert(award()).select('id');
		expect(own.error?.code).toBe('42501');

		const given = await userClient(coordinator.id)
			.from('awards')
			.insert(award())
			.select('id')
			.single();
		expect(given.error).toBeNull();
		const id = given.data!.id;

		const changed = await userClient(owner.id)
			.from('awards')
			.update({ name: '書き換え' })
			.eq('id', id)
			.select('id');
		expect(changed.data).toEqual([]);
		const deleted = await userClient(owner.id).from('awards').delete().eq('id', id).select('id');
		expect(deleted.data).toEqual([]);
		const { data: still } = await anonClient().from('awards').select('name').eq('id', id).single();
		expect(still?.name).toBe('令和8年度 地域づくり大賞');

		const ok = await userClient(coordinator.id)
			.from('awards')
			.update({ name: '大賞' })
			.eq('id', id)
			.select('name');
		expect(ok.data).toEqual([{ name: '大賞' }]);
		const gone = await userClient(coordinator.id).from('awards').delete().eq('id', id).select('id');
		expect(gone.data).toHaveLength(1);
	});

	it('a practice award needs a published practice; a person award a public profile; one recipient', async () => {
		const draft = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ organization_id: null, practice_id: draftId }))
			.select('id');
		expect(draft.error?.hint).toBe('not_published');
		const unlisted = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ organization_id: null, profile_id: other.id }))
			.select('id');
		expect(unlisted.error?.hint).toBe('not_listed');
		const two = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ practice_id: practiceId }))
			.select('id');
		expect(two.error?.code).toBe('23514');
		const long = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ citation: 'あ'.repeat(601) }))
			.select('id');
		expect(long.error?.hint).toBe('bad_length');
	});

	it('the recipient is told: the person, or the owners and editors (not plain members)', async () => {
		const { data } = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ organization_id: null, practice_id: practiceId }))
			.select('id')
			.single();
		const toOwner = await noticesOf(owner, 'award_received');
		const toEditor = await noticesOf(editor, 'award_received');
		const toMember = await noticesOf(member, 'award_received');
		expect(toOwner.map((n) => n.award_id)).toContain(data!.id);
		expect(toEditor.map((n) => n.award_id)).toContain(data!.id);
		expect(toMember.map((n) => n.award_id)).not.toContain(data!.id);
		expect(toOwner.find((n) => n.award_id === data!.id)?.practice_id).toBe(practiceId);

		const personal = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ organization_id: null, profile_id: person.id }))
			.select('id')
			.single();
		expect((await noticesOf(person, 'award_received')).map((n) => n.award_id)).toEqual([
			personal.data!.id
		]);
		// everyone reads it, the 年度 computed from the date
		const { data: read } = await anonClient()
			.from('awards')
			.select('fiscal_year')
			.eq('id', personal.data!.id)
			.single();
		expect(read?.fiscal_year).toBe(2026);
	});

	it('the 年度 runs April to March', async () => {
		const c = userClient(coordinator.id);
		const march = await c
			.from('awards')
			.insert(award({ awarded_on: '2027-03-31' }))
			.select('fiscal_year')
			.single();
		const april = await c
			.from('awards')
			.insert(award({ awarded_on: '2027-04-01' }))
			.select('fiscal_year')
			.single();
		expect(march.data?.fiscal_year).toBe(2026);
		expect(april.data?.fiscal_year).toBe(2027);
	});
});

describe('nominations', () => {
	it('a member nominates; only they and coordinators read it', async () => {
		const { data, error } = await userClient(other.id)
			.from('nominations')
			.insert({ practice_id: practiceId, reason: '子どもたちの居場所になっています。' })
			.select('id, status')
			.single();
		expect(error).toBeNull();
		expect(data?.status).toBe('open');
		const byOther = await userClient(member.id).from('nominations').select('id').eq('id', data!.id);
		expect(byOther.data).toEqual([]);
		const byAnon = await anonClient().from('nominations').select('id').eq('id', data!.id);
		expect(byAnon.data ?? []).toEqual([]);
		const own = await userClient(other.id).from('nominations').select('id').eq('id', data!.id);
		expect(own.data).toHaveLength(1);
		const coord = await userClient(coordinator.id)
			.from('nominations')
			.select('reason')
			.eq('id', data!.id);
		expect(coord.data?.[0]?.reason).toBe('子どもたちの居場所になっています。');
		// the nominator cannot mark it answered
		const forged = await userClient(other.id)
			.from('nominations')
			.update({ status: 'awarded' })
			.eq('id', data!.id)
			.select('id');
		expect(forged.error ?? forged.data?.length === 0).toBeTruthy();
	});

	it('a reason is required and at most 1000 characters; drafts cannot be nominated', async () => {
		const empty = await userClient(other.id)
			.from('nominations')
			.insert({ organization_id: orgId, reason: '  ' });
		expect(empty.error?.hint).toBe('bad_length');
		const long = await userClient(other.id)
			.from('nominations')
			.insert({ organization_id: orgId, reason: 'あ'.repeat(1001) });
		expect(long.error?.hint).toBe('bad_length');
		// a draft is not even visible to a stranger: the policy refuses
		const draft = await userClient(other.id)
			.from('nominations')
			.insert({ practice_id: draftId, reason: '理由' });
		expect(draft.error).not.toBeNull();
		// its own editor sees the draft, and is told it is not published
		const byEditor = await userClient(editor.id)
			.from('nominations')
			.insert({ practice_id: draftId, reason: '理由' });
		expect(byEditor.error?.hint).toBe('not_published');
		const anon = await anonClient()
			.from('nominations')
			.insert({ organization_id: orgId, reason: '理由' });
		expect(anon.error).not.toBeNull();
	});

	it('coordinators close one with a note, once; the nominator is told', async () => {
		const { data } = await userClient(other.id)
			.from('nominations')
			.insert({ organization_id: orgId, reason: '見守り' })
			.select('id')
			.single();
		const byMember = await userClient(other.id).rpc('close_nomination', {
			p_nomination: data!.id,
			p_note: 'x'
		});
		expect(byMember.error?.hint).toBe('forbidden');
		const closed = await userClient(coordinator.id).rpc('close_nomination', {
			p_nomination: data!.id,
			p_note: '来年度にまた検討します'
		});
		expect(closed.error).toBeNull();
		const again = await userClient(coordinator.id).rpc('close_nomination', {
			p_nomination: data!.id
		});
		expect(again.error?.hint).toBe('already_answered');
		const notices = await noticesOf(other, 'nomination_answered');
		expect(notices.find((n) => n.nomination_id === data!.id)?.detail).toBe(
			'来年度にまた検討します'
		);
		const { data: row } = await userClient(other.id)
			.from('nominations')
			.select('status, note')
			.eq('id', data!.id)
			.single();
		expect(row).toEqual({ status: 'closed', note: '来年度にまた検討します' });
	});

	it('an award naming a nomination closes it as awarded and tells the nominator; only once', async () => {
		const { data: nom } = await userClient(other.id)
			.from('nominations')
			.insert({ practice_id: practiceId, reason: '推薦します' })
			.select('id')
			.single();
		const { data: given, error } = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ organization_id: null, practice_id: practiceId, nomination_id: nom!.id }))
			.select('id')
			.single();
		expect(error).toBeNull();
		const { data: row } = await userClient(other.id)
			.from('nominations')
			.select('status')
			.eq('id', nom!.id)
			.single();
		expect(row?.status).toBe('awarded');
		const told = (await noticesOf(other, 'nomination_answered')).find(
			(n) => n.nomination_id === nom!.id
		);
		expect(told?.award_id).toBe(given!.id);
		const twice = await userClient(coordinator.id)
			.from('awards')
			.insert(award({ nomination_id: nom!.id }))
			.select('id');
		expect(twice.error).not.toBeNull();
	});
});

describe('thanks', () => {
	it('a message of 140 characters passes, 141 is refused; nobody thanks twice a Tokyo day', async () => {
		const c = userClient(other.id);
		const long = await c
			.from('thanks')
			.insert({ organization_id: orgId, message: 'あ'.repeat(141) });
		expect(long.error?.hint).toBe('bad_length');
		const ok = await c
			.from('thanks')
			.insert({ organization_id: orgId, message: 'い'.repeat(140) })
			.select('id')
			.single();
		expect(ok.error).toBeNull();
		const again = await c.from('thanks').insert({ organization_id: orgId, message: 'もう一度' });
		expect(again.error?.hint).toBe('already_thanked');
		// yesterday's thanks (Tokyo) does not count: the next day one may thank again
		const yesterday = new Date(Date.now() - 26 * 3600 * 1000).toISOString();
		const moved = await serviceClient()
			.from('thanks')
			.update({ created_at: yesterday })
			.eq('id', ok.data!.id)
			.select('tokyo_day')
			.single();
		expect(moved.error).toBeNull();
		const next = await c
			.from('thanks')
			.insert({ organization_id: orgId, message: '今日も' })
			.select('id');
		expect(next.error).toBeNull();
		const { count } = await anonClient()
			.from('thanks')
			.select('id', { count: 'exact', head: true })
			.eq('organization_id', orgId);
		expect(count).toBe(2);
	});

	it("not oneself, not one's own organization, not its practice; anon cannot thank", async () => {
		const self = await userClient(person.id).from('thanks').insert({ profile_id: person.id });
		expect(self.error?.hint).toBe('own_thanks');
		const ownOrg = await userClient(member.id).from('thanks').insert({ organization_id: orgId });
		expect(ownOrg.error?.hint).toBe('own_thanks');
		const ownPractice = await userClient(editor.id)
			.from('thanks')
			.insert({ practice_id: practiceId });
		expect(ownPractice.error?.hint).toBe('own_thanks');
		const anon = await anonClient().from('thanks').insert({ organization_id: orgId });
		expect(anon.error).not.toBeNull();
		const draft = await userClient(other.id).from('thanks').insert({ practice_id: draftId });
		expect(draft.error).not.toBeNull();
	});

	it("a practice's owners and editors are told; a person is told", async () => {
		const thanker = await createTestUser('感謝 さん');
		const { data } = await userClient(thanker.id)
			.from('thanks')
			.insert({ practice_id: practiceId, message: 'ありがとう！' })
			.select('id')
			.single();
		expect((await noticesOf(owner, 'thanks_received')).map((n) => n.thanks_id)).toContain(data!.id);
		expect((await noticesOf(editor, 'thanks_received')).map((n) => n.thanks_id)).toContain(
			data!.id
		);
		expect((await noticesOf(member, 'thanks_received')).map((n) => n.thanks_id)).not.toContain(
			data!.id
		);
		const toPerson = await userClient(thanker.id)
			.from('thanks')
			.insert({ profile_id: person.id })
			.select('id')
			.single();
		expect((await noticesOf(person, 'thanks_received')).map((n) => n.thanks_id)).toContain(
			toPerson.data!.id
		);
	});

	it('reported and hidden like posts: coordinators only, logged, reports closed; hidden ones are private', async () => {
		const thanker = await createTestUser('書いた さん');
		const reporter = await createTestUser('報告 さん');
		const { data: t } = await userClient(thanker.id)
			.from('thanks')
			.insert({ organization_id: orgId, message: '電話番号は090-…' })
			.select('id')
			.single();
		const report = await userClient(reporter.id)
			.from('reports')
			.insert({ thanks_id: t!.id, reason: 'personal_info' })
			.select('id')
			.single();
		expect(report.error).toBeNull();
		const twice = await userClient(reporter.id)
			.from('reports')
			.insert({ thanks_id: t!.id, reason: 'spam' });
		expect(twice.error?.hint).toBe('already_reported');
		const queue = await userClient(coordinator.id).rpc('report_queue', { p_limit: 100 });
		const item = queue.data?.find((i) => i.thanks_id === t!.id);
		expect(item?.item_kind).toBe('thanks');
		expect(item?.body).toBe('電話番号は090-…');

		const byMember = await userClient(other.id).rpc('hide_thanks', {
			p_thanks: t!.id,
			p_reason: '個人情報'
		});
		expect(byMember.error?.hint).toBe('forbidden');
		const noReason = await userClient(coordinator.id).rpc('hide_thanks', {
			p_thanks: t!.id,
			p_reason: ''
		});
		expect(noReason.error?.hint).toBe('bad_length');
		const hidden = await userClient(coordinator.id).rpc('hide_thanks', {
			p_thanks: t!.id,
			p_reason: '個人情報'
		});
		expect(hidden.error).toBeNull();

		expect((await anonClient().from('thanks').select('id').eq('id', t!.id)).data).toEqual([]);
		expect((await userClient(other.id).from('thanks').select('id').eq('id', t!.id)).data).toEqual(
			[]
		);
		expect(
			(await userClient(thanker.id).from('thanks').select('hidden_at').eq('id', t!.id)).data
		).toHaveLength(1);
		const { data: r } = await userClient(reporter.id)
			.from('reports')
			.select('status')
			.eq('id', report.data!.id)
			.single();
		expect(r?.status).toBe('handled');
		const { data: log } = await userClient(coordinator.id)
			.from('moderation_log')
			.select('action, thanks_id, member_id, reason')
			.eq('thanks_id', t!.id);
		expect(log).toEqual([
			{ action: 'hide_thanks', thanks_id: t!.id, member_id: thanker.id, reason: '個人情報' }
		]);
		// the reporter is told
		expect((await noticesOf(reporter, 'report_handled')).length).toBe(1);
	});
});

describe('programmes', () => {
	it('coordinators write; everyone reads a public one, nobody else a private one', async () => {
		const ev = await createEvent(coordinator.id, { title: '実践発表会', status: 'published' });
		const items = [
			{
				practice_id: practiceId,
				presenter: '代表 さん',
				paragraph: '居場所づくり',
				starts_at: '13:30'
			}
		];
		const byMember = await userClient(other.id).rpc('save_programme', {
			p_event: ev.id,
			p_title: '発表会',
			p_public: true,
			p_items: items
		});
		expect(byMember.error?.hint).toBe('forbidden');
		const saved = await userClient(coordinator.id).rpc('save_programme', {
			p_event: ev.id,
			p_title: '令和8年度 実践発表会',
			p_public: false,
			p_items: items
		});
		expect(saved.error).toBeNull();
		const id = saved.data!;
		expect((await anonClient().from('programmes').select('id').eq('id', id)).data).toEqual([]);
		expect(
			(await anonClient().from('programme_items').select('position').eq('programme_id', id)).data
		).toEqual([]);
		const draft = await userClient(coordinator.id).rpc('save_programme', {
			p_programme: id,
			p_event: ev.id,
			p_title: '令和8年度 実践発表会',
			p_public: true,
			p_items: [...items, { practice_id: draftId, presenter: 'x', paragraph: 'y' }]
		});
		expect(draft.error?.hint).toBe('not_published');
		const pub = await userClient(coordinator.id).rpc('save_programme', {
			p_programme: id,
			p_event: ev.id,
			p_title: '令和8年度 実践発表会',
			p_public: true,
			p_items: items
		});
		expect(pub.error).toBeNull();
		const { data: read } = await anonClient()
			.from('programme_items')
			.select('position, presenter, starts_at')
			.eq('programme_id', id);
		expect(read).toEqual([{ position: 1, presenter: '代表 さん', starts_at: '13:30:00' }]);
		const direct = await userClient(other.id).from('programme_items').insert({
			programme_id: id,
			position: 2,
			practice_id: practiceId,
			presenter: 'x',
			paragraph: 'y'
		});
		expect(direct.error).not.toBeNull();
	});
});
