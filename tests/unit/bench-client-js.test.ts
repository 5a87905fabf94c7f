// The benchmark counts a page's JavaScript only when the page starts SvelteKit in the browser:
// a page with csr = false downloads none (bench/lib/client-js.ts).
import { describe, expect, it } from 'vitest';
import { hydrates } from '../../bench/lib/client-js';

describe('hydrates', () => {
	it('sees the start script SvelteKit writes into a hydrated page', () => {
		const html = `<link href="./_app/immutable/entry/start.B1x-9a_Z.js" rel="modulepreload">
			<script>{ Promise.all([import("./_app/immutable/entry/start.B1x-9a_Z.js"),
			import("./_app/immutable/entry/app.C2.js")]) }</script>`;
		expect(hydrates(html)).toBe(true);
	});
	it('finds none in a page that is not hydrated, structured data and styles notwithstanding', () => {
		const html = `<link href="./_app/immutable/assets/0.Cx.css" rel="stylesheet">
			<script type="application/ld+json">{"@type":"Event"}</script><main>start.js</main>`;
		expect(hydrates(html)).toBe(false);
	});
});
