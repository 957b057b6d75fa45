import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../i18n/localized';
import { user } from './auth';
import { organisation, programmeRoleKind } from './identity';

export const programme = pgTable(
	'programme',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		/** The lead cluster organisation. */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		summary: jsonb('summary').$type<LocalizedText>().notNull(),
		funder: text('funder').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		/** Money in minor units (cents, öre), never floats. */
		budgetMinor: bigint('budget_minor', { mode: 'number' }).notNull(),
		currency: text('currency').notNull(),
		fallbackLocale: text('fallback_locale').notNull().default('en'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('programme_period', sql`${t.endsOn} >= ${t.startsOn}`),
		check('programme_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
		check('programme_budget', sql`${t.budgetMinor} >= 0`),
		index('programme_org_idx').on(t.organisationId)
	]
).enableRLS();

/** A funder's indicator, e.g. "jobs created: 100". */
export const programmeTarget = pgTable(
	'programme_target',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		indicator: text('indicator').notNull(),
		label: jsonb('label').$type<LocalizedText>().notNull(),
		target: integer('target').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [unique('programme_target_indicator').on(t.programmeId, t.indicator)]
).enableRLS();

/** A consortium partner running its own calls inside the programme. */
export const programmePartner = pgTable(
	'programme_partner',
	{
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' })
	},
	(t) => [unique('programme_partner_pk').on(t.programmeId, t.organisationId)]
).enableRLS();

/** Roles a person holds in one programme: juror, coach, sparring partner, manager. */
export const programmeRole = pgTable(
	'programme_role',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: programmeRoleKind('role').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('programme_role_unique').on(t.programmeId, t.userId, t.role),
		index('programme_role_user_idx').on(t.userId)
	]
).enableRLS();
