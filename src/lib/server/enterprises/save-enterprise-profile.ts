import { eq } from 'drizzle-orm';
import type { EnterpriseProfile } from '$lib/schemas/enterprise';
import { recordAudit } from '../audit/record-audit';
import { db, type Executor } from '../db';
import { membership, organisation, teamMember, user } from '../db/schema';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { uniqueSlug } from '../slugs';

async function writeProfile(tx: Executor, organisationId: string, profile: EnterpriseProfile) {
	await tx
		.update(organisation)
		.set({
			name: profile.name,
			organisationNumber: profile.organisationNumber,
			country: profile.country,
			legalForm: profile.legalForm,
			foundedYear: profile.foundedYear,
			employees: profile.employees,
			website: profile.website,
			impactAreas: profile.impactAreas,
			founderBackground: profile.founderBackground,
			founderBackgroundConsentAt: profile.founderBackground ? new Date() : null
		})
		.where(eq(organisation.id, organisationId));
	await tx.delete(teamMember).where(eq(teamMember.organisationId, organisationId));
	if (profile.team.length) {
		await tx.insert(teamMember).values(
			profile.team.map((t, position) => ({
				organisationId,
				name: t.name,
				role: t.role,
				position
			}))
		);
	}
}

/** Anyone signed in can register their social enterprise; they become its manager. */
export async function createEnterprise({
	actor,
	profile
}: {
	actor: Actor;
	profile: EnterpriseProfile;
}) {
	authorize(actor, 'account.manage');
	return db().transaction(async (tx) => {
		const slug = await uniqueSlug(tx, organisation, organisation.slug, profile.name);
		const [created] = await tx
			.insert(organisation)
			.values({ slug, name: profile.name, kind: 'enterprise', country: profile.country })
			.returning({ id: organisation.id, slug: organisation.slug });
		await writeProfile(tx, created.id, profile);
		await tx
			.insert(membership)
			.values({ organisationId: created.id, userId: actor.userId, role: 'manager' });
		await tx
			.update(user)
			.set({ activeOrganisationId: created.id })
			.where(eq(user.id, actor.userId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'enterprise.created',
			entityType: 'organisation',
			entityId: created.id,
			organisationId: created.id,
			data: { name: profile.name, country: profile.country }
		});
		return created;
	});
}

export async function updateEnterpriseProfile({
	actor,
	organisationId,
	profile
}: {
	actor: Actor;
	organisationId: string;
	profile: EnterpriseProfile;
}) {
	authorize(actor, 'organisation.manage', { type: 'organisation', id: organisationId });
	await db().transaction(async (tx) => {
		await writeProfile(tx, organisationId, profile);
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'enterprise.profile_updated',
			entityType: 'organisation',
			entityId: organisationId,
			organisationId,
			// The founder background is not copied into the log: only whether it was given.
			data: { founderBackgroundGiven: Boolean(profile.founderBackground) }
		});
	});
}

export async function findEnterpriseProfile(organisationId: string) {
	const [org] = await db().select().from(organisation).where(eq(organisation.id, organisationId));
	if (!org) return null;
	const team = await db()
		.select({ name: teamMember.name, role: teamMember.role })
		.from(teamMember)
		.where(eq(teamMember.organisationId, organisationId))
		.orderBy(teamMember.position);
	return { ...org, team };
}
