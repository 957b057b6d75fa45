import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { auditLog, decision, jurySettings } from '../db/schema';
import type { DecisionOutcome } from '../db/schema/review';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { ensureJurySettings } from './queries';
import { rankingQuery, type RankingRow } from './ranking-query';
import { juryCallOf } from './results';

export type RankingOrder = 'raw' | 'normalised';

/** A ranking in the chosen order; equal ranks keep the raw order, then the id, so it is stable. */
export function orderRanking<
	T extends Pick<RankingRow, 'rankRaw' | 'rankNormalised' | 'applicationId'>
>(rows: readonly T[], order: RankingOrder): T[] {
	const key = order === 'raw' ? 'rankRaw' : 'rankNormalised';
	return [...rows].sort(
		(a, b) =>
			a[key] - b[key] || a.rankRaw - b.rankRaw || a.applicationId.localeCompare(b.applicationId)
	);
}

/** The outcome a position (0-based) in the ranking gets under the quotas. */
export function outcomeByQuota(
	position: number,
	acceptQuota: number,
	waitlistQuota: number
): DecisionOutcome {
	if (position < acceptQuota) return 'accept';
	if (position < acceptQuota + waitlistQuota) return 'waitlist';
	return 'reject';
}

/**
 * "Suggest by quota": the first `acceptQuota` applications of the chosen ranking accepted, the
 * next `waitlistQuota` waitlisted, the other ranked ones rejected. Decisions already sent keep
 * their place and outcome; feedback already written stays. Applications without a review stay
 * undecided. Each changed decision is audited like a hand-made one (with `via: "quota"`).
 */
export async function suggestDecisions({
	actor,
	callId,
	order
}: {
	actor: Actor;
	callId: string;
	order: RankingOrder;
}) {
	const target = await juryCallOf(actor, callId);
	return db().transaction(async (tx) => {
		await ensureJurySettings(tx, target.id);
		const [settings] = await tx
			.select({ accept: jurySettings.acceptQuota, waitlist: jurySettings.waitlistQuota })
			.from(jurySettings)
			.where(eq(jurySettings.callId, target.id))
			.for('update');
		if (settings.accept === null && settings.waitlist === null) {
			throw new AppError('invalid_input', 'quota_required', { acceptQuota: 'quota_required' });
		}
		const ranking = orderRanking(await rankingQuery(target.id, tx), order);
		const ids = ranking.map((row) => row.applicationId);
		const existing = new Map(
			(ids.length === 0
				? []
				: await tx.select().from(decision).where(inArray(decision.applicationId, ids)).for('update')
			).map((row) => [row.applicationId, row])
		);

		const now = new Date();
		const counts = { accept: 0, waitlist: 0, reject: 0, changed: 0 };
		const rows: (typeof decision.$inferInsert)[] = [];
		const audits: (typeof auditLog.$inferInsert)[] = [];
		for (const [position, row] of ranking.entries()) {
			const current = existing.get(row.applicationId);
			const outcome = current?.releasedAt
				? current.outcome
				: outcomeByQuota(position, settings.accept ?? 0, settings.waitlist ?? 0);
			counts[outcome]++;
			if (current?.outcome === outcome) continue;
			counts.changed++;
			rows.push({
				applicationId: row.applicationId,
				callId: target.id,
				outcome,
				decidedBy: actor.userId,
				decidedAt: now
			});
			audits.push({
				actorUserId: actor.userId,
				action: 'decision.set',
				entityType: 'application',
				entityId: row.applicationId,
				organisationId: target.organisationId,
				data: {
					callId: target.id,
					from: current?.outcome ?? null,
					to: outcome,
					feedbackChanged: false,
					includeJuryComments: current?.includeJuryComments ?? true,
					via: 'quota',
					order,
					position: position + 1
				}
			});
		}
		for (let start = 0; start < rows.length; start += 1000) {
			await tx
				.insert(decision)
				.values(rows.slice(start, start + 1000))
				.onConflictDoUpdate({
					target: decision.applicationId,
					set: {
						outcome: sql`excluded.outcome`,
						decidedBy: sql`excluded.decided_by`,
						decidedAt: sql`excluded.decided_at`,
						version: sql`${decision.version} + 1`
					}
				});
			await tx.insert(auditLog).values(audits.slice(start, start + 1000));
		}
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'decisions.suggested',
			entityType: 'call',
			entityId: target.id,
			organisationId: target.organisationId,
			data: { order, quotas: settings, ...counts }
		});
		return counts;
	});
}
