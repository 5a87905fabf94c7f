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
