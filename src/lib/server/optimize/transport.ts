/**
 * Optimal assignment of reviewers: n applications each need `demand` distinct jurors, juror j takes
 * at most `capacity[j]` applications, some pairs are forbidden, some are fixed; maximise the total
 * weight of the chosen pairs. It is a min-cost flow (source → application, cap k; application →
 * juror, cap 1, cost −weight; juror → sink, cap load), solved here in three steps:
 *
 * 1. Fixed pairs are taken out (they use demand and capacity); impossible ones are reported.
 * 2. A maximum flow (greedy start + Dinic) proves feasibility; if some application cannot be served,
 *    the residual graph's reachable side gives Hall-violating groups: applications whose eligible
 *    jurors cannot together provide the reviews they need.
 * 3. Cost scaling (Goldberg's ε-scaling push–relabel, in the bipartite "double push" form of
 *    Goldberg & Kennedy's CSA: an application bids for its best jurors, a full juror pushes back the
 *    holder with the least slack and raises its price). Only jurors carry prices that matter, and
 *    the sink is a bidder of weight 0 that holds the unused capacity, so each phase ends with every
 *    slot filled. Weights are multiplied by 2·min(m, n+1)+1 so that ε = 1 at the last phase
 *    proves exact optimality (every residual cycle alternates jurors and applications). On large
 *    instances the juror prices are first seeded from a sample of the applications (seedPrices).
 *
 * Pure: no I/O. The solver's functions and class are self-contained (no imports, no module-level
 * state) because run-assignment.ts ships their source to a worker thread; `TRANSPORT_FUNCTIONS`
 * lists them.
 */

export interface TransportInstance {
	/** Number of applications (n). */
	apps: number;
	/** Number of jurors (m). */
	jurors: number;
	/** Reviewers each application needs: one number for all, or one per application. */
	demand: number | Int32Array;
	/** Maximum load of each juror (length m). */
	capacity: Int32Array;
	/** Integer weight of pair (i, j) at i·m + j; higher is better. */
	weight: Int32Array;
	/** 1 where the pair may be used, at i·m + j. */
	allowed: Uint8Array;
	/** Pairs that must stay: flat [app, juror, app, juror, …] or a list of [app, juror]. */
	fixed?: Int32Array | ReadonlyArray<readonly [number, number]>;
}

export type TransportInfeasibility =
	| { code: 'fixed_not_allowed'; app: number; juror: number }
	| { code: 'fixed_over_demand'; app: number; fixed: number; demand: number }
	| { code: 'fixed_over_capacity'; juror: number; fixed: number; capacity: number }
	/**
	 * A Hall violation from the minimum cut: `apps` need `needed` reviews in total (fixed ones
	 * included); `available` counts their fixed reviews, the whole remaining capacity of `jurors`, and
	 * one review from each other eligible juror of each application.
	 */
	| { code: 'blocked'; apps: number[]; jurors: number[]; needed: number; available: number };

export type TransportResult =
	| {
			status: 'optimal';
			objective: number;
			/** Flat [app, juror, …], sorted by application then juror; fixed pairs included. */
			pairs: Int32Array;
	  }
	| { status: 'infeasible'; reasons: TransportInfeasibility[] };

