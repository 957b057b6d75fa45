import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transitionCall } from '../../../src/lib/server/calls/transition-call';
import type { CallStatus } from '../../../src/lib/server/calls/rules';
import { db } from '../../../src/lib/server/db';
import { call } from '../../../src/lib/server/db/schema';
import {
	appErrorOf,
	auditEntries,
	createCall,
	createConsortium,
	createLead
} from '../../factories';

let shared: ReturnType<typeof createLead> | undefined;
/** One lead cluster and programme for the file; every test makes its own calls in it. */
const lead = () => (shared ??= createLead());

async function stateOf(id: string) {
	const [row] = await db()
		.select({ status: call.status, version: call.version })
		.from(call)
		.where(eq(call.id, id));
	return row;
}

describe('transitionCall', () => {
	it('makes every allowed move, bumping the version and recording it', async () => {
		const { programme, actor, manager, cluster } = await lead();
		const moves: [CallStatus, CallStatus][] = [
			['draft', 'open'],
			['open', 'closed'],
			['closed', 'open'],
			['closed', 'in_review'],
			['in_review', 'decided']
		];
		const results = [];
		for (const [from, to] of moves) {
			const target = await createCall(programme.id, { status: from });
			const moved = await transitionCall({ actor, callId: target.id, to });
			results.push({
				moved,
				state: await stateOf(target.id),
				audit: await auditEntries(target.id)
			});
		}
		expect(results).toEqual(
			moves.map(([from, to]) => ({
				moved: { from, to },
				state: { status: to, version: 2 },
				audit: [
					{
						action: 'call.status_changed',
						actorUserId: manager.id,
						entityType: 'call',
						organisationId: cluster.id,
						data: { from, to }
					}
				]
			}))
		);
	});

	it('refuses moves outside the table and changes nothing', async () => {
		const { programme, actor } = await lead();
		const refused: [CallStatus, CallStatus][] = [
			['draft', 'closed'],
			['draft', 'in_review'],
			['open', 'draft'],
			['open', 'in_review'],
			['open', 'open'],
			['closed', 'draft'],
			['in_review', 'open'],
			['decided', 'open'],
			['decided', 'in_review']
		];
		const results = [];
		for (const [from, to] of refused) {
			const target = await createCall(programme.id, { status: from });
			results.push({
				error: await appErrorOf(transitionCall({ actor, callId: target.id, to })),
				state: await stateOf(target.id),
				audit: await auditEntries(target.id)
			});
		}
		expect(results).toEqual(
			refused.map(([from, to]) => ({
				error: {
					code: 'conflict',
					message: `transition_${from}_${to}`,
					fields: { status: 'transition_refused' }
				},
				state: { status: from, version: 1 },
				audit: []
			}))
		);
	});

	it('opening a call without questions is form_empty', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'draft', form: { sections: [] } });
		expect(await appErrorOf(transitionCall({ actor, callId: target.id, to: 'open' }))).toEqual({
			code: 'invalid_input',
			message: 'form_empty',
			fields: { status: 'form_empty' }
		});
	});

	it('opening a call whose sections hold no question is form_empty', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, {
			status: 'draft',
			form: { sections: [{ id: 'empty', title: { en: 'Empty' }, questions: [] }] }
		});
		expect(
			(await appErrorOf(transitionCall({ actor, callId: target.id, to: 'open' }))).message
		).toBe('form_empty');
	});

	it('opening a call whose deadline has passed is deadline_passed', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, {
			status: 'draft',
			opensAt: new Date(Date.now() - 10 * 86_400_000),
			closesAt: new Date(Date.now() - 1_000)
		});
		expect(await appErrorOf(transitionCall({ actor, callId: target.id, to: 'open' }))).toEqual({
			code: 'invalid_input',
			message: 'deadline_passed',
			fields: { status: 'deadline_passed' }
		});
		expect(await stateOf(target.id)).toEqual({ status: 'draft', version: 1 });
	});

	it('reopening a closed call needs a deadline in the future too', async () => {
		const { programme, actor } = await lead();
		const target = await createCall(programme.id, { status: 'closed' });
		const later = new Date(target.closesAt.getTime() + 1);
		expect(
			(await appErrorOf(transitionCall({ actor, callId: target.id, to: 'open', now: later })))
				.message
		).toBe('deadline_passed');
	});

	it('the platform itself closes a call, recorded without an actor', async () => {
		const { programme, cluster } = await lead();
		const target = await createCall(programme.id);
		await transitionCall({ actor: null, callId: target.id, to: 'closed' });
		expect(await auditEntries(target.id)).toEqual([
			{
				action: 'call.status_changed',
				actorUserId: null,
				entityType: 'call',
				organisationId: cluster.id,
				data: { from: 'open', to: 'closed' }
			}
		]);
	});

	it("neither another partner's manager nor the lead's manager moves a partner's call", async () => {
		const { programme, lead, partnerA, partnerB } = await createConsortium();
		const target = await createCall(programme.id, { organisationId: partnerA.cluster.id });
		expect([
			await appErrorOf(transitionCall({ actor: partnerB.actor, callId: target.id, to: 'closed' })),
			await appErrorOf(transitionCall({ actor: lead.actor, callId: target.id, to: 'closed' }))
		]).toEqual([
			{ code: 'forbidden', message: 'forbidden', fields: undefined },
			{ code: 'forbidden', message: 'forbidden', fields: undefined }
		]);
		expect(await stateOf(target.id)).toEqual({ status: 'open', version: 1 });
	});

	it('an unknown call is not found', async () => {
		const { actor } = await lead();
		expect(
			await appErrorOf(
				transitionCall({ actor, callId: '00000000-0000-4000-8000-000000000000', to: 'open' })
			)
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});
});
