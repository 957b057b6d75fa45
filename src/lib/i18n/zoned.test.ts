import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './zoned';

describe('zonedToInstant', () => {
	it('wall time in Stockholm winter is UTC+1', () => {
		expect(zonedToInstant('2026-12-01T17:00', 'Europe/Stockholm')?.toISOString()).toBe(
			'2026-12-01T16:00:00.000Z'
		);
	});
	it('wall time in Stockholm summer is UTC+2', () => {
		expect(zonedToInstant('2026-06-01T17:00', 'Europe/Stockholm')?.toISOString()).toBe(
			'2026-06-01T15:00:00.000Z'
		);
	});
	it('the same wall time in Lisbon is an hour later', () => {
		expect(zonedToInstant('2026-12-01T17:00', 'Europe/Lisbon')?.toISOString()).toBe(
			'2026-12-01T17:00:00.000Z'
		);
	});
	it('a time skipped by the spring change is refused', () => {
		expect(zonedToInstant('2026-03-29T02:30', 'Europe/Stockholm')).toBeNull();
	});
	it('malformed input is refused', () => {
		expect(zonedToInstant('2026-13-01T17:00', 'Europe/Stockholm')).toBeNull();
		expect(zonedToInstant('yesterday', 'Europe/Stockholm')).toBeNull();
	});
	it('round-trips through instantToZoned', () => {
		const instant = zonedToInstant('2026-10-25T23:59', 'Europe/Berlin')!;
		expect(instantToZoned(instant, 'Europe/Berlin')).toBe('2026-10-25T23:59');
	});
});
