// Words for a place's kinds, who it is for and its days (client-safe).
import { m } from '$lib/paraglide/messages';
import type { PlaceAudience, PlaceDay, PlaceHours, PlaceKind } from '$lib/places/types';

const KIND: Record<PlaceKind, () => string> = {
	ibasho: m.place_kind_ibasho,
	kayoinoba: m.place_kind_kayoinoba,
	kodomo_shokudo: m.place_kind_kodomo_shokudo,
	meeting_place: m.place_kind_meeting_place,
	consultation: m.place_kind_consultation,
	living_support: m.place_kind_living_support,
	vacant_space: m.place_kind_vacant_space,
	other: m.place_kind_other
};

const AUDIENCE: Record<PlaceAudience, () => string> = {
	elderly: m.place_audience_elderly,
	disability: m.place_audience_disability,
	children: m.place_audience_children,
	parents: m.place_audience_parents,
	everyone: m.place_audience_everyone
};

const DAY: Record<PlaceDay, () => string> = {
	1: m.place_day_1,
	2: m.place_day_2,
	3: m.place_day_3,
	4: m.place_day_4,
	5: m.place_day_5,
	6: m.place_day_6,
	7: m.place_day_7,
	8: m.place_day_8
};

export const placeKindLabel = (k: PlaceKind) => KIND[k]();
export const placeAudienceLabel = (a: PlaceAudience) => AUDIENCE[a]();
/** 月曜日 … 日曜日, 祝日 */
export const placeDayLabel = (d: PlaceDay) => DAY[d]();

/** Leaflet's buttons in the page's language (its own titles are English). */
export const mapControlLabels = () => ({
	zoomIn: m.place_map_zoom_in(),
	zoomOut: m.place_map_zoom_out(),
	closePopup: m.place_map_close_popup()
});

/**
 * The hours in short lines for lists: days in a row with the same hours are
 * one line (月〜金曜日 8:30〜17:15), 祝日 apart.
 */
export function hoursSummary(hours: PlaceHours[]): string[] {
	const sorted = [...hours].sort((a, b) => a.day - b.day);
	const runs: { from: PlaceHours; to: PlaceHours }[] = [];
	for (const h of sorted) {
		const last = runs.at(-1);
		if (
			last &&
			h.day !== 8 &&
			h.day === last.to.day + 1 &&
			h.opens === last.to.opens &&
			h.closes === last.to.closes
		)
			last.to = h;
		else runs.push({ from: h, to: h });
	}
	return runs.map(({ from, to }) =>
		from.day === to.day
			? hoursLine(from)
			: m.place_hours_line_range({
					from: DAY_SHORT[from.day](),
					to: placeDayLabel(to.day),
					opens: from.opens,
					closes: from.closes
				})
	);
}

const DAY_SHORT: Record<PlaceDay, () => string> = {
	1: m.place_day_short_1,
	2: m.place_day_short_2,
	3: m.place_day_short_3,
	4: m.place_day_short_4,
	5: m.place_day_short_5,
	6: m.place_day_short_6,
	7: m.place_day_short_7,
	8: m.place_day_8
};

/** One day's hours in words: 土曜日 10:00〜14:00 */
export const hoursLine = (h: PlaceHours) =>
	m.place_hours_line({ day: placeDayLabel(h.day), opens: h.opens, closes: h.closes });
