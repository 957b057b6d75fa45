import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { FormDefinition } from '../../../calls/form-definition';
import type { EligibilityRule } from '../../../calls/eligibility';
import type { LocalizedText } from '../../../i18n/localized';
import { organisation } from './identity';
import { programme } from './programmes';

export const callStatus = pgEnum('call_status', [
	'draft',
	'open',
	'closed',
	'in_review',
	'decided'
]);

export const call = pgTable(
	'call',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'restrict' }),
		/** The cluster (lead or consortium partner) that runs this call. */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		summary: jsonb('summary').$type<LocalizedText>().notNull().default({}),
		description: jsonb('description').$type<LocalizedText>().notNull().default({}),
		eligibilityText: jsonb('eligibility_text').$type<LocalizedText>().notNull().default({}),
		fallbackLocale: text('fallback_locale').notNull().default('en'),
		timeZone: text('time_zone').notNull().default('Europe/Stockholm'),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
		editAfterSubmit: boolean('edit_after_submit').notNull().default(false),
		maxApplicationsPerEnterprise: integer('max_applications_per_enterprise').notNull().default(1),
		status: callStatus('status').notNull().default('draft'),
		form: jsonb('form').$type<FormDefinition>().notNull().default({ sections: [] }),
		eligibilityRules: jsonb('eligibility_rules').$type<EligibilityRule[]>().notNull().default([]),
		/** Optimistic concurrency for managers editing the call, its form or its criteria. */
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('call_window', sql`${t.closesAt} > ${t.opensAt}`),
		check('call_max_applications', sql`${t.maxApplicationsPerEnterprise} >= 1`),
		index('call_programme_idx').on(t.programmeId),
		index('call_org_idx').on(t.organisationId),
		index('call_status_idx').on(t.status, t.closesAt)
	]
).enableRLS();

/** What juries score against (the jury issue uses these). */
export const callCriterion = pgTable(
	'call_criterion',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		rubric: jsonb('rubric').$type<LocalizedText>().notNull().default({}),
		weight: integer('weight').notNull().default(1),
		scaleMin: integer('scale_min').notNull().default(1),
		scaleMax: integer('scale_max').notNull().default(5),
		anchors: jsonb('anchors')
			.$type<{ value: number; text: LocalizedText }[]>()
			.notNull()
			.default([]),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		check('criterion_scale', sql`${t.scaleMax} > ${t.scaleMin}`),
		check('criterion_weight', sql`${t.weight} >= 1 AND ${t.weight} <= 100`),
		index('criterion_call_idx').on(t.callId)
	]
).enableRLS();
