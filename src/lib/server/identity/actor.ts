/** Who is acting, with everything `can()` needs, loaded once per request. */
export interface Membership {
	organisationId: string;
	slug: string;
	name: string;
	kind: 'cluster' | 'enterprise' | 'provider';
	role: 'manager' | 'member';
}

export interface ProgrammeRole {
	programmeId: string;
	organisationId: string;
	role: 'manager' | 'juror' | 'coach' | 'sparring_partner';
}

export interface Actor {
	userId: string;
	email: string;
	name: string;
	platformAdmin: boolean;
	locale: string | null;
	activeOrganisationId: string | null;
	memberships: Membership[];
	programmeRoles: ProgrammeRole[];
}
