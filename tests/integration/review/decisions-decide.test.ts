import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { application, decision } from '../../../src/lib/server/db/schema';
import { decide } from '../../../src/lib/server/review/decide';
import {
	appErrorOf,
	auditEntries,
	createApplicant,
	createApplication,
	createCall,
	createConsortium,
	createLead
} from '../../factories';
import { createResultsCall } from '../../factories-results';

async function decisionOf(applicationId: string) {
	const [row] = await db()
		.select({
			outcome: decision.outcome,
			feedback: decision.feedback,
			includeJuryComments: decision.includeJuryComments,
			releasedAt: decision.releasedAt,
			version: decision.version
		})
		.from(decision)
		.where(eq(decision.applicationId, applicationId));
	return row ?? null;
}

const base = { feedback: '', includeJuryComments: true };
const notFound = { code: 'not_found', message: 'not_found', fields: undefined };

describe('decide', () => {
	it('decide on an undecided application writes the decision and its audit entry', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;

		const result = await decide({
			actor: world.lead.actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'accept',
			feedback: '  A clear plan.  ',
			includeJuryComments: false,
			version: 0
		});

		expect(result).toEqual({ outcome: 'accept', version: 1, changed: true, reopened: false });
		expect(await decisionOf(a.id)).toEqual({
			outcome: 'accept',
			feedback: 'A clear plan.',
			includeJuryComments: false,
			releasedAt: null,
			version: 1
		});
		expect(await auditEntries(a.id)).toEqual([
			{
				action: 'decision.set',
				actorUserId: world.lead.manager.id,
				entityType: 'application',
				organisationId: world.lead.cluster.id,
				data: {
					callId: world.callId,
					from: null,
					to: 'accept',
					feedbackChanged: true,
					includeJuryComments: false
				}
			}
		]);
	});

	it('changing a decision with the version seen audits the change from → to', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		const actor = world.lead.actor;
		await decide({
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'accept',
			...base,
			version: 0
		});

		const result = await decide({
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'waitlist',
			...base,
			version: 1
		});

		expect(result).toEqual({ outcome: 'waitlist', version: 2, changed: true, reopened: false });
		expect((await auditEntries(a.id)).map((e) => [e.action, e.data.from, e.data.to])).toEqual([
			['decision.set', null, 'accept'],
			['decision.set', 'accept', 'waitlist']
		]);
	});

	it('a stale version is a conflict and changes nothing', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		const actor = world.lead.actor;
		await decide({
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'accept',
			...base,
			version: 0
		});

		expect(
			await appErrorOf(
				decide({
					actor,
					callId: world.callId,
					applicationId: a.id,
					outcome: 'reject',
					...base,
					version: 0
				})
			)
		).toEqual({ code: 'conflict', message: 'stale_version', fields: undefined });
		expect((await decisionOf(a.id))?.outcome).toBe('accept');
		expect((await auditEntries(a.id)).length).toBe(1);
	});

	it('posting the same decision again writes nothing', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		const actor = world.lead.actor;
		const input = {
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'reject' as const,
			...base
		};
		await decide({ ...input, version: 0 });

		expect(await decide({ ...input, version: 1 })).toEqual({
			outcome: 'reject',
			version: 1,
			changed: false,
			reopened: false
		});
		expect((await auditEntries(a.id)).length).toBe(1);
	});

	it('clearing an unsent decision deletes it, audited', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		const actor = world.lead.actor;
		await decide({
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'accept',
			...base,
			version: 0
		});

		expect(
			await decide({
				actor,
				callId: world.callId,
				applicationId: a.id,
				outcome: null,
				...base,
				version: 1
			})
		).toEqual({ outcome: null, version: 0, changed: true, reopened: false });
		expect(await decisionOf(a.id)).toBeNull();
		expect((await auditEntries(a.id)).map((e) => [e.action, e.data.from])).toEqual([
			['decision.set', null],
			['decision.cleared', 'accept']
		]);
	});

	it('a sent decision changes only with confirmation, and is then unsent until sent again', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		const actor = world.lead.actor;
		await decide({
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'accept',
			...base,
			version: 0
		});
		await db()
			.update(decision)
			.set({ releasedAt: new Date() })
			.where(eq(decision.applicationId, a.id));
		const change = (confirmReleased: boolean) =>
			decide({
				actor,
				callId: world.callId,
				applicationId: a.id,
				outcome: 'waitlist',
				...base,
				version: 1,
				confirmReleased
			});

		expect(await appErrorOf(change(false))).toEqual({
			code: 'conflict',
			message: 'decision_released',
			fields: { outcome: 'decision_released' }
		});
		expect(await change(true)).toEqual({
			outcome: 'waitlist',
			version: 2,
			changed: true,
			reopened: true
		});
		expect(await decisionOf(a.id)).toEqual({
			outcome: 'waitlist',
			feedback: '',
			includeJuryComments: true,
			releasedAt: null,
			version: 2
		});
		expect((await auditEntries(a.id)).at(-1)?.data).toEqual({
			callId: world.callId,
			from: 'accept',
			to: 'waitlist',
			feedbackChanged: false,
			includeJuryComments: true,
			reopened: true
		});
	});

	it('a sent decision cannot be cleared', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		const actor = world.lead.actor;
		await decide({
			actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'reject',
			...base,
			version: 0
		});
		await db()
			.update(decision)
			.set({ releasedAt: new Date() })
			.where(eq(decision.applicationId, a.id));

		expect(
			await appErrorOf(
				decide({
					actor,
					callId: world.callId,
					applicationId: a.id,
					outcome: null,
					...base,
					version: 1,
					confirmReleased: true
				})
			)
		).toEqual({
			code: 'conflict',
			message: 'decision_released',
			fields: { outcome: 'decision_released' }
		});
	});

	it('a withdrawn application cannot be accepted', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		await db().update(application).set({ status: 'withdrawn' }).where(eq(application.id, a.id));

		expect(
			await appErrorOf(
				decide({
					actor: world.lead.actor,
					callId: world.callId,
					applicationId: a.id,
					outcome: 'accept',
					...base,
					version: 0
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'application_withdrawn',
			fields: { outcome: 'application_withdrawn' }
		});
	});

	it('forged ids: another call’s application, a draft, a random and a malformed id are not found', async () => {
		const world = await createResultsCall();
		const other = await createResultsCall();
		const applicant = await createApplicant();
		const draft = await createApplication(world.callId, applicant.enterprise.id);
		const attempt = (applicationId: string, callId = world.callId) =>
			appErrorOf(
				decide({
					actor: world.lead.actor,
					callId,
					applicationId,
					outcome: 'accept',
					...base,
					version: 0
				})
			);

		expect([
			await attempt(other.applications[0].id),
			await attempt(draft.id),
			await attempt('00000000-0000-4000-8000-000000000000'),
			await attempt('1; DROP TABLE decision'),
			// The other call's application through the other call: the manager does not run it.
			await attempt(other.applications[0].id, other.callId)
		]).toEqual([notFound, notFound, notFound, notFound, notFound]);
		expect(await decisionOf(other.applications[0].id)).toBeNull();
	});

	it('jurors, applicants and other clusters are refused; a lead watching a partner’s call is forbidden', async () => {
		const world = await createResultsCall();
		const stranger = await createLead();
		const consortium = await createConsortium();
		const partnerCall = await createCall(consortium.programme.id, {
			organisationId: consortium.partnerA.cluster.id,
			status: 'in_review'
		});
		const applicant = await createApplicant();
		const partnerApplication = await createApplication(partnerCall.id, applicant.enterprise.id, {
			status: 'submitted'
		});
		const [a] = world.applications;
		const attempt = (actor: typeof world.lead.actor, callId = world.callId, applicationId = a.id) =>
			appErrorOf(decide({ actor, callId, applicationId, outcome: 'accept', ...base, version: 0 }));

		expect([
			await attempt(world.jurors[0].actor),
			await attempt(a.applicant.actor),
			await attempt(stranger.actor),
			await attempt(consortium.partnerB.actor, partnerCall.id, partnerApplication.id),
			await attempt(consortium.lead.actor, partnerCall.id, partnerApplication.id)
		]).toEqual([
			notFound,
			notFound,
			notFound,
			notFound,
			{ code: 'forbidden', message: 'forbidden', fields: undefined }
		]);
		expect([await decisionOf(a.id), await decisionOf(partnerApplication.id)]).toEqual([null, null]);
	});
});
