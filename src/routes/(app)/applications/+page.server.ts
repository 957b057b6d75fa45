import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';

export const load = (async (event) => {
	const actor = guard(event, 'space.applicant');
	const enterprises = actor.memberships.filter((m) => m.kind === 'enterprise');
	const current =
		enterprises.find((m) => m.organisationId === actor.activeOrganisationId) ?? enterprises[0];
	return { enterprise: { name: current.name, slug: current.slug } };
}) satisfies PageServerLoad;
