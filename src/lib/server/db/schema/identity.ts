import { sql } from 'drizzle-orm';
import {
	check,
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
import { user } from './auth';

export const organisationKind = pgEnum('organisation_kind', ['cluster', 'enterprise', 'provider']);
export const organisationRole = pgEnum('organisation_role', ['manager', 'member']);
export const programmeRoleKind = pgEnum('programme_role_kind', [
	'manager',
	'juror',
	'coach',
	'sparring_partner'
]);

export const organisation = pgTable(
	'organisation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		kind: organisationKind('kind').notNull(),
		/** ISO 3166-1 alpha-2 */
		country: text('country').notNull(),
		timeZone: text('time_zone').notNull().default('Europe/Stockholm'),
		// The enterprise profile (applicants fill it in; checked by eligibility rules).
		organisationNumber: text('organisation_number'),
		legalForm: text('legal_form'),
		foundedYear: integer('founded_year'),
		employees: integer('employees'),
		website: text('website'),
		/** UN Sustainable Development Goals, 1–17. */
		impactAreas: integer('impact_areas')
			.array()
			.notNull()
			.default(sql`'{}'::integer[]`),
		/** Optional, consented self-description; reported only in aggregate. */
		founderBackground: jsonb('founder_background').$type<string[]>(),
		founderBackgroundConsentAt: timestamp('founder_background_consent_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('organisation_country_iso', sql`${t.country} ~ '^[A-Z]{2}$'`)]
).enableRLS();

export const membership = pgTable(
	'membership',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: organisationRole('role').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('membership_org_user').on(t.organisationId, t.userId),
		index('membership_user_idx').on(t.userId)
	]
).enableRLS();

export const invitation = pgTable(
	'invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: organisationRole('role').notNull(),
		/** SHA-256 of the token sent by email; the token itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('invitation_org_idx').on(t.organisationId),
		uniqueIndex('invitation_open_per_email')
			.on(t.organisationId, t.email)
			.where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`)
	]
).enableRLS();
