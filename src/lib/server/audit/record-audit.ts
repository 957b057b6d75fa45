import type { Executor } from '../db';
import { auditLog } from '../db/schema';

export interface AuditEntry {
	actorUserId: string | null;
	action: string;
	entityType: string;
	entityId: string;
	organisationId?: string | null;
	data?: Record<string, unknown>;
}

/** Call inside the transaction that makes the change, so both are written or neither is. */
export async function recordAudit(tx: Executor, entry: AuditEntry) {
	await tx.insert(auditLog).values({
		actorUserId: entry.actorUserId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		organisationId: entry.organisationId ?? null,
		data: entry.data ?? {}
	});
}
