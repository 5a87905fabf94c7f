// Areas and fields carry their names in both languages; pick the one for the page.
export const localName = (item: { name_ja: string; name_en: string }, locale: string) =>
	locale === 'en' ? item.name_en : item.name_ja;
