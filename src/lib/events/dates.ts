// Words about the dates of a series as they really are: a date moved from
// where the rule put it (日時変更（元: 1月12日（月）)), dates cancelled, and the
// next date that will happen.
import { monthNameEn, tokyoDateKey, tokyoParts, weekdayName } from '$lib/format';

export interface DatedOccurrence {
	startsAt: string;
	endsAt: string;
	/** where the series rule put it, before any move */
	originalStartsAt: string;
	status: 'scheduled' | 'cancelled';
}

/** 1月12日（月） / Mon 12 Jan; with the time when only the time changed (1月12日（月）10:00). */
export function formatOriginalDate(original: string, moved: string, locale: string): string {
	const sameDay = tokyoDateKey(original) === tokyoDateKey(moved);
	const p = tokyoParts(original);
	const time = `${p.hours}:${String(p.minutes).padStart(2, '0')}`;
	if (locale === 'ja')
		return `${p.month}月${p.day}日（${weekdayName(p.weekday, 'ja')}）${sameDay ? time : ''}`;
	const day = `${weekdayName(p.weekday, 'en')} ${p.day} ${monthNameEn(p.month, 'short')}`;
	return sameDay ? `${day}, ${time}` : day;
}

/** Where a moved date was first planned, in words; null when it was not moved. */
export function movedFrom(occurrence: DatedOccurrence, locale: string): string | null {
	if (new Date(occurrence.startsAt).getTime() === new Date(occurrence.originalStartsAt).getTime())
		return null;
	return formatOriginalDate(occurrence.originalStartsAt, occurrence.startsAt, locale);
}

/** How many of these dates were moved and how many cancelled (a cancelled one counts once). */
export function exceptions(occurrences: DatedOccurrence[]) {
	let moved = 0;
	let cancelled = 0;
	for (const o of occurrences) {
		if (o.status === 'cancelled') cancelled++;
		else if (new Date(o.startsAt).getTime() !== new Date(o.originalStartsAt).getTime()) moved++;
	}
	return { moved, cancelled };
}

/** The first date that will happen (not cancelled, not ended), if any. */
export function nextScheduled<T extends DatedOccurrence>(occurrences: T[], now = Date.now()) {
	return occurrences.find((o) => o.status === 'scheduled' && new Date(o.endsAt).getTime() > now);
}
