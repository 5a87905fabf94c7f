// Small forms: a button with a few hidden fields (join, leave, verify, move a
// row, retire). They are read with a zod schema, and answer with a notice
// keyed by the form's name: `{ join: { text, ok } }`. SvelteKit types a page's
// `form` prop as the union of its actions' results with every key optional,
// so the page reads `form?.join` without a cast and shows it with
// <FormMessage notice={form?.join} />. Forms with fields that people type use
// sveltekit-superforms (docs/ARCHITECTURE.md, "Forms").
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';

/** A short result of a small form: what happened, or why not. */
export interface Notice {
	text: string;
	ok: boolean;
}

/** The fields of a small form, checked by `schema`; null when they do not fit (a stale or forged page). */
export async function readForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.output<S> | null> {
	const result = schema.safeParse(Object.fromEntries(await request.formData()));
	return result.success ? result.data : null;
}

/** What an action returns when it worked: `{ [name]: { text, ok: true, ...extra } }`. */
export function notice<N extends string, E extends object = object>(
	name: N,
	text: string,
	extra?: E
): { [K in N]: Notice & E } {
	return { [name]: { ...extra, text, ok: true } } as { [K in N]: Notice & E };
}

/** A refusal the person can act on (4xx), in the same shape with `ok: false`. */
export function refuse<N extends string, E extends object = object>(
	status: 400 | 403 | 404 | 409 | 429,
	name: N,
	text: string,
	extra?: E
): ActionFailure<{ [K in N]: Notice & E }> {
	return fail(status, { [name]: { ...extra, text, ok: false } } as { [K in N]: Notice & E });
}
