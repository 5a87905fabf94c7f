import { UUID } from '$lib/forms/patterns';
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => UUID.test(param)) satisfies ParamMatcher;
