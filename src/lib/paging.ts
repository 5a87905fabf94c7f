// The address of another page of a list, for the previous / next links of
// every paged list (Pagination.svelte, the awards).

/** Page `n` of the list at `url`, with every other query parameter kept (page 1 has none). */
export function pageHref(url: URL, n: number): string {
	const params = new URLSearchParams(url.searchParams);
	if (n <= 1) params.delete('page');
	else params.set('page', String(n));
	const query = params.toString();
	return url.pathname + (query ? `?${query}` : '');
}
