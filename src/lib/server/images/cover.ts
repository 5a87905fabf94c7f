// The event cover form (表紙の写真, on /events/<id>/edit): a file and its
// description (alt text, required with a photo), or 写真を外す. A superform
// with the file read outside the schema (upload.ts).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const coverSchema = () =>
	z.object({
		alt: z.string().trim().max(200, m.practice_form_error_alt_too_long()).default(''),
		/** errors about the file */
		photo: z.string().optional()
	});