export function solveTransport(instance: TransportInstance): TransportResult {
	const n = instance.apps;
	const m = instance.jurors;
	const { capacity, weight, allowed } = instance;
	if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0) {
		throw new RangeError('apps and jurors must be non-negative integers');
	}
	if (m > 65535) throw new RangeError('at most 65,535 jurors');
	if (capacity.length !== m || weight.length !== n * m || allowed.length !== n * m) {
		throw new RangeError('capacity must have m entries, weight and allowed n·m');
	}
	const demand = new Int32Array(n);
	if (typeof instance.demand === 'number') demand.fill(instance.demand);
	else if (instance.demand.length === n) demand.set(instance.demand);
	else throw new RangeError('demand must be a number or have n entries');
	for (let i = 0; i < n; i++) {
		if (demand[i] < 0) throw new RangeError('demand must not be negative');
	}
	for (let j = 0; j < m; j++) {
		if (capacity[j] < 0) throw new RangeError('capacity must not be negative');
	}

	// 1. Fixed pairs.
	const isFixed = new Uint8Array(n * m);
	const fixedOfApp = new Int32Array(n);
	const fixedOfJuror = new Int32Array(m);
	const reasons: TransportInfeasibility[] = [];
	const fixed = instance.fixed ?? [];
	// Not `instanceof`: the instance may come from another realm (a worker, a vm context).
	const flat = ArrayBuffer.isView(fixed);
	const fixedCount = flat ? fixed.length >> 1 : fixed.length;
	for (let f = 0; f < fixedCount; f++) {
		const i = flat ? fixed[2 * f] : fixed[f][0];
		const j = flat ? fixed[2 * f + 1] : fixed[f][1];
		if (!(i >= 0 && i < n && j >= 0 && j < m)) throw new RangeError(`fixed pair ${i},${j}`);
		if (isFixed[i * m + j]) continue;
		if (!allowed[i * m + j]) {
			reasons.push({ code: 'fixed_not_allowed', app: i, juror: j });
			continue;
		}
		isFixed[i * m + j] = 1;
		fixedOfApp[i]++;
		fixedOfJuror[j]++;
	}
	for (let i = 0; i < n; i++) {
		if (fixedOfApp[i] > demand[i]) {
			reasons.push({ code: 'fixed_over_demand', app: i, fixed: fixedOfApp[i], demand: demand[i] });
		}
	}
	for (let j = 0; j < m; j++) {
		if (fixedOfJuror[j] > capacity[j]) {
			reasons.push({
				code: 'fixed_over_capacity',
				juror: j,
				fixed: fixedOfJuror[j],
				capacity: capacity[j]
			});
		}
	}
	if (reasons.length > 0) return { status: 'infeasible', reasons };

	const need = new Int32Array(n);
	for (let i = 0; i < n; i++) need[i] = demand[i] - fixedOfApp[i];
	const room = new Int32Array(m);
	for (let j = 0; j < m; j++) room[j] = capacity[j] - fixedOfJuror[j];
	const { arcStart, arcJuror, arcWeight, eligible, weightRange } = openArcs(n, m, {
		need,
		room,
		weight,
		allowed,
		isFixed,
		fixedOfApp
	});

	// 2. Feasibility.
	const blocked = maximumFlow(n, m, arcStart, arcJuror, need, room);
	if (blocked.length > 0) {
		for (const group of blocked) {
			let needed = 0;
			let available = group.available;
			for (const i of group.apps) {
				needed += demand[i];
				available += fixedOfApp[i];
			}
			reasons.push({ code: 'blocked', apps: group.apps, jurors: group.jurors, needed, available });
		}
		return { status: 'infeasible', reasons };
	}

	// 3. Optimisation. A juror can never hold more applications than are eligible for it.
	const slots = new Int32Array(m);
	for (let j = 0; j < m; j++) slots[j] = Math.min(eligible[j], room[j]);
	// Any residual cycle visits at most min(m, n + 1) non-juror nodes: with ε = 1 and weights scaled
	// by 2·min(m, n + 1) + 1 its gain is below one unit of weight, so the final flow is optimal.
	const scale = 2 * Math.min(m, n + 1) + 1;
	const alpha = 8;
	const price = new Float64Array(m);
	const topEps = Math.max(1, Math.floor((weightRange * scale) / alpha));
	const firstEps = seedPrices(n, m, arcStart, arcJuror, arcWeight, need, slots, {
		scale,
		alpha,
		price,
		topEps
	});
	const chosen = costScaling(n, m, arcStart, arcJuror, arcWeight, need, slots, {
		scale,
		alpha,
		price,
		firstEps,
		lastEps: 1
	});

	let objective = 0;
	let pairCount = 0;
	let most = 0;
	for (let i = 0; i < n; i++) {
		pairCount += demand[i];
		most = Math.max(most, demand[i]);
	}
	const pairs = new Int32Array(2 * pairCount);
	const mine = new Int32Array(most);
	let p = 0;
	for (let i = 0; i < n; i++) {
		// The chosen jurors of i, then its fixed ones, in juror order.
		let count = 0;
		for (let s = i * chosen.stride; s < i * chosen.stride + chosen.heldCount[i]; s++) {
			mine[count++] = arcJuror[chosen.heldArc[s]];
		}
		if (fixedOfApp[i] > 0) for (let j = 0; j < m; j++) if (isFixed[i * m + j]) mine[count++] = j;
		mine.subarray(0, count).sort();
		for (let s = 0; s < count; s++) {
			pairs[p++] = i;
			pairs[p++] = mine[s];
			objective += weight[i * m + mine[s]];
		}
	}
	return { status: 'optimal', objective, pairs };
}

/**
 * The pairs still to decide, in CSR by application with jurors ascending (ties go to the lower),
 * and how many of them each juror has.
 */
