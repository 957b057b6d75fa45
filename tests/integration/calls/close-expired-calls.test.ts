import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { auditLog, call } from '../../../src/lib/server/db/schema';
import { closeExpiredCalls } from '../../../src/lib/server/jobs/handlers';
import { createCall, createLead } from '../../factories';

const DAY = 86_400_000;

describe('closeExpiredCalls', () => {
	it('closes open calls whose deadline passed, once, and leaves the others', async () => {
		const { programme } = await createLead();
		const now = Date.now();
		const past = { opensAt: new Date(now - 10 * DAY), closesAt: new Date(now - 60_000) };
		const expired = await createCall(programme.id, past);
		const atDeadline = await createCall(programme.id, {
			opensAt: new Date(now - 10 * DAY),
			closesAt: new Date(now)
		});
		const running = await createCall(programme.id);
		const draft = await createCall(programme.id, { ...past, status: 'draft' });
		const inReview = await createCall(programme.id, { ...past, status: 'in_review' });
		const ids = [expired.id, atDeadline.id, running.id, draft.id, inReview.id];

		const closed = await closeExpiredCalls(new Date(now));
		const again = await closeExpiredCalls(new Date(now));

		const rows = await db()
			.select({ id: call.id, status: call.status })
			.from(call)
			.where(inArray(call.id, ids));
		const statuses = Object.fromEntries(rows.map((r) => [r.id, r.status]));
		expect({ closed, again, statuses: ids.map((id) => statuses[id]) }).toEqual({
			closed: 2,
			again: 0,
			statuses: ['closed', 'closed', 'open', 'draft', 'in_review']
		});
		const audit = await db()
			.select({ entityId: auditLog.entityId, actor: auditLog.actorUserId, data: auditLog.data })
			.from(auditLog)
			.where(eq(auditLog.action, 'call.status_changed'));
		expect(audit.sort((a, b) => ids.indexOf(a.entityId) - ids.indexOf(b.entityId))).toEqual([
			{ entityId: expired.id, actor: null, data: { from: 'open', to: 'closed' } },
			{ entityId: atDeadline.id, actor: null, data: { from: 'open', to: 'closed' } }
		]);
	});
});
