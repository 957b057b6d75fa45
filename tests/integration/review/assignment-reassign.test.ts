import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { juryConflict, jurySettings, review } from '../../../src/lib/server/db/schema';
import {
	reassignAfterConflict,
	runAssignment
} from '../../../src/lib/server/review/assign-reviewers';
import { auditEntries, createReview } from '../../factories';
import { juror, juryCall, reviewPairs, submittedApplication } from '../../factories-panel';

const NOW = new Date('2026-11-23T12:00:00Z');

/** What the juror's "I have a conflict" does before it asks for a replacement. */
async function declareConflict(callId: string, memberId: string, applicationId: string) {
	await db()
		.delete(review)
		.where(and(eq(review.juryMemberId, memberId), eq(review.applicationId, applicationId)));
	await db().insert(juryConflict).values({
		callId,
		juryMemberId: memberId,
		applicationId,
		source: 'declared',
		reason: 'My sister works there'
	});
}

async function lastRunOf(callId: string) {
	const [row] = await db()
		.select({ lastRun: jurySettings.lastRun })
		.from(jurySettings)
		.where(eq(jurySettings.callId, callId));
	return row.lastRun;
}

const pairs = async (callId: string, names: Record<string, string>) =>
	(await reviewPairs(callId)).map((r) => `${names[r.applicationId]} ${r.juror} ${r.status}`).sort();

describe('reassignAfterConflict', () => {
	it('finds the application a replacement and keeps every other review where it is', async () => {
		const { call } = await juryCall({ reviewersPerApplication: 1 });
		const a = await submittedApplication(call.id, { impactAreas: [7] });
		const b = await submittedApplication(call.id, { impactAreas: [3] });
		const anna = await juror(call.id, 'Anna', { tags: ['sdg:7'] });
		const bert = await juror(call.id, 'Bert', { tags: ['sdg:7'], maxLoad: 1 });
		await juror(call.id, 'Carla');
		await createReview(call.id, a.id, anna.member.id);
		// Unstarted, and a full run would move Bert to A (they share sdg:7): it stays all the same.
		await createReview(call.id, b.id, bert.member.id);
		await declareConflict(call.id, anna.member.id, a.id);

		const run = await reassignAfterConflict(call.id, NOW);

		const names = { [a.id]: 'A', [b.id]: 'B' };
		expect(await pairs(call.id, names)).toEqual(['A Carla assigned', 'B Bert assigned']);
		const expected = {
			at: NOW.toISOString(),
			trigger: 'conflict',
			mode: 'replacement',
			k: 1,
			applications: 2,
			jurors: 3,
			conflictsFound: 0,
			outcome: 'assigned',
			objective: 0,
			reviews: 2,
			added: 1,
			removed: 0,
			kept: 1
		};
		expect([run, await lastRunOf(call.id)]).toEqual([expected, expected]);
		expect((await auditEntries(call.id)).map((e) => [e.action, e.actorUserId])).toEqual([
			['jury.assignment_run', null]
		]);
	});

	it('falls back to a full run that moves unstarted reviews when no replacement fits', async () => {
		const { call } = await juryCall({ reviewersPerApplication: 1, defaultMaxLoad: 1 });
		const a = await submittedApplication(call.id, { locale: 'de' });
		const b = await submittedApplication(call.id, { locale: 'en' });
		const anna = await juror(call.id, 'Anna', { languages: ['de'] });
		await juror(call.id, 'Bert', { languages: ['en'] });
		const carla = await juror(call.id, 'Carla', { languages: ['de', 'en'] });
		await createReview(call.id, a.id, anna.member.id);
		await createReview(call.id, b.id, carla.member.id);
		await declareConflict(call.id, anna.member.id, a.id);

		const run = await reassignAfterConflict(call.id, NOW);

		const names = { [a.id]: 'A', [b.id]: 'B' };
		expect(await pairs(call.id, names)).toEqual(['A Carla assigned', 'B Bert assigned']);
		expect(run).toMatchObject({
			trigger: 'conflict',
			mode: 'full',
			outcome: 'assigned',
			added: 2,
			removed: 1,
			kept: 0
		});
	});

	it('records why when no assignment exists at all, throws nothing and keeps started reviews', async () => {
		const { call } = await juryCall({ reviewersPerApplication: 1, defaultMaxLoad: 1 });
		const a = await submittedApplication(call.id, { locale: 'de' });
		const b = await submittedApplication(call.id, { locale: 'en' });
		const anna = await juror(call.id, 'Anna', { languages: ['de', 'en'] });
		const bert = await juror(call.id, 'Bert', { languages: ['en', 'de'] });
		await createReview(call.id, a.id, anna.member.id);
		await createReview(call.id, b.id, bert.member.id, { status: 'started', startedAt: NOW });
		await declareConflict(call.id, anna.member.id, a.id);

		const run = await reassignAfterConflict(call.id, NOW);

		expect(run).toMatchObject({ trigger: 'conflict', mode: 'full', outcome: 'infeasible' });
		expect(run?.outcome === 'infeasible' ? run.reasons : []).toEqual([
			{ code: 'too_few_eligible', applicationId: a.id, eligible: 0, needed: 1 }
		]);
		expect(await lastRunOf(call.id)).toEqual(run);
		expect(await pairs(call.id, { [a.id]: 'A', [b.id]: 'B' })).toEqual(['B Bert started']);
	});

	it('before any assignment was made does nothing: the first run takes the conflict into account', async () => {
		const { call } = await juryCall({ reviewersPerApplication: 1 });
		const a = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await juror(call.id, 'Bert');
		await declareConflict(call.id, anna.member.id, a.id);

		expect(await reassignAfterConflict(call.id, NOW)).toBeNull();
		expect([await reviewPairs(call.id), await lastRunOf(call.id)]).toEqual([[], null]);
	});

	it('after a manager run, the conflicted juror is replaced and never comes back in a later run', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const a = await submittedApplication(call.id, { impactAreas: [7] });
		await juror(call.id, 'Anna', { tags: ['sdg:7'] });
		await juror(call.id, 'Bert');
		await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });
		const [first] = await reviewPairs(call.id);
		const [anna] = await db()
			.select({ memberId: review.juryMemberId })
			.from(review)
			.where(eq(review.applicationId, a.id));
		await declareConflict(call.id, anna.memberId, a.id);

		await reassignAfterConflict(call.id, NOW);
		await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect([first.juror, (await reviewPairs(call.id)).map((r) => r.juror)]).toEqual([
			'Anna',
			['Bert']
		]);
	});
});
