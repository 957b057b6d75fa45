import { and, asc, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import { isLocale, localized, type Locale } from '$lib/i18n/localized';
import { db } from '../db';
import { application, call, jobRun, organisation, user } from '../db/schema';
import { tableFilters } from '../applications/queries';
import { transitionCall } from '../calls/transition-call';
import { fileStore } from '../files';
import { log } from '../log';
import { queueEmail } from '../notify/queue-email';
import { templates } from '../notify/templates';
import {
	buildExportTable,
	renderExport,
	type ExportFilters,
	type ExportFormat
} from '../reporting/export-applications';
import { addProgress, failJobRun, finishJobRun, findJobRun, markRunning } from './job-runs';

const BATCH = 100;

/** Builds the export file and stores it; running it again rebuilds the same file. */
export async function runExport(jobRunId: string) {
	const run = await findJobRun(jobRunId);
	if (!run || run.status === 'done' || !run.subjectId) return;
	await markRunning(jobRunId);
	try {
		const input = run.input as { format: ExportFormat; filters: ExportFilters; locale: Locale };
		await db().update(jobRun).set({ done: 0 }).where(eq(jobRun.id, jobRunId));
		const table = await buildExportTable(run.subjectId, input.filters, input.locale, (rows) =>
			addProgress(db(), jobRunId, rows)
		);
		const bytes = await renderExport(table, input.format, 'Applications');
		const key = `exports/${jobRunId}.${input.format}`;
		await fileStore().remove(key);
		await fileStore().put(
			key,
			bytes,
			input.format === 'csv'
				? 'text/csv'
				: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		await finishJobRun(jobRunId, {
			key,
			rows: table.rows.length,
			bytes: bytes.byteLength,
			format: input.format
		});
	} catch (error) {
		await failJobRun(jobRunId, (error as Error).message);
		throw error;
	}
}

/** Writes the bulk emails in batches; a retry continues after the last batch written. */
export async function runBulkEmail(jobRunId: string): Promise<string[]> {
	const run = await findJobRun(jobRunId);
	if (!run || run.status === 'done' || !run.subjectId) return [];
	await markRunning(jobRunId);
	const input = run.input as {
		filters: ExportFilters;
		subject: string;
		body: string;
		from: string;
	};
	const outboxIds: string[] = [];
	try {
		for (;;) {
			const progressed = await db().transaction(async (tx) => {
				const [current] = await tx
					.select({ done: jobRun.done })
					.from(jobRun)
					.where(eq(jobRun.id, jobRunId))
					.for('update');
				const batch = await tx
					.select({ id: application.id, locale: application.locale, email: user.email })
					.from(application)
					.innerJoin(organisation, eq(organisation.id, application.organisationId))
					.innerJoin(user, eq(user.id, application.createdBy))
					.where(tableFilters(run.subjectId as string, input.filters))
					.orderBy(asc(application.id))
					.limit(BATCH)
					.offset(current.done);
				for (const recipient of batch) {
					const locale = isLocale(recipient.locale) ? recipient.locale : 'en';
					outboxIds.push(
						await queueEmail(tx, {
							to: recipient.email,
							template: 'bulk',
							locale,
							email: templates.bulk(locale, {
								subject: input.subject,
								body: input.body,
								from: input.from
							}),
							meta: { jobRunId, applicationId: recipient.id }
						})
					);
				}
				await addProgress(tx, jobRunId, batch.length);
				return batch.length;
			});
			if (progressed < BATCH) break;
		}
		await finishJobRun(jobRunId, { emails: outboxIds.length });
		return outboxIds;
	} catch (error) {
		await failJobRun(jobRunId, (error as Error).message);
		throw error;
	}
}

/** Reminds applicants of an unsent draft 7 days and 1 day before the deadline, once each. */
export async function sendDraftReminders(now = new Date(), origin = process.env.ORIGIN ?? '') {
	const outboxIds: string[] = [];
	for (const [days, column] of [
		[7, application.reminder7dSentAt],
		[1, application.reminder1dSentAt]
	] as const) {
		const horizon = new Date(now.getTime() + days * 86_400_000);
		// Inside the last day only the one-day reminder goes out, never both at once.
		const after = days === 7 ? new Date(now.getTime() + 86_400_000) : now;
		const due = await db()
			.select({
				id: application.id,
				locale: application.locale,
				email: user.email,
				title: call.title,
				fallback: call.fallbackLocale,
				closesAt: call.closesAt,
				timeZone: call.timeZone
			})
			.from(application)
			.innerJoin(call, eq(call.id, application.callId))
			.innerJoin(user, eq(user.id, application.createdBy))
			.where(
				and(
					eq(application.status, 'draft'),
					eq(call.status, 'open'),
					gt(call.closesAt, after),
					lte(call.closesAt, horizon),
					isNull(column)
				)
			)
			.limit(500);
		for (const row of due) {
			await db().transaction(async (tx) => {
				const [claimed] = await tx
					.update(application)
					.set(days === 7 ? { reminder7dSentAt: now } : { reminder1dSentAt: now })
					.where(and(eq(application.id, row.id), isNull(column)))
					.returning({ id: application.id });
				if (!claimed) return;
				const locale = isLocale(row.locale) ? row.locale : 'en';
				outboxIds.push(
					await queueEmail(tx, {
						to: row.email,
						template: `reminder-${days}d`,
						locale,
						email: templates.draftReminder(locale, {
							call: localized(row.title, locale, isLocale(row.fallback) ? row.fallback : 'en'),
							closesAt: row.closesAt,
							timeZone: row.timeZone,
							url: `${origin}/applications/${row.id}`
						}),
						meta: { applicationId: row.id }
					})
				);
			});
		}
	}
	return outboxIds;
}

/** Calls whose deadline passed move from open to closed (the server refuses late submissions anyway). */
export async function closeExpiredCalls(now = new Date()) {
	const expired = await db()
		.select({ id: call.id })
		.from(call)
		.where(and(eq(call.status, 'open'), lte(call.closesAt, now), isNotNull(call.closesAt)));
	for (const { id } of expired) {
		await transitionCall({ actor: null, callId: id, to: 'closed', now }).catch((error) =>
			log.warn({ callId: id, err: error }, 'could not close call')
		);
	}
	return expired.length;
}
