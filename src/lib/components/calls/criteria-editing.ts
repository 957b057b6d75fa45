import { LOCALES, type LocalizedText } from '$lib/i18n/localized';

/** A criterion as the editor holds it: numbers may be cleared, anchors are kept per scale point. */
export interface CriterionDraft {
	key: number;
	name: LocalizedText;
	rubric: LocalizedText;
	weight: number | null;
	scaleMin: number | null;
	scaleMax: number | null;
	anchors: Record<number, LocalizedText>;
}

/** Anchor texts are offered for each point of scales of up to this many points. */
export const MAX_ANCHOR_POINTS = 11;

function clean(text: LocalizedText): LocalizedText {
	const out: LocalizedText = {};
	for (const locale of LOCALES) {
		const value = text[locale]?.trim();
		if (value) out[locale] = value;
	}
	return out;
}

export function scalePoints(draft: Pick<CriterionDraft, 'scaleMin' | 'scaleMax'>): number[] {
	const { scaleMin: min, scaleMax: max } = draft;
	if (min === null || max === null || !Number.isInteger(min) || !Number.isInteger(max)) return [];
	if (max <= min || max - min + 1 > MAX_ANCHOR_POINTS) return [];
	return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** What is posted: empty translations dropped, anchors only for points on the scale with a text. */
export function criteriaPayload(drafts: CriterionDraft[]) {
	return drafts.map((d) => ({
		name: clean(d.name),
		rubric: clean(d.rubric),
		weight: d.weight,
		scaleMin: d.scaleMin,
		scaleMax: d.scaleMax,
		anchors: scalePoints(d)
			.map((value) => ({ value, text: clean(d.anchors[value] ?? {}) }))
			.filter((a) => Object.keys(a.text).length > 0)
	}));
}

/** Validation issues by criterion position and field: "0.name", "2.scaleMax". */
export function criteriaIssueKeys(
	issues: readonly { path: readonly PropertyKey[]; message: string }[]
) {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const [index, field] = issue.path;
		const key = typeof index === 'number' ? `${index}.${String(field ?? 'name')}` : 'criteria';
		errors[key] ??= issue.message;
	}
	return errors;
}
