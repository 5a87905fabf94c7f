// The build step that gives every text expression its readings
// (scripts/lib/furigana-preprocess.js): what it rewrites, what it leaves, and
// that the result still compiles.
import { describe, expect, it } from 'vitest';
import { compile, preprocess } from 'svelte/compiler';
import { furiganaPreprocess } from '../../scripts/lib/furigana-preprocess.js';

async function run(source: string) {
	const { code } = await preprocess(source, [furiganaPreprocess()], {
		filename: '/app/src/lib/components/X.svelte'
	});
	// it still compiles, for the server and the browser
	compile(code, { generate: 'server', filename: 'X.svelte' });
	compile(code, { generate: 'client', filename: 'X.svelte' });
	return code;
}

describe('furiganaPreprocess', () => {
	it('text expressions: messages as the interface’s, the rest as content', async () => {
		const code = await run(
			`<script lang="ts">\n\tlet { title }: { title: string } = $props();\n\tconst m = { a: () => 'あ' };\n</script>\n<h1>{title}</h1><p>{m.a()}</p>`
		);
		expect(code).toContain('<h1>{@html __tsunaguRuby(title)}</h1>');
		expect(code).toContain('<p>{@html __tsunaguRuby(m.a(), true)}</p>');
		expect(code).toContain("import { rubyText as __tsunaguRuby } from '$lib/furigana/render';");
	});

	it('leaves attributes, <option>, <textarea>, <title> and block conditions alone', async () => {
		const source = `<script>let { a, b } = $props();</script>
<svelte:head><title>{a}</title></svelte:head>
<a href={a} title="{a}">x</a>
<select><option value={a}>{a}</option></select>
<textarea>{a}</textarea>
{#if a}<b>{b}</b>{:else}<i>{b}</i>{/if}
{#each [a] as x (x)}<span>{x}</span>{/each}`;
		const code = await run(source);
		expect(code).toContain('<title>{a}</title>');
		expect(code).toContain('<a href={a} title="{a}">x</a>');
		expect(code).toContain('<option value={a}>{a}</option>');
		expect(code).toContain('<textarea>{a}</textarea>');
		expect(code).toContain(
			'{#if a}<b>{@html __tsunaguRuby(b)}</b>{:else}<i>{@html __tsunaguRuby(b)}</i>{/if}'
		);
		expect(code).toContain('{#each [a] as x (x)}<span>{@html __tsunaguRuby(x)}</span>{/each}');
	});

	it('adds the import after the opening tag, even with generics holding a >', async () => {
		const code = await run(
			`<script lang="ts" generics="T extends Record<string, unknown>">\n\tlet { v }: { v: T } = $props();\n</script>\n<p>{String(v)}</p>`
		);
		expect(code).toMatch(
			/^<script lang="ts" generics="T extends Record<string, unknown>">\n\timport \{ rubyText as __tsunaguRuby \}/
		);
	});

	it('a component without a script gets one; without text expressions nothing changes', async () => {
		expect(await run(`<p>{1 + 1}</p>`)).toMatch(/^<script>import \{ rubyText/);
		const plain = `<script>let { a } = $props();</script>\n<a href={a}>x</a>`;
		expect(await run(plain)).toBe(plain);
	});
});
