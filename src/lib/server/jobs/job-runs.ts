import { and, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { jobRun } from '../db/schema';

/** Records long work a person started, so the page can show its progress. */
export async function createJobRun(
	tx: Executor,
	run: {
		kind: string;
		organisationId: string | null;
		subjectId: string | null;
		createdBy: string;
		total: number;
		input: Record<string, unknown>;
	}
) {
	const [created] = await tx.insert(jobRun).values(run).returning({ id: jobRun.id });
	return created.id;
}

export async function markRunning(id: string) {
	await db()
		.update(jobRun)
		.set({ status: 'running' })
		.where(and(eq(jobRun.id, id), eq(jobRun.status, 'queued')));
}

export async function addProgress(tx: Executor, id: string, done: number, failed = 0) {
	await tx
		.update(jobRun)
		.set({ done: sql`${jobRun.done} + ${done}`, failed: sql`${jobRun.failed} + ${failed}` })
		.where(eq(jobRun.id, id));
}

export async function finishJobRun(id: string, result: Record<string, unknown>) {
	await db()
		.update(jobRun)
		.set({ status: 'done', result, finishedAt: new Date() })
		.where(eq(jobRun.id, id));
}

export async function failJobRun(id: string, error: string) {
	await db()
		.update(jobRun)
		.set({ status: 'failed', error: error.slice(0, 1000), finishedAt: new Date() })
		.where(eq(jobRun.id, id));
}

export async function findJobRun(id: string) {
	const [row] = await db().select().from(jobRun).where(eq(jobRun.id, id));
	return row ?? null;
}
