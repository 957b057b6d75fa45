/** The seeded demo people, one per role; only local mode signs in as them. */
export const DEMO_ROLES = ['applicant', 'juror', 'coach', 'provider', 'manager', 'admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export const DEMO_USERS: {
	role: DemoRole;
	email: string;
	name: string;
	locale: 'en' | 'de' | 'sv' | null;
}[] = [
	{
		role: 'applicant',
		email: 'amira.haddad@kvarterskraft.example',
		name: 'Amira Haddad',
		locale: null
	},
	{ role: 'juror', email: 'jonas.berg@jury.example', name: 'Jonas Berg', locale: 'sv' },
	{ role: 'coach', email: 'claudia.weber@coaching.example', name: 'Claudia Weber', locale: 'de' },
	{
		role: 'provider',
		email: 'pekka.nieminen@nordlys.example',
		name: 'Pekka Nieminen',
		locale: null
	},
	{
		role: 'manager',
		email: 'maja.lindqvist@coompanion.example',
		name: 'Maja Lindqvist',
		locale: null
	},
	{ role: 'admin', email: 'ada.admin@tandem.example', name: 'Ada Admin', locale: null }
];

export function demoUser(role: DemoRole) {
	return DEMO_USERS.find((u) => u.role === role)!;
}
