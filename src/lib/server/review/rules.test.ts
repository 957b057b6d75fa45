import { describe, expect, it } from 'vitest';
import { effectivePhase, impactTags, organisationDomain, scoringOpen } from './rules';

const now = new Date('2026-11-23T12:00:00Z');

describe('scoringOpen', () => {
	it('scoringOpen in the scoring phase without a deadline is true', () => {
		expect(scoringOpen({ phase: 'scoring', reviewDeadline: null }, now)).toBe(true);
	});
	it('scoringOpen before the deadline is true and at the deadline is false', () => {
		expect(
			scoringOpen({ phase: 'scoring', reviewDeadline: new Date('2026-11-23T12:00:01Z') }, now)
		).toBe(true);
		expect(scoringOpen({ phase: 'scoring', reviewDeadline: now }, now)).toBe(false);
	});
	it('scoringOpen in setup or closed is false', () => {
		expect(scoringOpen({ phase: 'setup', reviewDeadline: null }, now)).toBe(false);
		expect(scoringOpen({ phase: 'closed', reviewDeadline: null }, now)).toBe(false);
	});
	it('effectivePhase after the deadline is closed', () => {
		expect(
			effectivePhase({ phase: 'scoring', reviewDeadline: new Date('2026-11-22T00:00:00Z') }, now)
		).toBe('closed');
		expect(effectivePhase({ phase: 'setup', reviewDeadline: null }, now)).toBe('setup');
	});
});

describe('organisationDomain', () => {
	it('organisationDomain of a work address is its lower-cased domain', () => {
		expect(organisationDomain('Anna@Kvarterskraft.SE')).toBe('kvarterskraft.se');
	});
	it('organisationDomain of a free-mail or malformed address is null', () => {
		expect(organisationDomain('someone@gmail.com')).toBeNull();
		expect(organisationDomain('no-at-sign')).toBeNull();
		expect(organisationDomain('x@localhost')).toBeNull();
	});
});

describe('impactTags', () => {
	it('impactTags names each goal as sdg:N', () => {
		expect(impactTags([3, 11])).toEqual(['sdg:3', 'sdg:11']);
	});
});
