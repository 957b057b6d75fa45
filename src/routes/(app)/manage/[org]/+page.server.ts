import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';
import { listMembers } from '$lib/server/identity/queries';
import { listProgrammesOfOrganisation } from '$lib/server/programmes/queries';

export const load = (async (event) => {
	const { organisation } = await event.parent();
	guard(event, 'organisation.manage', { type: 'organisation', id: organisation.id });
	const [programmes, members] = await Promise.all([
		listProgrammesOfOrganisation(organisation.id),
		listMembers(organisation.id)
	]);
	return {
		programmes: programmes.map((p) => ({ ...p, lead: p.organisationId === organisation.id })),
		memberCount: members.length
	};
}) satisfies PageServerLoad;
