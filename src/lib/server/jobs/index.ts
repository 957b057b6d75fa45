import PgBoss from 'pg-boss';
import { z } from 'zod';
import { and, eq, lt } from 'drizzle-orm';
import { db } from '../db';
import { outbox } from '../db/schema';
import { log } from '../log';
import { deliverEmail } from '../notify/deliver-email';
import { runJuryReminders } from '../review/remind-jurors';
import { runSendDecisions } from '../review/send-decisions';
import { closeExpiredCalls, runBulkEmail, runExport, sendDraftReminders } from './handlers';

/** Job payloads are typed and checked: a malformed job fails loudly instead of doing half a thing. */
const payloads = {
	'send-email': z.object({ outboxId: z.uuid() }),
	'outbox-sweep': z.object({}),
	'export-applications': z.object({ jobRunId: z.uuid() }),
	'bulk-email': z.object({ jobRunId: z.uuid() }),
	'draft-reminders': z.object({}),
	'close-calls': z.object({}),
	'jury-reminders': z.object({ jobRunId: z.uuid() }),
	'send-decisions': z.object({ jobRunId: z.uuid() })
};
type JobName = keyof typeof payloads;

let boss: PgBoss | undefined;
let stopping = false;

export async function startJobs(connectionString: string) {
	const instance = new PgBoss({ connectionString, max: 4, application_name: 'tandem-jobs' });
	// While stopping, PostgreSQL closing the queue's connections is expected, not an error.
	instance.on('error', (error) =>
		(stopping ? log.debug : log.error).call(log, { err: error }, 'job queue error')
	);
	stopping = false;
	await instance.start();
	for (const name of Object.keys(payloads)) await instance.createQueue(name);

	await instance.work('send-email', { batchSize: 5 }, async (jobs) => {
		for (const job of jobs) {
			const { outboxId } = payloads['send-email'].parse(job.data);
			await deliverEmail(outboxId);
		}
	});
	// Anything left pending (a kick lost in a crash, a failed send) is retried by the sweep.
	await instance.schedule('outbox-sweep', '* * * * *', {});
	await instance.work('outbox-sweep', async () => {
		const stale = await db()
			.select({ id: outbox.id })
			.from(outbox)
			.where(and(eq(outbox.status, 'pending'), lt(outbox.createdAt, new Date(Date.now() - 30_000))))
			.limit(200);
		for (const { id } of stale) await deliverEmail(id).catch(() => undefined);
	});
	await instance.work('export-applications', async ([job]) => {
		await runExport(payloads['export-applications'].parse(job.data).jobRunId);
	});
	await instance.work('bulk-email', async ([job]) => {
		await deliverSoon(await runBulkEmail(payloads['bulk-email'].parse(job.data).jobRunId));
	});
	await instance.schedule('draft-reminders', '17 * * * *', {});
	await instance.work('draft-reminders', async () => {
		await deliverSoon(await sendDraftReminders());
	});
	await instance.schedule('close-calls', '*/5 * * * *', {});
	await instance.work('close-calls', async () => {
		await closeExpiredCalls();
	});
	await instance.work('jury-reminders', async ([job]) => {
		await deliverSoon(await runJuryReminders(payloads['jury-reminders'].parse(job.data).jobRunId));
	});
	await instance.work('send-decisions', async ([job]) => {
		await deliverSoon(await runSendDecisions(payloads['send-decisions'].parse(job.data).jobRunId));
	});
	boss = instance;
}

export async function stopJobs() {
	const instance = boss;
	boss = undefined;
	stopping = true;
	await instance?.stop({ graceful: true, timeout: 5_000, wait: true });
}

export async function enqueue<N extends JobName>(name: N, data: z.infer<(typeof payloads)[N]>) {
	payloads[name].parse(data);
	if (!boss) return null;
	return boss.send(name, data, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
}

/** Starts delivery of freshly committed outbox emails (in one insert, however many). */
export async function deliverSoon(outboxIds: string[]) {
	if (!boss || outboxIds.length === 0) return;
	for (const outboxId of outboxIds) payloads['send-email'].parse({ outboxId });
	await boss.insert(
		outboxIds.map((outboxId) => ({
			name: 'send-email',
			data: { outboxId },
			retryLimit: 5,
			retryDelay: 10,
			retryBackoff: true
		}))
	);
}
