import { AppError } from '../errors';
import type { Actor } from './actor';
import {
	belongsToEnterprise,
	belongsToProvider,
	hasProgrammeRole,
	isManagerOf,
	isMemberOf,
	isPlatformAdmin,
	managesAnOrganisation
} from './rules';

/** What a permission is about. Organisations and programmes are named by id. */
export type Resource =
	| { type: 'platform' }
	| { type: 'organisation'; id: string }
	| { type: 'programme'; id: string; organisationId: string; partnerIds?: string[] }
	/** A call is run by one cluster (lead or partner) inside a programme led by another. */
	| { type: 'call'; organisationId: string; programmeOrganisationId: string; programmeId: string }
	| {
			type: 'application';
			organisationId: string;
			call: { organisationId: string; programmeOrganisationId: string; programmeId: string };
	  }
	/** One juror's review: only the juror it is assigned to may read or score it. */
	| { type: 'review'; jurorUserId: string | null };

export type Action =
	| 'account.manage'
	| 'space.applicant'
	| 'space.juror'
	| 'space.coach'
	| 'space.provider'
	| 'space.manage'
	| 'admin.access'
	| 'organisation.view'
	| 'organisation.manage'
	| 'programme.view'
	| 'programme.manage'
	| 'call.create'
	| 'call.view'
	| 'call.manage'
	| 'application.create'
	| 'application.edit'
	| 'application.view'
	| 'jury.manage'
	| 'review.score';

const platform: Resource = { type: 'platform' };

/** The one place that decides permissions. Every load and action asks it before touching data. */
export function can(
	actor: Actor | null | undefined,
	action: Action,
	resource: Resource = platform
): boolean {
	if (!actor) return false;
	switch (action) {
		case 'account.manage':
			// One's own account, overview and invitations: being signed in is enough.
			return true;
		case 'admin.access':
			return isPlatformAdmin(actor);
		case 'space.applicant':
			return belongsToEnterprise(actor);
		case 'space.provider':
			return belongsToProvider(actor);
		case 'space.juror':
			return hasProgrammeRole(actor, ['juror']);
		case 'space.coach':
			return hasProgrammeRole(actor, ['coach', 'sparring_partner']);
		case 'space.manage':
			return managesAnOrganisation(actor) || hasProgrammeRole(actor, ['manager']);
		case 'organisation.view':
			return (
				resource.type === 'organisation' &&
				(isMemberOf(actor, resource.id) || isPlatformAdmin(actor))
			);
		case 'organisation.manage':
			return (
				resource.type === 'organisation' &&
				(isManagerOf(actor, resource.id) || isPlatformAdmin(actor))
			);
		case 'call.create':
			// Lead or consortium partner managers open calls inside the programme.
			return (
				resource.type === 'programme' &&
				([resource.organisationId, ...(resource.partnerIds ?? [])].some((o) =>
					isManagerOf(actor, o)
				) ||
					hasProgrammeRole(actor, ['manager'], resource.id) ||
					isPlatformAdmin(actor))
			);
		case 'call.manage':
		case 'jury.manage':
			// Whoever runs the call runs its jury, its assignment and its decisions.
			return resource.type === 'call' && managesCall(actor, resource);
		case 'review.score':
			return (
				resource.type === 'review' &&
				resource.jurorUserId !== null &&
				resource.jurorUserId === actor.userId
			);
		case 'call.view':
			return resource.type === 'call' && seesCall(actor, resource);
		case 'application.create':
			// An enterprise applies through one of its members.
			return (
				resource.type === 'organisation' &&
				isMemberOf(actor, resource.id) &&
				actor.memberships.some((m) => m.organisationId === resource.id && m.kind === 'enterprise')
			);
		case 'application.edit':
			return resource.type === 'application' && isMemberOf(actor, resource.organisationId);
		case 'application.view':
			return (
				resource.type === 'application' &&
				(isMemberOf(actor, resource.organisationId) ||
					seesCall(actor, { type: 'call', ...resource.call }))
			);
		case 'programme.view':
		case 'programme.manage': {
			if (resource.type !== 'programme') return false;
			const orgs = [resource.organisationId, ...(resource.partnerIds ?? [])];
			const byOrg =
				action === 'programme.view'
					? orgs.some((o) => isMemberOf(actor, o))
					: isManagerOf(actor, resource.organisationId);
			return (
				byOrg ||
				hasProgrammeRole(actor, ['manager'], resource.id) ||
				(action === 'programme.view' &&
					hasProgrammeRole(actor, ['juror', 'coach', 'sparring_partner'], resource.id)) ||
				isPlatformAdmin(actor)
			);
		}
	}
}

function managesCall(actor: Actor, call: Extract<Resource, { type: 'call' }>) {
	return (
		isManagerOf(actor, call.organisationId) ||
		hasProgrammeRole(actor, ['manager'], call.programmeId) ||
		isPlatformAdmin(actor)
	);
}

/** The programme's lead managers see every partner's calls combined, without running them. */
function seesCall(actor: Actor, call: Extract<Resource, { type: 'call' }>) {
	return managesCall(actor, call) || isManagerOf(actor, call.programmeOrganisationId);
}

/** `can()` or throw: 401 without a session, 403 with one. */
export function authorize(
	actor: Actor | null | undefined,
	action: Action,
	resource?: Resource
): asserts actor is Actor {
	if (!actor) throw new AppError('unauthenticated');
	if (!can(actor, action, resource)) throw new AppError('forbidden');
}
