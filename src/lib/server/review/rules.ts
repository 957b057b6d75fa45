/**
 * When a call's jury may change scores: the manager opened scoring and the review deadline (if
 * any) has not passed. After that, nothing changes — not even a manager can reopen a review.
 */
export function scoringOpen(
	settings: { phase: 'setup' | 'scoring' | 'closed'; reviewDeadline: Date | null },
	now: Date = new Date()
): boolean {
	if (settings.phase !== 'scoring') return false;
	return settings.reviewDeadline === null || now.getTime() < settings.reviewDeadline.getTime();
}

/** The phase a person sees: a scoring phase whose deadline has passed is closed. */
export function effectivePhase(
	settings: { phase: 'setup' | 'scoring' | 'closed'; reviewDeadline: Date | null },
	now: Date = new Date()
): 'setup' | 'scoring' | 'closed' {
	if (settings.phase === 'scoring' && !scoringOpen(settings, now)) return 'closed';
	return settings.phase;
}

/** Application tags for expertise matching: the enterprise's impact areas as "sdg:N". */
export function impactTags(impactAreas: number[]): string[] {
	return impactAreas.map((n) => `sdg:${n}`);
}

/** Free-mail domains never count as a shared organisation domain. */
const PUBLIC_DOMAINS = new Set([
	'gmail.com',
	'googlemail.com',
	'outlook.com',
	'hotmail.com',
	'live.com',
	'yahoo.com',
	'icloud.com',
	'me.com',
	'gmx.de',
	'gmx.net',
	'web.de',
	't-online.de',
	'proton.me',
	'protonmail.com',
	'hotmail.se',
	'telia.com',
	'example.com',
	'example.org'
]);

/** The organisation part of an address, or null for free-mail and malformed addresses. */
export function organisationDomain(email: string): string | null {
	const at = email.lastIndexOf('@');
	if (at < 1) return null;
	const domain = email
		.slice(at + 1)
		.trim()
		.toLowerCase();
	if (!domain.includes('.') || PUBLIC_DOMAINS.has(domain)) return null;
	return domain;
}