function openArcs(
	n: number,
	m: number,
	{
		need,
		room,
		weight,
		allowed,
		isFixed,
		fixedOfApp
	}: {
		need: Int32Array;
		room: Int32Array;
		weight: Int32Array;
		allowed: Uint8Array;
		isFixed: Uint8Array;
		fixedOfApp: Int32Array;
	}
) {
	// 1 where the pair is open; fixed pairs are allowed, so "allowed and not fixed" is a difference.
	const open = new Uint8Array(m);
	for (let j = 0; j < m; j++) open[j] = room[j] > 0 ? 1 : 0;
	const arcStart = new Int32Array(n + 1);
	let count = 0;
	for (let i = 0; i < n; i++) {
		arcStart[i] = count;
		if (need[i] === 0) continue;
		const row = i * m;
		for (let j = 0; j < m; j++) count += allowed[row + j] & open[j];
		if (fixedOfApp[i] > 0) for (let j = 0; j < m; j++) count -= isFixed[row + j] & open[j];
	}
	arcStart[n] = count;
	const arcJuror = new Uint16Array(count);
	const arcWeight = new Int32Array(count);
	const eligible = new Int32Array(m);
	let minWeight = Infinity;
	let maxWeight = -Infinity;
	for (let i = 0, a = 0; i < n; i++) {
		if (need[i] === 0) continue;
		const row = i * m;
		const pinned = fixedOfApp[i] > 0;
		for (let j = 0; j < m; j++) {
			if ((allowed[row + j] & open[j]) === 0 || (pinned && isFixed[row + j] !== 0)) continue;
			const value = weight[row + j];
			arcJuror[a] = j;
			arcWeight[a++] = value;
			eligible[j]++;
			if (value < minWeight) minWeight = value;
			if (value > maxWeight) maxWeight = value;
		}
	}
	// Every solution has the same number of pairs, so weights may be shifted and divided by their
	// common factor (tag-based weights are 10 × shared tags + 1): a smaller range, fewer scales.
	let factor = 0;
	for (let a = 0; a < count && factor !== 1; a++) factor = gcd(factor, arcWeight[a] - minWeight);
	if (factor === 0) factor = 1;
	for (let a = 0; a < count; a++) arcWeight[a] = (arcWeight[a] - minWeight) / factor;
	return {
		arcStart,
		arcJuror,
		arcWeight,
		eligible,
		weightRange: count > 0 ? (maxWeight - minWeight) / factor : 0
	};
}

function gcd(a: number, b: number): number {
	while (b !== 0) [a, b] = [b, a % b];
	return a;
}

interface BlockedGroup {
	apps: number[];
	jurors: number[];
	/** Remaining capacity of `jurors` plus the eligible pairs from `apps` to other jurors. */
	available: number;
}

/**
 * Routes every application's `need` to jurors of `room` through open arcs. Returns [] when all
 * demand fits, otherwise the weakly connected components of the residual graph reachable from
 * unserved applications: each is a group whose demand exceeds what it can get.
 */
function maximumFlow(
	n: number,
	m: number,
	arcStart: Int32Array,
	arcJuror: Uint16Array,
	need: Int32Array,
	room: Int32Array
): BlockedGroup[] {
	const arcCount = arcStart[n];
	const used = new Uint8Array(arcCount);
	const got = new Int32Array(n);
	const load = new Int32Array(m);

	// Greedy start: first fit from a different juror for each application spreads the load; most
	// instances are fully served here and need no augmenting path.
	let short = 0;
	for (let i = 0; i < n; i++) {
		const start = arcStart[i];
		const degree = arcStart[i + 1] - start;
		if (degree === 0 || need[i] === 0) {
			short += need[i];
			continue;
		}
		let a = start + ((i * 7919) % degree);
		for (let step = 0; step < degree && got[i] < need[i]; step++) {
			const j = arcJuror[a];
			if (load[j] < room[j]) {
				used[a] = 1;
				load[j]++;
				got[i]++;
			}
			a = a + 1 === start + degree ? start : a + 1;
		}
		short += need[i] - got[i];
	}
	if (short === 0) return [];

	// Arcs by juror, to walk back from a juror to the applications it holds.
	const arcApp = new Int32Array(arcCount);
	for (let i = 0; i < n; i++) arcApp.fill(i, arcStart[i], arcStart[i + 1]);
	const jurorStart = new Int32Array(m + 1);
	for (let a = 0; a < arcCount; a++) jurorStart[arcJuror[a] + 1]++;
	for (let j = 0; j < m; j++) jurorStart[j + 1] += jurorStart[j];
	const jurorArc = new Int32Array(arcCount);
	const fill = jurorStart.slice(0, m);
	for (let a = 0; a < arcCount; a++) jurorArc[fill[arcJuror[a]]++] = a;

	const levelApp = new Int32Array(n);
	const levelJuror = new Int32Array(m);
	const nextApp = new Int32Array(n);
	const nextJuror = new Int32Array(m);
	const queue = new Int32Array(n + m);

	// Dinic: layered BFS from the unserved applications, then blocking augmentations along it.
	const augmentFromApp = (i: number): boolean => {
		for (; nextApp[i] < arcStart[i + 1]; nextApp[i]++) {
			const a = nextApp[i];
			if (used[a]) continue;
			const j = arcJuror[a];
			if (levelJuror[j] !== levelApp[i] + 1) continue;
			if (augmentFromJuror(j)) {
				used[a] = 1;
				return true;
			}
		}
		return false;
	};
	const augmentFromJuror = (j: number): boolean => {
		if (load[j] < room[j]) {
			load[j]++;
			return true;
		}
		for (; nextJuror[j] < jurorStart[j + 1]; nextJuror[j]++) {
			const a = jurorArc[nextJuror[j]];
			if (!used[a]) continue;
			const i = arcApp[a];
			if (levelApp[i] !== levelJuror[j] + 1) continue;
			if (augmentFromApp(i)) {
				used[a] = 0;
				return true;
			}
		}
		return false;
	};

	for (;;) {
		levelApp.fill(-1);
		levelJuror.fill(-1);
		let head = 0;
		let tail = 0;
		for (let i = 0; i < n; i++) {
			if (got[i] < need[i]) {
				levelApp[i] = 0;
				queue[tail++] = i;
			}
		}
		if (tail === 0) return [];
		let reachedRoom = false;
		while (head < tail) {
			const node = queue[head++];
			if (node < n) {
				for (let a = arcStart[node]; a < arcStart[node + 1]; a++) {
					const j = arcJuror[a];
					if (used[a] || levelJuror[j] >= 0) continue;
					levelJuror[j] = levelApp[node] + 1;
					queue[tail++] = n + j;
					if (load[j] < room[j]) reachedRoom = true;
				}
			} else {
				const j = node - n;
				for (let s = jurorStart[j]; s < jurorStart[j + 1]; s++) {
					const a = jurorArc[s];
					const i = arcApp[a];
					if (!used[a] || levelApp[i] >= 0) continue;
					levelApp[i] = levelJuror[j] + 1;
					queue[tail++] = i;
				}
			}
		}
		if (!reachedRoom) break;
		nextApp.set(arcStart.subarray(0, n));
		nextJuror.set(jurorStart.subarray(0, m));
		for (let i = 0; i < n; i++) {
			if (levelApp[i] !== 0) continue;
			while (got[i] < need[i] && augmentFromApp(i)) got[i]++;
		}
	}

	// Infeasible: group the reachable nodes (levels ≥ 0) by the residual arcs between them.
	const parent = Int32Array.from({ length: n + m }, (_, v) => v);
	const find = (v: number): number => {
		while (parent[v] !== v) {
			parent[v] = parent[parent[v]];
			v = parent[v];
		}
		return v;
	};
	for (let i = 0; i < n; i++) {
		if (levelApp[i] < 0) continue;
		for (let a = arcStart[i]; a < arcStart[i + 1]; a++) {
			const j = arcJuror[a];
			if (levelJuror[j] >= 0) parent[find(i)] = find(n + j);
		}
	}
	const groups = new Map<number, BlockedGroup>();
	const groupOf = (v: number): BlockedGroup => {
		const root = find(v);
		let group = groups.get(root);
		if (!group) {
			group = { apps: [], jurors: [], available: 0 };
			groups.set(root, group);
		}
		return group;
	};
	for (let i = 0; i < n; i++) {
		if (levelApp[i] < 0) continue;
		const group = groupOf(i);
		group.apps.push(i);
		for (let a = arcStart[i]; a < arcStart[i + 1]; a++) {
			if (levelJuror[arcJuror[a]] < 0) group.available++;
		}
	}
	for (let j = 0; j < m; j++) {
		if (levelJuror[j] < 0) continue;
		const group = groupOf(n + j);
		group.jurors.push(j);
		group.available += room[j];
	}
	return [...groups.values()].sort(
		(x, y) =>
			x.apps.length + x.jurors.length - y.apps.length - y.jurors.length || x.apps[0] - y.apps[0]
	);
}

