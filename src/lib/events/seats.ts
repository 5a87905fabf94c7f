/**
 * Places a newcomer could take (null: no limit). None while anybody waits:
 * newcomers queue behind them (first come, first served, decided in the
 * database by join_occurrence).
 */
export function seatsLeft(
	capacity: number | null,
	goingCount: number,
	waitingCount: number
): number | null {
	if (capacity === null) return null;
	return waitingCount > 0 ? 0 : Math.max(0, capacity - goingCount);
}
