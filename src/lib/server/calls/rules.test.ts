import { describe, expect, it } from 'vitest';
import {
	acceptsSubmissions,
	CALL_TRANSITIONS,
	canTransition,
	effectiveStatus,
	type CallStatus
} from './rules';

const STATUSES: CallStatus[] = ['draft', 'open', 'closed', 'in_review', 'decided'];

describe('CALL_TRANSITIONS', () => {
	it('allows exactly these moves', () => {
		const allowed = STATUSES.flatMap((from) =>
			STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`)
		);
		expect(allowed).toEqual([
			'draft→open',
			'open→closed',
			'closed→open',
			'closed→in_review',
			'in_review→decided'
		]);
	});
	it('never lets a call go back to draft or leave decided', () => {
		expect([
			STATUSES.some((from) => canTransition(from, 'draft')),
			CALL_TRANSITIONS.decided.length
		]).toEqual([false, 0]);
	});
});

describe('acceptsSubmissions', () => {
	const window = {
		status: 'open' as CallStatus,
		opensAt: new Date('2026-11-01T08:00:00Z'),
		closesAt: new Date('2026-12-01T16:00:00Z')
	};
	it('an open call accepts from its opening until just before its deadline', () => {
		expect([
			acceptsSubmissions(window, new Date('2026-11-01T08:00:00Z')),
			acceptsSubmissions(window, new Date('2026-12-01T15:59:59.999Z'))
		]).toEqual([true, true]);
	});
	it('an open call refuses before its opening and from its deadline on', () => {
		expect([
			acceptsSubmissions(window, new Date('2026-11-01T07:59:59.999Z')),
			acceptsSubmissions(window, new Date('2026-12-01T16:00:00Z'))
		]).toEqual([false, false]);
	});
	it('a call that is not open refuses inside its window', () => {
		const inside = new Date('2026-11-15T12:00:00Z');
		expect(
			STATUSES.filter((s) => s !== 'open').map((status) =>
				acceptsSubmissions({ ...window, status }, inside)
			)
		).toEqual([false, false, false, false]);
	});
});

describe('effectiveStatus', () => {
	const window = {
		opensAt: new Date('2026-11-01T08:00:00Z'),
		closesAt: new Date('2026-12-01T16:00:00Z')
	};
	it('an open call is upcoming, open and then closed as time passes', () => {
		expect(
			['2026-10-31T12:00:00Z', '2026-11-15T12:00:00Z', '2026-12-01T16:00:00Z'].map((t) =>
				effectiveStatus({ ...window, status: 'open' }, new Date(t))
			)
		).toEqual(['upcoming', 'open', 'closed']);
	});
	it('other statuses are shown as they are', () => {
		expect(
			(['draft', 'closed', 'in_review', 'decided'] as const).map((status) =>
				effectiveStatus({ ...window, status }, new Date('2026-11-15T12:00:00Z'))
			)
		).toEqual(['draft', 'closed', 'in_review', 'decided']);
	});
});
