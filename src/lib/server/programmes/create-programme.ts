import { inArray } from 'drizzle-orm';
import type { ProgrammeInput } from '$lib/schemas/programmes';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { organisation, programme, programmePartner, programmeTarget } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { uniqueSlug } from '../slugs';

/**
 * A cluster's managers create a programme they lead, optionally run by a consortium: partner
 * clusters then open their own calls inside it.
 */
export async function createProgramme({
	actor,
	organisationId,
	input
}: {
	actor: Actor;
	organisationId: string;
	input: ProgrammeInput;
}) {
	authorize(actor, 'organisation.manage', { type: 'organisation', id: organisationId });
	return db().transaction(async (tx) => {
		const partners = input.partnerIds.filter((id) => id !== organisationId);
		if (partners.length) {
			const clusters = await tx
				.select({ id: organisation.id, kind: organisation.kind })
				.from(organisation)
				.where(inArray(organisation.id, partners));
			if (clusters.length !== partners.length || clusters.some((c) => c.kind !== 'cluster')) {
				throw new AppError('invalid_input', 'partner_invalid', { partnerIds: 'invalid_choice' });
			}
		}
		const [lead] = await tx
			.select({ kind: organisation.kind })
			.from(organisation)
			.where(inArray(organisation.id, [organisationId]));
		if (lead?.kind !== 'cluster') throw new AppError('forbidden');
		const slug = await uniqueSlug(
			tx,
			programme,
			programme.slug,
			input.name[input.fallbackLocale] ?? 'programme'
		);
		const [created] = await tx
			.insert(programme)
			.values({
				slug,
				organisationId,
				name: input.name,
				summary: input.summary,
				funder: input.funder,
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				budgetMinor: input.budgetMinor,
				currency: input.currency,
				fallbackLocale: input.fallbackLocale
			})
			.returning({ id: programme.id, slug: programme.slug });
		if (partners.length)
			await tx
				.insert(programmePartner)
				.values(partners.map((id) => ({ programmeId: created.id, organisationId: id })));
		if (input.targets.length) {
			await tx.insert(programmeTarget).values(
				input.targets.map((t, position) => ({
					programmeId: created.id,
					indicator: t.indicator,
					label: { [input.fallbackLocale]: t.label },
					target: t.target,
					position
				}))
			);
		}
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'programme.created',
			entityType: 'programme',
			entityId: created.id,
			organisationId,
			data: {
				slug,
				partners: partners.length,
				budgetMinor: input.budgetMinor,
				currency: input.currency
			}
		});
		return created;
	});
}
