// Two production servers on one stack: the app keeps no state in its process. A session made
// on one is valid on the other, and the login limit counts attempts made on both.
import type { AppServer } from './server.ts';

export interface ScaleOutResult {
	sessionOnOther: boolean;
	/** statuses of wrong-password logins alternating between the servers (5 × 400, then 429) */
	loginStatuses: number[];
	limitAcrossServers: boolean;
}

function post(server: AppServer, pathname: string, fields: Record<string, string>, cookie = '') {
	return fetch(`${server.base}${pathname}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.base,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

export async function checkScaleOut(a: AppServer, b: AppServer): Promise<ScaleOutResult> {
	const email = `scale-out-${Date.now()}@bench.example`;
	const displayName = `二台目確認${Date.now() % 10000}`;
	const signup = await post(a, '/signup', {
		displayName,
		email,
		password: 'kaidan-no-ue-de-matsu-7'
	});
	const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0];
	if (signup.status !== 303 || !cookie.startsWith('tsunagu_session=')) {
		throw new Error(`sign-up on the first server answered ${signup.status} without a session`);
	}
	// the other server knows the session: /account shows the name instead of sending to /login
	const account = await fetch(`${b.base}/account`, { redirect: 'manual', headers: { cookie } });
	const sessionOnOther = account.status === 200 && (await account.text()).includes(displayName);

	const loginStatuses: number[] = [];
	for (let i = 0; i < 6; i++) {
		const server = i % 2 === 0 ? a : b;
		const res = await post(server, '/login', { email, password: `wrong-password-${i}` });
		loginStatuses.push(res.status);
	}
	const limitAcrossServers =
		loginStatuses.slice(0, 5).every((s) => s === 400) && loginStatuses[5] === 429;
	return { sessionOnOther, loginStatuses, limitAcrossServers };
}
