// 祝日 (Japanese public holidays) from @holiday-jp/holiday_jp, by Tokyo date.
import holidayJp from '@holiday-jp/holiday_jp';

export interface Holiday {
	name: string;
	name_en: string;
}

const HOLIDAYS = holidayJp.holidays as unknown as Record<string, Holiday>;

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
