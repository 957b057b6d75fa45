import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateInstance } from './instances';
import { assignJury, type JuryAssignmentInput } from './jury-assignment';
import { SOLVER_SOURCE } from './run-assignment';
import { solveTransport } from './transport';

/** What the worker evaluates, evaluated in a fresh context: no access to this module's scope. */
const shipped = runInNewContext(SOLVER_SOURCE) as {
	solveTransport: typeof solveTransport;
	assignJury: typeof assignJury;
};

describe('the source shipped to the worker', () => {
	it('solves a transport instance like solveTransport', () => {
		const problem = generateInstance({
			apps: 2400,
			jurors: 30,
			seed: 5,
			dist: 'correlated',
			fixedRate: 0.1
		});
		const result = shipped.solveTransport(problem);
		const direct = solveTransport(problem);
		expect(result.status).toBe('optimal');
		expect(result.status === 'optimal' && Array.from(result.pairs)).toEqual(
			direct.status === 'optimal' && Array.from(direct.pairs)
		);
	});

	it('assigns a jury like assignJury, reasons included', () => {
		const input: JuryAssignmentInput = {
			k: 2,
			applications: [
				{ id: 'a1', language: 'en', tags: ['Food'] },
				{ id: 'a2', language: 'sv', tags: ['energy', 'food'] },
				{ id: 'a3', language: 'en', tags: [] }
			],
			jurors: [
				{ id: 'j1', languages: ['en', 'sv'], tags: ['food'], capacity: 2 },
				{ id: 'j2', languages: ['sv', 'en'], tags: ['energy'], capacity: 2 },
				{ id: 'j3', languages: ['en'], tags: [], capacity: 2 }
			],
			conflicts: [{ applicationId: 'a3', jurorId: 'j1' }],
			removed: [],
			fixed: [{ applicationId: 'a1', jurorId: 'j3' }]
		};
		// Plain objects across realms: compare their JSON.
		expect(JSON.parse(JSON.stringify(shipped.assignJury(input)))).toEqual(assignJury(input));
		const blocked = { ...input, k: 3 };
		expect(JSON.parse(JSON.stringify(shipped.assignJury(blocked)))).toEqual(assignJury(blocked));
	});
});
