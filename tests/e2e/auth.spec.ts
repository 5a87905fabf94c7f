import http from 'node:http';
import { expect, test } from '@playwright/test';
import { logIn, logOut, signUp } from './helpers';
import { uniqueEmail } from '../support/db';

/**
 * A plain form post to /login sent from a chosen local address. On Linux all
 * of 127.0.0.0/8 reaches this machine, so the server sees different clients
 * by their real socket address — no header a visitor could forge.
 */
function postLoginFrom(from: string, baseURL: string, form: { email: string; password: string }) {
	const url = new URL('/login', baseURL);
	const body = new URLSearchParams(form).toString();
	const started = Date.now();
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; ms: number }>(
		(resolve, reject) => {
			const request = http.request(
				url,
				{
					method: 'POST',
					localAddress: from,
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body),
						origin: url.origin,
						accept: 'text/html'
					}
				},
				(response) => {
					response.resume();
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							headers: response.headers,
							ms: Date.now() - started
						})
					);
				}
			);
			request.on('error', reject);
			request.end(body);
		}
	);
}

test('sign up, log out, log in again', async ({ page, context }) => {
	const who = { name: '鈴木 一郎', email: uniqueEmail(), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name === 'tsunagu_session');
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');
	expect(session?.path).toBe('/');

	await logOut(page);
	expect((await context.cookies()).find((c) => c.name === 'tsunagu_session')).toBeUndefined();

	await logIn(page, who);
	await page.goto('/account');
	await expect(page.getByRole('heading', { name: 'アカウント設定' })).toBeVisible();
});

test('sign-up errors stay next to their fields and keep what was typed', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('表示名').fill('田中 花');
	await page.getByLabel('メールアドレス').fill('not-an-email');
	await page.getByLabel('パスワード', { exact: true }).fill('password');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByText('メールアドレスの形式が正しくありません')).toBeVisible();
	await expect(page.getByLabel('表示名')).toHaveValue('田中 花');
	await expect(page.getByLabel('メールアドレス')).toHaveValue('not-an-email');
	await expect(page.getByLabel('メールアドレス')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('メールアドレス').fill(uniqueEmail());
	await page.getByLabel('パスワード', { exact: true }).fill('password');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByText('よく使われていて推測されやすいパスワードです')).toBeVisible();
});

test('a wrong password gets a message that does not say whether the email exists', async ({
	page
}) => {
	const who = { name: '高橋 さくら', email: uniqueEmail(), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	await logOut(page);

	for (const email of [who.email, uniqueEmail('nobody')]) {
		await page.goto('/login');
		await page.getByLabel('メールアドレス').fill(email);
		await page.getByLabel('パスワード', { exact: true }).fill('wrong-password-1');
		await page.getByRole('button', { name: 'ログインする' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'メールアドレスまたはパスワードが正しくありません。'
		);
		await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
		await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('');
	}
});

test('repeated failures are throttled with 429 and Retry-After', async ({ page }) => {
	const email = uniqueEmail('throttle');
	for (let i = 0; i < 5; i++) {
		await page.goto('/login');
		await page.getByLabel('メールアドレス').fill(email);
		await page.getByLabel('パスワード', { exact: true }).fill(`wrong-${i}-password`);
		await page.getByRole('button', { name: 'ログインする' }).click();
		await expect(page.getByRole('alert')).toContainText('正しくありません');
	}
	// the sixth attempt, this time as a plain form post without JavaScript
	const response = await page.request.post('/login', {
		form: { email, password: 'whatever-password' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(429);
	expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);

	await page.goto('/login');
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード', { exact: true }).fill('whatever-password');
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page.getByRole('alert')).toContainText('一時的に受け付けを止めています');
});

test('an attacker cannot lock the owner out: their clients are refused, the owner from another address gets in', async ({
	page,
	baseURL
}) => {
	test.setTimeout(120_000);
	const who = { name: '松本 まり', email: uniqueEmail('victim'), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	await logOut(page);

	// two attacking clients, five wrong passwords each: ten failures for this email
	for (const attacker of ['127.0.0.2', '127.0.0.4']) {
		for (let i = 0; i < 5; i++) {
			const failed = await postLoginFrom(attacker, baseURL!, {
				email: who.email,
				password: `wrong-${i}-password`
			});
			expect(failed.status, `${attacker} attempt ${i + 1}`).toBe(400);
		}
		const refused = await postLoginFrom(attacker, baseURL!, {
			email: who.email,
			password: who.password
		});
		expect(refused.status, attacker).toBe(429);
		expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
		expect((refused.headers['set-cookie'] ?? []).join('\n')).not.toMatch(/tsunagu_session=/);
	}

	// the owner, from an address that has not failed: slowed down (many failures
	// for this email), not refused, and in with the right password
	const owner = await postLoginFrom('127.0.0.3', baseURL!, who);
	expect(owner.status).toBe(303);
	expect((owner.headers['set-cookie'] ?? []).join('\n')).toMatch(/tsunagu_session=/);
	expect(owner.ms).toBeGreaterThanOrEqual(1000);

	// the attacker's client is still refused, also with the right password
	const again = await postLoginFrom('127.0.0.2', baseURL!, who);
	expect(again.status).toBe(429);
	expect((again.headers['set-cookie'] ?? []).join('\n')).not.toMatch(/tsunagu_session=/);

	// and the owner's browser (127.0.0.1, no failures) logs in as usual
	await logIn(page, who);
});

test('account: change display name and password, log out everywhere', async ({ page, browser }) => {
	const who = { name: '伊藤 健太', email: uniqueEmail(), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);

	// a second device
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await logIn(otherPage, who);

	await page.goto('/account');
	await expect(page.getByText('この端末')).toBeVisible();
	await expect(page.locator('.sessions li')).toHaveCount(2);

	await page.getByLabel('表示名', { exact: true }).fill('伊藤 けんた');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('表示名を変更しました。');
	await expect(page.getByText('伊藤 けんた さん')).toBeVisible();

	await page.getByLabel('現在のパスワード').fill('not-the-password');
	await page.getByLabel('新しいパスワード').fill('a-brand-new-pass');
	await page.getByRole('button', { name: 'パスワードを変更する' }).click();
	await expect(page.getByText('現在のパスワードが正しくありません。')).toBeVisible();

	await page.getByLabel('現在のパスワード').fill(who.password);
	await page.getByLabel('新しいパスワード').fill('a-brand-new-pass');
	await page.getByRole('button', { name: 'パスワードを変更する' }).click();
	await expect(page.getByRole('status')).toContainText('パスワードを変更しました');
	// the other device was logged out; this one stays in
	await otherPage.goto('/account');
	await expect(otherPage).toHaveURL(/\/login\?redirectTo=/);
	await page.goto('/account');
	await expect(page.locator('.sessions li')).toHaveCount(1);

	await page.getByRole('button', { name: 'すべての端末からログアウト' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
	await logIn(page, { email: who.email, password: 'a-brand-new-pass' });
	await other.close();
});

test('works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const who = { name: '渡辺 みどり', email: uniqueEmail('nojs'), password: 'tsunagu-e2e-pass' };
	await signUp(page, who);
	await logOut(page);
	await page.goto('/login');
	await page.getByLabel('メールアドレス').fill(who.email);
	await page.getByLabel('パスワード', { exact: true }).fill('wrong-password-x');
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page.getByRole('alert')).toContainText('正しくありません');
	await expect(page.getByLabel('メールアドレス')).toHaveValue(who.email);
	await logIn(page, who);
	await context.close();
});
