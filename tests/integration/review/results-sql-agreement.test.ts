import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { application, juryMember } from '../../../src/lib/server/db/schema';
import { rankingQuery } from '../../../src/lib/server/review/ranking-query';
import { loadCallResults } from '../../../src/lib/server/review/results';
import { createSubmittedReview, createResultsCall } from '../../factories-results';
import { createReview } from '../../factories';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('rankingQuery and callResults', () => {
	it('the SQL ranking equals the TS maths on a seeded call with harsh, lenient, one-review and flat jurors', async () => {
		const world = await createResultsCall({ jurors: 8, applications: 30 });
		const next = random(20261123);
		const jurors = world.jurors.map((j) => j.member.id);
		// Juror 0 is harsh, juror 1 lenient, juror 6 reviews once, juror 7 gives everyone the same score.
		const offset = [-3, 3, 0, 0, 1, -1, 0, 0];
		let pair = 0;
		for (const [i, app] of world.applications.entries()) {
			const panel = [i % 6, (i + 1) % 6, (i + 3) % 6];
			if (i === 4) panel[2] = 6;
			if (i % 5 === 0) panel.push(7);
			for (const j of panel) {
				const base = 2 + Math.floor(next() * 7);
				const impact = j === 7 ? 5 : Math.max(0, Math.min(10, base + offset[j]));
				const feasibility = j === 7 ? 5 : Math.floor(next() * 11);
				await createSubmittedReview(world, app.id, jurors[j], [impact, feasibility]);
				pair++;
			}
		}
		// Not counted by either: a draft, a removed juror's review, a withdrawn application's reviews.
		await createReview(world.callId, world.applications[1].id, jurors[7], { status: 'started' });
		const removed = world.jurors[5];
		await db()
			.update(juryMember)
			.set({ removedAt: new Date() })
			.where(eq(juryMember.id, removed.member.id));
		await db()
			.update(application)
			.set({ status: 'withdrawn' })
			.where(eq(application.id, world.applications[2].id));

		const [sqlRows, loaded] = await Promise.all([
			rankingQuery(world.callId),
			loadCallResults({ actor: world.lead.actor, callId: world.callId, normalisation: 'z' })
		]);

		const ts = loaded.results!.applications.filter((r) => r.n > 0);
		expect(pair).toBeGreaterThan(90);
		expect(sqlRows.length).toBe(ts.length);
		expect(sqlRows.length).toBe(29);
		// Both sides of the disagreement flag occur, so the SQL's SD and range are checked through it.
		expect(new Set(sqlRows.map((r) => r.flagged))).toEqual(new Set([true, false]));
		const bySql = new Map(sqlRows.map((r) => [r.applicationId, r]));
		for (const row of ts) {
			const other = bySql.get(row.applicationId)!;
			expect([other.n, other.rankRaw, other.rankNormalised, other.flagged]).toEqual([
				row.n,
				row.rankRaw,
				row.rankNormalised,
				row.flagged
			]);
			expect(other.mean).toBeCloseTo(row.mean!, 9);
			expect(other.normalised).toBeCloseTo(row.zNormalised!, 9);
		}
	});

	it('a call without submitted reviews has an empty SQL ranking and unranked TS rows', async () => {
		const world = await createResultsCall({ jurors: 2, applications: 2 });
		const [sqlRows, loaded] = await Promise.all([
			rankingQuery(world.callId),
			loadCallResults({ actor: world.lead.actor, callId: world.callId })
		]);
		expect(sqlRows).toEqual([]);
		expect(loaded.results?.applications.map((r) => [r.n, r.rankRaw, r.rankNormalised])).toEqual([
			[0, null, null],
			[0, null, null]
		]);
	});
});
