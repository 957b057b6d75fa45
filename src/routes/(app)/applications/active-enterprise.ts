import type { Actor } from '$lib/server/identity/actor';

/** The enterprise the person works in: the active organisation if it is one, else their first. */
export function activeEnterprise(actor: Actor) {
	const enterprises = actor.memberships.filter((m) => m.kind === 'enterprise');
	return enterprises.find((m) => m.organisationId === actor.activeOrganisationId) ?? enterprises[0];
}
