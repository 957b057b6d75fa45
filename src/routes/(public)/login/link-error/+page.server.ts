import type { PageServerLoad } from './$types';
import { email as emailSchema } from '$lib/schemas/identity';
import { MAGIC_LINK_MINUTES } from '$lib/server/auth';

export const load = (({ url }) => {
	const parsed = emailSchema.safeParse(url.searchParams.get('email') ?? '');
	return { email: parsed.success ? parsed.data : '', minutes: MAGIC_LINK_MINUTES };
}) satisfies PageServerLoad;
