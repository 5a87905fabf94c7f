import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '$lib/server/auth/password';

describe('password policy', () => {
	it.each([
		['short', 'a@b.example', 'too_short'],
		['1234567', 'a@b.example', 'too_short'],
		['パスワード', 'a@b.example', 'too_short'],
		['x'.repeat(257), 'a@b.example', 'too_long'],
		['Hanako@Example.jp', 'hanako@example.jp', 'same_as_email'],
		['password', 'a@b.example', 'too_common'],
		['Password123', 'a@b.example', 'too_common'],
		['12345678', 'a@b.example', 'too_common']
	])('refuses %j', (password, email, problem) => {
		expect(passwordProblem(password, email)).toBe(problem);
	});

	it.each(['correct horse battery', 'つなぐの合言葉です', 'a1b2c3d4e5'])(
		'accepts %j',
		(password) => {
			expect(passwordProblem(password, 'hanako@example.jp')).toBeNull();
		}
	);
});

describe('argon2id hashing', () => {
	it('verifies the right password only', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse batterz')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});
});
