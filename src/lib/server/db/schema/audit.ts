import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: text('actor_user_id'),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		organisationId: uuid('organisation_id'),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [
		index('audit_entity_idx').on(t.entityType, t.entityId),
		index('audit_org_idx').on(t.organisationId, t.at)
	]
).enableRLS();
