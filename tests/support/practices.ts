// Practices in tests: an organization with an owner and an editor, stored
// images to point photos at, and practices written through save_practice as a
// real user (userClient) and moved through the workflow.
import { createHash, randomBytes } from 'node:crypto';
import {
	practicePayload,
	publishPractice,
	savePractice,
	submitPractice
} from '$lib/server/db/practices';
import type { PracticeInput } from '$lib/practices/types';
import { serviceClient, userClient } from './db';

export const slugOf = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

/** A new organization created by `ownerId` (create_organization), with `editorIds` as editors. */
export async function createTestOrg(
	ownerId: string,
	editorIds: string[] = [],
	opts: { name?: string; kind?: 'npo' | 'resident_group' | 'social_welfare' | 'school' } = {}
) {
	const { data, error } = await userClient(ownerId).rpc('create_organization', {
		p_slug: slugOf('practice-org'),
		p_name: opts.name ?? `実践テスト団体${randomBytes(2).toString('hex')}`,
		p_kana: '',
		p_kind: opts.kind ?? 'npo',
		p_municipality_wide: false,
		p_description: '',
		p_contact_email: '',
		p_contact_phone: '',
		p_website: '',
		p_area_ids: [],
		p_field_ids: []
	});
	if (error) throw new Error(error.message);
	const orgId = data.id;
	if (editorIds.length) {
		const added = await serviceClient()
			.from('organization_members')
			.insert(
				editorIds.map((user_id) => ({ organization_id: orgId, user_id, role: 'editor' as const }))
			);
		if (added.error) throw new Error(added.error.message);
	}
	return orgId;
}

/** An images row (no copies: enough for a photo to reference it). */
export async function storedImageHash() {
	const hash = createHash('sha256').update(randomBytes(16)).digest('hex');
	const { error } = await serviceClient().from('images').insert({ hash, width: 1200, height: 800 });
	if (error) throw new Error(error.message);
	return hash;
}

/** A complete practice input for `orgId`, changed by `over`. */
export function practiceInput(orgId: string, over: Partial<PracticeInput> = {}): PracticeInput {
	return {
		leadOrganizationId: orgId,
		title: '常盤平こども食堂',
		summary: '毎月第2土曜日に、地域の子どもと大人がいっしょにごはんを食べます。',
		audiences: ['children', 'parents'],
		audienceNote: '小学生とその家族',
		frequency: '月1回（第2土曜）',
		venue: '常盤平市民センター',
		cost: '子ども無料、大人300円',
		funding: '市の補助金と寄付',
		startedOn: '2023-04-01',
		endedOn: '',
		story: {
			story_origin: '地域の見守りの話し合いから始まりました。',
			story_activities: '調理、食事、宿題の時間。',
			story_tips: '予約なしで来られるようにしています。',
			story_outcomes: '毎回40人ほどが集まります。',
			story_challenges: 'ボランティアの高齢化。',
			story_next: '中学生のボランティアを増やします。',
			story_contact: '常盤平こども食堂の会（代表：山田）'
		},
		figures: [{ label: '参加者', value: 40, unit: '人/月' }],
		partners: [{ name: '常盤平地域包括支援センター' }],
		areaIds: [],
		fieldIds: [],
		eventIds: [],
		placeIds: [],
		photos: [],
		...over
	};
}

/** Saves as `userId` and returns the id; throws on a refusal. */
export async function createPractice(userId: string, input: PracticeInput) {
	const result = await savePractice(userClient(userId), input);
	if (!result.ok) throw new Error(`savePractice refused: ${result.refusal}`);
	return result.id;
}

/** A practice written by `editorId`, submitted, and published by `coordinatorId`. */
export async function publishedPractice(
	editorId: string,
	coordinatorId: string,
	input: PracticeInput
) {
	const id = await createPractice(editorId, input);
	const submitted = await submitPractice(userClient(editorId), id);
	if (!submitted.ok) throw new Error(`submit refused: ${submitted.refusal}`);
	const published = await publishPractice(userClient(coordinatorId), id);
	if (!published.ok) throw new Error(`publish refused: ${published.refusal}`);
	return id;
}

export { practicePayload };
