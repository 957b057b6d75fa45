import type { PageServerLoad } from './$types';
import { can } from '$lib/server/identity/can';
import { requireActor } from '$lib/server/http';

export const load = (async (event) => {
	// Every signed-in person has an overview; what it offers is decided by `can()`.
	const actor = requireActor(event);
	const active = actor.memberships.find((m) => m.organisationId === actor.activeOrganisationId);
	return {
		name: actor.name || actor.email,
		activeOrganisation: active ? { name: active.name, slug: active.slug } : null,
		spaces: {
			applicant: can(actor, 'space.applicant'),
			juror: can(actor, 'space.juror'),
			coach: can(actor, 'space.coach'),
			provider: can(actor, 'space.provider'),
			manage: can(actor, 'space.manage'),
			admin: can(actor, 'admin.access')
		}
	};
}) satisfies PageServerLoad;
