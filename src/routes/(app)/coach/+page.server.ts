import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';
import { listProgrammesByIds } from '$lib/server/programmes/queries';

export const load = (async (event) => {
	const actor = guard(event, 'space.coach');
	const roles = actor.programmeRoles.filter(
		(r) => r.role === 'coach' || r.role === 'sparring_partner'
	);
	const programmes = await listProgrammesByIds([...new Set(roles.map((r) => r.programmeId))]);
	return {
		programmes: programmes.map((p) => ({
			...p,
			roles: roles.filter((r) => r.programmeId === p.id).map((r) => r.role)
		}))
	};
}) satisfies PageServerLoad;
