/**
 * The jury assignment problem as the review module states it, handed to the solver in `optimize/`
 * (run in a worker thread), and its answer in the review module's terms.
 */
import type { InfeasibleReason } from '$lib/review/infeasible';
import { runJuryAssignment } from '../optimize/run-assignment';

export type { InfeasibleReason };

export interface Pair {
	applicationId: string;
	jurorId: string;
}

export interface AssignmentProblem {
	/** Reviewers per application. */
	k: number;
	applications: { id: string; language: string; tags: string[] }[];
	jurors: { id: string; languages: string[]; tags: string[]; capacity: number }[];
	/** Pairs that may never be assigned: conflicts of interest… */
	conflicts: Pair[];
	/** …and pairs a manager removed by hand. */
	removed: Pair[];
	/** Pairs that stay whatever happens: pinned by a manager, or reviews already started. */
	fixed: Pair[];
}

export interface PairReasons {
	sharedTags: string[];
	/** The application's language, which the juror reads ('' when a kept pair has none). */
	language: string;
}

export type AssignmentSolution =
	| {
			feasible: true;
			/** Shared expertise tags over all pairs: what the solver maximised, in users' terms. */
			objective: number;
			pairs: (Pair & { reasons: PairReasons })[];
	  }
	| { feasible: false; reasons: InfeasibleReason[] };

export function reasonsFor(
	application: { language: string; tags: string[] },
	juror: { languages: string[]; tags: string[] }
): PairReasons {
	const theirs = new Set(juror.tags.map((t) => t.trim().toLowerCase()));
	return {
		sharedTags: application.tags.filter((t) => theirs.has(t.trim().toLowerCase())),
		language: juror.languages.includes(application.language) ? application.language : ''
	};
}

const count = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);

/**
 * Solves the assignment: every application gets k reviewers, maximising shared expertise.
 *
 * Fixed pairs the solver would refuse because the juror does not read the application's language
 * (a manager's pin, or a juror who changed their languages after starting) stay outside it: their
 * application needs one reviewer fewer and their juror has one review less to give. An application
 * with more fixed reviewers than k keeps them all rather than making the call infeasible.
 */
export async function solveAssignment(problem: AssignmentProblem): Promise<AssignmentSolution> {
	const apps = new Map(problem.applications.map((a) => [a.id, a]));
	const jurors = new Map(problem.jurors.map((j) => [j.id, j]));
	const inside: Pair[] = [];
	const outside: Pair[] = [];
	const insideOfApp = new Map<string, number>();
	const outsideOfApp = new Map<string, number>();
	const fixedOfJuror = new Map<string, number>();
	const outsideOfJuror = new Map<string, number>();
	for (const pair of problem.fixed) {
		const app = apps.get(pair.applicationId);
		const juror = jurors.get(pair.jurorId);
		if (!app || !juror) continue;
		count(fixedOfJuror, juror.id);
		if (juror.languages.includes(app.language)) {
			inside.push(pair);
			count(insideOfApp, app.id);
		} else {
			outside.push(pair);
			count(outsideOfApp, app.id);
			count(outsideOfJuror, juror.id);
		}
	}
	const overloaded: InfeasibleReason[] = problem.jurors
		.filter((j) => (fixedOfJuror.get(j.id) ?? 0) > j.capacity)
		.map((j) => ({
			code: 'juror_overloaded_by_fixed',
			jurorId: j.id,
			fixed: fixedOfJuror.get(j.id) ?? 0,
			capacity: j.capacity
		}));
	if (overloaded.length) return { feasible: false, reasons: overloaded };

	const result = await runJuryAssignment({
		k: problem.k,
		applications: problem.applications.map((a) => ({
			...a,
			reviewers: Math.max(problem.k - (outsideOfApp.get(a.id) ?? 0), insideOfApp.get(a.id) ?? 0, 0)
		})),
		jurors: problem.jurors.map((j) => ({
			...j,
			capacity: j.capacity - (outsideOfJuror.get(j.id) ?? 0)
		})),
		conflicts: problem.conflicts,
		removed: problem.removed,
		fixed: inside
	});
	if (result.status === 'infeasible') return { feasible: false, reasons: result.reasons };

	const pairs = [
		...result.pairs.map((p) => ({
			applicationId: p.applicationId,
			jurorId: p.jurorId,
			reasons: reasonsFor(
				apps.get(p.applicationId) as AssignmentProblem['applications'][number],
				jurors.get(p.jurorId) as AssignmentProblem['jurors'][number]
			)
		})),
		...outside.map((p) => ({
			...p,
			reasons: reasonsFor(
				apps.get(p.applicationId) as AssignmentProblem['applications'][number],
				jurors.get(p.jurorId) as AssignmentProblem['jurors'][number]
			)
		}))
	];
	return {
		feasible: true,
		objective: pairs.reduce((sum, p) => sum + p.reasons.sharedTags.length, 0),
		pairs
	};
}
