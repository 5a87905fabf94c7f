import type { ParamMatcher } from '@sveltejs/kit';

// A UUID in its canonical textual form (any version): ids of profiles and most rows.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const match = ((param: string) => UUID.test(param)) satisfies ParamMatcher;
