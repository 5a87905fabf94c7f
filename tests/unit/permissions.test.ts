// The permission rules the pages use, as tables. Each row mirrors a case that
// the RLS tests (tests/integration/*-rls.test.ts, cohosts.test.ts) prove
// against PostgreSQL: the two must agree.
import { describe, expect, it } from 'vitest';
import {
	canManageEvent,
	isLastOwner,
	orgPermissions,
	type OrgRole,
	type Viewer
} from '$lib/permissions';

const member = (id = 'u1'): Viewer => ({ id, role: 'member' });
const coordinator: Viewer = { id: 'c1', role: 'coordinator' };
const admin: Viewer = { id: 'a1', role: 'admin' };

describe('organization pages', () => {
	it.each<[string, Viewer, OrgRole | null, ReturnType<typeof orgPermissions>]>([
		[
			'signed out',
			null,
			null,
			{
				edit: false,
				manageMembers: false,
				answerCohosts: false,
				publishEvents: false,
				moderate: false,
				leave: false
			}
		],
		[
			'a member of another',
			member(),
			null,
			{
				edit: false,
				manageMembers: false,
				answerCohosts: false,
				publishEvents: false,
				moderate: false,
				leave: false
			}
		],
		[
			'a plain member',
			member(),
			'member',
			{
				edit: false,
				manageMembers: false,
				answerCohosts: false,
				publishEvents: false,
				moderate: false,
				leave: true
			}
		],
		[
			'an editor',
			member(),
			'editor',
			{
				edit: true,
				manageMembers: false,
				answerCohosts: true,
				publishEvents: true,
				moderate: false,
				leave: true
			}
		],
		[
			'an owner',
			member(),
			'owner',
			{
				edit: true,
				manageMembers: true,
				answerCohosts: true,
				publishEvents: true,
				moderate: false,
				leave: true
			}
		],
		[
			'a coordinator',
			coordinator,
			null,
			{
				edit: true,
				manageMembers: false,
				answerCohosts: false,
				publishEvents: true,
				moderate: true,
				leave: false
			}
		],
		[
			'an admin who is a member',
			admin,
			'member',
			{
				edit: true,
				manageMembers: false,
				answerCohosts: false,
				publishEvents: true,
				moderate: true,
				leave: true
			}
		]
	])('%s', (_, viewer, role, expected) => {
		expect(orgPermissions(viewer, role)).toEqual(expected);
	});
});

describe('managing an event', () => {
	const event = { organizerId: 'organiser', organizationId: 'org-a', cohostIds: ['org-b'] };
	it.each<[string, Viewer, string[], boolean]>([
		['signed out', null, [], false],
		['the organiser', member('organiser'), [], true],
		['another member', member(), [], false],
		['a coordinator', coordinator, [], true],
		['an admin', admin, [], true],
		['an editor of the organizing organization', member(), ['org-a'], true],
		['an editor of an accepted co-host', member(), ['org-b'], true],
		['an editor of another organization', member(), ['org-c'], false]
	])('%s: %s', (_, viewer, editorOf, expected) => {
		expect(canManageEvent(viewer, event, new Set(editorOf))).toBe(expected);
	});

	it('an invited co-host that has not accepted is not among cohostIds, so its editors do not manage', () => {
		expect(canManageEvent(member(), { ...event, cohostIds: [] }, new Set(['org-b']))).toBe(false);
	});
});

describe('the last owner', () => {
	const members = [
		{ userId: 'o1', role: 'owner' as const },
		{ userId: 'e1', role: 'editor' as const }
	];
	it.each([
		['the only owner', members, 'o1', true],
		['an editor', members, 'e1', false],
		['one of two owners', [...members, { userId: 'o2', role: 'owner' as const }], 'o1', false]
	])('%s', (_, list, userId, expected) => {
		expect(isLastOwner(list, userId)).toBe(expected);
	});
});
