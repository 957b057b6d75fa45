/**
 * Jury assignment in the users' terms: applications, jurors, conflicts, pairs removed or fixed by
 * the manager. Builds the transport instance (weight of a pair = 10 × shared tags + 1, so every
 * allowed pair is usable), runs the cheap checks that explain most infeasible calls precisely, and
 * maps the solver's answer back to ids. Pure: run-assignment.ts runs the solver in a worker.
 *
 * Infeasibility reasons are structured and language-free (the UI translates them), most specific
 * first: fixed pairs that cannot stand, single applications without enough eligible jurors,
 * languages without enough readers, total capacity, then the groups the minimum cut finds.
 *
 * prepareJuryAssignment and finishJuryAssignment run in the solver's worker too (their source is
 * shipped there, see run-assignment.ts): they and their helpers use no imports and no module-level
 * values, and are listed in JURY_FUNCTIONS.
 */
import type { TransportInstance, TransportResult } from './transport';
import { solveTransport } from './transport';
import type { InfeasibleReason } from '$lib/review/infeasible';

export interface PairRef {
	applicationId: string;
	jurorId: string;
}

export interface JuryAssignmentInput {
	/** Reviewers per application. */
	k: number;
	/** `reviewers` overrides k for one application. */
	applications: { id: string; language: string; tags: string[]; reviewers?: number }[];
	jurors: { id: string; languages: string[]; tags: string[]; capacity: number }[];
	/** Conflicts of interest declared by jurors or found by the manager. */
	conflicts: PairRef[];
	/** Pairs the manager removed from the proposal. */
	removed: PairRef[];
	/** Pairs that must stay: pinned by the manager, or a review already started. */
	fixed: PairRef[];
}

export interface AssignedPair extends PairRef {
	fixed: boolean;
	reasons: { sharedTags: string[]; language: string };
}

/** Why no assignment exists: the same language-free codes the managers' page reads. */
export type AssignmentBlock = InfeasibleReason;

export type ForbiddenCause = Extract<InfeasibleReason, { code: 'fixed_pair_forbidden' }>['cause'];

export type JuryAssignmentResult =
	| { status: 'optimal'; objective: number; pairs: AssignedPair[] }
	| { status: 'infeasible'; reasons: AssignmentBlock[] };

/** What prepareJuryAssignment keeps to read the solver's answer. */
export interface PreparedAssignment {
	input: JuryAssignmentInput;
	instance: TransportInstance;
	appTags: string[][];
	jurorTags: Set<string>[];
	languages: string[];
}

export function assignJury(input: JuryAssignmentInput): JuryAssignmentResult {
	const prepared = prepareJuryAssignment(input);
	if ('reasons' in prepared) return prepared;
	return finishJuryAssignment(prepared, solveTransport(prepared.instance));
}

