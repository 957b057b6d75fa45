import type { PageServerLoad } from './$types';
import { isLocale, type Locale } from '$lib/i18n/localized';
import { localizedWithLang } from '$lib/components/apply/texts';
import { getLocale } from '$lib/paraglide/runtime';
import { listApplicationsOfOrganisations } from '$lib/server/applications/queries';
import { listPublicCalls } from '$lib/server/calls/queries';
import { effectiveStatus } from '$lib/server/calls/rules';
import { guard } from '$lib/server/http';
import { releasedOutcomesOf } from '$lib/server/review/decision-queries';
import { can } from '$lib/server/identity/can';
import { activeEnterprise } from './active-enterprise';

export const load = (async (event) => {
	const actor = guard(event, 'space.applicant');
	const enterprise = activeEnterprise(actor);
	const locale: Locale = isLocale(getLocale()) ? (getLocale() as Locale) : 'en';
	const now = new Date();
	const [applications, calls] = await Promise.all([
		listApplicationsOfOrganisations([enterprise.organisationId]),
		listPublicCalls()
	]);
	const decisions = await releasedOutcomesOf(applications.map((a) => a.id));
	return {
		enterprise: {
			name: enterprise.name,
			canEditProfile: can(actor, 'organisation.manage', {
				type: 'organisation',
				id: enterprise.organisationId
			})
		},
		applications: applications.map((a) => {
			const fallback = isLocale(a.callFallbackLocale) ? a.callFallbackLocale : 'en';
			return {
				id: a.id,
				status: a.status,
				submittedAt: a.submittedAt?.toISOString() ?? null,
				// The screening outcome is the applicant's to see once the application is in.
				screening: a.status === 'submitted' ? a.screening : null,
				screeningReason:
					a.status === 'submitted' && a.screening === 'not_eligible' ? a.screeningReason : null,
				callTitle: localizedWithLang(a.callTitle, locale, fallback),
				callSlug: a.callSlug,
				closesAt: a.callClosesAt.toISOString(),
				timeZone: a.callTimeZone,
				deadlinePassed: a.callStatus !== 'open' || a.callClosesAt <= now,
				decision: decisions.get(a.id) ?? null
			};
		}),
		openCalls: calls
			.filter((c) => effectiveStatus(c, now) === 'open')
			.map((c) => {
				const fallback = isLocale(c.fallbackLocale) ? c.fallbackLocale : 'en';
				return {
					id: c.id,
					slug: c.slug,
					title: localizedWithLang(c.title, locale, fallback),
					organisationName: c.organisationName,
					closesAt: c.closesAt.toISOString(),
					timeZone: c.timeZone
				};
			})
	};
}) satisfies PageServerLoad;