/** How costScaling runs: weight scale, ε divisor, juror prices (in and out), first and last ε. */
interface Scaling {
	scale: number;
	alpha: number;
	price: Float64Array;
	firstEps: number;
	lastEps: number;
}

/**
 * Starting prices from every fourth application with a quarter of the capacity, solved for the
 * three coarsest ε: the prices that clear a sample are close to those that clear the whole, so the
 * full problem starts at the sample's last ε and skips two scales. Any prices are a valid start
 * (only the speed depends on them). Writes `price`; returns the ε to start the full problem at.
 */
function seedPrices(
	n: number,
	m: number,
	arcStart: Int32Array,
	arcJuror: Uint16Array,
	arcWeight: Int32Array,
	need: Int32Array,
	slots: Int32Array,
	{ scale, alpha, price, topEps }: Omit<Scaling, 'firstEps' | 'lastEps'> & { topEps: number }
): number {
	const every = 4;
	if (n < 2000 || topEps < alpha ** 2) return topEps;
	const apps = Math.ceil(n / every);
	const sampleStart = new Int32Array(apps + 1);
	let count = 0;
	for (let s = 0; s < apps; s++) {
		sampleStart[s] = count;
		count += arcStart[s * every + 1] - arcStart[s * every];
	}
	sampleStart[apps] = count;
	const sampleJuror = new Uint16Array(count);
	const sampleWeight = new Int32Array(count);
	const sampleNeed = new Int32Array(apps);
	let sampleDemand = 0;
	let demand = 0;
	for (let i = 0; i < n; i++) demand += need[i];
	for (let s = 0; s < apps; s++) {
		const i = s * every;
		sampleNeed[s] = need[i];
		sampleDemand += need[i];
		sampleJuror.set(arcJuror.subarray(arcStart[i], arcStart[i + 1]), sampleStart[s]);
		sampleWeight.set(arcWeight.subarray(arcStart[i], arcStart[i + 1]), sampleStart[s]);
	}
	const sampleSlots = new Int32Array(m);
	for (let j = 0; j < m; j++) sampleSlots[j] = Math.ceil((slots[j] * sampleDemand) / demand);
	// The sample must be feasible, or its auction would never end.
	if (maximumFlow(apps, m, sampleStart, sampleJuror, sampleNeed, sampleSlots).length > 0) {
		return topEps;
	}
	const lastEps = Math.max(1, Math.floor(topEps / alpha ** 2));
	costScaling(apps, m, sampleStart, sampleJuror, sampleWeight, sampleNeed, sampleSlots, {
		scale,
		alpha,
		price,
		firstEps: topEps,
		lastEps
	});
	return lastEps;
}

