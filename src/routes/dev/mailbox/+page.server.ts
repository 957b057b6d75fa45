import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { config } from '$lib/server/config';
import { unsafeListMailbox } from '$lib/server/notify/queries';

export const load = (async () => {
	// Exists only in local mode (no DATABASE_URL): against a real database this page is a 404.
	// There, every visitor is the developer on their own machine, so no further permission applies.
	if (!config().local) error(404, { message: m.error_not_found(), code: 'not_found' });
	return { emails: await unsafeListMailbox() };
}) satisfies PageServerLoad;
