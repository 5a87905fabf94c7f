// Place mails end to end: a member reports that a place changed and its
// organization's editor is mailed what they wrote with a link to the place;
// the morning task places_reminders (run by a real worker process, as its cron
// item would) mails the keeper of a place nobody confirmed for six months,
// once a month, with the link that confirms it in one click; the mails arrive
// over SMTP with one-click unsubscribe for 「前日のお知らせ」 (reminders).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyUnsubscribe } from '$lib/server/mail/unsubscribe';
import { createTestUser, serviceClient, testEnv, userClient } from '../support/db';
import {
	dropLeftoverMail,
	mailSettings,
	mailsTo,
	ORIGIN,
	sql,
	startMailbox,
	startWorkerProcess,
	stopWorkerProcess,
	type Mailbox,
	waitForMail
} from '../support/mail';
import { addMember, createOrg, suffix } from '../support/recognition';

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

const unsubscribeKind = (header: string | undefined) => {
	const url = /^<([^>]+)>$/.exec(header ?? '')?.[1] ?? '';
	return verifyUnsubscribe(testEnv().jwtSecret, new URL(url).searchParams.get('t'))?.kind;
};

async function placeOf(owner: { id: string }, orgId: string, name: string) {
	const { data, error } = await userClient(owner.id).rpc('save_place', {
		p: {
			name,
			kinds: ['kayoinoba'],
			organization_id: orgId,
			audiences: ['elderly'],
			hours: [{ day: 3, opens: '13:30', closes: '15:30' }],
			published: true
		}
	});
	if (error) throw new Error(error.message);
	return data;
}

describe('place mails', () => {
	it('a reported change is mailed to the organization’s editor with what was written', async () => {
		const [owner, editor, resident] = await Promise.all([
			createTestUser('サロン 代表'),
			createTestUser('サロン 編集'),
			createTestUser('サロン 利用者')
		]);
		const org = await createOrg(owner);
		await addMember(org.id, editor, 'editor');
		const name = `ふれあいサロン${suffix()}`;
		const placeId = await placeOf(owner, org.id, name);
		const sent = await userClient(resident.id).rpc('report_place_correction', {
			p_place: placeId,
			p_body: '水曜日ではなく木曜日になりました'
		});
		expect(sent.error).toBeNull();
		const mails = await waitForMail(box, (ms) => mailsTo(ms, editor.email).length >= 1);
		const [mail] = mailsTo(mails, editor.email);
		expect(mail.subject).toBe(`「${name}」の情報が違うとお知らせがありました`);
		expect(mail.text).toContain('■お知らせの内容\n水曜日ではなく木曜日になりました');
		expect(mail.text).toContain(`${ORIGIN}/places/${placeId}#corrections`);
		expect(unsubscribeKind(mail.headers['list-unsubscribe'])).toBe('reminders');
		// the one who reported it gets nothing
		expect(mailsTo(await box.list(), resident.email)).toEqual([]);
	});

	it('six months without a confirmation: the keeper is mailed once a month with the list and the link', async () => {
		const owner = await createTestUser('古い 場所の代表');
		const org = await createOrg(owner);
		const name = `確認待ちの通いの場${suffix()}`;
		const placeId = await placeOf(owner, org.id, name);
		await serviceClient()
			.from('places')
			.update({ confirmed_at: new Date(Date.now() - 200 * 86400_000).toISOString() })
			.eq('id', placeId);
		const now = new Date().toISOString();
		for (let i = 0; i < 2; i++) {
			await sql(
				`select graphile_worker.add_job('places_reminders', json_build_object('now', $1::text))`,
				[now]
			);
		}
		const mails = await waitForMail(box, (ms) => mailsTo(ms, owner.email).length >= 1);
		const [mail] = mailsTo(mails, owner.email);
		expect(mail.subject).toBe('場所の情報の確認をお願いします（1件）');
		expect(mail.text).toContain(name);
		expect(mail.text).toContain(`${ORIGIN}/places/confirm`);
		expect(unsubscribeKind(mail.headers['list-unsubscribe'])).toBe('reminders');
		// the second run the same month sent nothing more
		await new Promise((r) => setTimeout(r, 3000));
		expect(mailsTo(await box.list(), owner.email)).toHaveLength(1);
	});
});
