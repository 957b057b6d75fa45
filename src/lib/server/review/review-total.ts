/**
 * The weighted total (0–100) stored with a submitted review:
 * 100 × Σ w·(s − min)/(max − min) / Σ w over the call's criteria, every criterion scored.
 * Stands in for the scoring library's `reviewTotal` until that branch is merged.
 */
export function submittedTotal(
	criteria: readonly { id: string; weight: number; scaleMin: number; scaleMax: number }[],
	scores: Readonly<Record<string, number>>
): number {
	let weighted = 0;
	let weights = 0;
	for (const { id, weight, scaleMin, scaleMax } of criteria) {
		weighted += (weight * (scores[id] - scaleMin)) / (scaleMax - scaleMin);
		weights += weight;
	}
	return weights === 0 ? 0 : (100 * weighted) / weights;
}
