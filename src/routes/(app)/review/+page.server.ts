import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';
import { listProgrammesByIds } from '$lib/server/programmes/queries';

export const load = (async (event) => {
	const actor = guard(event, 'space.juror');
	const ids = actor.programmeRoles.filter((r) => r.role === 'juror').map((r) => r.programmeId);
	return { programmes: await listProgrammesByIds(ids) };
}) satisfies PageServerLoad;
