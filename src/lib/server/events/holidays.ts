// 祝日 (Japanese public holidays) from @holiday-jp/holiday_jp, by Tokyo date.
import holidayJp from '@holiday-jp/holiday_jp';

export interface Holiday {
	name: string;
	name_en: string;
}

// by date; the package types every date as its own key, so widen to look one up
const HOLIDAYS: Readonly<Record<string, Holiday | undefined>> = holidayJp.holidays;

/** The holidays of one month ("2027-01"), keyed by YYYY-MM-DD. */
export function holidaysOfMonth(monthKey: string): Record<string, Holiday> {
	const found: Record<string, Holiday> = {};
	for (let day = 1; day <= 31; day++) {
		const key = `${monthKey}-${String(day).padStart(2, '0')}`;
		const h = HOLIDAYS[key];
		if (h) found[key] = { name: h.name, name_en: h.name_en };
	}
	return found;
}
