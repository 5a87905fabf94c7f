// The picture a shared link shows (og:image) until events have photos: a
// 1200×630 card with the title, the next date and the place, in Japanese.
// satori lays it out and turns the text into outlines with Noto Sans JP (the
// TTF from @expo-google-fonts/noto-sans-jp, read once per process, so no
// system font is needed); resvg paints the PNG.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface EventCard {
	/** 地域づくりフォーラム, サロン・居場所… */
	kind: string;
	title: string;
	/** the next date in words, or why there is none (中止, 終了) */
	when: string | null;
	place: string | null;
	organizer: string | null;
	cancelled: boolean;
	/** つなぐ — 地域のつながりをつくるプラットフォーム */
	site: string;
}

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

const require = createRequire(import.meta.url);
const FONT_FILES = {
	400: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
	700: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'
} as const;

// the same array every time: satori keeps its parsed fonts for it
let fonts: Promise<Font[]> | null = null;
function loadFonts(): Promise<Font[]> {
	fonts ??= Promise.all(
		([400, 700] as const).map(async (weight) => ({
			name: 'Noto Sans JP',
			data: await readFile(require.resolve(FONT_FILES[weight])),
			weight,
			style: 'normal' as const
		}))
	).catch((e: unknown) => {
		fonts = null;
		throw e;
	});
	return fonts;
}

/** A satori element: what JSX would make, written out. */
interface Node {
	type: string;
	props: { style?: Record<string, string | number>; children?: (Node | string)[] | string };
}
const el = (
	type: string,
	style: Record<string, string | number>,
	children?: (Node | string | null | false)[] | string
): Node => ({
	type,
	props: {
		style,
		children:
			typeof children === 'string'
				? children
				: children?.filter((c): c is Node | string => c !== null && c !== false)
	}
});

/** At most `max` characters, with "…" when cut (titles may have 120; the card shows 50). */
const cut = (text: string, max: number) =>
	[...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

const BLUE = '#0017c1'; // Digital Agency blue-900, the site's accent
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const RED = '#ce0000';

function layout(card: EventCard): Node {
	const title = cut(card.title, 50);
	// one line of 14 at 76 px, two of 16 at 64 px, three of 20 at 52 px (1072 px wide, less
	// where a line may not end or begin: 、。）っ)
	const length = [...title].length;
	const titleSize = length <= 14 ? 76 : length <= 32 ? 64 : 52;
	return el(
		'div',
		{
			width: OG_WIDTH,
			height: OG_HEIGHT,
			// satori's boxes are content-box unless told
			boxSizing: 'border-box',
			display: 'flex',
			flexDirection: 'column',
			backgroundColor: '#ffffff',
			borderTop: `24px solid ${BLUE}`,
			padding: '48px 64px 40px',
			fontFamily: 'Noto Sans JP',
			color: INK
		},
		[
			el('div', { display: 'flex', alignItems: 'center', gap: 24, fontSize: 32, color: MUTED }, [
				el('div', { display: 'flex' }, card.kind),
				card.cancelled &&
					el(
						'div',
						{
							display: 'flex',
							padding: '2px 20px',
							borderRadius: 8,
							backgroundColor: RED,
							color: '#ffffff',
							fontWeight: 700
						},
						'中止'
					)
			]),
			el(
				'div',
				{
					display: 'flex',
					marginTop: 16,
					fontSize: titleSize,
					fontWeight: 700,
					lineHeight: 1.3
				},
				title
			),
			el('div', { display: 'flex', flexGrow: 1 }),
			card.when &&
				el(
					'div',
					{
						display: 'flex',
						marginTop: 16,
						fontSize: 40,
						fontWeight: 700,
						color: card.cancelled ? RED : BLUE
					},
					cut(card.when, 40)
				),
			card.place && el('div', { display: 'flex', fontSize: 36, marginTop: 8 }, cut(card.place, 36)),
			el(
				'div',
				{
					display: 'flex',
					justifyContent: 'space-between',
					alignItems: 'flex-end',
					marginTop: 28,
					paddingTop: 20,
					borderTop: '2px solid #d9d9d9',
					fontSize: 26,
					color: MUTED
				},
				[
					el('div', { display: 'flex' }, card.organizer ? cut(card.organizer, 30) : ''),
					el('div', { display: 'flex', fontWeight: 700, color: BLUE }, card.site)
				]
			)
		]
	);
}

/** The card as a PNG of 1200×630. */
export async function renderEventCard(card: EventCard): Promise<Buffer> {
	const svg = await satori(layout(card), {
		width: OG_WIDTH,
		height: OG_HEIGHT,
		fonts: await loadFonts()
	});
	return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
}
