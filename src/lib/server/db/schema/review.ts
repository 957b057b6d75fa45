import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../i18n/localized';
import { user } from './auth';
import { call } from './calls';
import { application } from './applications';
import { organisation } from './identity';
import { programme } from './programmes';

export const juryPhase = pgEnum('jury_phase', ['setup', 'scoring', 'closed']);

export type DecisionOutcome = 'accept' | 'waitlist' | 'reject';

/** One editable decision email per outcome, per language. */
export type DecisionTemplates = Record<
	DecisionOutcome,
	{ subject: LocalizedText; body: LocalizedText }
>;

/** How a call's jury works (one row per call, created with the panel). */
export const jurySettings = pgTable(
	'jury_settings',
	{
		callId: uuid('call_id')
			.primaryKey()
			.references(() => call.id, { onDelete: 'cascade' }),
		/** k: reviewers per application. */
		reviewersPerApplication: integer('reviewers_per_application').notNull().default(3),
		/** The default maximum load of a juror; each member may have their own. */
		defaultMaxLoad: integer('default_max_load').notNull().default(20),
		blindReview: boolean('blind_review').notNull().default(true),
		/** Jurors see the others' scores only once they submitted their own (if at all). */
		showScoresAfterSubmit: boolean('show_scores_after_submit').notNull().default(true),
		phase: juryPhase('phase').notNull().default('setup'),
		/** After this, no score changes (the phase closes by itself). */
		reviewDeadline: timestamp('review_deadline', { withTimezone: true }),
		acceptQuota: integer('accept_quota'),
		waitlistQuota: integer('waitlist_quota'),
		decisionTemplates: jsonb('decision_templates')
			.$type<Partial<DecisionTemplates>>()
			.notNull()
			.default({}),
		/** The last assignment run's outcome (language-free codes), shown to managers. */
		lastRun: jsonb('last_run').$type<Record<string, unknown>>(),
		version: integer('version').notNull().default(1),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('jury_k', sql`${t.reviewersPerApplication} BETWEEN 1 AND 20`),
		check('jury_load', sql`${t.defaultMaxLoad} BETWEEN 1 AND 10000`)
	]
).enableRLS();

/** A person on a call's jury panel: invited by email, a user once they accept. */
export const juryMember = pgTable(
	'jury_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		/** Languages the juror reads (en, de, sv, …). */
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** Expertise: the call's impact areas ("sdg:7") and free tags. */
		tags: text('tags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		maxLoad: integer('max_load'),
		/** SHA-256 of the invitation token; the token itself is only in the email. */
		tokenHash: text('token_hash').unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		removedAt: timestamp('removed_at', { withTimezone: true }),
		lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('jury_member_call_email').on(t.callId, t.email),
		index('jury_member_user_idx').on(t.userId),
		check('jury_member_load', sql`${t.maxLoad} IS NULL OR ${t.maxLoad} BETWEEN 0 AND 10000`)
	]
).enableRLS();

export const conflictSource = pgEnum('conflict_source', [
	'declared',
	'organisation_member',
	'email_domain'
]);

/** A juror may not review this application. Declared ones carry the juror's reason. */
export const juryConflict = pgTable(
	'jury_conflict',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		juryMemberId: uuid('jury_member_id')
			.notNull()
			.references(() => juryMember.id, { onDelete: 'cascade' }),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		source: conflictSource('source').notNull(),
		reason: text('reason').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('jury_conflict_pair').on(t.juryMemberId, t.applicationId),
		index('jury_conflict_call_idx').on(t.callId)
	]
).enableRLS();

export const assignmentOverrideKind = pgEnum('assignment_override_kind', ['pin', 'exclude']);

/** A manager's hand-made choice that every assignment run respects. */
export const assignmentOverride = pgTable(
	'assignment_override',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		juryMemberId: uuid('jury_member_id')
			.notNull()
			.references(() => juryMember.id, { onDelete: 'cascade' }),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		kind: assignmentOverrideKind('kind').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('assignment_override_pair').on(t.juryMemberId, t.applicationId),
		index('assignment_override_call_idx').on(t.callId)
	]
).enableRLS();

export const reviewStatus = pgEnum('review_status', ['assigned', 'started', 'submitted']);

export interface AssignmentReasons {
	sharedTags: string[];
	language: string;
	pinned?: boolean;
}

/** One juror's review of one application: the assignment, then the draft, then the submission. */
export const review = pgTable(
	'review',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		juryMemberId: uuid('jury_member_id')
			.notNull()
			.references(() => juryMember.id, { onDelete: 'cascade' }),
		status: reviewStatus('status').notNull().default('assigned'),
		/** Why the solver (or a manager) chose this pair. */
		reasons: jsonb('reasons').$type<AssignmentReasons>().notNull(),
		/** The juror confirmed they have no conflict with this application. */
		noConflictAt: timestamp('no_conflict_at', { withTimezone: true }),
		/** Criterion id → score on that criterion's scale. */
		scores: jsonb('scores').$type<Record<string, number | null>>().notNull().default({}),
		/** For the applicant (may be shared with the decision). */
		comment: text('comment').notNull().default(''),
		/** For the jury and managers only. */
		privateNote: text('private_note').notNull().default(''),
		/** Weighted total on 0–100 once submitted (kept for fast rankings). */
		total: doublePrecision('total'),
		version: integer('version').notNull().default(1),
		startedAt: timestamp('started_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('review_pair').on(t.applicationId, t.juryMemberId),
		index('review_call_idx').on(t.callId, t.status),
		index('review_member_idx').on(t.juryMemberId)
	]
).enableRLS();

export const decisionOutcome = pgEnum('decision_outcome', ['accept', 'waitlist', 'reject']);

/** The managers' decision on an application; the applicant sees it once it is sent. */
export const decision = pgTable(
	'decision',
	{
		applicationId: uuid('application_id')
			.primaryKey()
			.references(() => application.id, { onDelete: 'cascade' }),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		outcome: decisionOutcome('outcome').notNull(),
		/** The managers' own words to the applicant. */
		feedback: text('feedback').notNull().default(''),
		includeJuryComments: boolean('include_jury_comments').notNull().default(true),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
		/** Set when the decision email went out; from then on the applicant sees it. */
		releasedAt: timestamp('released_at', { withTimezone: true }),
		version: integer('version').notNull().default(1)
	},
	(t) => [index('decision_call_idx').on(t.callId, t.outcome)]
).enableRLS();

/** Accepted enterprises: the programme's cohort (acceleration builds on it). */
export const cohortMember = pgTable(
	'cohort_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		applicationId: uuid('application_id').references(() => application.id, {
			onDelete: 'set null'
		}),
		callId: uuid('call_id').references(() => call.id, { onDelete: 'set null' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('cohort_member_unique').on(t.programmeId, t.organisationId)]
).enableRLS();
