// The permission rules the pages use, as tables. Each row mirrors a case that
// the RLS tests (tests/integration/*-rls.test.ts, cohosts.test.ts) prove
// against PostgreSQL: the two must agree.
import { describe, expect, it } from 'vitest';
import {
	canAward,
	canManageEvent,
	canNominate,
	canReadNomination,
	canReadProgramme,
	thanksPermission,
	canWrite,
	canWritePracticeFor,
	canKeepPlaceOf,
	placePermissions,
	practicePermissions,
	practiceReadPermissions,
	isLastOwner,
	orgPermissions,
	postPermissions,
	threadPermissions,
	type OrgRole,
	type PostFacts,
	type PracticeFacts,
	type ThreadFacts,
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

// Mirrors tests/integration/threads.test.ts and moderation.test.ts: the
// triggers and policies on threads, posts and reports.
describe('a thread', () => {
	const open: ThreadFacts = {
		authorId: 'author',
		isQuestion: true,
		locked: false,
		hidden: false,
		deleted: false
	};
	type Row = [string, Viewer, ThreadFacts, boolean, ReturnType<typeof threadPermissions>];
	it.each<Row>([
		[
			'signed out',
			null,
			open,
			false,
			{ reply: false, follow: false, markSolved: false, report: false, moderate: false }
		],
		[
			'a member',
			member(),
			open,
			false,
			{ reply: true, follow: true, markSolved: false, report: true, moderate: false }
		],
		[
			'its author',
			member('author'),
			open,
			false,
			{ reply: true, follow: true, markSolved: true, report: false, moderate: false }
		],
		[
			'its author, not a question',
			member('author'),
			{ ...open, isQuestion: false },
			false,
			{ reply: true, follow: true, markSolved: false, report: false, moderate: false }
		],
		[
			'a suspended member',
			member(),
			open,
			true,
			{ reply: false, follow: true, markSolved: false, report: false, moderate: false }
		],
		[
			'a member, locked',
			member(),
			{ ...open, locked: true },
			false,
			{ reply: false, follow: true, markSolved: false, report: true, moderate: false }
		],
		[
			'a member, deleted',
			member(),
			{ ...open, deleted: true },
			false,
			{ reply: false, follow: true, markSolved: false, report: false, moderate: false }
		],
		[
			'its author, hidden',
			member('author'),
			{ ...open, hidden: true },
			false,
			{ reply: false, follow: true, markSolved: false, report: false, moderate: false }
		],
		[
			'a coordinator',
			coordinator,
			open,
			false,
			{ reply: true, follow: true, markSolved: true, report: true, moderate: true }
		],
		[
			'an admin, locked',
			admin,
			{ ...open, locked: true },
			false,
			{ reply: false, follow: true, markSolved: true, report: true, moderate: true }
		]
	])('%s', (_, viewer, thread, suspended, expected) => {
		expect(threadPermissions(viewer, thread, suspended)).toEqual(expected);
	});
});

describe('a post', () => {
	const thread: ThreadFacts = {
		authorId: 'asker',
		isQuestion: true,
		locked: false,
		hidden: false,
		deleted: false
	};
	const reply: PostFacts = { authorId: 'writer', position: 2, state: 'visible' };
	const none = {
		readText: false,
		edit: false,
		delete: false,
		quote: false,
		report: false,
		markSolved: false,
		hide: false,
		restore: false,
		seeVersions: false
	};
	type Row = [string, Viewer, PostFacts, ThreadFacts, boolean, Partial<typeof none>];
	it.each<Row>([
		['signed out', null, reply, thread, false, { readText: true }],
		[
			'another member',
			member(),
			reply,
			thread,
			false,
			{ readText: true, quote: true, report: true }
		],
		[
			'its writer',
			member('writer'),
			reply,
			thread,
			false,
			{ readText: true, edit: true, delete: true, quote: true }
		],
		[
			'its writer, locked',
			member('writer'),
			reply,
			{ ...thread, locked: true },
			false,
			{ readText: true, delete: true }
		],
		[
			'its writer, suspended',
			member('writer'),
			reply,
			thread,
			true,
			{ readText: true, delete: true }
		],
		[
			'the asker',
			member('asker'),
			reply,
			thread,
			false,
			{ readText: true, quote: true, report: true, markSolved: true }
		],
		[
			'the asker, first post',
			member('asker'),
			{ ...reply, authorId: 'asker', position: 1 },
			thread,
			false,
			{ readText: true, edit: true, delete: true, quote: true }
		],
		['another member, hidden', member(), { ...reply, state: 'hidden' }, thread, false, {}],
		[
			'its writer, hidden',
			member('writer'),
			{ ...reply, state: 'hidden' },
			thread,
			false,
			{ readText: true }
		],
		[
			'a coordinator, hidden',
			coordinator,
			{ ...reply, state: 'hidden' },
			thread,
			false,
			{ readText: true, restore: true, seeVersions: true }
		],
		['its writer, deleted', member('writer'), { ...reply, state: 'deleted' }, thread, false, {}],
		[
			'a coordinator, deleted',
			coordinator,
			{ ...reply, state: 'deleted' },
			thread,
			false,
			{ seeVersions: true }
		],
		[
			'a coordinator',
			coordinator,
			reply,
			thread,
			false,
			{ readText: true, quote: true, report: true, markSolved: true, hide: true, seeVersions: true }
		]
	])('%s', (_, viewer, post, t, suspended, expected) => {
		expect(postPermissions(viewer, post, t, suspended)).toEqual({ ...none, ...expected });
	});

	it('starting a thread or reporting needs a signed-in member who is not suspended', () => {
		expect([canWrite(null, false), canWrite(member(), false), canWrite(member(), true)]).toEqual([
			false,
			true,
			false
		]);
	});
});

describe('a practice (mirrors practices-rls.test.ts)', () => {
	const org = 'org1';
	const editorOf = new Set([org]);
	const none = new Set<string>();
	const practice = (status: PracticeFacts['status']): PracticeFacts => ({
		status,
		leadOrganizationId: org
	});
	const statuses = ['draft', 'submitted', 'returned', 'published'] as const;

	it.each(statuses)('%s: who sees it', (status) => {
		const shownToAll = status === 'published';
		expect(practicePermissions(null, practice(status), none).view).toBe(shownToAll);
		expect(practicePermissions(member('x'), practice(status), none).view).toBe(shownToAll);
		expect(practicePermissions(member(), practice(status), editorOf).view).toBe(true);
		expect(practicePermissions(coordinator, practice(status), none).view).toBe(true);
		expect(practicePermissions(admin, practice(status), none).view).toBe(true);
	});

	it.each(statuses)(
		'%s: editors and coordinators edit (published ones too); others never',
		(status) => {
			expect(practicePermissions(member(), practice(status), editorOf).edit).toBe(true);
			expect(practicePermissions(coordinator, practice(status), none).edit).toBe(true);
			expect(practicePermissions(member('x'), practice(status), none).edit).toBe(false);
			expect(practicePermissions(null, practice(status), none).edit).toBe(false);
			expect(practicePermissions(member(), practice(status), editorOf, true).edit).toBe(false);
		}
	);

	it('editors submit drafts and returned ones; coordinators who are not editors do not', () => {
		const submit = (v: Viewer, status: PracticeFacts['status'], of = editorOf) =>
			practicePermissions(v, practice(status), of).submit;
		expect(statuses.filter((s) => submit(member(), s))).toEqual(['draft', 'returned']);
		expect(statuses.filter((s) => submit(coordinator, s, none))).toEqual([]);
		expect(statuses.filter((s) => submit(member('x'), s, none))).toEqual([]);
		expect(practicePermissions(member(), practice('draft'), editorOf, true).submit).toBe(false);
	});

	it('only coordinators review submitted ones and feature published ones', () => {
		for (const status of statuses) {
			for (const v of [null, member(), member('x')]) {
				const p = practicePermissions(v, practice(status), editorOf);
				expect(p.review).toBe(false);
				expect(p.feature).toBe(false);
			}
			expect(practicePermissions(coordinator, practice(status), none).review).toBe(
				status === 'submitted'
			);
			expect(practicePermissions(admin, practice(status), none).feature).toBe(
				status === 'published'
			);
		}
	});

	it('writing a new practice for an organization: its editors and coordinators, not suspended', () => {
		expect(canWritePracticeFor(member(), org, editorOf)).toBe(true);
		expect(canWritePracticeFor(member(), 'other', editorOf)).toBe(false);
		expect(canWritePracticeFor(coordinator, 'other', none)).toBe(true);
		expect(canWritePracticeFor(null, org, editorOf)).toBe(false);
		expect(canWritePracticeFor(member(), org, editorOf, true)).toBe(false);
	});
});

describe('reading a practice (mirrors practice-threads.test.ts)', () => {
	const statuses = ['draft', 'submitted', 'returned', 'published'] as const;
	it.each(statuses)('%s: comments and うちでもやってみたい only once published', (status) => {
		const open = status === 'published';
		expect(practiceReadPermissions(member(), { status }, false)).toEqual({
			open,
			comment: open,
			inspire: open
		});
		expect(practiceReadPermissions(coordinator, { status }, false)).toEqual({
			open,
			comment: open,
			inspire: open
		});
	});
	it('anon reads but neither comments nor opens a thread; a suspended member neither', () => {
		expect(practiceReadPermissions(null, { status: 'published' }, false)).toEqual({
			open: true,
			comment: false,
			inspire: false
		});
		expect(practiceReadPermissions(member(), { status: 'published' }, true)).toEqual({
			open: true,
			comment: false,
			inspire: false
		});
	});
});

describe('recognition (mirrors recognition-rls.test.ts)', () => {
	it('only coordinators and admins award; signed-in members who are not suspended nominate', () => {
		expect([null, member(), coordinator, admin].map(canAward)).toEqual([false, false, true, true]);
		expect(canNominate(null, false)).toBe(false);
		expect(canNominate(member(), false)).toBe(true);
		expect(canNominate(member(), true)).toBe(false);
	});

	it.each<
		[
			string,
			Viewer,
			Parameters<typeof thanksPermission>[1],
			string[],
			boolean,
			boolean,
			string | null
		]
	>([
		['signed out', null, { kind: 'person', profileId: 'p1' }, [], false, false, null],
		['suspended', member(), { kind: 'person', profileId: 'p1' }, [], false, true, null],
		['another person', member(), { kind: 'person', profileId: 'p1' }, [], false, false, 'can'],
		['oneself', member('p1'), { kind: 'person', profileId: 'p1' }, [], false, false, 'own'],
		[
			'own organization',
			member(),
			{ kind: 'organization', organizationId: 'o1' },
			['o1'],
			false,
			false,
			'own'
		],
		[
			"own organization's practice",
			member(),
			{ kind: 'practice', organizationId: 'o1' },
			['o1'],
			false,
			false,
			'own'
		],
		[
			'another organization',
			member(),
			{ kind: 'organization', organizationId: 'o2' },
			['o1'],
			false,
			false,
			'can'
		],
		[
			'thanked today already',
			member(),
			{ kind: 'practice', organizationId: 'o2' },
			[],
			true,
			false,
			'today'
		],
		[
			'coordinators thank like anyone',
			coordinator,
			{ kind: 'organization', organizationId: 'o2' },
			[],
			false,
			false,
			'can'
		]
	])('thanks: %s', (_, viewer, recipient, memberOf, today, suspended, expected) => {
		expect(thanksPermission(viewer, recipient, new Set(memberOf), today, suspended)).toBe(expected);
	});

	it('nominations are read by their nominator and coordinators; programmes once public', () => {
		expect(canReadNomination(member('n1'), 'n1')).toBe(true);
		expect(canReadNomination(member('x'), 'n1')).toBe(false);
		expect(canReadNomination(null, 'n1')).toBe(false);
		expect(canReadNomination(coordinator, 'n1')).toBe(true);
		expect(canReadProgramme(null, true)).toBe(true);
		expect(canReadProgramme(member(), false)).toBe(false);
		expect(canReadProgramme(admin, false)).toBe(true);
	});
});

describe('a place (mirrors places.test.ts)', () => {
	const editorOf = new Set(['org1']);
	const mine = { organizationId: 'org1', published: true };
	const orphan = { organizationId: null, published: true };

	it('its organization’s owners and editors keep it; coordinators keep every place', () => {
		expect(placePermissions(member('e1'), mine, editorOf).keep).toBe(true);
		expect(placePermissions(member('m1'), mine, new Set()).keep).toBe(false);
		expect(placePermissions(member('e1'), orphan, editorOf).keep).toBe(false);
		expect(placePermissions(coordinator, orphan, new Set()).keep).toBe(true);
		expect(placePermissions(admin, mine, new Set()).keep).toBe(true);
		expect(placePermissions(null, mine, new Set()).keep).toBe(false);
		expect(placePermissions(member('e1'), mine, editorOf, true).keep).toBe(false);
	});

	it('any signed-in member who is not suspended reports a change on a published place', () => {
		expect(placePermissions(member(), mine, new Set()).report).toBe(true);
		expect(placePermissions(null, mine, new Set()).report).toBe(false);
		expect(placePermissions(member(), mine, new Set(), true).report).toBe(false);
		expect(placePermissions(coordinator, { ...mine, published: false }, new Set()).report).toBe(
			false
		);
	});

	it('a place of no organization is written by coordinators only', () => {
		expect(canKeepPlaceOf(member('e1'), null, editorOf)).toBe(false);
		expect(canKeepPlaceOf(coordinator, null, new Set())).toBe(true);
		expect(canKeepPlaceOf(member('e1'), 'org2', editorOf)).toBe(false);
		expect(placePermissions(member(), mine, new Set()).create).toBe(false);
		expect(placePermissions(member('e1'), mine, editorOf).create).toBe(true);
	});
});
