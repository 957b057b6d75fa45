import type { PageServerLoad } from './$types';
import { email as emailSchema, safeRedirect } from '$lib/schemas/identity';
import { MAGIC_LINK_MINUTES } from '$lib/server/auth';
import { config } from '$lib/server/config';

export const load = (({ url }) => {
	const parsed = emailSchema.safeParse(url.searchParams.get('email') ?? '');
	return {
		email: parsed.success ? parsed.data : '',
		redirectTo: safeRedirect(url.searchParams.get('redirectTo')),
		minutes: MAGIC_LINK_MINUTES,
		localMode: config().local
	};
}) satisfies PageServerLoad;
