// Recognition through the app's data layer against the real stack: the
// timeline's filters (年度, area, field of the practice or organization), what
// a recipient's page shows (awards, thanks), the notices page, and the mails
// the worker sends for an award, a closed nomination and a thanks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardsFor, awardTimeline } from '$lib/server/db/awards';
import { homeSections } from '$lib/server/db/home';
import { myNominations, nominate, nominationQueue } from '$lib/server/db/nominations';
import { listNotifications, NOTIFICATION_KINDS } from '$lib/server/db/notifications';
import { hideThanks, thank, thanksFor } from '$lib/server/db/thanks';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import {
	dropLeftoverMail,
	mailSettings,
	mailsTo,
	startMailbox,
	startWorkerProcess,
	stopWorkerProcess,
	type Mailbox,
	waitForMail
} from '../support/mail';
import {
	createCoordinator,
	createOrg,
	createPractice,
	listProfile,
	seedIds,
	suffix,
	type User
} from '../support/recognition';

let coordinator: User, owner: User, resident: User;
let areas: Map<string, string>, fields: Map<string, string>;

beforeAll(async () => {
	[owner, resident] = await Promise.all([createTestUser('代表 さん'), createTestUser('住民 さん')]);
	coordinator = await createCoordinator();
	areas = await seedIds('areas', ['tokiwadaira', 'kogane']);
	fields = await seedIds('fields', ['children', 'elderly']);
});

async function give(over: Record<string, unknown>) {
	const { data, error } = await userClient(coordinator.id)
		.from('awards')
		.insert({ name: `賞${suffix()}`, citation: '感謝します。', awarded_on: '2026-06-01', ...over })
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	return data.id;
}

describe('the timeline', () => {
	it('filters by 年度, and by the area and field of the practice or organization', async () => {
		const orgInKogane = await createOrg(owner, {
			areaIds: [areas.get('kogane')!],
			fieldIds: [fields.get('elderly')!]
		});
		const org = await createOrg(owner);
		const practice = await createPractice(org.id, {
			areaIds: [areas.get('tokiwadaira')!],
			fieldIds: [fields.get('children')!]
		});
		// a fiscal year of our own, far from the other tests' awards
		const inFy = await give({ practice_id: practice, awarded_on: '2031-03-31' });
		const orgAward = await give({ organization_id: orgInKogane.id, awarded_on: '2030-04-01' });
		const nextFy = await give({ practice_id: practice, awarded_on: '2031-04-01' });
		const db = anonClient();
		const fy2030 = await awardTimeline(db, { fiscalYear: 2030, areaId: null, fieldId: null }, 1);
		expect(fy2030.awards.map((a) => a.id)).toEqual([inFy, orgAward]);
		expect(fy2030.awards[0].fiscalYear).toBe(2030);
		const tokiwadaira = await awardTimeline(
			db,
			{ fiscalYear: 2030, areaId: areas.get('tokiwadaira')!, fieldId: null },
			1
		);
		expect(tokiwadaira.awards.map((a) => a.id)).toEqual([inFy]);
		const elderly = await awardTimeline(
			db,
			{ fiscalYear: null, areaId: null, fieldId: fields.get('elderly')! },
			1
		);
		expect(elderly.awards.map((a) => a.id)).toContain(orgAward);
		expect(elderly.awards.map((a) => a.id)).not.toContain(inFy);
		const fy2031 = await awardTimeline(db, { fiscalYear: 2031, areaId: null, fieldId: null }, 1);
		expect(fy2031.awards.map((a) => a.id)).toEqual([nextFy]);
		expect(fy2031.awards[0].recipient).toMatchObject({
			kind: 'practice',
			path: `/practices/${practice}`
		});
		expect(fy2031.awards[0].recipient.byline).toContain('表彰テスト団体');
		// newest first on the home page too
		const recent = (await homeSections(db)).awards;
		expect(recent[0].id).toBe(nextFy);
		expect((await awardsFor(db, { practiceId: practice })).map((a) => a.id)).toEqual([
			nextFy,
			inFy
		]);
	});

	it('20 a page, with a next page when there are more', async () => {
		const org = await createOrg(owner);
		for (let i = 0; i < 21; i++) await give({ organization_id: org.id, awarded_on: '2040-05-01' });
		const first = await awardTimeline(
			anonClient(),
			{ fiscalYear: 2040, areaId: null, fieldId: null },
			1
		);
		expect(first.awards).toHaveLength(20);
		expect(first.more).toBe(true);
		const second = await awardTimeline(
			anonClient(),
			{ fiscalYear: 2040, areaId: null, fieldId: null },
			2
		);
		expect(second.awards).toHaveLength(1);
		expect(second.more).toBe(false);
	});
});

