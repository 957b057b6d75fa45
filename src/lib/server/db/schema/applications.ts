import {
	bigint,
	customType,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { Answers } from '../../../calls/answers';
import type { RuleResult } from '../../../calls/eligibility';
import { user } from './auth';
import { call } from './calls';
import { organisation } from './identity';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const applicationStatus = pgEnum('application_status', ['draft', 'submitted', 'withdrawn']);
export const eligibilityVerdict = pgEnum('eligibility_verdict', [
	'eligible',
	'not_eligible',
	'needs_screening'
]);
export const screeningDecision = pgEnum('screening_decision', [
	'pending',
	'eligible',
	'not_eligible'
]);

export const application = pgTable(
	'application',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'restrict' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		/**
		 * The organisation's name and country, copied by the database (a trigger on insert and on every
		 * change of the organisation), so that the managers' table filters, sorts and counts without
		 * joining every applicant. Never written by the app.
		 */
		organisationName: text('organisation_name').notNull().default(''),
		organisationCountry: text('organisation_country').notNull().default(''),
		status: applicationStatus('status').notNull().default('draft'),
		answers: jsonb('answers').$type<Answers>().notNull().default({}),
		/** Optimistic concurrency: every save names the version it edited. */
		version: integer('version').notNull().default(1),
		/** The applicant's language, for emails about this application. */
		locale: text('locale').notNull().default('en'),
		eligibility: eligibilityVerdict('eligibility'),
		eligibilityResults: jsonb('eligibility_results').$type<RuleResult[]>().notNull().default([]),
		screening: screeningDecision('screening').notNull().default('pending'),
		screeningReason: text('screening_reason'),
		screenedBy: text('screened_by').references(() => user.id, { onDelete: 'set null' }),
		screenedAt: timestamp('screened_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		/** Reminders about an unsent draft, sent once each. */
		reminder7dSentAt: timestamp('reminder_7d_sent_at', { withTimezone: true }),
		reminder1dSentAt: timestamp('reminder_1d_sent_at', { withTimezone: true }),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('application_call_status_idx').on(t.callId, t.status, t.submittedAt),
		// The managers' table, latest first: a page comes in order without sorting every application.
		index('application_call_submitted_idx').on(t.callId, t.submittedAt.desc().nullsFirst(), t.id),
		index('application_org_idx').on(t.organisationId),
		// The table's counts by country and filter, read from the index alone.
		index('application_call_country_idx').on(
			t.callId,
			t.organisationCountry,
			t.status,
			t.eligibility,
			t.screening
		),
		// The table by organisation name: a page read in order from the index alone.
		index('application_call_name_idx').on(
			t.callId,
			t.organisationName,
			t.id,
			t.organisationCountry,
			t.status,
			t.eligibility,
			t.screening,
			t.submittedAt
		)
	]
).enableRLS();

/**
 * What the managers' applications table searches, one narrow row per application: the words of its
 * answers and the columns the table filters, sorts and shows. Written by the database (triggers on
 * the application, see the migration `applications_search`), never by the app. A search that
 * matches most of a call's applications has to count every one of them; read from the application
 * (~1 KB a row, 23 columns) that cost ~5 ms per 5,000, from this copy ~1.3 ms.
 *
 * Besides the indexes below, `application_search_name_idx` (a pg_trgm GIN index on
 * `organisation_name_folded`, for `LIKE '%…%'`) is created by the migration alone: its operator class
 * lives in whichever schema holds the extension (`extensions` on Supabase).
 */
export const applicationSearch = pgTable(
	'application_search',
	{
		applicationId: uuid('application_id')
			.primaryKey()
			.references(() => application.id, { onDelete: 'cascade' }),
		callId: uuid('call_id').notNull(),
		organisationName: text('organisation_name').notNull(),
		/** The name in lower case, compared with `LIKE`: `ILIKE` folds every name it reads (~2 µs). */
		organisationNameFolded: text('organisation_name_folded').notNull(),
		organisationCountry: text('organisation_country').notNull(),
		status: applicationStatus('status').notNull(),
		eligibility: eligibilityVerdict('eligibility'),
		screening: screeningDecision('screening').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		terms: tsvector('terms').notNull()
	},
	(t) => [
		index('application_search_call_submitted_idx').on(
			t.callId,
			t.submittedAt.desc().nullsFirst(),
			t.applicationId
		),
		index('application_search_terms_idx').using('gin', t.terms)
	]
).enableRLS();

export const applicationFile = pgTable(
	'application_file',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		storageKey: text('storage_key').notNull().unique(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('application_file_app_idx').on(t.applicationId)]
).enableRLS();

/** People in an enterprise's team, as it presents itself in applications. */
export const teamMember = pgTable(
	'team_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		role: text('role').notNull().default(''),
		position: integer('position').notNull().default(0)
	},
	(t) => [index('team_member_org_idx').on(t.organisationId)]
).enableRLS();
