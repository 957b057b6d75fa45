import type { JuryPhase } from '$lib/schemas/jury';

/** The only moves a jury's phase can make; `transitionJuryPhase` is the one function that makes them. */
export const JURY_PHASE_TRANSITIONS: Record<JuryPhase, readonly JuryPhase[]> = {
	setup: ['scoring'],
	scoring: ['closed'],
	closed: []
};

export function canMovePhase(from: JuryPhase, to: JuryPhase): boolean {
	return JURY_PHASE_TRANSITIONS[from].includes(to);
}

export type JurorStatus = 'invited' | 'expired' | 'accepted' | 'removed';

/** Where a panel member stands: removed, accepted, or invited with a link that may have expired. */
export function jurorStatus(
	member: { acceptedAt: Date | null; removedAt: Date | null; expiresAt: Date | null },
	now: Date = new Date()
): JurorStatus {
	if (member.removedAt) return 'removed';
	if (member.acceptedAt) return 'accepted';
	if (member.expiresAt && member.expiresAt <= now) return 'expired';
	return 'invited';
}

/** The load a juror may carry: their own maximum, else the call's default. */
export function jurorCapacity(maxLoad: number | null, defaultMaxLoad: number): number {
	return maxLoad ?? defaultMaxLoad;
}
