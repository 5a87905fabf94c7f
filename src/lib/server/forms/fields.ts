// Zod pieces that several forms share, so that the same kind of field is
// checked the same way everywhere (and as the database's check constraints).
// Schemas are built per request: messages come in the request's language.
import { z } from 'zod';
import { EMAIL, isHttpUrl, normalizePhone, PHONE } from '$lib/forms/patterns';

/** Optional text, trimmed, at most `max` characters ('' when left empty). */
export const optionalText = (max: number, message: string) =>
	z.string().trim().max(max, message).default('');

/** An optional phone number; dashes typed in other forms become hyphens. */
export const optionalPhone = (message: string) =>
	optionalText(30, message)
		.transform(normalizePhone)
		.refine((v) => v === '' || PHONE.test(v), message);

/** An optional email address. */
export const optionalEmail = (message: string) =>
	optionalText(254, message).refine((v) => v === '' || EMAIL.test(v), message);

/** An optional http(s) address. */
export const optionalHttpUrl = (message: string) =>
	optionalText(500, message).refine((v) => v === '' || isHttpUrl(v), message);