describe('thanks and nominations through the data layer', () => {
	it('a recipient shows its count and latest messages with names; refusals come back as values', async () => {
		const org = await createOrg(owner);
		const db = userClient(resident.id);
		expect(await thank(db, { organizationId: org.id }, 'いつもありがとう')).toMatchObject({
			ok: true
		});
		expect(await thank(db, { organizationId: org.id }, 'また')).toEqual({
			ok: false,
			refusal: 'already_thanked'
		});
		expect(await thank(db, { organizationId: org.id }, 'あ'.repeat(141))).toEqual({
			ok: false,
			refusal: 'bad_length'
		});
		expect(await thank(userClient(owner.id), { organizationId: org.id }, null)).toEqual({
			ok: false,
			refusal: 'own_thanks'
		});
		const seen = await thanksFor(anonClient(), { organizationId: org.id });
		expect(seen.count).toBe(1);
		expect(seen.thankedToday).toBe(false);
		expect(seen.latest.map((t) => [t.message, t.thankerName])).toEqual([
			['いつもありがとう', '住民 さん']
		]);
		expect((await thanksFor(db, { organizationId: org.id })).thankedToday).toBe(true);
		expect((await thanksFor(userClient(owner.id), { organizationId: org.id })).thankedToday).toBe(
			false
		);
		// hidden by a coordinator: neither counted nor shown to others; its writer and
		// coordinators still see it, marked hidden
		const [shown] = seen.latest;
		expect(await hideThanks(userClient(coordinator.id), shown.id, '個人情報')).toEqual({
			ok: true
		});
		expect(await thanksFor(anonClient(), { organizationId: org.id })).toMatchObject({
			count: 0,
			latest: []
		});
		// (names only of people with a thanks that shows, but all to coordinators)
		for (const [viewer, name] of [
			[db, null],
			[userClient(coordinator.id), '住民 さん']
		] as const) {
			const after = await thanksFor(viewer, { organizationId: org.id });
			expect(after.count).toBe(0);
			expect(after.latest.map((t) => [t.id, t.hidden, t.thankerName])).toEqual([
				[shown.id, true, name]
			]);
		}
	});

	it('a member sees their own nominations; the queue shows coordinators the open ones', async () => {
		const org = await createOrg(owner);
		const nominator = await createTestUser('推薦 さん');
		const result = await nominate(userClient(nominator.id), { organizationId: org.id }, '地域の要');
		expect(result.ok).toBe(true);
		expect(
			(await myNominations(userClient(nominator.id), nominator.id)).map((n) => n.reason)
		).toEqual(['地域の要']);
		expect(await myNominations(userClient(resident.id), nominator.id)).toEqual([]);
		const queue = await nominationQueue(userClient(coordinator.id));
		expect(
			queue.open.some((n) => n.recipient.id === org.id && n.nominator.name === '推薦 さん')
		).toBe(true);
		const notCoordinator = await nominationQueue(userClient(resident.id));
		expect(notCoordinator.open.some((n) => n.recipient.id === org.id)).toBe(false);
	});
});

describe('notices and mail', () => {
	let box: Mailbox;
	let worker: ReturnType<typeof startWorkerProcess>;

	beforeAll(async () => {
		await mailSettings({ changeDelaySeconds: 2, maxAttempts: 3 });
		box = await startMailbox();
		await dropLeftoverMail();
		worker = startWorkerProcess(box.url);
		await worker.started;
	});
	afterAll(async () => {
		if (worker) await stopWorkerProcess(worker.child);
		await box?.close();
		await mailSettings({ changeDelaySeconds: 60, maxAttempts: 8 });
	});

	it('an award, a closed nomination and a thanks each reach their person by mail', async () => {
		const person = await createTestUser('受賞 さん');
		await listProfile(person);
		const name = `令和8年度 地域づくり大賞${suffix()}`;
		const awardId = await give({ profile_id: person.id, name, awarded_on: '2026-12-02' });

		const nominator = await createTestUser('推薦した さん');
		const org = await createOrg(owner);
		const nom = await nominate(userClient(nominator.id), { organizationId: org.id }, '理由');
		if (!nom.ok) throw new Error(nom.refusal);
		await userClient(coordinator.id).rpc('close_nomination', {
			p_nomination: nom.id,
			p_note: '来年また'
		});

		const thanker = await createTestUser('感謝した さん');
		await thank(userClient(thanker.id), { profileId: person.id }, '助かりました');

		const mails = await waitForMail(
			box,
			(ms) => mailsTo(ms, person.email).length >= 2 && mailsTo(ms, nominator.email).length >= 1
		);
		const toPerson = mailsTo(mails, person.email);
		const awardMail = toPerson.find((m) => m.subject.includes(name));
		expect(awardMail?.subject).toBe(`表彰されました：${name}`);
		expect(awardMail?.text).toContain(`/recognition/${awardId}/certificate`);
		expect(awardMail?.text).toContain('2026年12月2日');
		expect(awardMail?.headers['list-unsubscribe']).toBeTruthy();
		const thanksMail = toPerson.find((m) => m.subject.startsWith('ありがとうが届きました'));
		expect(thanksMail?.text).toContain('助かりました');
		const closed = mailsTo(mails, nominator.email)[0];
		expect(closed.subject).toMatch(/^推薦への回答：/);
		expect(closed.text).toContain('来年また');

		// and /notifications lists them with what they are about
		const { items } = await listNotifications(
			userClient(person.id),
			person.id,
			1,
			NOTIFICATION_KINDS
		);
		expect(items.find((n) => n.kind === 'award_received')?.award?.name).toBe(name);
		expect(items.find((n) => n.kind === 'thanks_received')?.thanks?.message).toBe('助かりました');
		const { data: log } = await serviceClient()
			.from('mail_log')
			.select('kind, status')
			.eq('user_id', person.id);
		expect(log?.every((l) => l.kind === 'recognition' && l.status === 'sent')).toBe(true);
	});
});
