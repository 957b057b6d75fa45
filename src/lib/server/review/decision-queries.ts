import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { decision, juryMember, review } from '../db/schema';
import type { DecisionOutcome } from '../db/schema/review';
import type { Actor } from '../identity/actor';
import { ensureJurySettings } from './queries';
import { rankingQuery, type RankingRow } from './ranking-query';
import { juryCallOf, rankableApplications } from './results';
import { orderRanking, type RankingOrder } from './suggest-decisions';

/**
 * The jurors' comments on applications, for the applicant: submitted reviews of jurors still on
 * the panel, non-empty, oldest first. Never the private notes, never who wrote them.
 */
export async function juryCommentsFor(
	ex: Executor,
	applicationIds: string[]
): Promise<Map<string, string[]>> {
	const comments = new Map<string, string[]>();
	if (applicationIds.length === 0) return comments;
	const rows = await ex
		.select({ applicationId: review.applicationId, comment: review.comment })
		.from(review)
		.innerJoin(
			juryMember,
			and(eq(juryMember.id, review.juryMemberId), isNull(juryMember.removedAt))
		)
		.where(
			and(
				inArray(review.applicationId, applicationIds),
				eq(review.status, 'submitted'),
				ne(sql`btrim(${review.comment})`, '')
			)
		)
		.orderBy(asc(review.submittedAt), asc(review.id));
	for (const row of rows) {
		const list = comments.get(row.applicationId) ?? [];
		list.push(row.comment.trim());
		comments.set(row.applicationId, list);
	}
	return comments;
}

export interface ReleasedDecision {
	outcome: DecisionOutcome;
	feedback: string;
	releasedAt: Date;
	/** Empty unless the managers chose to share the jurors' comments. */
	juryComments: string[];
}

/**
 * The decision the applicant has been sent, or null before it is sent. The caller has checked the
 * person may see the application (this is what its page shows them).
 */
export async function releasedDecisionOf(applicationId: string): Promise<ReleasedDecision | null> {
	const [row] = await db()
		.select({
			outcome: decision.outcome,
			feedback: decision.feedback,
			includeJuryComments: decision.includeJuryComments,
			releasedAt: decision.releasedAt
		})
		.from(decision)
		.where(and(eq(decision.applicationId, applicationId), isNotNull(decision.releasedAt)));
	if (!row?.releasedAt) return null;
	const comments = row.includeJuryComments
		? ((await juryCommentsFor(db(), [applicationId])).get(applicationId) ?? [])
		: [];
	return {
		outcome: row.outcome,
		feedback: row.feedback,
		releasedAt: row.releasedAt,
		juryComments: comments
	};
}

/** The sent outcomes of several applications (for the applicant's list), by application id. */
export async function releasedOutcomesOf(
	applicationIds: string[]
): Promise<Map<string, DecisionOutcome>> {
	if (applicationIds.length === 0) return new Map();
	const rows = await db()
		.select({ applicationId: decision.applicationId, outcome: decision.outcome })
		.from(decision)
		.where(and(inArray(decision.applicationId, applicationIds), isNotNull(decision.releasedAt)));
	return new Map(rows.map((r) => [r.applicationId, r.outcome]));
}

/**
 * The decisions list of a call for someone who runs its jury: every rankable application (and any
 * decided one) in the chosen ranking order — applications without a complete review last — with
 * its scores and decision, the quotas and templates, and the counts the page shows.
 */
export async function loadDecisions({
	actor,
	callId,
	order
}: {
	actor: Actor;
	callId: string;
	order: RankingOrder;
}) {
	const target = await juryCallOf(actor, callId);
	const [settings, ranking, applications] = await Promise.all([
		ensureJurySettings(db(), target.id),
		rankingQuery(target.id),
		rankableApplications(db(), target.id)
	]);
	const byId = new Map(applications.map((a) => [a.id, a]));
	const ranked = orderRanking(
		ranking.filter((r) => byId.has(r.applicationId)),
		order
	);
	const seen = new Set(ranked.map((r) => r.applicationId));
	const row = (
		application: (typeof applications)[number],
		score?: RankingRow,
		position?: number
	) => ({
		id: application.id,
		organisationName: application.organisationName,
		locale: application.locale,
		position: position ?? null,
		n: score?.n ?? 0,
		mean: score?.mean ?? null,
		normalised: score?.normalised ?? null,
		flagged: score?.flagged ?? false,
		decision: application.decision?.outcome
			? {
					outcome: application.decision.outcome,
					feedback: application.decision.feedback ?? '',
					includeJuryComments: application.decision.includeJuryComments ?? true,
					releasedAt: application.decision.releasedAt,
					version: application.decision.version ?? 1
				}
			: null
	});
	const rows = [
		...ranked.map((score, index) => row(byId.get(score.applicationId)!, score, index + 1)),
		...applications
			.filter((a) => !seen.has(a.id))
			.sort((a, b) => a.organisationName.localeCompare(b.organisationName))
			.map((a) => row(a))
	];
	const counts = { accept: 0, waitlist: 0, reject: 0, undecided: 0, released: 0, unsent: 0 };
	for (const r of rows) {
		if (!r.decision) counts.undecided++;
		else {
			counts[r.decision.outcome]++;
			if (r.decision.releasedAt) counts.released++;
			else counts.unsent++;
		}
	}
	return { call: target, settings, rows, counts };
}
