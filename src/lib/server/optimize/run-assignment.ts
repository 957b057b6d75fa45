/**
 * Runs the assignment solver in a worker thread, so a large instance never blocks requests:
 * solveInWorker for a transport instance, runJuryAssignment for the whole jury assignment.
 *
 * The worker is not a file: SvelteKit's server build (Vite, SSR) does not bundle or emit a file
 * named by `new Worker(new URL('./x', import.meta.url))` — Vite handles that pattern for the
 * browser only — and Node 20 cannot run a .ts file. So the worker is started from source text
 * (`eval: true`) made of the solver's own functions (`TRANSPORT_FUNCTIONS`, `JURY_FUNCTIONS`:
 * self-contained by design): whatever compiled them (Vitest, Vite's dev server, the production
 * bundle), the worker runs the same code as the main thread. transport.test.ts checks that the
 * source runs on its own.
 *
 * One worker serves the jobs one after another, stays alive (unreferenced) between them to keep
 * its compiled code warm, and stops after a minute idle. Typed arrays are transferred, not copied,
 * when they span their whole buffer: the caller's arrays are then detached (pass
 * `transfer: false` to keep them). A job that outlives its timeout stops the worker.
 */
import { Worker } from 'node:worker_threads';
import {
	finishJuryAssignment,
	JURY_FUNCTIONS,
	prepareJuryAssignment,
	type JuryAssignmentInput,
	type JuryAssignmentResult
} from './jury-assignment';
import {
	solveTransport,
	TRANSPORT_FUNCTIONS,
	type TransportInstance,
	type TransportResult
} from './transport';

export interface SolveOptions {
	/** Rejects with SolverTimeoutError after this long, counted from the call. */
	timeoutMs?: number;
	/** Transfer the instance's typed arrays to the worker instead of copying them. */
	transfer?: boolean;
}

export class SolverTimeoutError extends Error {
	constructor(timeoutMs: number) {
		super(`the assignment solver did not finish within ${timeoutMs} ms`);
		this.name = 'SolverTimeoutError';
	}
}

const IDLE_MS = 60_000;

/**
 * An expression whose value is { solveTransport, assignJury }, built from the source of the
 * solver's and the jury assignment's functions in a scope of their own. Each is bound by its
 * runtime name (`const name = source`): a bundler may rename a function, or turn a class into an
 * anonymous `var Name = class { … }` whose source alone is not a statement. `__name` is esbuild's
 * keepNames helper, in case whatever compiled the functions added calls to it.
 */
export const SOLVER_SOURCE = `(() => {
const __name = (target) => target;
${[...TRANSPORT_FUNCTIONS, ...JURY_FUNCTIONS].map((item) => `const ${item.name} = ${String(item)};`).join('\n')}
return {
	solveTransport: ${solveTransport.name},
	assignJury: (input) => {
		const prepared = ${prepareJuryAssignment.name}(input);
		return 'reasons' in prepared
			? prepared
			: ${finishJuryAssignment.name}(prepared, ${solveTransport.name}(prepared.instance));
	}
};
})()`;

