import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';

export const load = (async (event) => {
	const actor = guard(event, 'space.provider');
	const providers = actor.memberships.filter((m) => m.kind === 'provider');
	const current =
		providers.find((m) => m.organisationId === actor.activeOrganisationId) ?? providers[0];
	return { provider: { name: current.name } };
}) satisfies PageServerLoad;
