import { uniqueSlug } from '../slugs';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { organisation } from '../db/schema';
import type { Actor } from './actor';
import { authorize } from './can';

export { slugify } from '../slugs';

export interface CreateOrganisationOptions {
	actor: Actor;
	name: string;
	kind: 'cluster' | 'enterprise' | 'provider';
	country: string;
	timeZone: string;
}

/** Platform admins create organisations (enterprises create their own in the calls issue). */
export async function createOrganisation({
	actor,
	name,
	kind,
	country,
	timeZone
}: CreateOrganisationOptions) {
	authorize(actor, 'admin.access');
	return db().transaction(async (tx) => {
		const slug = await uniqueSlug(tx, organisation, organisation.slug, name);
		const [created] = await tx
			.insert(organisation)
			.values({ name, kind, country, timeZone, slug })
			.returning({ id: organisation.id, slug: organisation.slug });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'organisation.created',
			entityType: 'organisation',
			entityId: created.id,
			organisationId: created.id,
			data: { name, kind, country }
		});
		return created;
	});
}
