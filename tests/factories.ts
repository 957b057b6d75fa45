import { randomUUID } from 'node:crypto';
import { db } from '../src/lib/server/db';
import {
	invitation,
	membership,
	organisation,
	programme,
	programmeRole,
	user
} from '../src/lib/server/db/schema';
import { loadActor } from '../src/lib/server/identity/queries';
import { slugify } from '../src/lib/server/identity/create-organisation';
import { hashToken, newToken } from '../src/lib/server/identity/tokens';

/** Test data from factories: real rows in the test's own database, never mocks. */
let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createUser(overrides: Partial<typeof user.$inferInsert> = {}) {
	const id = randomUUID();
	const [row] = await db()
		.insert(user)
		.values({
			id,
			name: `Person ${next()}`,
			email: `person-${next()}@example.org`,
			emailVerified: true,
			...overrides
		})
		.returning();
	return row;
}

export async function createOrganisation(
	overrides: Partial<typeof organisation.$inferInsert> = {}
) {
	const name = overrides.name ?? `Organisation ${next()}`;
	const [row] = await db()
		.insert(organisation)
		.values({
			name,
			slug: `${slugify(name)}-${next()}`,
			kind: 'cluster',
			country: 'SE',
			...overrides
		})
		.returning();
	return row;
}

export async function addMember(
	organisationId: string,
	userId: string,
	role: 'manager' | 'member' = 'member'
) {
	await db().insert(membership).values({ organisationId, userId, role });
}

export async function createProgramme(
	organisationId: string,
	overrides: Partial<typeof programme.$inferInsert> = {}
) {
	const [row] = await db()
		.insert(programme)
		.values({
			slug: `programme-${next()}`,
			organisationId,
			name: { en: 'Programme' },
			summary: { en: 'Summary' },
			funder: 'Funder',
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			budgetMinor: 100_000_00,
			currency: 'EUR',
			...overrides
		})
		.returning();
	return row;
}

export async function giveProgrammeRole(
	programmeId: string,
	userId: string,
	role: 'manager' | 'juror' | 'coach' | 'sparring_partner'
) {
	await db().insert(programmeRole).values({ programmeId, userId, role });
}

/** An open invitation (unless overridden), with the token its email would carry. */
export async function createInvitation(
	organisationId: string,
	overrides: Partial<Omit<typeof invitation.$inferInsert, 'tokenHash'>> = {}
) {
	const token = newToken();
	const [row] = await db()
		.insert(invitation)
		.values({
			organisationId,
			email: `invitee-${next()}@example.org`,
			role: 'member',
			tokenHash: hashToken(token),
			expiresAt: new Date(Date.now() + 7 * 86_400_000),
			...overrides
		})
		.returning();
	return { ...row, token };
}

/** The actor as a request would load it. */
export async function actorFor(userId: string) {
	const actor = await loadActor(userId);
	if (!actor) throw new Error(`no user ${userId}`);
	return actor;
}
