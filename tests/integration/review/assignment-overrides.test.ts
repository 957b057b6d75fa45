import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { assignmentOverride, juryConflict } from '../../../src/lib/server/db/schema';
import { runAssignment } from '../../../src/lib/server/review/assign-reviewers';
import {
	clearOverride,
	excludePair,
	pinPair
} from '../../../src/lib/server/review/override-assignment';
import { appErrorOf, auditEntries, createReview } from '../../factories';
import { juror, juryCall, reviewPairs, submittedApplication } from '../../factories-panel';

async function overridesOf(callId: string) {
	return db()
		.select({
			id: assignmentOverride.id,
			memberId: assignmentOverride.juryMemberId,
			kind: assignmentOverride.kind
		})
		.from(assignmentOverride)
		.where(eq(assignmentOverride.callId, callId));
}

describe('pinPair', () => {
	it('puts the juror on the application at once, marked pinned, with an audit entry', async () => {
		const { call, manager } = await juryCall();
		const app = await submittedApplication(call.id, { locale: 'sv', impactAreas: [3, 7] });
		const anna = await juror(call.id, 'Anna', { languages: ['sv'], tags: ['sdg:7', 'care'] });

		await pinPair({
			actor: manager.actor,
			callId: call.id,
			memberId: anna.member.id,
			applicationId: app.id
		});

		expect((await reviewPairs(call.id)).map((r) => [r.juror, r.status, r.reasons])).toEqual([
			['Anna', 'assigned', { sharedTags: ['sdg:7'], language: 'sv', pinned: true }]
		]);
		expect((await overridesOf(call.id)).map((o) => [o.memberId, o.kind])).toEqual([
			[anna.member.id, 'pin']
		]);
		expect(await auditEntries(app.id)).toEqual([
			{
				action: 'jury.pair_pinned',
				actorUserId: manager.manager.id,
				entityType: 'application',
				organisationId: manager.cluster.id,
				data: { juryMemberId: anna.member.id }
			}
		]);
	});

	it('of a conflicted pair is refused', async () => {
		const { call, manager } = await juryCall();
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await db().insert(juryConflict).values({
			callId: call.id,
			juryMemberId: anna.member.id,
			applicationId: app.id,
			source: 'organisation_member'
		});

		expect(
			await appErrorOf(
				pinPair({
					actor: manager.actor,
					callId: call.id,
					memberId: anna.member.id,
					applicationId: app.id
				})
			)
		).toEqual({
			code: 'conflict',
			message: 'pair_conflicted',
			fields: { _form: 'pair_conflicted' }
		});
		expect([await reviewPairs(call.id), await overridesOf(call.id)]).toEqual([[], []]);
	});
});

describe('excludePair', () => {
	it('takes the juror off the application and keeps them off in later runs', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id, { impactAreas: [7] });
		const anna = await juror(call.id, 'Anna', { tags: ['sdg:7'] });
		await juror(call.id, 'Bert');
		await runAssignment({ actor: manager.actor, callId: call.id });
		const before = (await reviewPairs(call.id)).map((r) => r.juror);

		await excludePair({
			actor: manager.actor,
			callId: call.id,
			memberId: anna.member.id,
			applicationId: app.id
		});
		const after = (await reviewPairs(call.id)).map((r) => r.juror);
		await runAssignment({ actor: manager.actor, callId: call.id });

		expect([before, after, (await reviewPairs(call.id)).map((r) => r.juror)]).toEqual([
			['Anna'],
			[],
			['Bert']
		]);
		expect((await auditEntries(app.id)).map((e) => [e.action, e.data])).toEqual([
			['jury.pair_excluded', { juryMemberId: anna.member.id, reviewDeleted: true }]
		]);
	});

	it('of a review the juror started is refused: it stays theirs', async () => {
		const { call, manager } = await juryCall();
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await createReview(call.id, app.id, anna.member.id, {
			status: 'started',
			startedAt: new Date()
		});

		expect(
			await appErrorOf(
				excludePair({
					actor: manager.actor,
					callId: call.id,
					memberId: anna.member.id,
					applicationId: app.id
				})
			)
		).toEqual({ code: 'conflict', message: 'review_started', fields: { _form: 'review_started' } });
		expect([(await reviewPairs(call.id)).map((r) => r.status), await overridesOf(call.id)]).toEqual(
			[['started'], []]
		);
	});
});

describe('clearOverride', () => {
	it('of a pin keeps the review but no longer marks it pinned', async () => {
		const { call, manager } = await juryCall();
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await pinPair({
			actor: manager.actor,
			callId: call.id,
			memberId: anna.member.id,
			applicationId: app.id
		});
		const [pin] = await overridesOf(call.id);

		const result = await clearOverride({
			actor: manager.actor,
			callId: call.id,
			overrideId: pin.id
		});

		expect([
			result,
			(await reviewPairs(call.id)).map((r) => r.reasons),
			await overridesOf(call.id)
		]).toEqual([{ kind: 'pin' }, [{ sharedTags: [], language: 'en' }], []]);
	});

	it('of a removal lets the next run assign the pair again', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await excludePair({
			actor: manager.actor,
			callId: call.id,
			memberId: anna.member.id,
			applicationId: app.id
		});
		const [removal] = await overridesOf(call.id);

		await clearOverride({ actor: manager.actor, callId: call.id, overrideId: removal.id });
		await runAssignment({ actor: manager.actor, callId: call.id });

		expect((await reviewPairs(call.id)).map((r) => r.juror)).toEqual(['Anna']);
	});
});

describe('overrides with forged ids or by someone who does not run the jury', () => {
	it('are not found for another call’s juror, application or override, and forbidden for the lead', async () => {
		const { call, manager, lead } = await juryCall();
		const other = await juryCall();
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		const foreignApp = await submittedApplication(other.call.id);
		const foreignJuror = await juror(other.call.id, 'Foreign');
		await excludePair({
			actor: other.manager.actor,
			callId: other.call.id,
			memberId: foreignJuror.member.id,
			applicationId: foreignApp.id
		});
		const [foreignOverride] = await overridesOf(other.call.id);
		const notFound = { code: 'not_found', message: 'not_found', fields: undefined };

		expect([
			await appErrorOf(
				pinPair({
					actor: manager.actor,
					callId: call.id,
					memberId: foreignJuror.member.id,
					applicationId: app.id
				})
			),
			await appErrorOf(
				excludePair({
					actor: manager.actor,
					callId: call.id,
					memberId: anna.member.id,
					applicationId: foreignApp.id
				})
			),
			await appErrorOf(
				clearOverride({ actor: manager.actor, callId: call.id, overrideId: foreignOverride.id })
			),
			await appErrorOf(
				pinPair({ actor: manager.actor, callId: call.id, memberId: 'x', applicationId: app.id })
			)
		]).toEqual([notFound, notFound, notFound, notFound]);
		expect(
			await appErrorOf(
				pinPair({
					actor: lead.actor,
					callId: call.id,
					memberId: anna.member.id,
					applicationId: app.id
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
		expect([
			await reviewPairs(call.id),
			await overridesOf(call.id),
			(await overridesOf(other.call.id)).length
		]).toEqual([[], [], 1]);
	});
});
