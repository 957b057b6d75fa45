import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { isLocale, localized, type Locale } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { transitionCall } from '../calls/transition-call';
import { db } from '../db';
import {
	application,
	call,
	cohortMember,
	decision,
	jobRun,
	jurySettings,
	organisation,
	programme,
	user
} from '../db/schema';
import { addProgress, failJobRun, finishJobRun, findJobRun, markRunning } from '../jobs/job-runs';
import { log } from '../log';
import { queueEmail } from '../notify/queue-email';
import { decisionEmail, decisionTemplate } from './decision-email';
import { juryCommentsFor } from './decision-queries';
import { unsentDecisions } from './request-decision-emails';
import { rankable } from './results';

const BATCH = 50;

/**
 * Sends every decided, unsent decision of the job's call, in batches of one transaction each: the
 * email in the applicant's language (application.locale) from the call's template, with the
 * managers' feedback and — if they chose so — the jurors' comments (never private notes, never
 * names); the decision marked sent (releasedAt, from then on the applicant sees it); accepted
 * enterprises added to the programme's cohort (a re-decided one leaves it); the audit entry; the
 * job's progress. A sent decision is never picked again, so running twice, or two runs at once
 * (rows are locked, locked ones skipped), emails nobody twice. When every rankable application
 * of a call in review has its decision sent, the call moves to "decided".
 */
export async function runSendDecisions(
	jobRunId: string,
	origin = process.env.ORIGIN ?? ''
): Promise<string[]> {
	const run = await findJobRun(jobRunId);
	if (!run || run.status === 'done' || !run.subjectId) return [];
	const callId = run.subjectId;
	await markRunning(jobRunId);
	const outboxIds: string[] = [];
	try {
		const [target] = await db()
			.select({
				id: call.id,
				title: call.title,
				fallbackLocale: call.fallbackLocale,
				organisationId: call.organisationId,
				programmeId: call.programmeId,
				programmeName: programme.name,
				templates: jurySettings.decisionTemplates
			})
			.from(call)
			.innerJoin(programme, eq(programme.id, call.programmeId))
			.leftJoin(jurySettings, eq(jurySettings.callId, call.id))
			.where(eq(call.id, callId));
		if (!target) throw new Error(`call ${callId} is gone`);
		const fallback: Locale = isLocale(target.fallbackLocale) ? target.fallbackLocale : 'en';

		for (;;) {
			const sent = await db().transaction(async (tx) => {
				const batch = await tx
					.select({
						applicationId: decision.applicationId,
						outcome: decision.outcome,
						feedback: decision.feedback,
						includeJuryComments: decision.includeJuryComments,
						locale: application.locale,
						organisationId: organisation.id,
						organisationName: organisation.name,
						email: user.email
					})
					.from(decision)
					.innerJoin(application, eq(application.id, decision.applicationId))
					.innerJoin(organisation, eq(organisation.id, application.organisationId))
					.leftJoin(user, eq(user.id, application.createdBy))
					.where(unsentDecisions(callId))
					.orderBy(asc(decision.applicationId))
					.limit(BATCH)
					.for('update', { of: decision, skipLocked: true });
				if (batch.length === 0) return 0;
				const comments = await juryCommentsFor(
					tx,
					batch.filter((d) => d.includeJuryComments).map((d) => d.applicationId)
				);
				const now = new Date();
				let emailed = 0;
				for (const item of batch) {
					const locale: Locale = isLocale(item.locale) ? item.locale : fallback;
					if (item.email) {
						const email = decisionEmail(
							decisionTemplate(target.templates ?? {}, item.outcome, locale),
							locale,
							{
								organisation: item.organisationName,
								call: localized(target.title, locale, fallback),
								programme: localized(target.programmeName, locale, fallback),
								feedback: item.feedback,
								juryComments: item.includeJuryComments
									? (comments.get(item.applicationId) ?? [])
									: [],
								link: `${origin}/applications/${item.applicationId}`
							}
						);
						outboxIds.push(
							await queueEmail(tx, {
								to: item.email,
								template: `decision-${item.outcome}`,
								locale,
								email,
								meta: { jobRunId, applicationId: item.applicationId }
							})
						);
						emailed++;
					}
					await tx
						.update(decision)
						.set({ releasedAt: now })
						.where(eq(decision.applicationId, item.applicationId));
					if (item.outcome === 'accept') {
						await tx
							.insert(cohortMember)
							.values({
								programmeId: target.programmeId,
								organisationId: item.organisationId,
								applicationId: item.applicationId,
								callId
							})
							.onConflictDoNothing();
					} else {
						// A decision changed after an acceptance was sent: the enterprise leaves the cohort it joined through it.
						await tx
							.delete(cohortMember)
							.where(
								and(
									eq(cohortMember.programmeId, target.programmeId),
									eq(cohortMember.applicationId, item.applicationId)
								)
							);
					}
					await recordAudit(tx, {
						actorUserId: run.createdBy,
						action: 'decision.released',
						entityType: 'application',
						entityId: item.applicationId,
						organisationId: target.organisationId,
						data: { callId, outcome: item.outcome, jobRunId, emailed: Boolean(item.email) }
					});
				}
				await addProgress(tx, jobRunId, batch.length, batch.length - emailed);
				return batch.length;
			});
			if (sent === 0) break;
		}

		// Decisions made while the job ran are sent too: the bar ends at 100 %.
		await db()
			.update(jobRun)
			.set({ total: sql`GREATEST(${jobRun.total}, ${jobRun.done})` })
			.where(eq(jobRun.id, jobRunId));
		await closeDecidedCall(callId);
		await finishJobRun(jobRunId, { emails: outboxIds.length });
		return outboxIds;
	} catch (error) {
		await failJobRun(jobRunId, (error as Error).message);
		throw error;
	}
}

/** A call in review whose every rankable application has a sent decision is decided. */
async function closeDecidedCall(callId: string) {
	const [target] = await db().select({ status: call.status }).from(call).where(eq(call.id, callId));
	if (target?.status !== 'in_review') return;
	const [{ waiting }] = await db()
		.select({ waiting: sql<number>`count(*)::int` })
		.from(application)
		.leftJoin(decision, eq(decision.applicationId, application.id))
		.where(and(eq(application.callId, callId), rankable, isNull(decision.releasedAt)));
	if (waiting > 0) return;
	await transitionCall({ actor: null, callId, to: 'decided' }).catch((error) =>
		log.warn({ callId, err: error }, 'could not mark the call decided')
	);
}
