import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db, type Executor } from '../db';
import {
	application,
	assignmentOverride,
	juryConflict,
	juryMember,
	jurySettings,
	organisation,
	review
} from '../db/schema';
import type { Actor } from '../identity/actor';
import { detectConflicts } from './detect-conflicts';
import { lockJury } from './lock-jury';
import { jurorCapacity } from './panel-rules';
import { activeJurorsOf, eligibleApplications } from './panel-queries';
import { effectivePhase, impactTags } from './rules';
import { AppError } from '../errors';
import {
	solveAssignment,
	type AssignmentProblem,
	type InfeasibleReason,
	type Pair
} from './solve-assignment';

/** What the last assignment run did, kept in jury_settings.last_run (language-free). */
export type LastRun = {
	at: string;
	/** A manager's run, or the reassignment after a juror declared a conflict. */
	trigger: 'manager' | 'conflict';
	/** Every unstarted review could move, or every existing review stayed where it was. */
	mode: 'full' | 'replacement';
	k: number;
	applications: number;
	jurors: number;
	conflictsFound: number;
} & (
	| {
			outcome: 'assigned';
			objective: number;
			reviews: number;
			added: number;
			removed: number;
			kept: number;
	  }
	| { outcome: 'infeasible'; reasons: InfeasibleReason[] }
);

type Settings = typeof jurySettings.$inferSelect;
const key = (p: Pair) => `${p.applicationId} ${p.jurorId}`;

/** Everything the solver needs about a call, read inside the run's transaction. */
async function readProblem(tx: Executor, callId: string, settings: Settings) {
	const [apps, jurors, conflicts, overrides, reviews] = await Promise.all([
		tx
			.select({
				id: application.id,
				language: application.locale,
				impactAreas: organisation.impactAreas
			})
			.from(application)
			.innerJoin(organisation, eq(organisation.id, application.organisationId))
			.where(eligibleApplications(callId)),
		tx
			.select({
				id: juryMember.id,
				languages: juryMember.languages,
				tags: juryMember.tags,
				maxLoad: juryMember.maxLoad
			})
			.from(juryMember)
			.where(activeJurorsOf(callId)),
		tx
			.select({ applicationId: juryConflict.applicationId, jurorId: juryConflict.juryMemberId })
			.from(juryConflict)
			.where(eq(juryConflict.callId, callId)),
		tx
			.select({
				applicationId: assignmentOverride.applicationId,
				jurorId: assignmentOverride.juryMemberId,
				kind: assignmentOverride.kind
			})
			.from(assignmentOverride)
			.where(eq(assignmentOverride.callId, callId)),
		tx
			.select({
				id: review.id,
				applicationId: review.applicationId,
				jurorId: review.juryMemberId,
				status: review.status
			})
			.from(review)
			.where(eq(review.callId, callId))
	]);
	const appIds = new Set(apps.map((a) => a.id));
	const jurorIds = new Set(jurors.map((j) => j.id));
	const inScope = (p: Pair) => appIds.has(p.applicationId) && jurorIds.has(p.jurorId);
	return {
		applications: apps.map((a) => ({
			id: a.id,
			language: a.language,
			tags: impactTags(a.impactAreas)
		})),
		jurors: jurors.map((j) => ({
			id: j.id,
			languages: j.languages,
			tags: j.tags,
			capacity: jurorCapacity(j.maxLoad, settings.defaultMaxLoad)
		})),
		conflicts: conflicts.filter(inScope),
		pins: overrides.filter((o) => o.kind === 'pin' && inScope(o)),
		excludes: overrides.filter((o) => o.kind === 'exclude' && inScope(o)),
		reviews,
		inScope
	};
}

/**
 * Solves with the given pairs fixed; a fixed pair is never forbidden (a started review stays even
 * if a conflict turns up later: the juror declares it, which removes the review).
 */
function problemWith(
	k: number,
	data: Awaited<ReturnType<typeof readProblem>>,
	fixed: Pair[]
): AssignmentProblem {
	const fixedKeys = new Set(fixed.map(key));
	const free = (p: Pair) => !fixedKeys.has(key(p));
	return {
		k,
		applications: data.applications,
		jurors: data.jurors,
		conflicts: data.conflicts.filter(free),
		removed: data.excludes.filter(free),
		fixed
	};
}

function dedupe(pairs: Pair[]): Pair[] {
	const seen = new Map<string, Pair>();
	for (const p of pairs) seen.set(key(p), { applicationId: p.applicationId, jurorId: p.jurorId });
	return [...seen.values()];
}

