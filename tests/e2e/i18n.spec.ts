import { expect, test } from '@playwright/test';

test('Japanese at /, English under /en/, with a language switch', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('地域のつながりをつくる');

	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/?$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connecting our community');
	await expect(
		page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Events' })
	).toHaveAttribute('href', '/en/events');

	await page.goto('/en/login');
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.getByLabel('Email address').fill('someone@test.example');
	await page.getByLabel('Password', { exact: true }).fill('not-the-password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email address or password is not correct.');
	await expect(page).toHaveURL(/\/en\/login/);

	await page.getByRole('link', { name: '日本語' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
});
