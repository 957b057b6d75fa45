import { asc, eq } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import { juryMember, outbox, review } from '../src/lib/server/db/schema';
import type { organisation, user } from '../src/lib/server/db/schema';
import {
	createApplicant,
	createApplication,
	createCall,
	createConsortium,
	createJuror,
	createLead,
	setJury
} from './factories';

/** Factories for the jury panel's tests: real rows, never mocks. */

/**
 * A call run by a partner cluster of a consortium (so the lead's managers only view it), closed
 * for applications, with jury settings (k = 2 and a default load of 5 unless overridden).
 */
export async function juryCall(settings: Parameters<typeof setJury>[1] = {}) {
	const consortium = await createConsortium();
	const call = await createCall(consortium.programme.id, {
		organisationId: consortium.partnerA.cluster.id,
		status: 'closed',
		timeZone: 'Europe/Stockholm'
	});
	await setJury(call.id, { reviewersPerApplication: 2, defaultMaxLoad: 5, ...settings });
	return {
		call,
		manager: consortium.partnerA,
		lead: consortium.lead,
		otherPartner: consortium.partnerB
	};
}

/** A call of a single cluster, for tests that need no consortium. */
export async function simpleJuryCall(settings: Parameters<typeof setJury>[1] = {}) {
	const lead = await createLead();
	const call = await createCall(lead.programme.id, { status: 'closed' });
	await setJury(call.id, { reviewersPerApplication: 2, defaultMaxLoad: 5, ...settings });
	return { call, manager: lead };
}

/** A submitted application by a new enterprise with the given impact areas, in a language. */
export async function submittedApplication(
	callId: string,
	options: {
		locale?: string;
		impactAreas?: number[];
		name?: string;
		screening?: 'pending' | 'eligible' | 'not_eligible';
		profile?: Partial<typeof organisation.$inferInsert>;
		person?: Partial<typeof user.$inferInsert>;
	} = {}
) {
	const applicant = await createApplicant(
		{
			impactAreas: options.impactAreas ?? [],
			...(options.name ? { name: options.name } : {}),
			...options.profile
		},
		options.person
	);
	const row = await createApplication(callId, applicant.enterprise.id, {
		createdBy: applicant.user.id,
		status: 'submitted',
		submittedAt: new Date(),
		locale: options.locale ?? 'en',
		screening: options.screening ?? 'pending'
	});
	return { ...row, applicant };
}

/** An accepted juror reading the given languages, with tags and an optional own load. */
export async function juror(
	callId: string,
	name: string,
	options: { languages?: string[]; tags?: string[]; maxLoad?: number | null } = {},
	person: Partial<typeof user.$inferInsert> = {}
) {
	return createJuror(
		callId,
		{
			name,
			languages: options.languages ?? ['en'],
			tags: options.tags ?? [],
			maxLoad: options.maxLoad ?? null
		},
		{ name, ...person }
	);
}

/** The call's reviews as [application, juror name, status] triples, sorted. */
export async function reviewPairs(callId: string) {
	const rows = await db()
		.select({
			applicationId: review.applicationId,
			juror: juryMember.name,
			status: review.status,
			reasons: review.reasons
		})
		.from(review)
		.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
		.where(eq(review.callId, callId))
		.orderBy(asc(review.applicationId), asc(juryMember.name));
	return rows;
}

/** Emails in the outbox to one address, oldest first. */
export async function emailsTo(address: string) {
	return db()
		.select({
			to: outbox.toAddress,
			subject: outbox.subject,
			text: outbox.text,
			locale: outbox.locale,
			template: outbox.template,
			meta: outbox.meta
		})
		.from(outbox)
		.where(eq(outbox.toAddress, address.toLowerCase()))
		.orderBy(asc(outbox.createdAt));
}
