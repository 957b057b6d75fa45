import type { RequestEvent } from '@sveltejs/kit';
import { perRequest } from '../request-memo';
import { findOrganisationBySlug } from './queries';

/** The organisation named by [org] in the URL, read once per request. The caller still guards. */
export function organisationOf(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const slug = (event.params as { org?: string }).org ?? '';
	return perRequest(event, `organisation ${slug}`, () => findOrganisationBySlug(slug));
}
