// The account status read with the session (`locals.status`: the bell's
// count, the suspension in force; db/sessions.ts AccountStatus) holds for the
// request's page reads. A form's action may change it (全部既読にする), so
// after one it is read again.
import { getRequestEvent } from '$app/server';

/** Whether `locals.status` still holds: no form action ran in this request. */
export function statusIsCurrent(): boolean {
	const { request } = getRequestEvent();
	return request.method === 'GET' || request.method === 'HEAD';
}
