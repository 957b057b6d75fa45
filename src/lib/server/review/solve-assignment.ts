/**
 * The jury assignment problem as the review module hands it to a solver, and the answer it gets
 * back. Until the solver from `optimize/` is merged, a small successive-shortest-paths flow solves
 * it here (optimal, but meant for tens of applications, not thousands).
 */
import type { InfeasibleReason } from '$lib/review/infeasible';

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
	/** The application's language, which the juror reads ('' when a fixed pair has none). */
	language: string;
}

export type AssignmentSolution =
	| { feasible: true; objective: number; pairs: (Pair & { reasons: PairReasons })[] }
	| { feasible: false; reasons: InfeasibleReason[] };

const key = (applicationId: string, jurorId: string) => `${applicationId} ${jurorId}`;

export function reasonsFor(
	application: { language: string; tags: string[] },
	juror: { languages: string[]; tags: string[] }
): PairReasons {
	const theirs = new Set(juror.tags);
	return {
		sharedTags: application.tags.filter((t) => theirs.has(t)),
		language: juror.languages.includes(application.language) ? application.language : ''
	};
}

interface Edge {
	to: number;
	cap: number;
	cost: number;
	rev: number;
}

/** Maximum flow of minimum cost from node 0 to node n-1 (Bellman-Ford on the residual graph). */
function minCostFlow(graph: Edge[][], source: number, sink: number) {
	let flow = 0;
	let cost = 0;
	const n = graph.length;
	for (;;) {
		const dist = new Array<number>(n).fill(Infinity);
		const inQueue = new Array<boolean>(n).fill(false);
		const prev = new Array<[number, number] | null>(n).fill(null);
		dist[source] = 0;
		const queue = [source];
		inQueue[source] = true;
		while (queue.length) {
			const u = queue.shift() as number;
			inQueue[u] = false;
			graph[u].forEach((e, i) => {
				if (e.cap > 0 && dist[u] + e.cost < dist[e.to]) {
					dist[e.to] = dist[u] + e.cost;
					prev[e.to] = [u, i];
					if (!inQueue[e.to]) {
						inQueue[e.to] = true;
						queue.push(e.to);
					}
				}
			});
		}
		if (dist[sink] === Infinity) break;
		let push = Infinity;
		for (let v = sink; v !== source; v = (prev[v] as [number, number])[0]) {
			const [u, i] = prev[v] as [number, number];
			push = Math.min(push, graph[u][i].cap);
		}
		for (let v = sink; v !== source; v = (prev[v] as [number, number])[0]) {
			const [u, i] = prev[v] as [number, number];
			graph[u][i].cap -= push;
			graph[v][graph[u][i].rev].cap += push;
		}
		flow += push;
		cost += push * dist[sink];
	}
	return { flow, cost };
}

