// 居場所・地域の資源, as the people who use it would: a coordinator imports ten
// places from a CSV (one row refused with its reason; the same file again
// changes nothing); an NPO editor adds its 子ども食堂 with its hours and a
// point from the map; a resident on a phone without JavaScript finds it with
// 土曜日・こども・無料 and reads its page; another member reports that the
// hours changed; the editor corrects them from the report and 最終確認日
// becomes today; six months later (the clock moved) the page says it may be
// out of date and the editor gets the reminder mail and confirms with one
// click; axe is clean on /places and a place's page.
import { expect, test, type Page } from '@playwright/test';
import { serviceClient } from '../support/db';
import { e2eMailbox, mailsTo, sql, waitForMail } from '../support/mail';
import { DEMO, expectAccessible, logIn, logOut, signUp } from './helpers';

const SEEDED_ORG = '10000000-0000-4000-8000-000000000001'; // 常盤平こども食堂の会, owned by the demo member
const box = e2eMailbox();

const HEADER = [
	'No',
	'都道府県コード',
	'都道府県名',
	'市区町村コード',
	'市区町村名',
	'備考',
	'名称（ふりがな）',
	'名称',
	'郵便番号',
	'所在地（都道府県から番地まで）',
	'所在地（建物名・部屋番号等）',
	'電話番号',
	'対象者',
	'活動内容',
	'運営日（平日）－開始',
	'運営日（平日）－終了',
	'運営日（土曜）－開始',
	'運営日（土曜）－終了',
	'運営日（日曜）－開始',
	'運営日（日曜）－終了',
	'運営日（祝日）－開始',
	'運営日（祝日）－終了',
	'定休日',
	'定員',
	'料金体系',
	'飲食の提供の有無',
	'飲食持ち込みの可否',
	'送迎の有無',
	'対象エリア',
	'総合事業実施の有無',
	'その他',
	'法人番号の有無',
	'法人番号',
	'法人名称（ふりがな）',
	'法人名称',
	'ステータス',
	'緯度',
	'経度',
	'圏域'
];

