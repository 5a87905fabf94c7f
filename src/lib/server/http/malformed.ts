// Requests that no page of ours can make sense of, refused with 400 before any
// load or action runs: PostgreSQL cannot store a NUL character (it would come
// back as a 500 from deep inside a query), and every POST we serve is a form,
// so a body that is not one (text/plain, a broken multipart) is a client error.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

const hasNul = (value: string) => value.includes('\u0000');

function safeDecode(path: string): string | null {
	try {
		return decodeURIComponent(path);
	} catch {
		return null;
	}
}

/** Why the URL is refused, or null. */
export function malformedUrl(url: URL): string | null {
	const path = safeDecode(url.pathname);
	if (path === null || hasNul(path)) return 'path';
	for (const [key, value] of url.searchParams) if (hasNul(key) || hasNul(value)) return 'query';
	return null;
}

/** Why a POST body is refused, or null. Reads a clone: the action still gets the body. */
export async function malformedForm(request: Request): Promise<string | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return 'content-type';
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		return 'body';
	}
	for (const [key, value] of form) {
		if (hasNul(key) || hasNul(typeof value === 'string' ? value : value.name)) return 'nul';
	}
	return null;
}
