// やさしい日本語 versions (issue 16): an organiser writes one for an event on a
// phone, the checker beside the text flags a long sentence as it is typed and
// saving is not blocked; the page lands on the やさしい日本語 version, a reader
// switches between the two, and /events can be filtered to what has one.
// Without JavaScript, 「チェックする」 shows the same findings and keeps the text.
import { expect, test } from '@playwright/test';
import { DEMO_IDS } from '../support/db';
import { createEvent } from '../support/events';
import { DEMO, expectAccessible, logIn } from './helpers';

const LONG =
	'地域の子どもたちと大人がいっしょに晩ごはんを作って食べながら話をする会を毎月開いています。';

test('an organiser writes a やさしい日本語 version on a phone; the checker flags a long sentence; readers switch', async ({
	browser
}) => {
	const title = `やさしい版を書く会 ${Date.now() % 100000}`;
	const { id } = await createEvent(DEMO_IDS.member, {
		title,
		summary: '地域の子ども食堂です。',
		body: '毎月第2土曜日の17:00〜19:00に開催します。'
	});
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await phone.newPage();
	await logIn(page, DEMO.member);
	await page.goto(`/events/${id}`);
	// no version yet: no switch for readers, a button for the organiser
	await expect(page.getByRole('navigation', { name: '文章の種類' })).toHaveCount(0);
	await page.getByRole('link', { name: 'やさしい日本語版を書く' }).click();
	await expect(page).toHaveURL(`/events/${id}/easy`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`「${title}」のやさしい日本語版`
	);

	const body = page.getByRole('textbox', { name: 'くわしく（やさしい日本語）' });
	const bodyCheck = page.getByRole('region', { name: 'やさしい日本語チェック：くわしく' });
	await expect(bodyCheck.getByRole('status')).toHaveText('書くと、ここに結果が出ます。');
	// the checker follows the typing
	await body.fill(LONG);
	await expect(bodyCheck.getByRole('status')).toHaveText('2か所、見直すとよいところがあります。');
	await expect(bodyCheck.locator('[data-rule="long_sentence"]')).toHaveText(
		'文が長いです（44字）。30字くらいまでに分けましょう。'
	);
	await expect(bodyCheck.locator('[data-rule="many_kanji"]')).toHaveText(
		'漢字が多いです（13字）。ひらがなで書ける言葉はひらがなにしましょう。'
	);
	await expect(bodyCheck.locator('q')).toHaveText(LONG);
	await page.screenshot({ path: test.info().outputPath('easy-checker-phone.png'), fullPage: true });
	// shorter sentences: nothing more to look at
	await body.fill('こどもと おとなが いっしょに ごはんを たべます。\nまいつき あります。');
	await expect(bodyCheck.getByRole('status')).toHaveText(
		'気をつけるところは見つかりませんでした。'
	);
	// the checker never blocks: a long sentence is saved as written
	await body.fill(`${LONG}\nまいつき あります。`);
	await page
		.getByRole('textbox', { name: 'ひとこと（やさしい日本語）' })
		.fill('みんなで ごはんを たべる かいです。');
	await page.getByRole('button', { name: '保存する' }).click();

	// lands on the event's やさしい日本語 version, with the answer there
	await expect(page).toHaveURL(`/events/${id}?easy=1#easy`);
	await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toHaveText(
		'やさしい日本語版を保存しました。'
	);
	const versions = page.getByRole('navigation', { name: '文章の種類' });
	await expect(versions.getByRole('link', { name: 'やさしい日本語' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(page.locator('.summary')).toHaveText('みんなで ごはんを たべる かいです。');
	await expect(page.locator('.markdown')).toContainText('まいつき あります。');
	await page.screenshot({ path: test.info().outputPath('easy-version-phone.png') });
	// the other way back
	await versions.getByRole('link', { name: 'ふつうの日本語' }).click();
	await expect(page).toHaveURL(`/events/${id}`);
	await expect(page.locator('.summary')).toHaveText('地域の子ども食堂です。');
	await expect(page.locator('.markdown')).toContainText('毎月第2土曜日');
	await expect(page.getByRole('link', { name: 'やさしい日本語版を直す' })).toBeVisible();

	// a resident filters the list to what has a やさしい日本語 version
	const readers = await browser.newContext();
	const reader = await readers.newPage();
	await reader.goto(`/events?q=${encodeURIComponent(title)}`);
	await expect(reader.getByRole('heading', { name: title })).toBeVisible();
	await reader.goto(`/events?q=${encodeURIComponent(title)}&easy=1`);
	await expect(reader.getByRole('checkbox', { name: 'やさしい日本語があるもの' })).toBeChecked();
	await expect(reader.getByRole('heading', { name: title })).toBeVisible();
	const other = await createEvent(DEMO_IDS.member, { title: `${title} ふつうだけ` });
	await reader.reload();
	await expect(reader.getByText(`${title} ふつうだけ`)).toHaveCount(0);
	await reader.goto(`/events/${other.id}?easy=1`);
	// no version: the page as it is, no switch
	await expect(reader.getByRole('navigation', { name: '文章の種類' })).toHaveCount(0);
	await expectAccessible(page, `/events/${id}/easy`);
	await expectAccessible(reader, `/events/${id}?easy=1`);
	await Promise.all([phone.close(), readers.close()]);
});

test('without JavaScript, 「チェックする」 shows the findings and keeps the text, saving nothing', async ({
	browser
}) => {
	const { id } = await createEvent(DEMO_IDS.member, { title: `チェックだけ ${Date.now() % 1e5}` });
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await logIn(page, DEMO.member);
	await page.goto(`/events/${id}/easy`);
	const text = `令和9年1月12日、14:00〜16:00にします。\n${LONG}`;
	await page.getByRole('textbox', { name: 'くわしく（やさしい日本語）' }).fill(text);
	await page.getByRole('button', { name: 'チェックする' }).click();
	await expect(page.getByRole('textbox', { name: 'くわしく（やさしい日本語）' })).toHaveValue(text);
	const check = page.getByRole('region', { name: 'やさしい日本語チェック：くわしく' });
	for (const rule of ['era_year', 'clock_24h', 'tilde_range', 'long_sentence'])
		await expect(check.locator(`[data-rule="${rule}"]`)).toHaveCount(1);
	// nothing was saved: the event still has no version
	await page.goto(`/events/${id}`);
	await expect(page.getByRole('navigation', { name: '文章の種類' })).toHaveCount(0);

	// signed out: to the login first (the database refuses anybody who does not manage
	// the event: tests/integration/easy-versions.test.ts)
	const stranger = await browser.newPage();
	await stranger.goto(`/events/${id}/easy`);
	await expect(stranger).toHaveURL(/\/login/);
	await Promise.all([context.close(), stranger.close()]);
});