/** Solves the assignment: every application gets k reviewers, maximising shared expertise. */
export async function solveAssignment(problem: AssignmentProblem): Promise<AssignmentSolution> {
	const { k, applications, jurors } = problem;
	const forbidden = new Set(
		[...problem.conflicts, ...problem.removed].map((p) => key(p.applicationId, p.jurorId))
	);
	const appIndex = new Map(applications.map((a, i) => [a.id, i]));
	const jurorIndex = new Map(jurors.map((j, i) => [j.id, i]));
	const fixed = problem.fixed.filter(
		(p) => appIndex.has(p.applicationId) && jurorIndex.has(p.jurorId)
	);
	const fixedKeys = new Set(fixed.map((p) => key(p.applicationId, p.jurorId)));
	const fixedPerApp = new Array<number>(applications.length).fill(0);
	const fixedPerJuror = new Array<number>(jurors.length).fill(0);
	for (const p of fixed) {
		fixedPerApp[appIndex.get(p.applicationId) as number]++;
		fixedPerJuror[jurorIndex.get(p.jurorId) as number]++;
	}
	const overloaded: InfeasibleReason[] = jurors
		.map((j, i) => ({ j, fixedLoad: fixedPerJuror[i] }))
		.filter(({ j, fixedLoad }) => fixedLoad > j.capacity)
		.map(({ j, fixedLoad }) => ({
			code: 'juror_overloaded_by_fixed',
			jurorId: j.id,
			fixed: fixedLoad,
			capacity: j.capacity
		}));
	if (overloaded.length) return { feasible: false, reasons: overloaded };

	const demand = applications.map((_, i) => Math.max(0, k - fixedPerApp[i]));
	const room = jurors.map((j, i) => Math.max(0, j.capacity - fixedPerJuror[i]));
	const allowed = (
		a: AssignmentProblem['applications'][number],
		j: AssignmentProblem['jurors'][number]
	) =>
		j.languages.includes(a.language) &&
		!forbidden.has(key(a.id, j.id)) &&
		!fixedKeys.has(key(a.id, j.id));

	const A = applications.length;
	const source = 0;
	const sink = A + jurors.length + 1;
	const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
	const addEdge = (u: number, v: number, cap: number, cost: number) => {
		graph[u].push({ to: v, cap, cost, rev: graph[v].length });
		graph[v].push({ to: u, cap: 0, cost: -cost, rev: graph[u].length - 1 });
	};
	const pairEdges: { a: number; j: number; edge: Edge }[] = [];
	applications.forEach((a, ai) => {
		if (demand[ai] > 0) addEdge(source, 1 + ai, demand[ai], 0);
		jurors.forEach((j, ji) => {
			if (!allowed(a, j)) return;
			addEdge(1 + ai, 1 + A + ji, 1, -reasonsFor(a, j).sharedTags.length);
			pairEdges.push({ a: ai, j: ji, edge: graph[1 + ai][graph[1 + ai].length - 1] });
		});
	});
	jurors.forEach((_, ji) => {
		if (room[ji] > 0) addEdge(1 + A + ji, sink, room[ji], 0);
	});

	const needed = demand.reduce((s, d) => s + d, 0);
	const { flow } = minCostFlow(graph, source, sink);
	if (flow < needed)
		return { feasible: false, reasons: diagnose(problem, demand, room, allowed, graph, source) };

	const pairs = [
		...fixed.map((p) => ({
			...p,
			reasons: reasonsFor(
				applications[appIndex.get(p.applicationId) as number],
				jurors[jurorIndex.get(p.jurorId) as number]
			)
		})),
		...pairEdges
			.filter(({ edge }) => edge.cap === 0)
			.map(({ a, j }) => ({
				applicationId: applications[a].id,
				jurorId: jurors[j].id,
				reasons: reasonsFor(applications[a], jurors[j])
			}))
	];
	return {
		feasible: true,
		objective: pairs.reduce((s, p) => s + p.reasons.sharedTags.length, 0),
		pairs
	};
}

/** Names the constraint that blocks the assignment, most specific first. */
function diagnose(
	problem: AssignmentProblem,
	demand: number[],
	room: number[],
	allowed: (
		a: AssignmentProblem['applications'][number],
		j: AssignmentProblem['jurors'][number]
	) => boolean,
	residual: Edge[][],
	source: number
): InfeasibleReason[] {
	const { applications, jurors } = problem;
	const reasons: InfeasibleReason[] = [];
	applications.forEach((a, ai) => {
		if (demand[ai] === 0) return;
		const eligible = jurors.filter((j, ji) => room[ji] > 0 && allowed(a, j)).length;
		if (eligible < demand[ai])
			reasons.push({ code: 'too_few_eligible', applicationId: a.id, eligible, needed: demand[ai] });
	});
	const languages = [...new Set(applications.map((a) => a.language))].sort();
	for (const language of languages) {
		const inLanguage = applications
			.map((a, i) => ({ a, i }))
			.filter(({ a }) => a.language === language);
		const needed = inLanguage.reduce((s, { i }) => s + demand[i], 0);
		const reading = jurors
			.map((j, i) => ({ j, i }))
			.filter(({ j }) => j.languages.includes(language));
		const available = reading.reduce((s, { i }) => s + room[i], 0);
		if (needed > available)
			reasons.push({
				code: 'language_shortage',
				language,
				applications: inLanguage.length,
				needed,
				jurorsReading: reading.length,
				available
			});
	}
	const needed = demand.reduce((s, d) => s + d, 0);
	const available = room.reduce((s, r) => s + r, 0);
	if (needed > available) reasons.push({ code: 'total_capacity', needed, available });
	if (reasons.length) return reasons;

	// Otherwise a group of applications competes for too few jurors: the minimum cut names it.
	const seen = new Set<number>([source]);
	const stack = [source];
	while (stack.length) {
		const u = stack.pop() as number;
		for (const e of residual[u])
			if (e.cap > 0 && !seen.has(e.to)) {
				seen.add(e.to);
				stack.push(e.to);
			}
	}
	const group = applications.map((_, i) => i).filter((i) => seen.has(1 + i));
	const reachableJurors = jurors
		.map((_, i) => i)
		.filter((i) => seen.has(1 + applications.length + i));
	return [
		{
			code: 'blocked_group',
			applications: group.length,
			needed: group.reduce((s, i) => s + demand[i], 0),
			available: reachableJurors.reduce((s, i) => s + room[i], 0)
		}
	];
}
