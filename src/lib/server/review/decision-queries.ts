import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { decision, juryMember, review } from '../db/schema';
import type { DecisionOutcome } from '../db/schema/review';

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
