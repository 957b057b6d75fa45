import type { PageServerLoad } from './$types';
import { listPublicProgrammes } from '$lib/server/programmes/queries';

export const load = (async () => {
	return { programmes: await listPublicProgrammes() };
}) satisfies PageServerLoad;
