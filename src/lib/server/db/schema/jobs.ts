import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { organisation } from './identity';

export const jobRunStatus = pgEnum('job_run_status', ['queued', 'running', 'done', 'failed']);

/** Long work a person started (bulk email, export), with progress they can watch. */
export const jobRun = pgTable(
	'job_run',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind').notNull(),
		organisationId: uuid('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		subjectId: uuid('subject_id'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		status: jobRunStatus('status').notNull().default('queued'),
		total: integer('total').notNull().default(0),
		done: integer('done').notNull().default(0),
		failed: integer('failed').notNull().default(0),
		input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
		result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [index('job_run_subject_idx').on(t.subjectId, t.createdAt)]
).enableRLS();
