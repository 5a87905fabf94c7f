// What a person chooses without an account, kept in a cookie: the text size
// (文字サイズ, the root font size of every page), 見やすい表示 (a display for
// older eyes: larger text and spacing, higher contrast, underlined links, one
// column, bigger buttons; app.css, html[data-easy-view='on']) and "my area"
// (わたしの地域, the home page's shortcut). Client-safe: the header lists them.
import { m } from '$lib/paraglide/messages';

export const TEXT_SIZES = ['standard', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const isTextSize = (v: unknown): v is TextSize =>
	typeof v === 'string' && (TEXT_SIZES as readonly string[]).includes(v);

const LABELS: Record<TextSize, () => string> = {
	standard: m.text_size_standard,
	large: m.text_size_large,
	'x-large': m.text_size_x_large
};
export const textSizeLabel = (size: TextSize) => LABELS[size]();
