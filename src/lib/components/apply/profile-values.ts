/**
 * The enterprise profile form's fields as they were posted, lists included, so a form sent back
 * with errors shows everything the person typed (the generic echo keeps single values only).
 */
export interface ProfileValues {
	name: string;
	organisationNumber: string;
	country: string;
	legalForm: string;
	foundedYear: string;
	employees: string;
	website: string;
	impactAreas: number[];
	team: { name: string; role: string }[];
	founderBackground: string[];
	founderConsent: boolean;
}

export function emptyProfileValues(): ProfileValues {
	return {
		name: '',
		organisationNumber: '',
		country: '',
		legalForm: '',
		foundedYear: '',
		employees: '',
		website: '',
		impactAreas: [],
		team: [],
		founderBackground: [],
		founderConsent: false
	};
}

export function profileValuesFromForm(form: FormData): ProfileValues {
	const one = (key: string) => String(form.get(key) ?? '').slice(0, 2000);
	const all = (key: string) => form.getAll(key).map((v) => String(v).slice(0, 200));
	const names = all('teamNames');
	const roles = all('teamRoles');
	return {
		name: one('name'),
		organisationNumber: one('organisationNumber'),
		country: one('country'),
		legalForm: one('legalForm'),
		foundedYear: one('foundedYear'),
		employees: one('employees'),
		website: one('website'),
		impactAreas: all('impactAreas')
			.map(Number)
			.filter((n) => Number.isInteger(n)),
		team: names.map((name, i) => ({ name, role: roles[i] ?? '' })).slice(0, 30),
		founderBackground: all('founderBackground'),
		founderConsent: form.get('founderConsent') === 'on'
	};
}
