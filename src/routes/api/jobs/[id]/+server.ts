import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { callResource, findCall } from '$lib/server/calls/queries';
import { requireActor } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { findJobRun } from '$lib/server/jobs/job-runs';

/** Progress of a job: for the person who started it, or anyone who may see its call. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const run = /^[0-9a-f-]{36}$/i.test(event.params.id) ? await findJobRun(event.params.id) : null;
	const target = run?.subjectId ? await findCall(run.subjectId) : null;
	if (
		!run ||
		!(run.createdBy === actor.userId || (target && can(actor, 'call.view', callResource(target))))
	) {
		error(404, { message: m.error_not_found(), code: 'not_found' });
	}
	return json(
		{ status: run.status, total: run.total, done: run.done, failed: run.failed },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
