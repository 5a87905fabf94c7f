import { replyComposer } from '$lib/threads/reply-composer';
import type { PageLoad } from './$types';

// the comment form's form, for someone who can comment
export const load: PageLoad = async ({ data }) => ({
	...data,
	composer: await replyComposer(data.comments?.blocked === null)
});