/**
 * ε-scaling push–relabel on the bipartite network; returns the arcs each application holds
 * (application i's are heldArc[i·stride …] , heldCount[i] of them).
 * `need[i]` ≥ 1 arcs per application, `slots[j]` per juror, Σ slots ≥ Σ need (checked before).
 *
 * State: juror prices `price` and application profits `profit` (the node potentials), and per
 * juror a min-heap of its holders keyed by w − profit (the holder with the least slack on top).
 * Profits only fall within a phase, so keys only grow and the heaps are lazy: a stale key is a
 * lower bound, refreshed when it reaches the top. The sink holds unused slots with weight 0.
 *
 * Prices never fall, so the value w − price of every arc only decreases over the whole run: an
 * application may keep a short list of its best arcs and a bound on the value of all the others,
 * and rescan its ~m arcs only when the list no longer beats the bound. Building a list costs
 * several plain scans, so an application whose list goes stale quickly scans plainly until the
 * next phase. Lists, held pairs and heap entries carry their juror and weight with them: the
 * solver is bound by memory latency, not arithmetic.
 */
export function costScaling(
	n: number,
	m: number,
	arcStart: Int32Array,
	arcJuror: Uint16Array,
	arcWeight: Int32Array,
	need: Int32Array,
	slots: Int32Array,
	{ scale, alpha, price, firstEps, lastEps }: Scaling
): { heldArc: Int32Array; heldCount: Int32Array; stride: number } {
	const auction = new Auction(n, m, arcStart, arcJuror, arcWeight, need, slots, scale, price);
	for (let eps = firstEps; ;) {
		auction.startPhase(eps);
		auction.runPhase(eps);
		if (eps <= lastEps) break;
		eps = Math.max(1, Math.floor(eps / alpha));
	}
	return { heldArc: auction.heldArc, heldCount: auction.heldCount, stride: auction.maxNeed };
}

/**
 * The state of costScaling. A class rather than closures: its methods are the same functions on
 * every call (the sample's run, then the full one), so the code V8 compiles and inlines for one
 * run stays valid for the next. Hot loops copy the fields they use into locals.
 */
class Auction {
	readonly n: number;
	readonly m: number;
	readonly arcStart: Int32Array;
	readonly jurorOf: Uint16Array;
	readonly weightOf: Int32Array;
	readonly slots: Int32Array;
	readonly scale: number;
	readonly price: Float64Array;
	readonly held: Uint8Array;
	readonly maxNeed: number;
	readonly profit: Float64Array;
	readonly missing: Int32Array;
	readonly needOf: Int32Array;
	// Held pairs of each application: arc, juror, scaled weight.
	readonly heldArc: Int32Array;
	readonly heldJuror: Int32Array;
	readonly heldW: Float64Array;
	readonly heldCount: Int32Array;
	// Candidate lists: arcs, their jurors and scaled weights, and a bound on the arcs left out.
	readonly listSize: number;
	readonly listArc: Int32Array;
	readonly listJuror: Int32Array;
	readonly listW: Float64Array;
	readonly listCount: Int32Array;
	/** Upper bound on the value of i's arcs outside its list; +∞ while i has no list. */
	readonly listBound: Float64Array;
	/** Values of the last fully scanned application's arcs. */
	readonly scanned: Float64Array;
	readonly histogram: Int32Array;
	// Per juror a heap of holders: arc, application (-1 for the sink), scaled weight, stale key.
	readonly heapStart: Int32Array;
	readonly heapSize: Int32Array;
	readonly heapArc: Int32Array;
	readonly heapApp: Int32Array;
	readonly heapW: Float64Array;
	readonly heapKey: Float64Array;
	readonly sinkHeld: Int32Array;
	// NaN, not 0: a field that starts as a small integer and later holds a double changes the
	// object's shape, which deoptimizes every compiled method.
	sinkProfit = NaN;
	sinkMissing = 0;
	readonly queue: Int32Array;
	head = 0;
	tail = 0;
	// The r + 1 best open arcs found by bestInList / bestInAll, best first.
	readonly bestArc: Int32Array;
	readonly bestJuror: Int32Array;
	readonly bestW: Float64Array;
	readonly bestValue: Float64Array;

