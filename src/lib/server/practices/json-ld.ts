// schema.org Article for a published practice (https://schema.org/Article):
// its lead organization as author, the dates, the photos as absolute JPEG
// addresses (the copies every reader can decode).
import { imageSources } from '$lib/images/srcset';
import type { PracticeDetail } from '$lib/practices/types';

export function practiceJsonLd(
	practice: Pick<
		PracticeDetail,
		| 'id'
		| 'title'
		| 'summary'
		| 'leadOrganization'
		| 'publishedAt'
		| 'updatedAt'
		| 'photos'
		| 'areas'
		| 'fields'
	>,
	origin: string,
	siteName: string
): string {
	const author = {
		'@type': 'Organization',
		name: practice.leadOrganization.name,
		url: `${origin}/orgs/${practice.leadOrganization.slug}`
	};
	const data = {
		'@context': 'https://schema.org',
		'@type': 'Article',
		headline: practice.title,
		description: practice.summary,
		inLanguage: 'ja',
		author,
		publisher: { '@type': 'Organization', name: siteName, url: origin },
		datePublished: practice.publishedAt ?? undefined,
		dateModified: practice.updatedAt,
		image: practice.photos.length
			? practice.photos.map((p) => new URL(imageSources(p).src, origin).href)
			: undefined,
		keywords: practice.fields.map((f) => f.name_ja).join(',') || undefined,
		contentLocation: practice.areas.length
			? practice.areas.map((a) => ({ '@type': 'Place', name: a.name_ja }))
			: undefined,
		mainEntityOfPage: `${origin}/practices/${practice.id}`,
		url: `${origin}/practices/${practice.id}`
	};
	// `<` escaped so that no text can close the <script> element it goes into
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
