// One JSON line per event on stdout, for the platform's log collector.
// Never pass passwords, tokens or session ids here.
export function logEvent(event: string, fields: Record<string, unknown> = {}) {
	console.info(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
}
