import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { callResource, findCall } from '../calls/queries';
import { AppError } from '../errors';
import { createJobRun } from '../jobs/job-runs';
import type { ExportFilters } from '../reporting/export-applications';
import { countApplications } from './queries';

/**
 * Emails every applicant in a filtered set of a call's applications. The request is recorded (job
 * run + audit) at once; a job writes the emails in batches and the page shows its progress.
 */
export async function sendBulkEmail({
	actor,
	callId,
	filters,
	subject,
	body
}: {
	actor: Actor;
	callId: string;
	filters: ExportFilters;
	subject: string;
	body: string;
}) {
	const target = await findCall(callId);
	if (!target) throw new AppError('not_found');
	authorize(actor, 'call.manage', callResource(target));
	return db().transaction(async (tx) => {
		const n = await countApplications(callId, filters, tx);
		if (n === 0) throw new AppError('invalid_input', 'no_recipients', { _form: 'no_recipients' });
		const jobRunId = await createJobRun(tx, {
			kind: 'bulk-email',
			organisationId: target.organisationId,
			subjectId: callId,
			createdBy: actor.userId,
			total: n,
			input: { filters, subject, body, from: actor.name || actor.email }
		});
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'applications.bulk_email',
			entityType: 'call',
			entityId: callId,
			organisationId: target.organisationId,
			data: { filters, subject, recipients: n, jobRunId }
		});
		return { jobRunId, recipients: n };
	});
}
