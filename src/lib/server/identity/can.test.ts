import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import type { Actor, Membership, ProgrammeRole } from './actor';
import { authorize, can, type Action, type Resource } from './can';

const cluster = '00000000-0000-4000-8000-00000000000c';
const partner = '00000000-0000-4000-8000-00000000000d';
const enterprise = '00000000-0000-4000-8000-00000000000e';
const provider = '00000000-0000-4000-8000-00000000000f';
const programmeId = '00000000-0000-4000-8000-0000000000a1';
const otherProgrammeId = '00000000-0000-4000-8000-0000000000a2';

function membership(
	organisationId: string,
	kind: Membership['kind'],
	role: Membership['role']
): Membership {
	return {
		organisationId,
		slug: `org-${organisationId.slice(-2)}`,
		name: `Organisation ${organisationId.slice(-2)}`,
		kind,
		role
	};
}

function programmeRole(role: ProgrammeRole['role'], id = programmeId): ProgrammeRole {
	return { programmeId: id, organisationId: cluster, role };
}

function actor(overrides: Partial<Actor> = {}): Actor {
	return {
		userId: 'user-1',
		email: 'person@example.org',
		name: 'Person',
		platformAdmin: false,
		locale: null,
		activeOrganisationId: null,
		memberships: [],
		programmeRoles: [],
		...overrides
	};
}

const actors = {
	'platform admin': actor({ platformAdmin: true }),
	'enterprise manager': actor({ memberships: [membership(enterprise, 'enterprise', 'manager')] }),
	'enterprise member': actor({ memberships: [membership(enterprise, 'enterprise', 'member')] }),
	'provider member': actor({ memberships: [membership(provider, 'provider', 'member')] }),
	'cluster manager': actor({ memberships: [membership(cluster, 'cluster', 'manager')] }),
	'cluster member': actor({ memberships: [membership(cluster, 'cluster', 'member')] }),
	'partner manager': actor({ memberships: [membership(partner, 'cluster', 'manager')] }),
	'programme manager': actor({ programmeRoles: [programmeRole('manager')] }),
	juror: actor({ programmeRoles: [programmeRole('juror')] }),
	coach: actor({ programmeRoles: [programmeRole('coach')] }),
	'sparring partner': actor({ programmeRoles: [programmeRole('sparring_partner')] }),
	'juror of another programme': actor({
		programmeRoles: [programmeRole('juror', otherProgrammeId)]
	}),
	'person without memberships': actor()
} satisfies Record<string, Actor>;

type ActorName = keyof typeof actors;

const programme: Resource = {
	type: 'programme',
	id: programmeId,
	organisationId: cluster,
	partnerIds: [partner]
};

const checks: [label: string, action: Action, resource?: Resource][] = [
	['space.applicant', 'space.applicant'],
	['space.juror', 'space.juror'],
	['space.coach', 'space.coach'],
	['space.provider', 'space.provider'],
	['space.manage', 'space.manage'],
	['admin.access', 'admin.access'],
	['organisation.view enterprise', 'organisation.view', { type: 'organisation', id: enterprise }],
	[
		'organisation.manage enterprise',
		'organisation.manage',
		{ type: 'organisation', id: enterprise }
	],
	['organisation.view cluster', 'organisation.view', { type: 'organisation', id: cluster }],
	['organisation.manage cluster', 'organisation.manage', { type: 'organisation', id: cluster }],
	['programme.view', 'programme.view', programme],
	['programme.manage', 'programme.manage', programme]
];

/** For each actor, exactly the checks that are allowed; every other check is refused. */
const allowed: Record<ActorName, string[]> = {
	'platform admin': [
		'admin.access',
		'organisation.view enterprise',
		'organisation.manage enterprise',
		'organisation.view cluster',
		'organisation.manage cluster',
		'programme.view',
		'programme.manage'
	],
	'enterprise manager': [
		'space.applicant',
		'space.manage',
		'organisation.view enterprise',
		'organisation.manage enterprise'
	],
	'enterprise member': ['space.applicant', 'organisation.view enterprise'],
	'provider member': ['space.provider'],
	'cluster manager': [
		'space.manage',
		'organisation.view cluster',
		'organisation.manage cluster',
		'programme.view',
		'programme.manage'
	],
	'cluster member': ['organisation.view cluster', 'programme.view'],
	'partner manager': ['space.manage', 'programme.view'],
	'programme manager': ['space.manage', 'programme.view', 'programme.manage'],
	juror: ['space.juror', 'programme.view'],
	coach: ['space.coach', 'programme.view'],
	'sparring partner': ['space.coach', 'programme.view'],
	'juror of another programme': ['space.juror'],
	'person without memberships': []
};

