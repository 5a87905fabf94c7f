import { describe, expect, it } from 'vitest';
import { SLUG } from '$lib/forms/patterns';
import { randomSlug, slugFromName } from '$lib/orgs/slug';

describe('organization slugs', () => {
	it.each([
		['NPO Tsunagu Tokiwa', 'npo-tsunagu-tokiwa'],
		['ＮＰＯ法人　Ｋｏｇａｎｅ　Ｃａｆｅ', 'npo-kogane-cafe'],
		['Café & Co.', 'caf-co']
	])('%j → %j', (name, slug) => {
		expect(slugFromName(name)).toBe(slug);
	});

	it('gives Japanese names a short random id that fits the pattern', () => {
		const slug = slugFromName('常盤平こども食堂の会');
		expect(slug).toMatch(/^org-[a-z2-9]{6}$/);
		expect(SLUG.test(slug)).toBe(true);
		expect(new Set(Array.from({ length: 200 }, () => randomSlug())).size).toBe(200);
	});

	it('never ends with a hyphen after cutting a long name', () => {
		const slug = slugFromName('a'.repeat(59) + ' b');
		expect(SLUG.test(slug)).toBe(true);
	});
});
