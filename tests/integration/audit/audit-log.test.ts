import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { auditLog } from '../../../src/lib/server/db/schema';
import { recordAudit } from '../../../src/lib/server/audit/record-audit';
import { createUser } from '../../factories';

/** The PostgreSQL error behind a failed query (drizzle wraps it). */
async function databaseError(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		const cause = (error as { cause?: { message?: string } }).cause;
		return cause?.message ?? (error as Error).message;
	}
	throw new Error('expected the query to fail');
}

async function entries() {
	return db()
		.select({ action: auditLog.action, entityId: auditLog.entityId, data: auditLog.data })
		.from(auditLog)
		.orderBy(auditLog.id);
}

describe('audit_log', () => {
	it('an entry recorded inside a transaction is stored with its data', async () => {
		const person = await createUser();
		await db().transaction((tx) =>
			recordAudit(tx, {
				actorUserId: person.id,
				action: 'test.recorded',
				entityType: 'user',
				entityId: person.id,
				data: { n: 1 }
			})
		);

		const [row] = await db().select().from(auditLog).where(eq(auditLog.entityId, person.id));
		expect({
			actor: row.actorUserId,
			action: row.action,
			type: row.entityType,
			org: row.organisationId,
			data: row.data
		}).toEqual({
			actor: person.id,
			action: 'test.recorded',
			type: 'user',
			org: null,
			data: { n: 1 }
		});
	});

	it('an entry recorded in a transaction that fails is not stored', async () => {
		await expect(
			db().transaction(async (tx) => {
				await recordAudit(tx, {
					actorUserId: null,
					action: 'test.rolled_back',
					entityType: 'x',
					entityId: 'rolled-back'
				});
				throw new Error('change failed');
			})
		).rejects.toThrowError('change failed');

		expect(await db().select().from(auditLog).where(eq(auditLog.entityId, 'rolled-back'))).toEqual(
			[]
		);
	});

	it('an UPDATE of the audit log fails and leaves the entry unchanged', async () => {
		await recordAudit(db(), {
			actorUserId: null,
			action: 'test.original',
			entityType: 'x',
			entityId: 'update-target'
		});
		const before = await entries();

		expect(
			await databaseError(db().execute(sql`UPDATE audit_log SET action = 'test.rewritten'`))
		).toBe('audit_log is append-only');
		expect(await entries()).toEqual(before);
	});

	it('a DELETE from the audit log fails and leaves the entry in place', async () => {
		await recordAudit(db(), {
			actorUserId: null,
			action: 'test.kept',
			entityType: 'x',
			entityId: 'delete-target'
		});
		const before = await entries();

		expect(
			await databaseError(db().delete(auditLog).where(eq(auditLog.entityId, 'delete-target')))
		).toBe('audit_log is append-only');
		expect(await entries()).toEqual(before);
	});

	it('a TRUNCATE of the audit log fails and leaves every entry in place', async () => {
		await recordAudit(db(), {
			actorUserId: null,
			action: 'test.kept',
			entityType: 'x',
			entityId: 'truncate-target'
		});
		const before = await entries();

		expect(await databaseError(db().execute(sql`TRUNCATE audit_log`))).toBe(
			'audit_log is append-only'
		);
		expect(await entries()).toEqual(before);
		expect(before.length).toBeGreaterThan(0);
	});
});
