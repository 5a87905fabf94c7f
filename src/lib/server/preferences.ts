// The cookies behind src/lib/preferences.ts. Not secret and not tied to a
// session: they only change how pages look and which area the home page
// offers, so they are kept for a long time (400 days, browsers' limit).
import type { Cookies } from '@sveltejs/kit';
import { isTextSize, type TextSize } from '$lib/preferences';
import type { Db } from '$lib/server/db/client';
import { findOwnProfile } from '$lib/server/db/people';

const TEXT_SIZE = 'tsunagu_text_size';
const AREA = 'tsunagu_area';
const EASY_VIEW = 'tsunagu_easy_view';
const FURIGANA = 'tsunagu_furigana';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const options = (url: URL) => ({
	path: '/',
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: url.protocol === 'https:',
	maxAge: 400 * 24 * 60 * 60
});

/** The chosen text size; 'standard' when none (or nonsense) is set. */
export function readTextSize(cookies: Cookies): TextSize {
	const value = cookies.get(TEXT_SIZE);
	return isTextSize(value) ? value : 'standard';
}

export function setTextSize(cookies: Cookies, url: URL, size: TextSize) {
	if (size === 'standard') cookies.delete(TEXT_SIZE, options(url));
	else cookies.set(TEXT_SIZE, size, options(url));
}

/** 見やすい表示: on or off (off when none is set). */
export const readEasyView = (cookies: Cookies): boolean => cookies.get(EASY_VIEW) === 'on';

export function setEasyView(cookies: Cookies, url: URL, on: boolean) {
	if (on) cookies.set(EASY_VIEW, 'on', options(url));
	else cookies.delete(EASY_VIEW, options(url));
}

/** ふりがな: on or off (off when none is set). */
export const readFurigana = (cookies: Cookies): boolean => cookies.get(FURIGANA) === 'on';

export function setFurigana(cookies: Cookies, url: URL, on: boolean) {
	if (on) cookies.set(FURIGANA, 'on', options(url));
	else cookies.delete(FURIGANA, options(url));
}

/** The slug of the area the person chose as theirs, or null (it may no longer exist). */
export function readAreaSlug(cookies: Cookies): string | null {
	const value = cookies.get(AREA) ?? '';
	return SLUG.test(value) && value.length <= 60 ? value : null;
}

export function setAreaSlug(cookies: Cookies, url: URL, slug: string | null) {
	if (slug) cookies.set(AREA, slug, options(url));
	else cookies.delete(AREA, options(url));
}

/**
 * "My area": the one chosen on this device, else (signed in) the first of the
 * person's profile areas in display order; null when neither is among `areas`.
 */
export async function resolveMyArea<A extends { id: string; slug: string }>(
	db: Db,
	cookies: Cookies,
	userId: string | null,
	areas: A[]
): Promise<A | null> {
	const chosen = readAreaSlug(cookies);
	if (chosen) return areas.find((a) => a.slug === chosen) ?? null;
	if (!userId) return null;
	const profile = await findOwnProfile(db, userId);
	return areas.find((a) => profile.areaIds.includes(a.id)) ?? null;
}
