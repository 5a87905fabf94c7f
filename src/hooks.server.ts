import { error, json, text, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { serverEnv } from '$lib/server/env';
import { allowImages } from '$lib/server/http/csp';
import { asBrowserFormPost, forbiddenCrossSite } from '$lib/server/http/csrf';
import { fillHtmlElement } from '$lib/server/http/html-element';
import { malformedForm, malformedUrl } from '$lib/server/http/malformed';
import { logEvent } from '$lib/server/log';
import { readEasyView, readTextSize } from '$lib/server/preferences';

// Cross-site form posts get 403, as SvelteKit's own check (off in
// svelte.config.js) would answer, except the one-click unsubscribe POST
// (src/lib/server/http/csrf.ts). Like SvelteKit's, not in development. That
// POST from a mail provider is answered as a browser's form post (HTML, 200 or 400).
const handleCsrf: Handle = ({ event, resolve }) => {
	if (!dev && forbiddenCrossSite(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json'
			? json({ message }, { status: 403 })
			: text(message, { status: 403 });
	}
	event.request = asBrowserFormPost(event.request, event.url);
	return resolve(event);
};

// Bad input gets a 400 here rather than a 500 from deep inside a query.
const handleMalformed: Handle = async ({ event, resolve }) => {
	const reason =
		malformedUrl(event.url) ??
		(event.request.method === 'POST' ? await malformedForm(event.request) : null);
	if (reason) {
		logEvent('bad_request', { method: event.request.method, path: event.url.pathname, reason });
		error(400, 'Bad Request');
	}
	return resolve(event);
};

// The page's language, and its text size (文字サイズ) and 見やすい表示, set on
// <html> so that the page comes as chosen from the first paint (no flash, no
// script needed).
const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		const values = {
			'%paraglide.lang%': locale,
			'%tsunagu.text_size%': readTextSize(event.cookies),
			'%tsunagu.easy_view%': readEasyView(event.cookies) ? 'on' : 'off'
		};
		return resolve(event, { transformPageChunk: ({ html }) => fillHtmlElement(html, values) });
	});

const handleAuth: Handle = async ({ event, resolve }) => {
	// images and the practices' Atom feed are the same for everyone and cached publicly: no
	// session lookup, and never a refreshed session cookie on a response a shared cache may keep
	const token =
		event.url.pathname.startsWith('/images/') || event.url.pathname === '/practices.atom'
			? undefined
			: event.cookies.get(sessionCookieName(event.url));
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		event.locals.status = null;
		return resolve(event);
	}
	const { session, user, status, refreshed } = await validateSessionToken(token);
	if (session) {
		if (refreshed) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	} else {
		deleteSessionCookie(event.cookies, event.url);
	}
	event.locals.user = user;
	event.locals.session = session;
	event.locals.status = status;
	return resolve(event);
};

// CSP (with nonces/hashes for SvelteKit's own scripts) is set from svelte.config.js;
// the maps' tile server is configuration (TSUNAGU_MAP_TILE_URL), so its origin
// joins img-src here rather than there.
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const tiles = serverEnv.mapTileOrigin;
	const csp = response.headers.get('content-security-policy');
	if (tiles && csp) response.headers.set('content-security-policy', allowImages(csp, tiles));
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	// with an https ORIGIN (adapter-node builds event.url from it), browsers keep to https
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	if (event.locals.user && !response.headers.has('cache-control')) {
		// pages for a signed-in person must never be stored by shared caches
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(
	handleSecurityHeaders,
	handleCsrf,
	handleMalformed,
	handleParaglide,
	handleAuth
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404) {
		logEvent('server_error', {
			status,
			method: event.request.method,
			path: event.url.pathname,
			error: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	}
	// never show internals to the visitor
	return { message: status === 404 ? 'Not Found' : message };
};
