import type { call } from '../db/schema';

export type CallStatus = (typeof call.$inferSelect)['status'];

/** The only moves a call's status can make; `transitionCall` is the one function that makes them. */
export const CALL_TRANSITIONS: Record<CallStatus, readonly CallStatus[]> = {
	draft: ['open'],
	open: ['closed'],
	closed: ['open', 'in_review'],
	in_review: ['decided'],
	decided: []
};

export function canTransition(from: CallStatus, to: CallStatus): boolean {
	return CALL_TRANSITIONS[from].includes(to);
}

/** Submissions are accepted only while the call is open and its window, checked on the server, has not passed. */
export function acceptsSubmissions(
	target: { status: CallStatus; opensAt: Date; closesAt: Date },
	now: Date = new Date()
): boolean {
	return target.status === 'open' && target.opensAt <= now && now < target.closesAt;
}

/** What the public and applicants see: an open call past its deadline is closed for them. */
export function effectiveStatus(
	target: { status: CallStatus; opensAt: Date; closesAt: Date },
	now: Date = new Date()
): CallStatus | 'upcoming' {
	if (target.status !== 'open') return target.status;
	if (now < target.opensAt) return 'upcoming';
	if (now >= target.closesAt) return 'closed';
	return 'open';
}
