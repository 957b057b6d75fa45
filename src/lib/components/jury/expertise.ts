/** What the expertise fields show: from a saved profile, or echoed from a refused form. */
export interface ExpertiseValues {
	languages: string[];
	sdgs: number[];
	freeTags: string;
	maxLoad: string;
}

export function expertiseValues(profile: {
	languages: string[];
	tags: string[];
	maxLoad: number | null;
}): ExpertiseValues {
	const sdgs: number[] = [];
	const free: string[] = [];
	for (const tag of profile.tags) {
		const sdg = /^sdg:(\d{1,2})$/.exec(tag);
		if (sdg) sdgs.push(Number(sdg[1]));
		else free.push(tag);
	}
	return {
		languages: profile.languages,
		sdgs,
		freeTags: free.join(', '),
		maxLoad: profile.maxLoad === null ? '' : String(profile.maxLoad)
	};
}

/** The expertise part of a posted form, as typed (checkbox groups keep every ticked box). */
export function expertiseEcho(form: FormData): ExpertiseValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 1000) : '';
	};
	return {
		languages: form.getAll('languages').filter((v): v is string => typeof v === 'string'),
		sdgs: form
			.getAll('sdgs')
			.map(Number)
			.filter((n) => Number.isInteger(n)),
		freeTags: text('freeTags'),
		maxLoad: text('maxLoad')
	};
}

export const EMPTY_EXPERTISE: ExpertiseValues = {
	languages: [],
	sdgs: [],
	freeTags: '',
	maxLoad: ''
};
