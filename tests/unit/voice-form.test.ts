// The path of a 声 and its forms' rules on the real schemas: which steps need
// a reason, an outcome's answer, a step's date between the forum and today,
// a named destination, links to a thread or practice as pasted, and 年度.
import { describe, expect, it } from 'vitest';
import { fiscalYearOf } from '$lib/recognition/fiscal';
import { linkedId, stepInput, stepSchema, voiceInput, voiceSchema } from '$lib/server/voices/forms';
import { isOnPath, nextStatuses, VOICE_STATUSES, type VoiceStatus } from '$lib/voices/types';

const ID = '0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b';
const current: { status: VoiceStatus; raisedOn: string } = {
	status: 'received',
	raisedOn: '2026-11-20'
};
const today = '2026-12-03';
const problems = (values: Record<string, unknown>, from = current) => {
	const result = stepSchema(from, today).safeParse({ statusOn: today, ...values });
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.')).sort();
};

describe('the path of a 声', () => {
	it('goes 受付 → 検討中 → 回答あり / 反映 / 見送り, and from an answer to its reflection', () => {
		expect(isOnPath('received', 'considering')).toBe(true);
		for (const s of ['answered', 'reflected', 'declined'] as const)
			expect(isOnPath('considering', s)).toBe(true);
		expect(isOnPath('answered', 'reflected')).toBe(true);
		expect(isOnPath('received', 'answered')).toBe(false);
		expect(isOnPath('considering', 'received')).toBe(false);
		expect(isOnPath('declined', 'considering')).toBe(false);
	});

	it('offers the next steps first and every other status after them', () => {
		expect(nextStatuses('received')).toEqual({
			onPath: ['considering'],
			offPath: ['answered', 'reflected', 'declined']
		});
		for (const s of VOICE_STATUSES) {
			const { onPath, offPath } = nextStatuses(s);
			expect([...onPath, ...offPath, s].sort()).toEqual([...VOICE_STATUSES].sort());
		}
	});

	it('counts 年度 from April to March', () => {
		expect(fiscalYearOf('2026-04-01')).toBe(2026);
		expect(fiscalYearOf('2027-03-31')).toBe(2026);
		expect(fiscalYearOf('2026-03-31')).toBe(2025);
	});
});

describe('the step form', () => {
	it('takes a step along the path without a reason', () => {
		expect(problems({ status: 'considering' })).toEqual([]);
		expect(problems({ status: 'received' })).toEqual([]);
	});

	it('needs a reason to skip a step or go back', () => {
		expect(problems({ status: 'answered', answer: '答え' })).toEqual(['note']);
		expect(problems({ status: 'answered', answer: '答え', note: 'その場で回答' })).toEqual([]);
		expect(
			problems({ status: 'received' }, { status: 'considering', raisedOn: '2026-11-20' })
		).toEqual(['note']);
	});

	it('needs the answer for an outcome', () => {
		const considering = { status: 'considering' as const, raisedOn: '2026-11-20' };
		expect(problems({ status: 'declined', answer: '  ' }, considering)).toEqual(['answer']);
		expect(problems({ status: 'declined', answer: '予算がつきませんでした' }, considering)).toEqual(
			[]
		);
	});

	it('dates a step between the forum and today', () => {
		expect(problems({ status: 'considering', statusOn: '2026-12-04' })).toEqual(['statusOn']);
		expect(problems({ status: 'considering', statusOn: '2026-11-19' })).toEqual(['statusOn']);
		expect(problems({ status: 'considering', statusOn: '2026-11-20' })).toEqual([]);
		expect(problems({ status: 'considering', statusOn: '2026-13-01' })).toEqual(['statusOn']);
	});

	it('names a department or an organization it was taken to', () => {
		expect(problems({ status: 'considering', takenTo: 'department' })).toEqual(['takenToName']);
		expect(problems({ status: 'considering', takenTo: 'care_meeting' })).toEqual([]);
		expect(problems({ status: 'considering', takenTo: 'city hall' })).toEqual(['takenTo']);
	});

	it('writes no destination name without a destination', () => {
		const parsed = stepSchema(current, today).parse({
			status: 'considering',
			statusOn: today,
			takenTo: '',
			takenToName: '高齢者支援課'
		});
		expect(stepInput(parsed)).toMatchObject({ takenTo: null, takenToName: null, note: null });
	});
});

describe('the 声 form', () => {
	const choices = { areaIds: new Set(['area-1']), fieldIds: new Set(['field-1']) };
	const parse = (values: Record<string, unknown>) =>
		voiceSchema(choices).safeParse({ body: 'バスがほしい', ...values });

	it('needs what was said, and only the areas and fields offered', () => {
		expect(parse({ body: '  ' }).success).toBe(false);
		expect(parse({ areaId: 'elsewhere' }).success).toBe(false);
		expect(parse({ fieldIds: ['field-1', 'other'] }).success).toBe(false);
		expect(parse({ areaId: 'area-1', fieldIds: ['field-1'] }).success).toBe(true);
	});

	it('reads a thread or practice from its pasted address, and refuses anything else', () => {
		expect(linkedId(`https://tsunagu.example/threads/${ID}`, 'threads')).toBe(ID);
		expect(linkedId(`https://tsunagu.example/en/threads/${ID}?page=2#post-1`, 'threads')).toBe(ID);
		expect(linkedId(ID.toUpperCase(), 'practices')).toBe(ID);
		expect(linkedId('', 'threads')).toBe('');
		expect(linkedId(`https://tsunagu.example/practices/${ID}`, 'threads')).toBeNull();
		expect(linkedId('スレッド', 'threads')).toBeNull();
		const parsed = parse({ thread: `/threads/${ID}`, practice: 'https://example.com/x' });
		expect(parsed.success).toBe(false);
		const ok = voiceSchema(choices).parse({ body: 'x', thread: `/threads/${ID}` });
		expect(voiceInput(ok)).toMatchObject({ threadId: ID, practiceId: null, areaId: null });
	});
});