/** The transport instance for the input, or the reasons it cannot be solved found without it. */
export function prepareJuryAssignment(
	input: JuryAssignmentInput
): PreparedAssignment | { status: 'infeasible'; reasons: AssignmentBlock[] } {
	const { applications, jurors } = input;
	const n = applications.length;
	const m = jurors.length;
	const appIndex = indexById(applications, 'application');
	const jurorIndex = indexById(jurors, 'juror');
	const need = Int32Array.from(applications, (a) => a.reviewers ?? input.k);
	const capacity = Int32Array.from(jurors, (j) => j.capacity);
	for (const value of [...need, ...capacity]) {
		if (!Number.isInteger(value) || value < 0) {
			throw new RangeError('reviewers and capacities must be non-negative integers');
		}
	}

	// Languages and tags as small integers.
	const languages = applications.map((a) => normal(a.language));
	const readers = new Map<string, Uint8Array>();
	for (const language of languages) readers.set(language, new Uint8Array(m));
	jurors.forEach((juror, j) => {
		for (const language of juror.languages) {
			const reads = readers.get(normal(language));
			if (reads) reads[j] = 1;
		}
	});
	const tagJurors = new Map<string, Uint8Array>();
	const jurorTags = jurors.map((juror, j) => {
		const tags = new Set(juror.tags.map(normal));
		for (const tag of tags) {
			let holders = tagJurors.get(tag);
			if (!holders) tagJurors.set(tag, (holders = new Uint8Array(m)));
			holders[j] = 1;
		}
		return tags;
	});
	// Each application's tags once, in its own spelling.
	const appTags = applications.map((a) => {
		const seen = new Set<string>();
		return a.tags.filter((tag) => !seen.has(normal(tag)) && seen.add(normal(tag)));
	});

	const forbidden = new Map<number, ForbiddenCause>();
	const mark = (pairs: PairRef[], cause: ForbiddenCause) => {
		for (const pair of pairs) {
			const i = appIndex.get(pair.applicationId);
			const j = jurorIndex.get(pair.jurorId);
			if (i !== undefined && j !== undefined && !forbidden.has(i * m + j)) {
				forbidden.set(i * m + j, cause);
			}
		}
	};
	mark(input.conflicts, 'conflict');
	mark(input.removed, 'removed');

	const weight = new Int32Array(n * m);
	const allowed = new Uint8Array(n * m);
	const shared = new Int32Array(m);
	for (let i = 0; i < n; i++) {
		shared.fill(0);
		for (const tag of appTags[i]) {
			const holders = tagJurors.get(normal(tag));
			if (holders) for (let j = 0; j < m; j++) shared[j] += holders[j];
		}
		const reads = readers.get(languages[i])!;
		for (let j = 0, at = i * m; j < m; j++, at++) {
			weight[at] = 10 * shared[j] + 1;
			allowed[at] = reads[j];
		}
	}
	for (const at of forbidden.keys()) allowed[at] = 0;

	// Fixed pairs.
	const reasons: AssignmentBlock[] = [];
	const fixed = new Int32Array(2 * input.fixed.length);
	const fixedOfApp = new Int32Array(n);
	const fixedOfJuror = new Int32Array(m);
	const isFixed = new Set<number>();
	let f = 0;
	for (const pair of input.fixed) {
		const i = appIndex.get(pair.applicationId);
		const j = jurorIndex.get(pair.jurorId);
		if (i === undefined || j === undefined) {
			throw new RangeError(`fixed pair ${pair.applicationId}/${pair.jurorId}: unknown id`);
		}
		if (isFixed.has(i * m + j)) continue;
		isFixed.add(i * m + j);
		if (!allowed[i * m + j]) {
			const cause = forbidden.get(i * m + j) ?? 'language';
			reasons.push({ code: 'fixed_pair_forbidden', ...pair, cause });
			continue;
		}
		fixed[f++] = i;
		fixed[f++] = j;
		fixedOfApp[i]++;
		fixedOfJuror[j]++;
	}
	for (let i = 0; i < n; i++) {
		if (fixedOfApp[i] > need[i]) {
			reasons.push({
				code: 'too_many_fixed',
				applicationId: applications[i].id,
				fixed: fixedOfApp[i],
				needed: need[i]
			});
		}
	}
	for (let j = 0; j < m; j++) {
		if (fixedOfJuror[j] > capacity[j]) {
			reasons.push({
				code: 'juror_overloaded_by_fixed',
				jurorId: jurors[j].id,
				fixed: fixedOfJuror[j],
				capacity: capacity[j]
			});
		}
	}

	// Applications that cannot find enough eligible jurors with room.
	for (let i = 0; i < n; i++) {
		let eligible = 0;
		for (let j = 0, at = i * m; j < m; j++, at++) {
			if (allowed[at] && (isFixed.has(at) || capacity[j] > fixedOfJuror[j])) eligible++;
		}
		if (eligible < need[i]) {
			reasons.push({
				code: 'too_few_eligible',
				applicationId: applications[i].id,
				needed: need[i],
				eligible
			});
		}
	}

	// Languages whose readers cannot take all the reviews of the applications in that language.
	for (const [language, reads] of readers) {
		let count = 0;
		let needed = 0;
		for (let i = 0; i < n; i++) {
			if (languages[i] === language) {
				count++;
				needed += need[i];
			}
		}
		let jurorsReading = 0;
		let available = 0;
		for (let j = 0; j < m; j++) {
			if (reads[j] && capacity[j] > 0) {
				jurorsReading++;
				available += capacity[j];
			}
		}
		for (let g = 0; g < f; g += 2) {
			if (reads[fixed[g + 1]] && languages[fixed[g]] !== language) available--;
		}
		if (needed > available) {
			reasons.push({
				code: 'language_shortage',
				language,
				applications: count,
				needed,
				jurorsReading,
				available
			});
		}
	}

	const needed = need.reduce((sum, k) => sum + k, 0);
	const available = capacity.reduce((sum, c) => sum + c, 0);
	if (needed > available) reasons.push({ code: 'total_capacity', needed, available });
	if (reasons.length > 0) return { status: 'infeasible', reasons };

	const instance: TransportInstance = {
		apps: n,
		jurors: m,
		demand: need,
		capacity,
		weight,
		allowed,
		fixed: fixed.slice(0, f)
	};
	return { input, instance, appTags, jurorTags, languages };
}

/** Reads the solver's answer in the users' terms. */
export function finishJuryAssignment(
	prepared: PreparedAssignment,
	result: TransportResult
): JuryAssignmentResult {
	const { applications, jurors } = prepared.input;
	if (result.status === 'infeasible') {
		// Fixed pairs were checked before the solver; only blocked groups can remain.
		const reasons: AssignmentBlock[] = [];
		for (const reason of result.reasons) {
			if (reason.code !== 'blocked') continue;
			reasons.push({
				code: 'blocked_group',
				applicationIds: reason.apps.map((i) => applications[i].id),
				jurorIds: reason.jurors.map((j) => jurors[j].id),
				needed: reason.needed,
				available: reason.available
			});
		}
		return { status: 'infeasible', reasons };
	}
	const fixed = new Set<string>();
	for (const pair of prepared.input.fixed) fixed.add(`${pair.applicationId}\u0000${pair.jurorId}`);
	const pairs: AssignedPair[] = [];
	for (let p = 0; p < result.pairs.length; p += 2) {
		const i = result.pairs[p];
		const j = result.pairs[p + 1];
		const applicationId = applications[i].id;
		const jurorId = jurors[j].id;
		pairs.push({
			applicationId,
			jurorId,
			fixed: fixed.has(`${applicationId}\u0000${jurorId}`),
			reasons: {
				sharedTags: prepared.appTags[i].filter((tag) => prepared.jurorTags[j].has(normal(tag))),
				language: prepared.languages[i]
			}
		});
	}
	return { status: 'optimal', objective: result.objective, pairs };
}

function indexById(items: { id: string }[], what: string): Map<string, number> {
	const index = new Map<string, number>();
	items.forEach((item, at) => {
		if (index.has(item.id)) throw new RangeError(`duplicate ${what} id ${item.id}`);
		index.set(item.id, at);
	});
	return index;
}

function normal(text: string): string {
	return text.trim().toLowerCase();
}

/** The functions the worker needs, whose source is shipped to it (run-assignment.ts). */
export const JURY_FUNCTIONS = [
	prepareJuryAssignment,
	finishJuryAssignment,
	indexById,
	normal
] as const;
