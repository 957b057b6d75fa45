import type { Actor } from './actor';

/**
 * Small named predicates; `can()` composes them. Each answers one question about the actor and
 * never touches the database.
 */
export const isPlatformAdmin = (actor: Actor) => actor.platformAdmin;

export const isMemberOf = (actor: Actor, organisationId: string) =>
	actor.memberships.some((m) => m.organisationId === organisationId);

export const isManagerOf = (actor: Actor, organisationId: string) =>
	actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'manager');

export const belongsToEnterprise = (actor: Actor) =>
	actor.memberships.some((m) => m.kind === 'enterprise');

export const belongsToProvider = (actor: Actor) =>
	actor.memberships.some((m) => m.kind === 'provider');

export const managesAnOrganisation = (actor: Actor) =>
	actor.memberships.some((m) => m.role === 'manager');

export const hasProgrammeRole = (actor: Actor, roles: ProgrammeRoleName[], programmeId?: string) =>
	actor.programmeRoles.some(
		(r) => roles.includes(r.role) && (programmeId === undefined || r.programmeId === programmeId)
	);

type ProgrammeRoleName = Actor['programmeRoles'][number]['role'];
