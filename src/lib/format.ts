// Dates are stored as timestamptz (ISO UTC) and shown in Asia/Tokyo.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enUS, ja } from 'date-fns/locale';

export const TIME_ZONE = 'Asia/Tokyo';

const toTokyo = (value: Date | string) => new TZDate(new Date(value).getTime(), TIME_ZONE);

/** 2026年12月5日(土) 14:00 / Sat, 5 Dec 2026 14:00 */
export function formatDateTime(value: Date | string, locale: string): string {
	const d = toTokyo(value);
	return locale === 'ja'
		? format(d, 'yyyy年M月d日(E) HH:mm', { locale: ja })
		: format(d, 'EEE, d MMM yyyy HH:mm', { locale: enUS });
}

/** 2026年12月5日(土) / Sat, 5 Dec 2026 */
export function formatDate(value: Date | string, locale: string): string {
	const d = toTokyo(value);
	return locale === 'ja'
		? format(d, 'yyyy年M月d日(E)', { locale: ja })
		: format(d, 'EEE, d MMM yyyy', { locale: enUS });
}

/** 14:00 */
export function formatTime(value: Date | string): string {
	return format(toTokyo(value), 'HH:mm');
}

/** yyyy-MM-dd of the Tokyo day, for keys and date inputs. */
export function tokyoDateKey(value: Date | string): string {
	return format(toTokyo(value), 'yyyy-MM-dd');
}

/**
 * When an event happens: 2026年12月5日(土) 14:00〜16:00, or across days
 * 2026年12月5日(土) 14:00〜12月6日(日) 12:00; all-day ones show only dates.
 */
export function formatEventTime(
	startsAt: Date | string,
	endsAt: Date | string,
	allDay: boolean,
	locale: string
): string {
	const sameDay =
		tokyoDateKey(startsAt) ===
		tokyoDateKey(new Date(new Date(endsAt).getTime() - (allDay ? 1 : 0)));
	const sep = locale === 'ja' ? '〜' : ' – ';
	if (allDay) {
		const lastDay = new Date(new Date(endsAt).getTime() - 1);
		return sameDay
			? formatDate(startsAt, locale)
			: formatDate(startsAt, locale) + sep + formatDate(lastDay, locale);
	}
	if (sameDay) return formatDateTime(startsAt, locale) + sep + formatTime(endsAt);
	return formatDateTime(startsAt, locale) + sep + formatDateTime(endsAt, locale);
}
