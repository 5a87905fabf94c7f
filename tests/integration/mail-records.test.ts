// Record and 声 mails end to end: the morning task records_reminders (run by
// a real worker process, as its cron item would) tells the organiser of a
// held date without a record, and a public 声 answered tells the forum's
// attendees; the mails arrive over SMTP in the development mailbox with
// their links and one-click unsubscribe for the preference that governs them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMail } from '$lib/server/mail/dev-store';
import { verifyUnsubscribe } from '$lib/server/mail/unsubscribe';
import { createTestUser, serviceClient, testEnv, userClient } from '../support/db';
import { createEvent } from '../support/events';
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
import { createCoordinator } from '../support/recognition';
import { tokyoDateKey } from '$lib/format';

const DAY = 86400_000;
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

function unsubscribeKind(mail: StoredMail) {
	const url = /^<([^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
	expect(url).toMatch(new RegExp(`^${ORIGIN}/unsubscribe\\?t=`));
	return verifyUnsubscribe(testEnv().jwtSecret, new URL(url).searchParams.get('t'))?.kind;
}

describe('record and 声 mails', () => {
	it('the morning task reminds the organiser of a held date without a record, with a link to its form', async () => {
		const organiser = await createTestUser('記録 お願い');
		const title = `記録を待つ集い${suffix()}`;
		// far back, so that this run's window holds no other test's dates
		const startsAt = Date.now() - 901 * DAY;
		const event = await createEvent(organiser.id, { title, startsAt: new Date(startsAt) });
		await sql(
			`select graphile_worker.add_job('records_reminders', json_build_object('now', $1::text))`,
			[new Date(startsAt + 4 * DAY).toISOString()]
		);
		const mails = await waitForMail(box, (ms) => mailsTo(ms, organiser.email).length >= 1);
		const [mail] = mailsTo(mails, organiser.email);
		expect(mail.subject).toBe(`開催記録のお願い: ${title}`);
		expect(mail.text).toContain('記録 お願い さん');
		expect(mail.text).toContain(`■イベント\n${title}`);
		expect(mail.text).toContain(
			`${ORIGIN}/events/${event.id}/records/${event.occurrenceIds[0]}/edit`
		);
		expect(unsubscribeKind(mail)).toBe('reminders');
	});

	it('an attendee hears that a voice of their forum was answered: the voice, the outcome and the answer', async () => {
		const [organiser, attendee, coordinator] = await Promise.all([
			createTestUser('声の 主催'),
			createTestUser('声を 聞いた人'),
			createCoordinator()
		]);
		const title = `声を聞く会${suffix()}`;
		const event = await createEvent(organiser.id, {
			title,
			startsAt: new Date(Date.now() - 2 * DAY)
		});
		const occurrence = event.occurrenceIds[0];
		await serviceClient()
			.from('registrations')
			.insert({ occurrence_id: occurrence, user_id: attendee.id, status: 'going', attended: true });
		const record = await userClient(organiser.id).rpc('save_occurrence_record', {
			p_occurrence: occurrence,
			p_record: { forum_name: title, venue: '公民館', is_public: true },
			p_headcounts: []
		});
		expect(record.error).toBeNull();
		const { data: voiceId } = await userClient(organiser.id).rpc('save_voice', {
			p_occurrence: occurrence,
			p_data: { body: 'ベンチを置いてほしい', is_public: true }
		});
		const today = tokyoDateKey(new Date());
		for (const step of [
			{ p_status: 'considering' as const },
			{ p_status: 'answered' as const, p_answer: '公園課が来月ベンチを置きます' }
		]) {
			const moved = await userClient(coordinator.id).rpc('move_voice', {
				p_voice: voiceId!,
				p_status_on: today,
				...step
			});
			expect(moved.error).toBeNull();
		}
		// (the attendee's join, inserted above, is confirmed by a mail of its own)
		const voiceMail = (ms: StoredMail[]) =>
			mailsTo(ms, attendee.email).filter((mail) => mail.subject.startsWith('地域の声'));
		const mails = await waitForMail(box, (ms) => voiceMail(ms).length >= 1);
		const [mail] = voiceMail(mails);
		expect(mail.subject).toBe(`地域の声に回答がありました: ${title}`);
		expect(mail.text).toContain('■出た声\nベンチを置いてほしい');
		expect(mail.text).toContain('■状況\n回答あり');
		expect(mail.text).toContain('■回答\n公園課が来月ベンチを置きます');
		expect(mail.text).toContain(`${ORIGIN}/voices/${voiceId}`);
		expect(unsubscribeKind(mail)).toBe('practices_recognition');
		// the organiser and the coordinator who answered get nothing
		expect(mailsTo(mails, organiser.email)).toEqual([]);
		expect(mailsTo(mails, coordinator.email)).toEqual([]);
	});
});
