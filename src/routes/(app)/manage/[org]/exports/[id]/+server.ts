import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { callResource, findCall } from '$lib/server/calls/queries';
import { fileStore } from '$lib/server/files';
import { requireActor } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { findJobRun } from '$lib/server/jobs/job-runs';

/** Downloads a finished export, for people who may see the call's applications. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const notFound = () => error(404, { message: m.error_not_found(), code: 'not_found' });
	const run = /^[0-9a-f-]{36}$/i.test(event.params.id) ? await findJobRun(event.params.id) : null;
	if (!run || run.kind !== 'export-applications' || run.status !== 'done' || !run.subjectId)
		notFound();
	const target = await findCall(run!.subjectId!);
	if (!target || !can(actor, 'call.view', callResource(target))) notFound();
	const { key, format } = run!.result as { key: string; format: 'csv' | 'xlsx' };
	const bytes = await fileStore().get(key);
	if (!bytes) notFound();
	const name = `${target!.slug}-applications.${format}`;
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type':
				format === 'csv'
					? 'text/csv; charset=utf-8'
					: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
