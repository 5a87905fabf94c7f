import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /en/login is served by the /login route, with the locale taken from the URL.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
