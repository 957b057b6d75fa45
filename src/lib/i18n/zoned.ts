import { TZDate } from '@date-fns/tz';

/**
 * Converts a wall-clock time typed by a manager ("2026-12-01T17:00" in Europe/Stockholm) to the
 * instant it means. Returns null for a malformed value or a time that does not exist in that zone
 * (the hour skipped when clocks go forward).
 */
export function zonedToInstant(local: string, timeZone: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!match) return null;
	const [year, month, day, hour, minute] = match.slice(1).map(Number);
	const date = new TZDate(year, month - 1, day, hour, minute, timeZone);
	if (Number.isNaN(date.getTime())) return null;
	// TZDate moves a non-existent wall time forward; such input is refused rather than shifted.
	if (
		date.getFullYear() !== year ||
		date.getMonth() !== month - 1 ||
		date.getDate() !== day ||
		date.getHours() !== hour ||
		date.getMinutes() !== minute
	) {
		return null;
	}
	return new Date(date.getTime());
}

/** The wall-clock value for a datetime-local input, in the given zone. */
export function instantToZoned(instant: Date, timeZone: string): string {
	const date = new TZDate(instant.getTime(), timeZone);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