	constructor(
		n: number,
		m: number,
		arcStart: Int32Array,
		arcJuror: Uint16Array,
		arcWeight: Int32Array,
		need: Int32Array,
		slots: Int32Array,
		scale: number,
		price: Float64Array
	) {
		this.n = n;
		this.m = m;
		this.arcStart = arcStart;
		// Scans are bound by memory bandwidth: 7 bytes an arc (juror, weight, held).
		this.jurorOf = arcJuror;
		this.weightOf = arcWeight;
		this.slots = slots;
		this.scale = scale;
		this.price = price;
		this.held = new Uint8Array(arcStart[n]);
		let maxNeed = 1;
		let maxDegree = 1;
		for (let i = 0; i < n; i++) {
			maxNeed = Math.max(maxNeed, need[i]);
			maxDegree = Math.max(maxDegree, arcStart[i + 1] - arcStart[i]);
		}
		this.maxNeed = maxNeed;
		this.profit = new Float64Array(n);
		this.missing = Int32Array.from(need);
		this.needOf = need;
		this.heldArc = new Int32Array(n * maxNeed);
		this.heldJuror = new Int32Array(n * maxNeed);
		this.heldW = new Float64Array(n * maxNeed);
		this.heldCount = new Int32Array(n);
		this.listSize = Math.min(maxDegree, 2 * maxNeed + 10);
		this.listArc = new Int32Array(n * this.listSize);
		this.listJuror = new Int32Array(n * this.listSize);
		this.listW = new Float64Array(n * this.listSize);
		this.listCount = new Int32Array(n);
		this.listBound = new Float64Array(n).fill(Infinity);
		this.scanned = new Float64Array(maxDegree);
		this.histogram = new Int32Array(33);
		this.heapStart = new Int32Array(m + 1);
		for (let j = 0; j < m; j++) this.heapStart[j + 1] = this.heapStart[j] + slots[j];
		const slotCount = this.heapStart[m];
		this.heapSize = new Int32Array(m);
		this.heapArc = new Int32Array(slotCount);
		this.heapApp = new Int32Array(slotCount);
		this.heapW = new Float64Array(slotCount);
		this.heapKey = new Float64Array(slotCount);
		this.sinkHeld = new Int32Array(m);
		this.sinkMissing = slotCount;
		for (let i = 0; i < n; i++) this.sinkMissing -= need[i];
		this.queue = new Int32Array(n + 1);
		this.bestArc = new Int32Array(maxNeed + 1);
		this.bestJuror = new Int32Array(maxNeed + 1);
		this.bestW = new Float64Array(maxNeed + 1);
		this.bestValue = new Float64Array(maxNeed + 1);
	}

	enqueue(i: number) {
		this.queue[this.tail] = i;
		this.tail = this.tail === this.n ? 0 : this.tail + 1;
	}

	/** Writes a heap entry (position `at` of the global heap arrays). */
	setEntry(at: number, arc: number, app: number, weight: number, key: number) {
		this.heapArc[at] = arc;
		this.heapApp[at] = app;
		this.heapW[at] = weight;
		this.heapKey[at] = key;
	}

	moveEntry(to: number, from: number) {
		this.setEntry(to, this.heapArc[from], this.heapApp[from], this.heapW[from], this.heapKey[from]);
	}

	siftDown(start: number, size: number, at: number) {
		const { heapKey } = this;
		const arc = this.heapArc[start + at];
		const app = this.heapApp[start + at];
		const weight = this.heapW[start + at];
		const key = heapKey[start + at];
		for (;;) {
			let child = 2 * at + 1;
			if (child >= size) break;
			if (child + 1 < size && heapKey[start + child + 1] < heapKey[start + child]) child++;
			if (heapKey[start + child] >= key) break;
			this.moveEntry(start + at, start + child);
			at = child;
		}
		this.setEntry(start + at, arc, app, weight, key);
	}

	push(j: number, arc: number, app: number, weight: number, key: number) {
		const start = this.heapStart[j];
		let at = this.heapSize[j]++;
		while (at > 0) {
			const up = (at - 1) >> 1;
			if (this.heapKey[start + up] <= key) break;
			this.moveEntry(start + at, start + up);
			at = up;
		}
		this.setEntry(start + at, arc, app, weight, key);
	}

	/** Refreshes stale keys at the top of a heap; returns the true minimum key. */
	topKey(start: number, size: number): number {
		for (;;) {
			const app = this.heapApp[start];
			const key = app < 0 ? -this.sinkProfit : this.heapW[start] - this.profit[app];
			if (key <= this.heapKey[start]) return this.heapKey[start];
			this.heapKey[start] = key;
			this.siftDown(start, size, 0);
		}
	}

	take(i: number, a: number, j: number, weight: number) {
		this.held[a] = 1;
		const at = i * this.maxNeed + this.heldCount[i]++;
		this.heldArc[at] = a;
		this.heldJuror[at] = j;
		this.heldW[at] = weight;
	}

	drop(i: number, a: number) {
		const { heldArc, heldJuror, heldW } = this;
		this.held[a] = 0;
		const base = i * this.maxNeed;
		const last = base + --this.heldCount[i];
		for (let s = base; s < last; s++) {
			if (heldArc[s] === a) {
				heldArc[s] = heldArc[last];
				heldJuror[s] = heldJuror[last];
				heldW[s] = heldW[last];
				break;
			}
		}
	}

