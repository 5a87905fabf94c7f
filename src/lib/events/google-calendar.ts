// 「Google カレンダーに追加」: a link that opens Google Calendar with the event
// filled in (its documented TEMPLATE action). Times are Tokyo wall-clock times
// with ctz=Asia/Tokyo, so the phone's own time zone does not shift them; an
// all-day event gives dates only, the end day exclusive as Google expects.
import { tokyoParts } from '$lib/events/recurrence';

export interface GoogleCalendarEvent {
	title: string;
	startsAt: string | Date;
	endsAt: string | Date;
	allDay: boolean;
	/** plain text: a line about the event and its address on this site */
	details?: string;
	location?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 20261212 or 20261212T100000, in Tokyo. */
function tokyoStamp(value: string | Date, withTime: boolean) {
	const p = tokyoParts(new Date(value));
	const date = `${p.year}${pad(p.month)}${pad(p.day)}`;
	return withTime ? `${date}T${pad(p.hour)}${pad(p.minute)}00` : date;
}

export function googleCalendarUrl(event: GoogleCalendarEvent): string {
	const params: [string, string][] = [
		['action', 'TEMPLATE'],
		['text', event.title],
		[
			'dates',
			`${tokyoStamp(event.startsAt, !event.allDay)}/${tokyoStamp(event.endsAt, !event.allDay)}`
		],
		['ctz', 'Asia/Tokyo']
	];
	if (event.details) params.push(['details', event.details]);
	if (event.location) params.push(['location', event.location]);
	const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
	return `https://calendar.google.com/calendar/render?${query}`;
}