/** The worker's program: the solver and a message loop. */
export const WORKER_SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
const solver = ${SOLVER_SOURCE};
parentPort.on('message', ({ id, instance, input }) => {
	let reply;
	const transfer = [];
	try {
		if (input) {
			reply = { id, result: solver.assignJury(input) };
		} else {
			const result = solver.solveTransport(instance);
			if (result.status === 'optimal') transfer.push(result.pairs.buffer);
			reply = { id, result };
		}
	} catch (error) {
		reply = { id, error: { name: error && error.name, message: String(error && error.message) } };
	}
	parentPort.postMessage(reply, transfer);
});
`;

interface Job {
	id: number;
	message: { instance: TransportInstance } | { input: JuryAssignmentInput };
	transfer: ArrayBuffer[];
	resolve: (result: never) => void;
	reject: (error: Error) => void;
	timer: ReturnType<typeof setTimeout>;
}

let worker: Worker | null = null;
let running: Job | null = null;
const queue: Job[] = [];
let idleTimer: ReturnType<typeof setTimeout> | null = null;
let nextId = 1;

/** Solves a transport instance in the worker thread. */
export function solveInWorker(
	instance: TransportInstance,
	{ timeoutMs = 120_000, transfer = true }: SolveOptions = {}
): Promise<TransportResult> {
	const message: TransportInstance = {
		...instance,
		fixed:
			instance.fixed === undefined || ArrayBuffer.isView(instance.fixed)
				? instance.fixed
				: Int32Array.from(instance.fixed.flat())
	};
	const buffers = new Set<ArrayBuffer>();
	if (transfer) {
		for (const array of [
			message.capacity,
			message.weight,
			message.allowed,
			message.demand,
			message.fixed
		]) {
			if (
				ArrayBuffer.isView(array) &&
				array.buffer instanceof ArrayBuffer &&
				array.byteOffset === 0 &&
				array.byteLength === array.buffer.byteLength
			) {
				buffers.add(array.buffer);
			}
		}
	}
	return submit<TransportResult>({ instance: message }, [...buffers], timeoutMs);
}

/**
 * assignJury in the worker thread: building the instance (n·m pairs) and reading the answer back
 * happen there too. The input is copied to the worker, the result copied back.
 */
export function runJuryAssignment(
	input: JuryAssignmentInput,
	{ timeoutMs = 120_000 }: Pick<SolveOptions, 'timeoutMs'> = {}
): Promise<JuryAssignmentResult> {
	return submit<JuryAssignmentResult>({ input }, [], timeoutMs);
}

function submit<Result>(
	message: Job['message'],
	transfer: ArrayBuffer[],
	timeoutMs: number
): Promise<Result> {
	return new Promise<Result>((resolve, reject) => {
		const job: Job = {
			id: nextId++,
			message,
			transfer,
			resolve: resolve as (result: never) => void,
			reject,
			timer: setTimeout(() => expire(job, timeoutMs), timeoutMs)
		};
		queue.push(job);
		startNext();
	});
}

/** Stops the worker (tests, shutdown); pending jobs are rejected. */
export async function stopSolverWorker(): Promise<void> {
	for (const job of queue.splice(0)) settle(job, new Error('the assignment solver was stopped'));
	if (running) settle(running, new Error('the assignment solver was stopped'));
	running = null;
	const stopping = worker;
	worker = null;
	if (idleTimer) clearTimeout(idleTimer);
	if (stopping) await stopping.terminate();
}

function startNext() {
	if (running || queue.length === 0) {
		if (!running && worker) idle(worker);
		return;
	}
	const job = queue.shift()!;
	const thread = worker ?? spawn();
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = null;
	thread.ref();
	running = job;
	thread.postMessage({ id: job.id, ...job.message }, job.transfer);
}

function spawn(): Worker {
	const thread = new Worker(WORKER_SOURCE, { eval: true, name: 'assignment-solver' });
	worker = thread;
	thread.on(
		'message',
		(reply: { id: number; result?: unknown; error?: { name: string; message: string } }) => {
			const job = running;
			if (thread !== worker || !job || job.id !== reply.id) return;
			running = null;
			if (reply.error) settle(job, rebuildError(reply.error));
			else settle(job, null, reply.result);
			startNext();
		}
	);
	const lost = (error: Error) => {
		if (thread !== worker) return;
		worker = null;
		const job = running;
		running = null;
		if (job) settle(job, error);
		startNext();
	};
	thread.on('error', lost);
	thread.on('exit', (code) => lost(new Error(`the assignment solver stopped (exit code ${code})`)));
	return thread;
}

function idle(thread: Worker) {
	thread.unref();
	if (idleTimer) return;
	idleTimer = setTimeout(() => {
		idleTimer = null;
		if (worker === thread && !running) {
			worker = null;
			void thread.terminate();
		}
	}, IDLE_MS);
	idleTimer.unref();
}

function expire(job: Job, timeoutMs: number) {
	const error = new SolverTimeoutError(timeoutMs);
	const waiting = queue.indexOf(job);
	if (waiting >= 0) {
		queue.splice(waiting, 1);
		settle(job, error);
		return;
	}
	if (running !== job) return;
	// The worker is busy with this job and cannot be interrupted: stop it; the next job gets a new one.
	running = null;
	const stuck = worker;
	worker = null;
	void stuck?.terminate();
	settle(job, error);
	startNext();
}

function settle(job: Job, error: Error | null, result?: unknown) {
	clearTimeout(job.timer);
	if (error) job.reject(error);
	else job.resolve(result as never);
}

function rebuildError({ name, message }: { name: string; message: string }): Error {
	const error = name === 'RangeError' ? new RangeError(message) : new Error(message);
	if (name !== 'RangeError' && name) error.name = name;
	return error;
}
