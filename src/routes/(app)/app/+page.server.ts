import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';
import { can } from '$lib/server/identity/can';

export const load = (async (event) => {
	// Every signed-in person has an overview; what it offers is decided by `can()`.
	const actor = guard(event, 'account.manage');
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
