import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { isLocale, localized, type Locale } from '$lib/i18n/localized';
import { db } from '../db';
import { call, jobRun, juryMember, jurySettings, review, user } from '../db/schema';
import { addProgress, failJobRun, finishJobRun, findJobRun, markRunning } from '../jobs/job-runs';
import { queueEmail } from '../notify/queue-email';
import { juryTemplates } from './jury-emails';

const BATCH = 50;

/**
 * Sends each juror named in the run one reminder of their pending reviews, in their language, with
 * a link to their review space, and notes when they were reminded. Each batch's emails and the
 * run's progress are written together, so a retry continues where the last one stopped and a
 * finished run sends nothing again. A juror who submitted everything meanwhile gets no email.
 */
export async function runJuryReminders(jobRunId: string, now = new Date()): Promise<string[]> {
	const run = await findJobRun(jobRunId);
	if (!run || run.kind !== 'jury-reminders' || run.status === 'done' || !run.subjectId) return [];
	const callId = run.subjectId;
	const input = run.input as { memberIds: string[]; origin: string };
	await markRunning(jobRunId);
	const outboxIds: string[] = [];
	let sent = 0;
	try {
		const [target] = await db()
			.select({
				title: call.title,
				fallbackLocale: call.fallbackLocale,
				timeZone: call.timeZone,
				reviewDeadline: jurySettings.reviewDeadline
			})
			.from(call)
			.leftJoin(jurySettings, eq(jurySettings.callId, call.id))
			.where(eq(call.id, callId));
		const fallback: Locale = isLocale(target.fallbackLocale) ? target.fallbackLocale : 'en';
		for (;;) {
			const progressed = await db().transaction(async (tx) => {
				const [current] = await tx
					.select({ done: jobRun.done })
					.from(jobRun)
					.where(eq(jobRun.id, jobRunId))
					.for('update');
				const batch = input.memberIds.slice(current.done, current.done + BATCH);
				if (batch.length === 0) return 0;
				const pending = await tx
					.select({
						memberId: juryMember.id,
						email: user.email,
						locale: user.locale,
						reviewId: review.id
					})
					.from(juryMember)
					.innerJoin(user, eq(user.id, juryMember.userId))
					.innerJoin(review, eq(review.juryMemberId, juryMember.id))
					.where(
						and(
							inArray(juryMember.id, batch),
							eq(juryMember.callId, callId),
							isNull(juryMember.removedAt),
							ne(review.status, 'submitted')
						)
					);
				const reminded: string[] = [];
				for (const memberId of batch) {
					const theirs = pending.filter((p) => p.memberId === memberId);
					if (theirs.length === 0) continue;
					const locale: Locale = isLocale(theirs[0].locale) ? theirs[0].locale : fallback;
					outboxIds.push(
						await queueEmail(tx, {
							to: theirs[0].email,
							template: 'jury-reminder',
							locale,
							email: juryTemplates.reminder(locale, {
								call: localized(target.title, locale, fallback),
								pending: theirs.length,
								url: `${input.origin}/review`,
								deadline: target.reviewDeadline,
								timeZone: target.timeZone
							}),
							meta: { jobRunId, juryMemberId: memberId }
						})
					);
					reminded.push(memberId);
				}
				if (reminded.length)
					await tx
						.update(juryMember)
						.set({ lastRemindedAt: now })
						.where(inArray(juryMember.id, reminded));
				sent += reminded.length;
				await addProgress(tx, jobRunId, batch.length);
				return batch.length;
			});
			if (progressed < BATCH) break;
		}
		await finishJobRun(jobRunId, { emails: sent });
		return outboxIds;
	} catch (error) {
		await failJobRun(jobRunId, (error as Error).message);
		throw error;
	}
}
