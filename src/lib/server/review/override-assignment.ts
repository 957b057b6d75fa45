import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db, type Executor } from '../db';
import {
	application,
	assignmentOverride,
	juryConflict,
	juryMember,
	organisation,
	review
} from '../db/schema';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { lockJury } from './lock-jury';
import { activeJurorsOf, eligibleApplications } from './panel-queries';
import { effectivePhase, impactTags } from './rules';
import { reasonsFor } from './solve-assignment';

interface PairOptions {
	actor: Actor;
	callId: string;
	memberId: string;
	applicationId: string;
}

/** Locks the jury and reads the pair: an accepted juror on the panel and an eligible application. */
async function lockPair(tx: Executor, { actor, callId, memberId, applicationId }: PairOptions) {
	if (!UUID.test(memberId) || !UUID.test(applicationId)) throw new AppError('not_found');
	const { call, settings } = await lockJury(tx, actor, callId);
	if (effectivePhase(settings) === 'closed')
		throw new AppError('conflict', 'jury_closed', { _form: 'jury_closed' });
	const [[member], [app]] = await Promise.all([
		tx
			.select()
			.from(juryMember)
			.where(and(eq(juryMember.id, memberId), activeJurorsOf(callId))),
		tx
			.select({
				id: application.id,
				language: application.locale,
				impactAreas: organisation.impactAreas
			})
			.from(application)
			.innerJoin(organisation, eq(organisation.id, application.organisationId))
			.where(and(eq(application.id, applicationId), eligibleApplications(callId)))
	]);
	if (!member || !app) throw new AppError('not_found');
	const [existing] = await tx
		.select()
		.from(review)
		.where(and(eq(review.applicationId, applicationId), eq(review.juryMemberId, memberId)))
		.for('update');
	return { call, member, app, review: existing ?? null };
}

async function setOverride(tx: Executor, options: PairOptions, kind: 'pin' | 'exclude') {
	await tx
		.insert(assignmentOverride)
		.values({
			callId: options.callId,
			juryMemberId: options.memberId,
			applicationId: options.applicationId,
			kind,
			createdBy: options.actor.userId
		})
		.onConflictDoUpdate({
			target: [assignmentOverride.juryMemberId, assignmentOverride.applicationId],
			set: { kind, createdBy: options.actor.userId, createdAt: new Date() }
		});
}

/**
 * A manager puts a juror on an application by hand: the review exists at once and every later run
 * keeps it. A conflicted pair cannot be pinned.
 */
export async function pinPair(options: PairOptions) {
	return db().transaction(async (tx) => {
		const { call, member, app, review: current } = await lockPair(tx, options);
		const [conflict] = await tx
			.select({ id: juryConflict.id })
			.from(juryConflict)
			.where(and(eq(juryConflict.juryMemberId, member.id), eq(juryConflict.applicationId, app.id)));
		if (conflict) throw new AppError('conflict', 'pair_conflicted', { _form: 'pair_conflicted' });
		await setOverride(tx, options, 'pin');
		if (current) {
			await tx
				.update(review)
				.set({ reasons: { ...current.reasons, pinned: true } })
				.where(eq(review.id, current.id));
		} else {
			await tx.insert(review).values({
				callId: options.callId,
				applicationId: app.id,
				juryMemberId: member.id,
				reasons: {
					...reasonsFor({ language: app.language, tags: impactTags(app.impactAreas) }, member),
					pinned: true
				}
			});
		}
		await recordAudit(tx, {
			actorUserId: options.actor.userId,
			action: 'jury.pair_pinned',
			entityType: 'application',
			entityId: app.id,
			organisationId: call.organisationId,
			data: { juryMemberId: member.id }
		});
	});
}

/**
 * A manager takes a juror off an application and keeps them off in every later run. A review the
 * juror has started is theirs to finish: that pair cannot be removed.
 */
export async function excludePair(options: PairOptions) {
	return db().transaction(async (tx) => {
		const { call, member, app, review: current } = await lockPair(tx, options);
		if (current && current.status !== 'assigned')
			throw new AppError('conflict', 'review_started', { _form: 'review_started' });
		await setOverride(tx, options, 'exclude');
		if (current) await tx.delete(review).where(eq(review.id, current.id));
		await recordAudit(tx, {
			actorUserId: options.actor.userId,
			action: 'jury.pair_excluded',
			entityType: 'application',
			entityId: app.id,
			organisationId: call.organisationId,
			data: { juryMemberId: member.id, reviewDeleted: Boolean(current) }
		});
	});
}

/**
 * Forgets a manager's pin or removal: a pinned review stays for now but the next run may move it;
 * a removed pair may be assigned again.
 */
export async function clearOverride({
	actor,
	callId,
	overrideId
}: {
	actor: Actor;
	callId: string;
	overrideId: string;
}) {
	if (!UUID.test(overrideId)) throw new AppError('not_found');
	return db().transaction(async (tx) => {
		const { call } = await lockJury(tx, actor, callId);
		const [removed] = await tx
			.delete(assignmentOverride)
			.where(and(eq(assignmentOverride.id, overrideId), eq(assignmentOverride.callId, callId)))
			.returning();
		if (!removed) throw new AppError('not_found');
		if (removed.kind === 'pin')
			await tx
				.update(review)
				.set({ reasons: sql`${review.reasons} - 'pinned'` })
				.where(
					and(
						eq(review.applicationId, removed.applicationId),
						eq(review.juryMemberId, removed.juryMemberId)
					)
				);
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.override_cleared',
			entityType: 'application',
			entityId: removed.applicationId,
			organisationId: call.organisationId,
			data: { juryMemberId: removed.juryMemberId, kind: removed.kind }
		});
		return { kind: removed.kind };
	});
}
