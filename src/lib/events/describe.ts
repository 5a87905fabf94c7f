// Plain words for a series rule: 毎週火曜日 / 毎月第2火曜日 (every Tuesday / the 2nd Tuesday of each month).
import { m } from '$lib/paraglide/messages';

const DAY_INDEX: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };
const JA_DAYS = ['日', '月', '火', '水', '木', '金', '土'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function describeRrule(rrule: string | null, locale: string): string | null {
	const options = { locale: locale === 'en' ? ('en' as const) : ('ja' as const) };
	if (!rrule) return null;
	const parts = new Map(
		rrule.split(';').map((p) => {
			const [key, value = ''] = p.split('=');
			return [key, value];
		})
	);
	const byday = /^(-?\d)?([A-Z]{2})$/.exec(parts.get('BYDAY') ?? '');
	if (!byday) return null;
	const index = DAY_INDEX[byday[2]];
	const day = locale === 'ja' ? `${JA_DAYS[index]}曜日` : EN_DAYS[index];
	if (parts.get('FREQ') === 'WEEKLY') return m.event_repeat_weekly_on({ day }, options);
	const n = Number(byday[1] ?? 1);
	const nth =
		n === -1
			? m.event_repeat_last({}, options)
			: locale === 'ja'
				? `第${n}`
				: ['', 'first', 'second', 'third', 'fourth'][n];
	return m.event_repeat_monthly_on({ nth, day }, options);
}
