import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { managerCall } from '$lib/server/calls/manager-call';
import { httpError } from '$lib/server/http';
import { effectivePhase } from '$lib/server/review/rules';
import { loadCallResults } from '$lib/server/review/results';

const PAGE_SIZE = 50;

const querySchema = z.object({
	method: z.enum(['z', 'bias']).catch('z'),
	sort: z.enum(['raw', 'normalised']).catch('raw'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'jury.manage');
	const query = querySchema.parse(Object.fromEntries(event.url.searchParams));
	const loaded = await loadCallResults({
		actor,
		callId: call.id,
		normalisation: query.method
	}).catch(httpError);
	const names = new Map(loaded.applications.map((a) => [a.id, a.organisationName]));
	const jurorNames = new Map(loaded.jurors.map((j) => [j.id, j.name || j.email]));
	const key = query.sort === 'raw' ? 'rankRaw' : 'rankNormalised';
	const rows = (loaded.results?.applications ?? [])
		.map((row) => ({
			id: row.applicationId,
			organisationName: names.get(row.applicationId) ?? '',
			n: row.n,
			incomplete: row.incomplete,
			mean: row.mean,
			median: row.median,
			sd: row.sd,
			normalised: query.method === 'z' ? row.zNormalised : row.biasAdjusted,
			rankRaw: row.rankRaw,
			rankNormalised: row.rankNormalised,
			rankChange: row.rankChange,
			flagged: row.flagged
		}))
		.sort(
			(a, b) =>
				(a[key] ?? Infinity) - (b[key] ?? Infinity) ||
				(a.rankRaw ?? Infinity) - (b.rankRaw ?? Infinity) ||
				a.organisationName.localeCompare(b.organisationName)
		);
	const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
	const page = Math.min(query.page, pages);
	const phase = effectivePhase({ phase: loaded.phase, reviewDeadline: loaded.reviewDeadline });
	return {
		query: { ...query, page },
		pages,
		total: rows.length,
		flagged: rows.filter((r) => r.flagged).length,
		rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		hasCriteria: loaded.criteria.length > 0,
		progress: loaded.progress,
		scoringOpen: phase === 'scoring',
		alpha: loaded.results
			? { value: loaded.results.alpha.value, reading: loaded.results.reading }
			: null,
		jurors: (loaded.results?.jurorStats ?? [])
			.map((s) => ({ ...s, name: jurorNames.get(s.jurorId) ?? '' }))
			.sort((a, b) => a.name.localeCompare(b.name))
	};
}) satisfies PageServerLoad;
