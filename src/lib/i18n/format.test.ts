import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatMoney, formatNumber } from './format';

const NBSP = '\u00a0';
const hostTimeZone = process.env.TZ;

afterEach(() => {
	// Node re-reads the host time zone whenever TZ is assigned.
	if (hostTimeZone === undefined) delete process.env.TZ;
	else process.env.TZ = hostTimeZone;
});

describe('formatMoney', () => {
	it('EUR 148000000 minor units read as 1.48 million euros in English', () => {
		expect(formatMoney(148_000_000, 'EUR', 'en')).toBe('€1,480,000.00');
	});

	it('EUR 148000000 minor units read as 1.48 million euros in German', () => {
		expect(formatMoney(148_000_000, 'EUR', 'de')).toBe(`1.480.000,00${NBSP}€`);
	});

	it('EUR 148000000 minor units read as 1.48 million euros in Swedish', () => {
		expect(formatMoney(148_000_000, 'EUR', 'sv')).toBe(`1${NBSP}480${NBSP}000,00${NBSP}€`);
	});

	it('SEK öre are shown as kronor in Swedish', () => {
		expect(formatMoney(816_867_500, 'SEK', 'sv')).toBe(`8${NBSP}168${NBSP}675,00${NBSP}kr`);
	});

	it('a currency without minor units is not divided', () => {
		expect(formatMoney(1500, 'JPY', 'en')).toBe('JP¥1,500');
	});

	it('a single cent is shown as 0.01', () => {
		expect(formatMoney(1, 'EUR', 'en')).toBe('€0.01');
	});
});

describe('formatNumber', () => {
	it('a number is grouped in each language', () => {
		expect([
			formatNumber(1_234_567.5, 'en'),
			formatNumber(1_234_567.5, 'de'),
			formatNumber(1_234_567.5, 'sv')
		]).toEqual(['1,234,567.5', '1.234.567,5', `1${NBSP}234${NBSP}567,5`]);
	});
});

describe('formatDay', () => {
	it('a calendar date reads the same in every language', () => {
		expect([
			formatDay('2026-03-01', 'en'),
			formatDay('2026-03-01', 'de'),
			formatDay('2026-03-01', 'sv')
		]).toEqual(['1 March 2026', '1. März 2026', '1 mars 2026']);
	});

	it('a calendar date is the same day on a host far east of UTC', () => {
		process.env.TZ = 'Pacific/Kiritimati';
		expect(new Date('2026-03-01T00:00:00Z').getDate()).toBe(1);
		expect(formatDay('2026-03-01', 'en')).toBe('1 March 2026');
	});

	it('a calendar date is the same day on a host far west of UTC', () => {
		process.env.TZ = 'Pacific/Pago_Pago';
		// The host itself would call this instant the day before: formatDay must not.
		expect(new Date('2026-03-01T00:00:00Z').getDate()).toBe(28);
		expect(formatDay('2026-03-01', 'en')).toBe('1 March 2026');
	});

	it('a calendar date passed to formatDate in a zone west of UTC shows the day before, which formatDay avoids', () => {
		expect(formatDate('2026-03-01', 'en', 'America/New_York')).toBe('28 February 2026');
	});
});

describe('formatDateTime', () => {
	it('an instant late in the UTC evening is the next day in Stockholm', () => {
		expect(formatDateTime('2026-03-01T23:30:00Z', 'en', 'Europe/Stockholm')).toBe(
			'2 Mar 2026, 00:30 CET'
		);
	});

	it('an instant is shown in Stockholm time by default', () => {
		expect(formatDateTime(new Date('2026-03-01T23:30:00Z'), 'de')).toBe('2. März 2026, 00:30 MEZ');
	});

	it('a summer instant is shown in Stockholm summer time', () => {
		expect(formatDateTime('2026-07-01T10:05:00Z', 'sv', 'Europe/Stockholm')).toBe(
			'1 juli 2026 12:05 CEST'
		);
	});

	it('an instant in New York shows its local time and offset', () => {
		expect(formatDateTime('2026-03-01T23:30:00Z', 'en', 'America/New_York')).toBe(
			'1 Mar 2026, 18:30 GMT-5'
		);
	});

	it('an instant is the same whatever the host time zone', () => {
		process.env.TZ = 'Asia/Tokyo';
		expect(formatDateTime('2026-03-01T23:30:00Z', 'en', 'Europe/Stockholm')).toBe(
			'2 Mar 2026, 00:30 CET'
		);
	});
});
