import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { application, juryMember } from '../../../src/lib/server/db/schema';
import { applicationReviews, loadCallResults } from '../../../src/lib/server/review/results';
import { rankingQuery } from '../../../src/lib/server/review/ranking-query';
import { appErrorOf, createJuror, createLead, createReview } from '../../factories';
import { createHandWorld } from '../../factories-results';

const HALF_SPREAD = Math.sqrt(278.75); // grand SD 23.611… divided by √2

describe('loadCallResults', () => {
	it('results of the hand-computed call rank C first once the harsh juror is normalised', async () => {
		const world = await createHandWorld();
		const [a, b, c] = world.applications.map((x) => x.id);

		const { results } = await loadCallResults({ actor: world.lead.actor, callId: world.callId });

		const byId = new Map(results?.applications.map((row) => [row.applicationId, row]));
		const pick = (id: string) => {
			const row = byId.get(id)!;
			return [row.n, row.mean, row.median, row.rankRaw, row.rankNormalised, row.rankChange];
		};
		expect([pick(a), pick(b), pick(c)]).toEqual([
			[2, 75, 75, 1, 2, -1],
			[2, 55, 55, 3, 3, 0],
			[2, 57.5, 57.5, 2, 1, 1]
		]);
		expect(byId.get(a)!.zNormalised).toBeCloseTo(62.5, 9);
		expect(byId.get(b)!.zNormalised).toBeCloseTo(62.5 - HALF_SPREAD, 9);
		expect(byId.get(c)!.zNormalised).toBeCloseTo(62.5 + HALF_SPREAD, 9);
		expect(byId.get(a)!.sd).toBeCloseTo(30 / Math.SQRT2, 9);
		// Both normalisations agree here: the bias model, solved by hand on the review cycle.
		expect(byId.get(a)!.biasAdjusted).toBeCloseTo(62.5 - 5 / 3, 6);
		expect(byId.get(b)!.biasAdjusted).toBeCloseTo(62.5 - 20 / 3, 6);
		expect(byId.get(c)!.biasAdjusted).toBeCloseTo(62.5 + 25 / 3, 6);
		expect([byId.get(a)!.flagged, byId.get(b)!.flagged, byId.get(c)!.flagged]).toEqual([
			true,
			true,
			true
		]);
	});

	it('the harsh juror shows a negative bias and the lenient one a positive bias', async () => {
		const world = await createHandWorld();
		const { results } = await loadCallResults({ actor: world.lead.actor, callId: world.callId });

		const stats = new Map(results?.jurorStats.map((s) => [s.jurorId, s]));
		const [j1, j2, j3] = world.jurors.map((j) => stats.get(j.member.id)!);
		expect([j1.n, j1.mean, j2.mean, j3.mean]).toEqual([2, 85, 67.5, 35]);
		expect(j1.bias).toBeCloseTo(80 / 3, 6);
		expect(j2.bias).toBeCloseTo(5 / 3, 6);
		expect(j3.bias).toBeCloseTo(-85 / 3, 6);
	});

	it("the call's alpha is computed by hand as 1 − 9250/6690 and read as unreliable", async () => {
		const world = await createHandWorld();
		const { results } = await loadCallResults({ actor: world.lead.actor, callId: world.callId });

		expect(results?.alpha.value).toBeCloseTo(1 - 9250 / 6690, 9);
		expect(results?.reading).toBe('unreliable');
	});

	it('ranking by the bias model gives the same order on the hand-computed call', async () => {
		const world = await createHandWorld();
		const [a, b, c] = world.applications.map((x) => x.id);
		const { results } = await loadCallResults({
			actor: world.lead.actor,
			callId: world.callId,
			normalisation: 'bias'
		});
		const rank = new Map(results?.applications.map((r) => [r.applicationId, r.rankNormalised]));
		expect([rank.get(a), rank.get(b), rank.get(c)]).toEqual([2, 3, 1]);
	});

	it('drafts, removed jurors and screened-out applications do not count', async () => {
		const world = await createHandWorld();
		const [a, b, c] = world.applications;
		const fourth = await createJuror(world.callId);
		await createReview(world.callId, a.id, fourth.member.id, { status: 'started', total: 0 });
		// J3 (the harsh juror) leaves the panel; C is screened out.
		await db()
			.update(juryMember)
			.set({ removedAt: new Date() })
			.where(eq(juryMember.id, world.jurors[2].member.id));
		await db()
			.update(application)
			.set({ screening: 'not_eligible' })
			.where(eq(application.id, c.id));

		const { results, progress } = await loadCallResults({
			actor: world.lead.actor,
			callId: world.callId
		});

		expect(results?.applications.map((r) => [r.applicationId, r.n, r.mean])).toEqual([
			[a.id, 2, 75],
			[b.id, 1, 80]
		]);
		expect(progress).toEqual({ assigned: 5, submitted: 4 });
	});

	it("another cluster's manager and a forged call id find nothing", async () => {
		const world = await createHandWorld();
		const stranger = await createLead();
		const notFound = { code: 'not_found', message: 'not_found', fields: undefined };
		expect([
			await appErrorOf(loadCallResults({ actor: stranger.actor, callId: world.callId })),
			await appErrorOf(
				loadCallResults({ actor: world.lead.actor, callId: '00000000-0000-4000-8000-000000000000' })
			),
			await appErrorOf(loadCallResults({ actor: world.lead.actor, callId: 'not-a-uuid' }))
		]).toEqual([notFound, notFound, notFound]);
	});

	it('a juror of the call may not read its results', async () => {
		const world = await createHandWorld();
		expect(
			await appErrorOf(loadCallResults({ actor: world.jurors[0].actor, callId: world.callId }))
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});
});

describe('applicationReviews', () => {
	it("shows managers every review's scores, comment and private note with the juror's name", async () => {
		const world = await createHandWorld();
		const [a] = world.applications;

		const found = await applicationReviews({
			actor: world.lead.actor,
			callId: world.callId,
			applicationId: a.id
		});

		const [impact, feasibility] = world.criteria.map((c) => c.id);
		expect(
			found.reviews.map((r) => [
				r.jurorName,
				r.scores[impact],
				r.scores[feasibility],
				r.total,
				r.comment,
				r.privateNote
			])
		).toEqual([
			['Juror A', 10, 6, 90, 'Strong team.', 'Knows the mayor.'],
			['Juror B', 6, 6, 60, '  ', 'Unsure about the budget.']
		]);
	});

	it('an application of another call is not found through this call', async () => {
		const world = await createHandWorld();
		const other = await createHandWorld();
		expect(
			await appErrorOf(
				applicationReviews({
					actor: world.lead.actor,
					callId: world.callId,
					applicationId: other.applications[0].id
				})
			)
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});
});

describe('rankingQuery', () => {
	it('the SQL ranking of the hand-computed call matches the hand values', async () => {
		const world = await createHandWorld();
		const [a, b, c] = world.applications.map((x) => x.id);

		const rows = await rankingQuery(world.callId);

		expect(
			rows.map((r) => [r.applicationId, r.n, r.mean, r.rankRaw, r.rankNormalised, r.flagged])
		).toEqual([
			[a, 2, 75, 1, 2, true],
			[c, 2, 57.5, 2, 1, true],
			[b, 2, 55, 3, 3, true]
		]);
		const normalised = new Map(rows.map((r) => [r.applicationId, r.normalised]));
		expect(normalised.get(a)).toBeCloseTo(62.5, 9);
		expect(normalised.get(b)).toBeCloseTo(62.5 - HALF_SPREAD, 9);
		expect(normalised.get(c)).toBeCloseTo(62.5 + HALF_SPREAD, 9);
	});
});