/** Ten 通いの場 of the MHLW format; the seventh has a latitude outside Japan. */
function csvOf(tag: string) {
	const rows = Array.from({ length: 10 }, (_, i) => {
		const cells: Record<string, string> = {
			No: String(i + 1),
			都道府県コード: '12',
			都道府県名: '千葉県',
			市区町村コード: '122076',
			市区町村名: '松戸市',
			'名称（ふりがな）': `いきいきたいそう${i + 1}`,
			名称: `いきいき体操${tag}-${i + 1}`,
			'所在地（都道府県から番地まで）': `千葉県松戸市本町${i + 1}-1`,
			電話番号: '047-000-0000',
			対象者: '高齢者',
			活動内容: '椅子に座ってできる体操と茶話会',
			'運営日（平日）－開始': '10:00',
			'運営日（平日）－終了': '11:30',
			定員: '20',
			料金体系: '無料',
			飲食の提供の有無: '0',
			飲食持ち込みの可否: '1',
			送迎の有無: '0',
			緯度: i === 6 ? '99.1' : (35.78 + i / 1000).toFixed(4),
			経度: (139.9 + i / 1000).toFixed(4),
			圏域: '本庁'
		};
		return HEADER.map((h) => cells[h] ?? '').join(',');
	});
	return `\uFEFF${HEADER.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}

async function importFile(page: Page, csv: string) {
	await page.goto('/coordinate/places/import');
	await page.getByLabel('CSVファイル').setInputFiles({
		name: 'kayoinoba.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await page.getByRole('button', { name: 'プレビューする' }).click();
	await expect(page.getByRole('heading', { name: 'プレビュー: kayoinoba.csv' })).toBeVisible();
}

test('a directory that stays current: import, add, find, correct, confirm', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const tag = Math.random().toString(36).slice(2, 7);
	const shokudo = `ひまわり子ども食堂${tag}`;

	// a coordinator imports ten places; one row is refused with its reason
	await logIn(page, DEMO.coordinator);
	await importFile(page, csvOf(tag));
	await expect(page.getByText('新しく登録: 9件')).toBeVisible();
	await expect(page.getByText('取り込めない行: 1件')).toBeVisible();
	const failed = page.getByRole('table');
	await expect(failed.getByRole('cell', { name: '8', exact: true })).toBeVisible();
	await expect(failed.getByText('「緯度」が日本の範囲の外です（99.1）。')).toBeVisible();
	await page.getByRole('button', { name: '9件を取り込む' }).click();
	await expect(
		page.getByText('取り込みました。新しく登録 9件、更新 0件、変更なし 0件。')
	).toBeVisible();
	const imported = await serviceClient()
		.from('places')
		.select('name, open_days, fee_free, latitude')
		.like('name', `いきいき体操${tag}-%`);
	expect(imported.data).toHaveLength(9);
	expect(
		imported.data?.every((p) => p.fee_free === true && p.open_days.join() === '1,2,3,4,5')
	).toBe(true);
	// the same file again changes nothing
	await importFile(page, csvOf(tag));
	await expect(page.getByText('変更なし: 9件')).toBeVisible();
	await expect(page.getByText('取り込む行はありません。')).toBeVisible();
	await logOut(page);

	// an NPO editor adds its 子ども食堂 with its hours and a point from the map
	await logIn(page, DEMO.member);
	await page.goto('/places/new');
	await page.getByLabel('名前', { exact: true }).fill(shokudo);
	await page.getByLabel('名前のふりがな').fill('ひまわりこどもしょくどう');
	await page.getByRole('checkbox', { name: '子ども食堂' }).check();
	await page.getByLabel('運営している団体').selectOption(SEEDED_ORG);
	await page.getByLabel('地域', { exact: true }).selectOption({ label: '常盤平' });
	await page.getByRole('checkbox', { name: 'こども' }).check();
	await page.getByRole('checkbox', { name: '子育て世帯' }).check();
	await page.getByLabel('住所').fill('千葉県松戸市常盤平3-30');
	// clicking the map fills the point
	const map = page.getByRole('region', { name: '位置を選ぶ地図' });
	await expect(map).toBeVisible();
	await map.click({ position: { x: 120, y: 90 } });
	await expect(page.getByLabel('緯度')).not.toHaveValue('');
	await expect(page.getByLabel('経度')).not.toHaveValue('');
	const saturday = page.getByRole('row', { name: '土曜日' });
	await saturday.locator('input').first().fill('10:00');
	await saturday.locator('input').nth(1).fill('14:00');
	await page.getByLabel('料金', { exact: true }).selectOption('yes');
	await page.getByLabel('食事の提供').selectOption('yes');
	await page
		.getByLabel('説明', { exact: true })
		.fill('地域のこどもと大人が、いっしょにごはんを食べる場所です。');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('heading', { level: 1, name: shokudo })).toBeVisible();
	await expect(page.getByText('保存しました。最終確認日を今日にしました。')).toBeVisible();
	const placeUrl = page.url().split('#')[0];
	const placeId = placeUrl.split('/').pop()!;
	const saved = await serviceClient()
		.from('places')
		.select('latitude, longitude, open_days')
		.eq('id', placeId)
		.single();
	expect(saved.data?.open_days).toEqual([6]);
	expect(saved.data?.latitude).toBeGreaterThan(20);
	await logOut(page);

	// a resident on a phone, without JavaScript, finds it with 土曜日・こども・無料
	const phone = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const resident = await phone.newPage();
	await resident.goto('/places');
	await resident.getByText('条件で絞り込む').click();
	await resident.getByLabel('キーワード').fill(tag);
	await resident.getByLabel('開いている曜日').selectOption({ label: '土曜日' });
	await resident.getByLabel('対象').selectOption({ label: 'こども' });
	await resident.getByRole('checkbox', { name: '無料' }).check();
	await resident.getByRole('button', { name: 'この条件で探す' }).click();
	await expect(resident).toHaveURL(/day=6/);
	await expect(resident.getByRole('status')).toHaveText('1件');
	await resident.getByRole('link', { name: shokudo }).click();
	await expect(resident.getByRole('heading', { level: 1, name: shokudo })).toBeVisible();
	await expect(resident.getByRole('row', { name: '土曜日 10:00〜14:00' })).toBeVisible();
	await expect(resident.getByText('最終確認日:')).toBeVisible();
	await phone.close();

	// another member reports that the hours changed
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signUp(other, {
		name: `利用者 ${tag}`,
		email: `places-${tag}@test.example`,
		password: 'places-e2e-2026'
	});
	await other.goto(placeUrl);
	await other.getByLabel('どこが違いますか').fill('土曜日は11時からになりました');
	await other.getByRole('button', { name: 'お知らせを送る' }).click();
	await expect(other.getByText('お知らせを送りました。')).toBeVisible();
	await otherContext.close();

	// the editor corrects the hours from the report; 最終確認日 becomes today
	await serviceClient()
		.from('places')
		.update({ confirmed_at: '2026-01-05T00:00:00Z' })
		.eq('id', placeId);
	await logIn(page, DEMO.member);
	await page.goto(placeUrl);
	await expect(page.getByText('土曜日は11時からになりました')).toBeVisible();
	await page.getByRole('link', { name: '内容を直す' }).click();
	await expect(page.getByRole('heading', { name: '届いたお知らせ' })).toBeVisible();
	await page.getByRole('row', { name: '土曜日' }).locator('input').first().fill('11:00');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('row', { name: '土曜日 11:00〜14:00' })).toBeVisible();
	const today = new Intl.DateTimeFormat('ja-JP', {
		timeZone: 'Asia/Tokyo',
		year: 'numeric',
		month: 'long',
		day: 'numeric'
	}).format(new Date());
	await expect(page.getByText(`最終確認日: ${today}`)).toBeVisible();
	await expect(page.getByText('対応済み')).toBeVisible();

	// six months later: possibly out of date, a reminder, one click confirms
	const sevenMonthsAgo = new Date(Date.now() - 213 * 86400_000).toISOString();
	await serviceClient().from('places').update({ confirmed_at: sevenMonthsAgo }).eq('id', placeId);
	await page.goto(placeUrl);
	await expect(page.getByText('情報が古い可能性があります')).toBeVisible();
	await sql('select private.remind_stale_places(now())');
	const mails = await waitForMail(box, (ms) =>
		mailsTo(ms, DEMO.member.email).some((m) =>
			m.subject.startsWith('場所の情報の確認をお願いします')
		)
	);
	const reminder = mailsTo(mails, DEMO.member.email).find((m) =>
		m.subject.startsWith('場所の情報の確認をお願いします')
	)!;
	expect(reminder.text).toContain(shokudo);
	expect(reminder.text).toContain('/places/confirm');
	await page.goto('/places/confirm');
	const card = page.getByRole('listitem').filter({ hasText: shokudo });
	await card.getByRole('button', { name: 'この内容で確認しました' }).click();
	await expect(page.getByText('最終確認日を今日にしました。ありがとうございます。')).toBeVisible();
	await expect(page.getByRole('heading', { name: shokudo })).toHaveCount(0);

	// axe on the list and the page
	await expectAccessible(page, `/places?q=${tag}`);
	await expectAccessible(page, placeUrl);
});
