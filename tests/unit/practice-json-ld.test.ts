// schema.org Article of a practice page: author organization, dates, photos
// as absolute JPEG addresses, and no way for text to close its script element.
import { describe, expect, it } from 'vitest';
import { inspirePostBody } from '$lib/server/practices/inspire';
import { practiceJsonLd } from '$lib/server/practices/json-ld';

const practice = {
	id: '11111111-1111-4111-8111-111111111111',
	title: 'こども食堂</script><script>alert(1)</script>',
	summary: 'みんなでごはん',
	leadOrganization: {
		id: 'o1',
		slug: 'kodomo',
		name: 'こども食堂の会',
		kind: 'npo' as const,
		logo: null
	},
	publishedAt: '2026-12-01T01:00:00.000Z',
	updatedAt: '2026-12-02T01:00:00.000Z',
	photos: [
		{ hash: 'a'.repeat(64), width: 1600, height: 1200, alt: '食事' },
		{ hash: 'b'.repeat(64), width: 600, height: 400, alt: '調理' }
	],
	areas: [{ id: 'a1', slug: 'kogane', name_ja: '小金', name_en: 'Kogane' }],
	fields: [
		{ id: 'f1', slug: 'children', name_ja: '子ども・子育て', name_en: 'Children', color: 'orange' }
	]
};

describe('practiceJsonLd', () => {
	const json = practiceJsonLd(practice, 'https://tsunagu.city.example', 'つなぐ');

	it('cannot end its script element', () => {
		expect(json).not.toContain('<');
	});

	it('is an Article by the lead organization with dates and JPEG photos', () => {
		expect(JSON.parse(json)).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Article',
			headline: practice.title,
			description: 'みんなでごはん',
			author: {
				'@type': 'Organization',
				name: 'こども食堂の会',
				url: 'https://tsunagu.city.example/orgs/kodomo'
			},
			datePublished: '2026-12-01T01:00:00.000Z',
			dateModified: '2026-12-02T01:00:00.000Z',
			image: [
				`https://tsunagu.city.example/images/${'a'.repeat(64)}/800.jpg`,
				`https://tsunagu.city.example/images/${'b'.repeat(64)}/600.jpg`
			],
			contentLocation: [{ '@type': 'Place', name: '小金' }],
			url: `https://tsunagu.city.example/practices/${practice.id}`
		});
	});
});

describe('inspirePostBody', () => {
	it('puts the link to the practice under the message, brackets of the title as text', () => {
		const body = inspirePostBody(
			'  やってみたい  ',
			{ id: 'p1', title: '[食堂] \\ 会' },
			'/practices/p1'
		);
		expect(body.startsWith('やってみたい\n\n---\n\n[')).toBe(true);
		expect(body).toContain('\\[食堂\\] \\\\ 会');
		expect(body.endsWith('](/practices/p1)')).toBe(true);
	});
});