	/** Gives a slot of juror j to (arc, app); a full juror pushes back its least-slack holder. */
	place(j: number, arc: number, app: number, weight: number, key: number, eps: number) {
		const start = this.heapStart[j];
		const size = this.heapSize[j];
		if (size < this.slots[j]) {
			this.push(j, arc, app, weight, key);
			return;
		}
		let outArc = arc;
		let outApp = app;
		if (key > this.topKey(start, size)) {
			outArc = this.heapArc[start];
			outApp = this.heapApp[start];
			this.setEntry(start, arc, app, weight, key);
			this.siftDown(start, size, 0);
		}
		if (outApp < 0) {
			this.sinkHeld[j]--;
			this.sinkMissing++;
		} else {
			this.drop(outApp, outArc);
			if (this.missing[outApp]++ === 0) this.enqueue(outApp);
		}
		const raised = this.topKey(start, size) + eps;
		if (raised > this.price[j]) this.price[j] = raised;
	}

	/** The r + 1 best open arcs of i's list into best*, best first; returns how many were found. */
	bestInList(i: number, r: number): number {
		const { listArc, listJuror, listW, heldArc, price, bestValue, bestArc, bestJuror, bestW } =
			this;
		const base = i * this.listSize;
		const end = base + this.listCount[i];
		const heldBase = i * this.maxNeed;
		const heldEnd = heldBase + this.heldCount[i];
		let count = 0;
		next: for (let s = base; s < end; s++) {
			const a = listArc[s];
			for (let h = heldBase; h < heldEnd; h++) if (heldArc[h] === a) continue next;
			const value = listW[s] - price[listJuror[s]];
			if (count > r && value <= bestValue[r]) continue;
			let at = count <= r ? count++ : r;
			while (at > 0 && bestValue[at - 1] < value) {
				bestValue[at] = bestValue[at - 1];
				bestArc[at] = bestArc[at - 1];
				bestJuror[at] = bestJuror[at - 1];
				bestW[at] = bestW[at - 1];
				at--;
			}
			bestValue[at] = value;
			bestArc[at] = a;
			bestJuror[at] = listJuror[s];
			bestW[at] = listW[s];
		}
		return count;
	}

	/**
	 * Like bestInList, over all arcs of i; then makes i's new list from the scanned values: the
	 * arcs within unit·2^b of the best, for the largest b that keeps at most listSize of them (a
	 * histogram of log2 distances), and as bound the best value left out.
	 */
	bestInAll(i: number, r: number, eps: number): number {
		const { weightOf, jurorOf, price, held, scanned, bestValue, bestArc, scale } = this;
		const start = this.arcStart[i];
		const degree = this.arcStart[i + 1] - start;
		let count = 0;
		for (let t = 0; t < degree; t++) {
			const a = start + t;
			const value = weightOf[a] * scale - price[jurorOf[a]];
			scanned[t] = value;
			if (held[a] || (count > r && value <= bestValue[r])) continue;
			let at = count <= r ? count++ : r;
			while (at > 0 && bestValue[at - 1] < value) {
				bestValue[at] = bestValue[at - 1];
				bestArc[at] = bestArc[at - 1];
				at--;
			}
			bestValue[at] = value;
			bestArc[at] = a;
		}
		for (let at = 0; at < count && at <= r; at++) {
			this.bestJuror[at] = jurorOf[bestArc[at]];
			this.bestW[at] = weightOf[bestArc[at]] * scale;
		}

		const { histogram, listArc, listJuror, listW, listSize } = this;
		const top = count > 0 ? bestValue[0] : 0;
		const unit = Math.max(1, eps / 4);
		histogram.fill(0);
		for (let t = 0; t < degree; t++) {
			const gap = top - scanned[t];
			histogram[gap <= 0 ? 0 : 32 - Math.clz32(Math.min(gap / unit, 0x7fffffff))]++;
		}
		let bits = 0;
		let inside = histogram[0];
		while (bits < 32 && inside + histogram[bits + 1] <= listSize) inside += histogram[++bits];
		const floor = top - unit * 2 ** bits;
		const base = i * listSize;
		let listed = 0;
		let bound = -Infinity;
		for (let t = 0; t < degree; t++) {
			const value = scanned[t];
			if (value > floor && listed < listSize) {
				listArc[base + listed] = start + t;
				listJuror[base + listed] = jurorOf[start + t];
				listW[base + listed++] = weightOf[start + t] * scale;
			} else if (value > bound) bound = value;
		}
		this.listCount[i] = listed;
		this.listBound[i] = bound;
		return count;
	}

