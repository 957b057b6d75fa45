import { describe, expect, it } from 'vitest';
import { canMovePhase, jurorCapacity, jurorStatus } from './panel-rules';

describe('canMovePhase', () => {
	it('canMovePhase allows setup → scoring → closed and nothing else', () => {
		const phases = ['setup', 'scoring', 'closed'] as const;
		const allowed = phases.flatMap((from) =>
			phases.filter((to) => canMovePhase(from, to)).map((to) => `${from}→${to}`)
		);
		expect(allowed).toEqual(['setup→scoring', 'scoring→closed']);
	});
});

describe('jurorStatus', () => {
	const now = new Date('2026-11-23T12:00:00Z');
	const later = new Date('2026-11-30T12:00:00Z');
	const earlier = new Date('2026-11-01T12:00:00Z');
	it('jurorStatus: removed wins, then accepted, then an invitation that may have expired', () => {
		expect([
			jurorStatus({ acceptedAt: earlier, removedAt: earlier, expiresAt: later }, now),
			jurorStatus({ acceptedAt: earlier, removedAt: null, expiresAt: earlier }, now),
			jurorStatus({ acceptedAt: null, removedAt: null, expiresAt: later }, now),
			jurorStatus({ acceptedAt: null, removedAt: null, expiresAt: now }, now)
		]).toEqual(['removed', 'accepted', 'invited', 'expired']);
	});
});

describe('jurorCapacity', () => {
	it("jurorCapacity is the juror's own maximum, even zero, else the call's default", () => {
		expect([jurorCapacity(4, 20), jurorCapacity(0, 20), jurorCapacity(null, 20)]).toEqual([
			4, 0, 20
		]);
	});
});
