import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { overrideIdSchema, pairSchema } from '$lib/schemas/jury';
import { managerCall } from '$lib/server/calls/manager-call';
import { callResource } from '$lib/server/calls/queries';
import { actionFailure } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { runAssignment, type LastRun } from '$lib/server/review/assign-reviewers';
import { clearOverride, excludePair, pinPair } from '$lib/server/review/override-assignment';
import {
	activeJurors,
	applicationNames,
	assignmentSummary,
	assignmentTable,
	jurorNames,
	jurySettingsOf
} from '$lib/server/review/panel-queries';
import { effectivePhase } from '$lib/server/review/rules';

const querySchema = z.object({
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
	missing: z.preprocess((v) => v === '1', z.boolean())
});

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'call.view');
	const query = querySchema.parse(Object.fromEntries(event.url.searchParams));
	const settings = await jurySettingsOf(call.id);
	const k = settings.reviewersPerApplication;
	const [table, summary, jurors] = await Promise.all([
		assignmentTable(call.id, { page: query.page, k, missing: query.missing }),
		assignmentSummary(call.id, k),
		activeJurors(call.id)
	]);
	const lastRun = settings.lastRun as LastRun | null;
	const reasons = lastRun?.outcome === 'infeasible' ? lastRun.reasons : [];
	const [reasonApplications, reasonJurors] = await Promise.all([
		applicationNames(
			call.id,
			reasons.flatMap((r) =>
				r.code === 'blocked_group'
					? r.applicationIds
					: 'applicationId' in r
						? [r.applicationId]
						: []
			)
		),
		jurorNames(
			call.id,
			reasons.flatMap((r) => ('jurorId' in r ? [r.jurorId] : []))
		)
	]);
	return {
		canManage: can(actor, 'jury.manage', callResource(call)),
		open: effectivePhase(settings) !== 'closed',
		k,
		query,
		table,
		summary,
		jurors: jurors.map((j) => ({ id: j.id, name: j.name || j.email, languages: j.languages })),
		lastRun,
		reasonNames: { applications: reasonApplications, jurors: reasonJurors },
		timeZone: call.timeZone
	};
}) satisfies PageServerLoad;

export const actions = {
	run: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		try {
			const run = await runAssignment({ actor, callId: call.id });
			return { action: 'run' as const, outcome: run.outcome };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'run' as const, ...failure.data });
		}
	},

	pin: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(pairSchema, await event.request.formData());
		if (!parsed.ok) return fail(404, { action: 'pin' as const, errors: { _form: 'not_found' } });
		try {
			await pinPair({ actor, callId: call.id, ...parsed.data });
			return { action: 'pin' as const, done: parsed.data };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'pin' as const, ...failure.data, pair: parsed.data });
		}
	},

	exclude: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(pairSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(404, { action: 'exclude' as const, errors: { _form: 'not_found' } });
		try {
			await excludePair({ actor, callId: call.id, ...parsed.data });
			return { action: 'exclude' as const, done: parsed.data };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, {
				action: 'exclude' as const,
				...failure.data,
				pair: parsed.data
			});
		}
	},

	clear: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(overrideIdSchema, await event.request.formData());
		if (!parsed.ok) return fail(404, { action: 'clear' as const, errors: { _form: 'not_found' } });
		try {
			const { kind } = await clearOverride({ actor, callId: call.id, ...parsed.data });
			return { action: 'clear' as const, kind };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'clear' as const, ...failure.data });
		}
	}
} satisfies Actions;