	/** Keeps the pairs that are still ε-optimal for the new ε, rebuilds the heaps, queues the rest. */
	startPhase(eps: number) {
		const { n, m, price, profit, heldArc, heldJuror, heldW, heldCount, bestValue } = this;
		const { heapStart, heapSize, sinkHeld, slots } = this;
		heapSize.fill(0);
		for (let i = 0; i < n; i++) {
			if (this.needOf[i] === 0) continue;
			let open = this.bestInList(i, 0) > 0 ? bestValue[0] : -Infinity;
			if (open < this.listBound[i]) open = this.bestInAll(i, 0, eps) > 0 ? bestValue[0] : -Infinity;
			const base = i * this.maxNeed;
			let worstHeld = Infinity;
			for (let s = base; s < base + heldCount[i]; s++) {
				worstHeld = Math.min(worstHeld, heldW[s] - price[heldJuror[s]]);
			}
			const pi = (open === -Infinity ? worstHeld : open) - eps;
			profit[i] = pi;
			for (let s = base + heldCount[i] - 1; s >= base; s--) {
				const j = heldJuror[s];
				if (heldW[s] - price[j] < pi - eps) {
					this.drop(i, heldArc[s]);
					this.missing[i]++;
				} else {
					this.setEntry(heapStart[j] + heapSize[j]++, heldArc[s], i, heldW[s], heldW[s] - pi);
				}
			}
		}
		let sinkBest = -Infinity;
		for (let j = 0; j < m; j++) {
			if (sinkHeld[j] < slots[j] && -price[j] > sinkBest) sinkBest = -price[j];
		}
		this.sinkProfit = sinkBest - eps;
		for (let j = 0; j < m; j++) {
			if (sinkHeld[j] > 0 && -price[j] < this.sinkProfit - eps) {
				this.sinkMissing += sinkHeld[j];
				sinkHeld[j] = 0;
			}
			for (let s = 0; s < sinkHeld[j]; s++) {
				this.setEntry(heapStart[j] + heapSize[j]++, 0, -1, 0, -this.sinkProfit);
			}
			for (let at = (heapSize[j] >> 1) - 1; at >= 0; at--)
				this.siftDown(heapStart[j], heapSize[j], at);
		}
		this.head = this.tail = 0;
		for (let i = 0; i < n; i++) if (this.missing[i] > 0) this.enqueue(i);
	}

	/** Bids until every application and the sink hold all they need. */
	runPhase(eps: number) {
		const { queue, missing, n } = this;
		while (this.head !== this.tail || this.sinkMissing > 0) {
			if (this.head !== this.tail) {
				const i = queue[this.head];
				this.head = this.head === n ? 0 : this.head + 1;
				if (missing[i] > 0) this.bidApp(i, eps);
			} else this.bidSink(eps);
		}
	}

	/**
	 * Application i bids for its `missing[i]` best open jurors (the "double push"): its profit drops
	 * to ε below the next best value, and each chosen juror takes it at that slack.
	 */
	bidApp(i: number, eps: number) {
		const { bestValue, bestArc, bestJuror, bestW } = this;
		const r = this.missing[i];
		let count = this.bestInList(i, r);
		if ((count > r ? bestValue[r] : -Infinity) < this.listBound[i]) {
			count = this.bestInAll(i, r, eps);
		}
		const pi = (count > r ? bestValue[r] : bestValue[r - 1] - eps) - eps;
		this.profit[i] = pi;
		this.missing[i] = 0;
		for (let s = 0; s < r; s++) this.take(i, bestArc[s], bestJuror[s], bestW[s]);
		// Placing may push back one of i's own new pairs (its key is then the lowest): take first.
		for (let s = 0; s < r; s++) {
			this.place(bestJuror[s], bestArc[s], i, bestW[s], bestW[s] - pi, eps);
		}
	}

	/** The sink takes its cheapest open slot(s). */
	bidSink(eps: number) {
		const { m, price, sinkHeld, slots, heapSize } = this;
		let best = -Infinity;
		let bestJ = -1;
		let second = -Infinity;
		for (let j = 0; j < m; j++) {
			if (sinkHeld[j] >= slots[j]) continue;
			const value = -price[j];
			if (value > best) {
				second = best;
				best = value;
				bestJ = j;
			} else if (value > second) second = value;
		}
		const open = slots[bestJ] - sinkHeld[bestJ];
		if (open >= 2) second = best;
		else if (second === -Infinity) second = best - eps;
		this.sinkProfit = second - eps;
		const key = -this.sinkProfit;
		const empty = slots[bestJ] - heapSize[bestJ];
		if (empty > 0 && open >= 2) {
			const units = Math.min(this.sinkMissing, empty, open);
			for (let u = 0; u < units; u++) this.push(bestJ, 0, -1, 0, key);
			sinkHeld[bestJ] += units;
			this.sinkMissing -= units;
		} else {
			sinkHeld[bestJ]++;
			this.sinkMissing--;
			this.place(bestJ, 0, -1, 0, key, eps);
		}
	}
}

/** The solver's functions and class, whose source is shipped to the worker (run-assignment.ts). */
export const TRANSPORT_FUNCTIONS = [
	solveTransport,
	openArcs,
	gcd,
	maximumFlow,
	seedPrices,
	costScaling,
	Auction
] as const;
