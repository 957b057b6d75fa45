import type { PageServerLoad } from './$types';
import { can } from '$lib/server/identity/can';
import { AppError } from '$lib/server/errors';
import { guard, httpError } from '$lib/server/http';
import { programmeApplicationSummary } from '$lib/server/applications/queries';
import { listCallsForOrganisation } from '$lib/server/calls/queries';
import { findProgrammeBySlug } from '$lib/server/programmes/queries';
import { clusterOf } from '../access.server';

type SummaryRow = { partner: string; country: string; status: string; count: number };

/**
 * The lead's summary as a table: a group of rows per partner (one per applicants' country), a
 * column per status, and totals per group and overall.
 */
function summaryTable(rows: SummaryRow[]) {
	const statuses = [...new Set(rows.map((r) => r.status))].sort();
	const counts = (list: SummaryRow[]) => ({
		byStatus: statuses.map((s) =>
			list.filter((r) => r.status === s).reduce((n, r) => n + r.count, 0)
		),
		total: list.reduce((n, r) => n + r.count, 0)
	});
	const partners = [...new Set(rows.map((r) => r.partner))];
	return {
		statuses,
		groups: partners.map((partner) => {
			const own = rows.filter((r) => r.partner === partner);
			const countries = [...new Set(own.map((r) => r.country))];
			return {
				partner,
				rows: countries.map((country) => ({
					country,
					...counts(own.filter((r) => r.country === country))
				})),
				subtotal: counts(own)
			};
		}),
		total: counts(rows)
	};
}

export const load = (async (event) => {
	const { organisation } = await clusterOf(event);
	const programme = await findProgrammeBySlug(event.params.programme);
	const partnerIds = programme?.partners.map((p) => p.id) ?? [];
	// Only the lead and its partners see a programme from their management pages.
	if (!programme || ![programme.organisationId, ...partnerIds].includes(organisation.id))
		httpError(new AppError('not_found'));
	const resource = {
		type: 'programme' as const,
		id: programme.id,
		organisationId: programme.organisationId,
		partnerIds
	};
	const actor = guard(event, 'programme.view', resource);
	const lead = programme.organisationId === organisation.id;
	const showSummary = lead && can(actor, 'programme.manage', resource);
	const [calls, summary] = await Promise.all([
		listCallsForOrganisation(organisation.id),
		showSummary ? programmeApplicationSummary(programme.id) : Promise.resolve(null)
	]);
	return {
		programme: {
			id: programme.id,
			slug: programme.slug,
			name: programme.name,
			summary: programme.summary,
			fallbackLocale: programme.fallbackLocale,
			funder: programme.funder,
			startsOn: programme.startsOn,
			endsOn: programme.endsOn,
			budgetMinor: programme.budgetMinor,
			currency: programme.currency,
			leadName: programme.leadName,
			targets: programme.targets.map((t) => ({
				indicator: t.indicator,
				label: t.label,
				target: t.target
			})),
			partners: programme.partners
		},
		lead,
		calls: calls
			.filter((c) => c.programmeId === programme.id)
			.map((c) => ({
				id: c.id,
				title: c.title,
				fallbackLocale: c.fallbackLocale,
				timeZone: c.timeZone,
				opensAt: c.opensAt,
				closesAt: c.closesAt,
				status: c.status,
				organisationName: c.organisationName,
				ours: c.organisationId === organisation.id,
				applications: c.applications
			})),
		summary: summary ? summaryTable(summary) : null
	};
}) satisfies PageServerLoad;
