/**
 * When a text with a limit is worth announcing to a screen reader: not on every keystroke, only
 * when it comes near the limit and when it reaches it.
 */
export type CounterLevel = 'ok' | 'near' | 'full';

/** Near: the last tenth of the limit, but at least the last 10 characters. */
export function counterLevel(length: number, max: number): CounterLevel {
	if (length >= max) return 'full';
	return max - length <= Math.max(10, Math.ceil(max * 0.1)) ? 'near' : 'ok';
}

/** The level to announce after typing moved from one length to another, or null for silence. */
export function counterAnnouncement(
	previousLength: number,
	length: number,
	max: number
): CounterLevel | null {
	const before = counterLevel(previousLength, max);
	const now = counterLevel(length, max);
	if (now === before || now === 'ok') return null;
	// Going back from "full" to "near" (deleting) is not news.
	if (before === 'full' && now === 'near') return null;
	return now;
}
