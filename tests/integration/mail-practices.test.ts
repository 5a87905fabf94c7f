// Practice mails end to end: the notices written by return_practice,
// publish_practice and a 「うちでもやってみたい」 notice enqueue mails of kind
// 'practice' in their transaction; a real worker process sends them over SMTP
// to the development mailbox, and mailparser reads what arrived: subject,
// the comment, the links, the one-click unsubscribe, English for English
// readers, and nothing for a member who turned the kind off.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPractice, returnPractice, submitPractice } from '$lib/server/db/practices';
import type { StoredMail } from '$lib/server/mail/dev-store';
import { verifyUnsubscribe } from '$lib/server/mail/unsubscribe';
import { createTestUser, serviceClient, testEnv, userClient } from '../support/db';
import {
	dropLeftoverMail,
	mailSettings,
	mailsTo,
	ORIGIN,
	queueIdle,
	startMailbox,
	startWorkerProcess,
	stopWorkerProcess,
	type Mailbox,
	waitForMail
} from '../support/mail';
import { createPractice, createTestOrg, practiceInput } from '../support/practices';
import { ageAccount, startThread } from '../support/threads';

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

const suffix = () => randomBytes(3).toString('hex');

function expectUnsubscribable(mail: StoredMail, userId: string, lang = '') {
	const url = /^<([^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? null;
	expect(url, mail.subject).toMatch(new RegExp(`^${ORIGIN}${lang}/unsubscribe\\?t=[^&]+$`));
	expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
	const token = new URL(url as string).searchParams.get('t');
	expect(verifyUnsubscribe(testEnv().jwtSecret, token)).toEqual({
		userId,
		kind: 'practices_recognition'
	});
}

async function coordinator() {
	const c = await createTestUser('確認 コーディ');
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', c.id);
	return c;
}

describe('practice mails', () => {
	it('the author hears that the practice was returned (with the comment) and then published', async () => {
		const [author, coord] = await Promise.all([createTestUser('実践 書く人'), coordinator()]);
		const org = await createTestOrg(author.id, [], { name: `メール団体${suffix()}` });
		const title = `見守りサロン${suffix()}`;
		const id = await createPractice(author.id, practiceInput(org, { title }));
		expect((await submitPractice(userClient(author.id), id)).ok).toBe(true);
		expect(
			(await returnPractice(userClient(coord.id), id, '対象の説明を\n足してください')).ok
		).toBe(true);

		let mails = await waitForMail(box, (ms) => mailsTo(ms, author.email).length >= 1);
		const [returned] = mailsTo(mails, author.email);
		expect(returned.subject).toBe(`実践事例「${title}」が差し戻されました`);
		expect(returned.text).toContain('実践 書く人 さん');
		expect(returned.text).toContain(
			'■コーディネーターからのコメント\n対象の説明を\n足してください'
		);
		expect(returned.text).toContain(`${ORIGIN}/practices/${id}/edit`);
		expectUnsubscribable(returned, author.id);

		expect((await submitPractice(userClient(author.id), id)).ok).toBe(true);
		expect((await publishPractice(userClient(coord.id), id)).ok).toBe(true);
		mails = await waitForMail(box, (ms) => mailsTo(ms, author.email).length >= 2);
		const published = mailsTo(mails, author.email).find((mm) => mm.subject.includes('公開'));
		expect(published?.subject).toBe(`実践事例「${title}」が公開されました`);
		expect(published?.text).toContain(`${ORIGIN}/practices/${id}\n`);
		expect(published?.text).not.toContain('/edit');
		// the coordinator who acted gets nothing
		expect(mailsTo(mails, coord.email)).toEqual([]);
	});

	it('「うちでもやってみたい」: the lead organization’s editor hears who opened which thread, in English when they read English', async () => {
		const [author, editor, reader, coord] = await Promise.all([
			createTestUser('代表 者'),
			createTestUser('Editor Person'),
			createTestUser('やってみたい 人'),
			coordinator()
		]);
		await serviceClient().from('profiles').update({ locale: 'en' }).eq('id', editor.id);
		await ageAccount(reader.id);
		const org = await createTestOrg(author.id, [editor.id]);
		const title = `こども食堂${suffix()}`;
		const id = await createPractice(author.id, practiceInput(org, { title }));
		await submitPractice(userClient(author.id), id);
		await publishPractice(userClient(coord.id), id);
		const threadTitle = `うちの地区でもこども食堂を${suffix()}`;
		const threadId = await startThread(reader.id, { title: threadTitle });
		// (the thread migration's function writes these for each owner and editor)
		const { error } = await serviceClient()
			.from('notifications')
			.insert([
				{ user_id: editor.id, kind: 'practice_inspired', practice_id: id, thread_id: threadId }
			]);
		expect(error).toBeNull();

		const mails = await waitForMail(box, (ms) => mailsTo(ms, editor.email).length >= 1);
		const [inspired] = mailsTo(mails, editor.email);
		expect(inspired.subject).toBe(`Someone wants to try “${title}”`);
		expect(inspired.text).toContain('やってみたい 人 wants to try your organization’s practice');
		expect(inspired.text).toContain(`${threadTitle}`);
		expect(inspired.text).toContain(`${ORIGIN}/en/threads/${threadId}`);
		expectUnsubscribable(inspired, editor.id, '/en');
	});

	it('a member who turned 実践事例と表彰・ありがとう off gets no practice mail; the notice stays in-app', async () => {
		const [author, coord] = await Promise.all([createTestUser('メール 不要'), coordinator()]);
		const prefs = await userClient(author.id)
			.from('notification_preferences')
			.upsert({ user_id: author.id, practices_recognition: false }, { onConflict: 'user_id' });
		expect(prefs.error).toBeNull();
		const org = await createTestOrg(author.id);
		const id = await createPractice(author.id, practiceInput(org));
		await submitPractice(userClient(author.id), id);
		expect((await publishPractice(userClient(coord.id), id)).ok).toBe(true);
		await queueIdle();
		await new Promise((r) => setTimeout(r, 1000));
		await queueIdle();
		expect(mailsTo(await box.list(), author.email)).toEqual([]);
		const { data: log } = await serviceClient()
			.from('mail_log')
			.select('kind, status')
			.eq('user_id', author.id);
		expect(log).toEqual([{ kind: 'practice', status: 'skipped' }]);
		const { data: notices } = await serviceClient()
			.from('notifications')
			.select('kind')
			.eq('user_id', author.id)
			.eq('practice_id', id);
		expect(notices).toEqual([{ kind: 'practice_published' }]);
	});
});