/** Solves and, when feasible, writes the reviews; always records the outcome in last_run. */
async function solveAndWrite(
	tx: Executor,
	options: {
		callId: string;
		settings: Settings;
		data: Awaited<ReturnType<typeof readProblem>>;
		mode: LastRun['mode'];
		trigger: LastRun['trigger'];
		conflictsFound: number;
		now: Date;
	}
): Promise<LastRun> {
	const { callId, settings, data, mode } = options;
	const startedOrPinned = dedupe([
		...data.pins,
		...data.reviews.filter((r) => r.status !== 'assigned' && data.inScope(r))
	]);
	const fixed =
		mode === 'full'
			? startedOrPinned
			: dedupe([...startedOrPinned, ...data.reviews.filter((r) => data.inScope(r))]);
	const solution = await solveAssignment(
		problemWith(settings.reviewersPerApplication, data, fixed)
	);
	const base = {
		at: options.now.toISOString(),
		trigger: options.trigger,
		mode,
		k: settings.reviewersPerApplication,
		applications: data.applications.length,
		jurors: data.jurors.length,
		conflictsFound: options.conflictsFound
	};
	if (!solution.feasible) return { ...base, outcome: 'infeasible', reasons: solution.reasons };

	const chosen = new Map(solution.pairs.map((p) => [key(p), p]));
	const existing = new Set(data.reviews.map((r) => key(r)));
	const pinned = new Set(data.pins.map(key));
	// A replacement run only adds; a full run also drops unstarted reviews the solution moved.
	const dropped =
		mode === 'full'
			? data.reviews.filter((r) => r.status === 'assigned' && !chosen.has(key(r)))
			: [];
	const added = solution.pairs.filter((p) => !existing.has(key(p)));
	if (dropped.length)
		await tx.delete(review).where(
			and(
				inArray(
					review.id,
					dropped.map((r) => r.id)
				),
				// A juror who started meanwhile keeps their review.
				eq(review.status, 'assigned')
			)
		);
	if (added.length)
		await tx.insert(review).values(
			added.map((p) => ({
				callId,
				applicationId: p.applicationId,
				juryMemberId: p.jurorId,
				reasons: { ...p.reasons, ...(pinned.has(key(p)) ? { pinned: true } : {}) }
			}))
		);
	return {
		...base,
		outcome: 'assigned',
		objective: solution.objective,
		reviews: solution.pairs.length,
		added: added.length,
		removed: dropped.length,
		kept: solution.pairs.length - added.length
	};
}

async function record(
	tx: Executor,
	call: { id: string; organisationId: string },
	actorUserId: string | null,
	run: LastRun
) {
	await tx
		.update(jurySettings)
		.set({ lastRun: run as unknown as Record<string, unknown>, updatedAt: new Date(run.at) })
		.where(eq(jurySettings.callId, call.id));
	const { at: _at, ...data } = run;
	await recordAudit(tx, {
		actorUserId,
		action: 'jury.assignment_run',
		entityType: 'call',
		entityId: call.id,
		organisationId: call.organisationId,
		data
	});
}

/**
 * A manager's assignment run: every eligible application gets k reviewers among the accepted
 * jurors who read its language, within their loads, never a conflicted or removed pair, with the
 * most shared expertise. Pinned pairs and reviews already started stay where they are; unstarted
 * reviews may move. An infeasible instance changes nothing and says why (in last_run).
 */
export async function runAssignment({
	actor,
	callId,
	now = new Date()
}: {
	actor: Actor;
	callId: string;
	now?: Date;
}): Promise<LastRun> {
	return db().transaction(async (tx) => {
		const { call, settings } = await lockJury(tx, actor, callId);
		if (effectivePhase(settings, now) === 'closed')
			throw new AppError('conflict', 'jury_closed', { _form: 'jury_closed' });
		const conflictsFound = await detectConflicts(tx, callId);
		const data = await readProblem(tx, callId, settings);
		const run = await solveAndWrite(tx, {
			callId,
			settings,
			data,
			mode: 'full',
			trigger: 'manager',
			conflictsFound,
			now
		});
		await record(tx, call, actor.userId, run);
		return run;
	});
}

/**
 * After a juror declared a conflict (called once that is committed): every existing review stays,
 * and the application that lost its reviewer gets a replacement. When no replacement fits, a full
 * run — which still never moves a started review — is tried; when that fails too, the reasons
 * are recorded for the managers. Never throws for an infeasible instance.
 */
export async function reassignAfterConflict(
	callId: string,
	now: Date = new Date()
): Promise<LastRun | null> {
	return db().transaction(async (tx) => {
		const { call, settings } = await lockJury(tx, null, callId);
		if (effectivePhase(settings, now) === 'closed') return null;
		const [anyReview] = await tx
			.select({ id: review.id })
			.from(review)
			.where(eq(review.callId, callId))
			.limit(1);
		// Nothing was assigned yet: the managers' first run will take the conflict into account.
		if (!anyReview) return null;
		const conflictsFound = await detectConflicts(tx, callId);
		const data = await readProblem(tx, callId, settings);
		const common = { callId, settings, data, trigger: 'conflict' as const, conflictsFound, now };
		let run = await solveAndWrite(tx, { ...common, mode: 'replacement' });
		// A full run is the looser problem: if it fails too, its reasons name the real blocker.
		if (run.outcome === 'infeasible') run = await solveAndWrite(tx, { ...common, mode: 'full' });
		await record(tx, call, null, run);
		return run;
	});
}
