// anyPostAction decides whether a page's load imports PostActions: it must see
// every action postPermissions can give, or a member whose only action is a new
// one would get no link for it.
import { describe, expect, it } from 'vitest';
import { anyPostAction, postPermissions, type PostFacts, type ThreadFacts } from '$lib/permissions';
import type { PostView } from '$lib/threads/types';

const thread: ThreadFacts = {
	authorId: 'asker',
	isQuestion: true,
	locked: false,
	hidden: false,
	deleted: false
};
const reply: PostFacts = { authorId: 'writer', position: 2, state: 'visible' };
const withCan = (can: PostView['can']) => ({ can }) as PostView;

describe('anyPostAction', () => {
	it('is false for a visitor, who may only read', () => {
		expect(anyPostAction([withCan(postPermissions(null, reply, thread, false))])).toBe(false);
		expect(anyPostAction([])).toBe(false);
	});

	it('is true for a member who may report or quote', () => {
		const can = postPermissions({ id: 'u1', role: 'member' }, reply, thread, false);
		expect(
			anyPostAction([withCan(postPermissions(null, reply, thread, false)), withCan(can)])
		).toBe(true);
	});

	const nothing = postPermissions(null, { ...reply, state: 'deleted' }, thread, false);
	const actions = Object.keys(nothing).filter((k) => k !== 'readText') as (keyof typeof nothing)[];
	it.each(actions)('sees %s alone', (action) => {
		expect(anyPostAction([withCan({ ...nothing, readText: true, [action]: true })])).toBe(true);
	});
});
