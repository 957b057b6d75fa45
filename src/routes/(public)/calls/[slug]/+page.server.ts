import type { PageServerLoad } from './$types';
import { localizedWithLang } from '$lib/components/apply/texts';
import { isLocale } from '$lib/i18n/localized';
import { getLocale } from '$lib/paraglide/runtime';
import { listApplicationsOfOrganisations } from '$lib/server/applications/queries';
import { findCallBySlug } from '$lib/server/calls/queries';
import { effectiveStatus } from '$lib/server/calls/rules';
import { AppError } from '$lib/server/errors';
import { httpError } from '$lib/server/http';

export const load = (async ({ params, locals }) => {
	const call = await findCallBySlug(params.slug);
	// Drafts are not public: they look exactly like a call that does not exist.
	if (!call || call.status === 'draft') httpError(new AppError('not_found'));
	const locale = isLocale(getLocale()) ? getLocale() : 'en';
	const fallback = isLocale(call.fallbackLocale) ? call.fallbackLocale : 'en';
	const text = (value: typeof call.title) =>
		localizedWithLang(value, locale as typeof fallback, fallback);

	const actor = locals.actor;
	const enterprises = (actor?.memberships ?? [])
		.filter((m) => m.kind === 'enterprise')
		.map((m) => ({ id: m.organisationId, name: m.name }));
	const applications = (await listApplicationsOfOrganisations(enterprises.map((e) => e.id)))
		.filter((a) => a.callSlug === call.slug && a.status !== 'withdrawn')
		.map((a) => ({ id: a.id, status: a.status, organisationName: a.organisationName }));

	return {
		call: {
			slug: call.slug,
			title: text(call.title),
			summary: text(call.summary),
			description: text(call.description),
			eligibility: text(call.eligibilityText),
			programme: text(call.programmeName),
			organisationName: call.organisationName,
			timeZone: call.timeZone,
			opensAt: call.opensAt.toISOString(),
			closesAt: call.closesAt.toISOString(),
			status: effectiveStatus(call),
			maxApplications: call.maxApplicationsPerEnterprise
		},
		signedIn: Boolean(actor),
		enterprises,
		applications
	};
}) satisfies PageServerLoad;
