// What people write (titles, descriptions, names) is Japanese, whatever the
// page's language: on /en/ pages it is marked lang="ja" so that screen readers
// pronounce it and browsers pick Japanese glyphs. Use as
// <h1 lang={userTextLang()}>{event.title}</h1>.
import { getLocale } from '$lib/paraglide/runtime';

/** "ja" on pages in another language; undefined (no attribute) on Japanese pages. */
export const userTextLang = (): 'ja' | undefined => (getLocale() === 'ja' ? undefined : 'ja');