describe('can', () => {
	for (const [name, subject] of Object.entries(actors) as [ActorName, Actor][]) {
		it(`${name} is allowed exactly the expected actions`, () => {
			const granted = checks
				.filter(([, action, resource]) => can(subject, action, resource))
				.map(([label]) => label);
			expect(granted).toEqual(allowed[name]);
		});
	}

	it('a null or missing actor is refused every action', () => {
		const results = checks.flatMap(([, action, resource]) => [
			can(null, action, resource),
			can(undefined, action, resource)
		]);
		expect(results).toEqual(checks.flatMap(() => [false, false]));
	});

	it('an organisation action on a non-organisation resource is refused even to a platform admin', () => {
		expect(can(actors['platform admin'], 'organisation.view', { type: 'platform' })).toBe(false);
		expect(can(actors['platform admin'], 'organisation.manage', programme)).toBe(false);
	});

	it('a programme action on a non-programme resource is refused even to a platform admin', () => {
		expect(
			can(actors['platform admin'], 'programme.view', { type: 'organisation', id: cluster })
		).toBe(false);
		expect(can(actors['platform admin'], 'programme.manage')).toBe(false);
	});

	it('a member of a partner organisation views the programme but does not manage it', () => {
		const partnerMember = actor({ memberships: [membership(partner, 'cluster', 'member')] });
		expect(can(partnerMember, 'programme.view', programme)).toBe(true);
		expect(can(partnerMember, 'programme.manage', programme)).toBe(false);
	});

	it('a partner organisation member does not view a programme that has no partners listed', () => {
		const partnerMember = actor({ memberships: [membership(partner, 'cluster', 'member')] });
		const withoutPartners: Resource = {
			type: 'programme',
			id: programmeId,
			organisationId: cluster
		};
		expect(can(partnerMember, 'programme.view', withoutPartners)).toBe(false);
	});

	it('a programme manager of another programme neither views nor manages this one', () => {
		const other = actor({ programmeRoles: [programmeRole('manager', otherProgrammeId)] });
		expect(can(other, 'programme.view', programme)).toBe(false);
		expect(can(other, 'programme.manage', programme)).toBe(false);
	});
});

describe('can jury actions', () => {
	const callResource: Resource = {
		type: 'call',
		organisationId: partner,
		programmeOrganisationId: cluster,
		programmeId
	};

	it('jury.manage is allowed to the running cluster, programme managers and admins only', () => {
		const granted = (Object.entries(actors) as [ActorName, Actor][])
			.filter(([, a]) => can(a, 'jury.manage', callResource))
			.map(([name]) => name);
		expect(granted).toEqual(['platform admin', 'partner manager', 'programme manager']);
	});

	it('review.score is allowed only to the juror the review is assigned to', () => {
		const juror = actors.juror;
		expect(can(juror, 'review.score', { type: 'review', jurorUserId: 'user-1' })).toBe(true);
		expect(can(juror, 'review.score', { type: 'review', jurorUserId: 'user-2' })).toBe(false);
		expect(can(juror, 'review.score', { type: 'review', jurorUserId: null })).toBe(false);
		expect(
			can(actors['platform admin'], 'review.score', { type: 'review', jurorUserId: 'user-9' })
		).toBe(false);
	});

	it('review.score on a call resource is refused', () => {
		expect(can(actors.juror, 'review.score', callResource)).toBe(false);
	});
});

describe('authorize', () => {
	it('authorize with a null actor throws unauthenticated', () => {
		expect(() => authorize(null, 'admin.access')).toThrowError(
			expect.objectContaining({ code: 'unauthenticated', status: 401 })
		);
	});

	it('authorize with an actor lacking the permission throws forbidden', () => {
		let thrown: unknown;
		try {
			authorize(actors['enterprise member'], 'organisation.manage', {
				type: 'organisation',
				id: enterprise
			});
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(AppError);
		expect((thrown as AppError).code).toBe('forbidden');
		expect((thrown as AppError).status).toBe(403);
	});

	it('authorize with an actor holding the permission returns without throwing', () => {
		expect(authorize(actors['cluster manager'], 'programme.manage', programme)).toBeUndefined();
	});
});
