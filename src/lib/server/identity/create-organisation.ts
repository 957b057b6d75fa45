import { like } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { organisation } from '../db/schema';
import type { Actor } from './actor';
import { authorize } from './can';

export function slugify(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 48) || 'organisation'
	);
}

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
		const base = slugify(name);
		const taken = new Set(
			(
				await tx
					.select({ slug: organisation.slug })
					.from(organisation)
					.where(like(organisation.slug, `${base}%`))
			).map((r) => r.slug)
		);
		let slug = base;
		for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
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
