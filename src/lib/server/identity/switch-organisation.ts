import { eq } from 'drizzle-orm';
import { db } from '../db';
import { user } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { can } from './can';

/** Makes one of the person's organisations the active one; anything else is refused. */
export async function switchOrganisation({
	actor,
	organisationId
}: {
	actor: Actor;
	organisationId: string;
}) {
	if (
		!can(actor, 'organisation.view', { type: 'organisation', id: organisationId }) ||
		!actor.memberships.some((m) => m.organisationId === organisationId)
	) {
		throw new AppError('forbidden', 'organisation_unknown', {
			organisationId: 'organisation_unknown'
		});
	}
	await db()
		.update(user)
		.set({ activeOrganisationId: organisationId })
		.where(eq(user.id, actor.userId));
	return actor.memberships.find((m) => m.organisationId === organisationId)!;
}
