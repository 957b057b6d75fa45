import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { callResults, type CallResults, type Normalisation } from '$lib/review/scoring';
import { db, type Executor } from '../db';
import {
	application,
	callCriterion,
	decision,
	juryMember,
	jurySettings,
	organisation,
	review
} from '../db/schema';
import type { Actor } from '../identity/actor';
import { can } from '../identity/can';
import { callResource, findCall, type CallRow } from '../calls/queries';
import { AppError, UUID } from '../errors';

/**
 * The applications a call ranks: submitted and not screened out. The SQL ranking (ranking.sql)
 * applies the same condition; keep them together.
 */
export const rankable = sql`${application.status} = 'submitted' AND ${application.screening} <> 'not_eligible'`;

/** The call, for someone who runs its jury (jury.manage); a forged id or a stranger → not_found. */
export async function juryCallOf(actor: Actor, callId: string): Promise<CallRow> {
	const target = UUID.test(callId) ? await findCall(callId) : null;
	if (!target) throw new AppError('not_found');
	const resource = callResource(target);
	if (!can(actor, 'jury.manage', resource)) {
		// A lead's manager who may see the call learns it exists; anyone else learns nothing.
		throw new AppError(can(actor, 'call.view', resource) ? 'forbidden' : 'not_found');
	}
	return target;
}

async function criteriaOf(ex: Executor, callId: string) {
	return ex
		.select({
			id: callCriterion.id,
			name: callCriterion.name,
			weight: callCriterion.weight,
			scaleMin: callCriterion.scaleMin,
			scaleMax: callCriterion.scaleMax
		})
		.from(callCriterion)
		.where(eq(callCriterion.callId, callId))
		.orderBy(asc(callCriterion.position));
}

/**
 * A call's submitted reviews in one query: those of jurors still on the panel, of rankable
 * applications. `review.total` was stored on submit; the maths recomputes it from the scores.
 */
export async function submittedReviews(ex: Executor, callId: string) {
	return ex
		.select({
			applicationId: review.applicationId,
			jurorId: review.juryMemberId,
			scores: review.scores,
			total: review.total
		})
		.from(review)
		.innerJoin(
			juryMember,
			and(eq(juryMember.id, review.juryMemberId), isNull(juryMember.removedAt))
		)
		.innerJoin(application, and(eq(application.id, review.applicationId), rankable))
		.where(and(eq(review.callId, callId), eq(review.status, 'submitted')));
}

/** The rankable applications of a call with their organisation and decision, oldest first. */
export async function rankableApplications(ex: Executor, callId: string) {
	return ex
		.select({
			id: application.id,
			organisationName: organisation.name,
			locale: application.locale,
			decision: {
				outcome: decision.outcome,
				feedback: decision.feedback,
				includeJuryComments: decision.includeJuryComments,
				releasedAt: decision.releasedAt,
				version: decision.version
			}
		})
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.leftJoin(decision, eq(decision.applicationId, application.id))
		.where(
			and(
				eq(application.callId, callId),
				// An application decided on before it was screened out still shows, with its decision.
				or(rankable, sql`${decision.applicationId} IS NOT NULL`)
			)
		)
		.orderBy(asc(application.submittedAt), asc(application.id));
}

export interface ReviewProgress {
	assigned: number;
	submitted: number;
}

/** How many reviews of the call exist and how many are submitted (panel members only). */
export async function reviewProgress(ex: Executor, callId: string): Promise<ReviewProgress> {
	const [row] = await ex
		.select({
			assigned: sql<number>`count(*)::int`,
			submitted: sql<number>`count(*) FILTER (WHERE ${review.status} = 'submitted')::int`
		})
		.from(review)
		.innerJoin(
			juryMember,
			and(eq(juryMember.id, review.juryMemberId), isNull(juryMember.removedAt))
		)
		.where(eq(review.callId, callId));
	return row;
}

export interface LoadedResults {
	criteria: Awaited<ReturnType<typeof criteriaOf>>;
	applications: Awaited<ReturnType<typeof rankableApplications>>;
	jurors: { id: string; name: string; email: string }[];
	results: CallResults | null;
	progress: ReviewProgress;
	phase: 'setup' | 'scoring' | 'closed';
	reviewDeadline: Date | null;
}

/**
 * Everything the results page shows for one call, for someone who runs its jury: the criteria,
 * the applications, the panel and `callResults` over the submitted reviews (null while the call
 * has no criteria to score against).
 */
export async function loadCallResults({
	actor,
	callId,
	normalisation = 'z'
}: {
	actor: Actor;
	callId: string;
	normalisation?: Normalisation;
}): Promise<LoadedResults> {
	const target = await juryCallOf(actor, callId);
	const ex = db();
	const [criteria, reviews, applications, jurors, progress, settings] = await Promise.all([
		criteriaOf(ex, target.id),
		submittedReviews(ex, target.id),
		rankableApplications(ex, target.id),
		ex
			.select({ id: juryMember.id, name: juryMember.name, email: juryMember.email })
			.from(juryMember)
			.where(eq(juryMember.callId, target.id)),
		reviewProgress(ex, target.id),
		ex
			.select({ phase: jurySettings.phase, reviewDeadline: jurySettings.reviewDeadline })
			.from(jurySettings)
			.where(eq(jurySettings.callId, target.id))
	]);
	const results =
		criteria.length === 0
			? null
			: callResults({
					criteria,
					reviews,
					applicationIds: applications.map((a) => a.id),
					rankBy: normalisation
				});
	return {
		criteria,
		applications,
		jurors,
		results,
		progress,
		phase: settings[0]?.phase ?? 'setup',
		reviewDeadline: settings[0]?.reviewDeadline ?? null
	};
}

/**
 * One application's submitted reviews with the jurors' names, scores, comments and private notes:
 * for the managers of the call only. An application of another call is not found.
 */
export async function applicationReviews({
	actor,
	callId,
	applicationId
}: {
	actor: Actor;
	callId: string;
	applicationId: string;
}) {
	const target = await juryCallOf(actor, callId);
	if (!UUID.test(applicationId)) throw new AppError('not_found');
	const [found] = await db()
		.select({
			id: application.id,
			status: application.status,
			organisationName: organisation.name
		})
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(and(eq(application.id, applicationId), eq(application.callId, target.id)));
	if (!found || found.status === 'draft') throw new AppError('not_found');
	const [criteria, reviews] = await Promise.all([
		criteriaOf(db(), target.id),
		db()
			.select({
				id: review.id,
				status: review.status,
				jurorId: juryMember.id,
				jurorName: juryMember.name,
				jurorEmail: juryMember.email,
				jurorRemoved: sql<boolean>`${juryMember.removedAt} IS NOT NULL`,
				scores: review.scores,
				total: review.total,
				comment: review.comment,
				privateNote: review.privateNote,
				submittedAt: review.submittedAt,
				version: review.version
			})
			.from(review)
			.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
			.where(and(eq(review.applicationId, found.id), eq(review.callId, target.id)))
			.orderBy(asc(juryMember.name))
	]);
	return { call: target, application: found, criteria, reviews };
}
