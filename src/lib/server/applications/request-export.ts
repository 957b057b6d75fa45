import type { Locale } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { callResource, findCall } from '../calls/queries';
import { AppError } from '../errors';
import { createJobRun } from '../jobs/job-runs';
import type { ExportFilters, ExportFormat } from '../reporting/export-applications';
import { countApplications } from './queries';

/** Starts an export of a call's applications; the file is built by a job the page shows progress of. */
export async function requestExport({
	actor,
	callId,
	format,
	filters,
	locale
}: {
	actor: Actor;
	callId: string;
	format: ExportFormat;
	filters: ExportFilters;
	locale: Locale;
}) {
	const target = await findCall(callId);
	if (!target) throw new AppError('not_found');
	authorize(actor, 'call.view', callResource(target));
	return db().transaction(async (tx) => {
		const n = await countApplications(callId, filters, tx);
		const jobRunId = await createJobRun(tx, {
			kind: 'export-applications',
			organisationId: target.organisationId,
			subjectId: callId,
			createdBy: actor.userId,
			total: n,
			input: { format, filters, locale }
		});
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'applications.exported',
			entityType: 'call',
			entityId: callId,
			organisationId: target.organisationId,
			data: { format, filters, rows: n, jobRunId }
		});
		return { jobRunId };
	});
}
