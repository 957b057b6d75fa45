import { m } from '$lib/paraglide/messages';

/** The translated name of a role, as people see it. */
export function roleName(role: string): string {
	switch (role) {
		case 'applicant':
			return m.role_applicant();
		case 'juror':
			return m.role_juror();
		case 'coach':
			return m.role_coach();
		case 'sparring_partner':
			return m.role_sparring_partner();
		case 'provider':
			return m.role_provider();
		case 'manager':
			return m.role_manager();
		case 'member':
			return m.role_member();
		case 'admin':
			return m.role_admin();
		default:
			return role;
	}
}

export function organisationKindName(kind: string): string {
	switch (kind) {
		case 'cluster':
			return m.kind_cluster();
		case 'enterprise':
			return m.kind_enterprise();
		case 'provider':
			return m.kind_provider();
		default:
			return kind;
	}
}
