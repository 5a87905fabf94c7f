// ふりがな (issue 16) at build time: every `{expression}` written as text in a
// component becomes `{@html rubyText(expression)}`, which is the text, escaped
// as Svelte would, or with readings over its kanji while the person has
// ふりがな on (src/lib/furigana/render.ts). An expression that calls a message
// (`{m.key(…)}`) is the interface's own text: `rubyText(…, true)` gives it the
// interface's readings, made from the messages by `npm run i18n:furigana`.
// Text that cannot hold <ruby> is left alone: attributes, <option>, <title>,
// <textarea>, <svelte:head>. Wired in svelte.config.js.
import MagicString from 'magic-string';
import { parse } from 'svelte/compiler';

const NAME = '__tsunaguRuby';
const IMPORT = `import { rubyText as ${NAME} } from '$lib/furigana/render';`;
const NO_RUBY = new Set(['option', 'optgroup', 'select', 'title', 'textarea', 'svelte:head']);
const MESSAGE = /(^|[^\w$.])m\.\w+\(/;
// the parts of a node that hold markup (never attributes or expressions)
const CHILDREN = [
	'fragment',
	'consequent',
	'alternate',
	'body',
	'fallback',
	'pending',
	'then',
	'catch'
];

/** @returns {import('svelte/compiler').PreprocessorGroup} */
export function furiganaPreprocess() {
	return {
		name: 'tsunagu-furigana',
		markup({ content, filename }) {
			if (!filename || filename.includes('/node_modules/') || !filename.includes('/src/')) return;
			if (filename.endsWith('/components/Ruby.svelte')) return;
			const ast = parse(content, { modern: true });
			const s = new MagicString(content);
			let changed = false;
			/** @param {any} node @param {boolean} allowed */
			const walk = (node, allowed) => {
				if (!node || typeof node !== 'object') return;
				if (Array.isArray(node)) {
					for (const n of node) walk(n, allowed);
					return;
				}
				if (node.type === 'ExpressionTag') {
					if (!allowed) return;
					const source = content.slice(node.start + 1, node.end - 1);
					const ui = MESSAGE.test(source) ? ', true' : '';
					s.overwrite(node.start, node.end, `{@html ${NAME}(${source}${ui})}`);
					changed = true;
					return;
				}
				const inside = allowed && !NO_RUBY.has(node.name ?? '');
				for (const key of CHILDREN) if (node[key]) walk(node[key], inside);
				if (node.type === 'Fragment') walk(node.nodes, inside);
			};
			walk(ast.fragment, true);
			if (!changed) return;
			if (ast.instance) {
				// after the opening tag (whose attributes may hold a `>`: generics="T extends A<B>")
				s.appendLeft(/** @type {any} */ (ast.instance.content).start, `\n\t${IMPORT}`);
			} else {
				const ts =
					ast.module &&
					/lang=["']ts["']/.test(
						content.slice(ast.module.start, /** @type {any} */ (ast.module.content).start)
					);
				s.prepend(`<script${ts ? ' lang="ts"' : ''}>${IMPORT}</script>\n`);
			}
			return { code: s.toString(), map: s.generateMap({ hires: true, source: filename }) };
		}
	};
}
