import { describe, expect, it } from 'vitest';
import { seatsLeft } from '$lib/events/seats';

describe('places a newcomer could take', () => {
	it('are the free places, none while anybody waits, and no limit without a capacity', () => {
		expect(seatsLeft(10, 4, 0)).toBe(6);
		expect(seatsLeft(10, 12, 0)).toBe(0);
		// 3 places free, but a family of four waits for them: a newcomer queues
		expect(seatsLeft(4, 1, 1)).toBe(0);
		expect(seatsLeft(null, 50, 0)).toBeNull();
	});
});
