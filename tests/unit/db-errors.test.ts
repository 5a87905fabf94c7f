// How failed database calls turn into what people see: refusals with a stable
// hint, 503 when the API is out of reach, an Error (500) for anything else.
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { dbFailure, refusalOf, refused } from '$lib/server/db/errors';

const thrown = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('did not throw');
};

describe('database errors', () => {
	it('a database error is a bug: an Error with its message', () => {
		const e = thrown(() =>
			dbFailure({ code: '22P02', message: 'invalid input syntax for type uuid' })
		);
		expect(isHttpError(e)).toBe(false);
		expect((e as Error).message).toBe('invalid input syntax for type uuid');
	});

	it('no code means the database was never reached: 503', () => {
		const e = thrown(() =>
			dbFailure({ code: '', message: 'AbortError: This operation was aborted' })
		);
		expect(isHttpError(e) && e.status).toBe(503);
	});

	it.each([
		[{ code: 'P0001', hint: 'full', message: 'full' }, 'full'],
		[{ code: '42501', hint: 'forbidden', message: 'x' }, 'forbidden'],
		[
			{ code: '23505', message: 'duplicate key value violates unique constraint "areas_slug_key"' },
			'slug_taken'
		],
		[
			{
				code: '23505',
				message: 'duplicate key value violates unique constraint "registrations_pkey"'
			},
			null
		],
		[{ code: 'P0001', hint: 'made_up', message: 'x' }, null],
		[{ code: '42501', message: 'permission denied' }, null]
	])('refusalOf(%j) = %j', (error, expected) => {
		expect(refusalOf(error)).toBe(expected);
	});

	it('refused() returns an expected refusal and fails on any other', () => {
		expect(refused({ code: 'P0001', hint: 'full', message: 'full' }, ['full', 'closed'])).toEqual({
			ok: false,
			refusal: 'full'
		});
		expect(() => refused({ code: 'P0001', hint: 'last_owner', message: 'x' }, ['full'])).toThrow(
			'x'
		);
	});
});
