// Session lifecycle through the real server module against PostgREST.
import { describe, expect, it } from 'vitest';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	validateSessionToken
} from '$lib/server/auth/session';
import { liftSuspension, suspendMember } from '$lib/server/db/moderation';
import { listMemberships } from '$lib/server/db/orgs';
import { newToken, tokenHash } from '$lib/server/tokens';
import { createTestUser, DEMO_IDS, serviceClient, userClient } from '../support/db';

const DAY = 86400_000;
const client = { userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1', ip: '203.0.113.5' };

async function sessionRow(token: string) {
	const { data } = await serviceClient()
		.from('sessions')
		.select('*')
		.eq('id', tokenHash(token))
		.maybeSingle();
	return data;
}

describe('sessions', () => {
	it('stores only the SHA-256 of the token and validates it', async () => {
		const user = await createTestUser('セッション 太郎');
		const token = newToken();
		await createSession(token, user.id, client);
		const { data: all } = await serviceClient()
			.from('sessions')
			.select('id')
			.eq('user_id', user.id);
		expect(all).toEqual([{ id: tokenHash(token) }]);
		expect(JSON.stringify(all)).not.toContain(token);

		const result = await validateSessionToken(token);
		expect(result.user).toEqual({
			id: user.id,
			displayName: 'セッション 太郎',
			role: 'member',
			emailVerified: true
		});
		expect(result.refreshed).toBe(false);
		expect((await validateSessionToken(newToken())).user).toBeNull();
	});

	it('slides the expiry when less than 15 days remain, capped by the 90-day maximum', async () => {
		const user = await createTestUser();
		const token = newToken();
		await createSession(token, user.id, client);
		const id = tokenHash(token);
		await serviceClient()
			.from('sessions')
			.update({ expires_at: new Date(Date.now() + 10 * DAY).toISOString() })
			.eq('id', id);
		const slid = await validateSessionToken(token);
		expect(slid.refreshed).toBe(true);
		expect(slid.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);

		// near the absolute limit, the expiry never passes it
		const absolute = new Date(Date.now() + 3 * DAY);
		await serviceClient()
			.from('sessions')
			.update({
				expires_at: new Date(Date.now() + 2 * DAY).toISOString(),
				absolute_expires_at: absolute.toISOString()
			})
			.eq('id', id);
		const capped = await validateSessionToken(token);
		expect(capped.session!.expiresAt.getTime()).toBe(absolute.getTime());
	});

	it('deletes expired sessions and those past the absolute maximum', async () => {
		const user = await createTestUser();
		const expired = newToken();
		const tooOld = newToken();
		await createSession(expired, user.id, client);
		await createSession(tooOld, user.id, client);
		await serviceClient()
			.from('sessions')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', tokenHash(expired));
		await serviceClient()
			.from('sessions')
			.update({ absolute_expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', tokenHash(tooOld));
		expect((await validateSessionToken(expired)).user).toBeNull();
		expect((await validateSessionToken(tooOld)).user).toBeNull();
		expect(await sessionRow(expired)).toBeNull();
		expect(await sessionRow(tooOld)).toBeNull();
	});

	it('ends one session on logout and all of them on logout everywhere', async () => {
		const user = await createTestUser();
		const [a, b, c] = [newToken(), newToken(), newToken()];
		for (const t of [a, b, c]) await createSession(t, user.id, client);
		const other = await createTestUser();
		const othersToken = newToken();
		await createSession(othersToken, other.id, client);

		await invalidateSession(tokenHash(a));
		expect((await validateSessionToken(a)).user).toBeNull();
		expect((await validateSessionToken(b)).user?.id).toBe(user.id);

		await invalidateUserSessions(user.id);
		expect((await validateSessionToken(b)).user).toBeNull();
		expect((await validateSessionToken(c)).user).toBeNull();
		expect((await validateSessionToken(othersToken)).user?.id).toBe(other.id);
	});

	it('ends every session of a person whose role changes', async () => {
		const user = await createTestUser();
		const token = newToken();
		await createSession(token, user.id, client);
		const { error } = await serviceClient()
			.from('profiles')
			.update({ role: 'coordinator' })
			.eq('id', user.id);
		expect(error).toBeNull();
		expect((await validateSessionToken(token)).user).toBeNull();
	});

	it('reads the bell and the suspension in force with the session, for that person only', async () => {
		const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
		const token = newToken();
		await createSession(token, user.id, client);
		expect((await validateSessionToken(token)).status).toEqual({
			unreadNotifications: 0,
			suspension: null,
			memberships: []
		});

		const notice = (userId: string, read: boolean) => ({
			user_id: userId,
			kind: 'places_stale',
			read_at: read ? new Date().toISOString() : null
		});
		const { error } = await serviceClient()
			.from('notifications')
			.insert([notice(user.id, false), notice(user.id, false), notice(user.id, true)])
			.select('id');
		expect(error).toBeNull();
		await serviceClient().from('notifications').insert(notice(other.id, false));

		const coordinator = userClient(DEMO_IDS.coordinator);
		const suspended = await suspendMember(coordinator, user.id, 7, '確認のための停止');
		expect(suspended.ok).toBe(true);
		const { status } = await validateSessionToken(token);
		expect(status?.unreadNotifications).toBe(2);
		expect(status?.suspension).toMatchObject({
			userId: user.id,
			reason: '確認のための停止',
			until: suspended.ok ? suspended.until : 'missing'
		});
		expect(new Date(status!.suspension!.startsAt).getTime()).toBeLessThanOrEqual(Date.now());

		expect((await liftSuspension(coordinator, user.id)).ok).toBe(true);
		expect((await validateSessionToken(token)).status).toEqual({
			unreadNotifications: 2,
			suspension: null,
			memberships: []
		});
	});

	it('reads the organizations the person belongs to with the session, hidden ones too', async () => {
		const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
		const token = newToken();
		await createSession(token, user.id, client);
		const svc = serviceClient();
		const slug = `session-org-${Date.now()}`;
		const made = await svc
			.from('organizations')
			.insert([
				{
					slug: `${slug}-a`,
					name: 'あおば会',
					kind: 'npo',
					municipality_wide: true,
					created_by: other.id
				},
				{
					slug: `${slug}-b`,
					name: 'みどり会',
					kind: 'npo',
					municipality_wide: true,
					created_by: other.id
				}
			])
			.select('id, slug, name')
			.order('name');
		expect(made.error).toBeNull();
		const [a, b] = made.data!;
		// (`other` made both, so owns both)
		const joined = await svc.from('organization_members').insert([
			{ organization_id: a.id, user_id: user.id, role: 'editor' },
			{ organization_id: b.id, user_id: user.id, role: 'member' }
		]);
		expect(joined.error).toBeNull();
		await svc.from('organizations').update({ hidden_at: new Date().toISOString() }).eq('id', b.id);
		expect((await validateSessionToken(token)).status?.memberships).toEqual([
			{ role: 'editor', ...a },
			{ role: 'member', ...b }
		]);
		// what listMemberships reads for the person, as RLS shows it to them
		expect(await listMemberships(userClient(user.id), user.id)).toEqual(
			expect.arrayContaining([
				{ role: 'editor', ...a },
				{ role: 'member', ...b }
			])
		);
	});
});
