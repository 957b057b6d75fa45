import { randomUUID } from 'node:crypto';
import type { FormDefinition } from '../src/lib/calls/form-definition';
import { asc, eq } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import {
	application,
	auditLog,
	call,
	callCriterion,
	invitation,
	juryMember,
	jurySettings,
	review,
	membership,
	organisation,
	programme,
	programmePartner,
	programmeRole,
	user
} from '../src/lib/server/db/schema';
import { AppError } from '../src/lib/server/errors';
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

const DAY = 86_400_000;

/** A small form: a required text, an optional number, a required confirmation. */
export const SIMPLE_FORM: FormDefinition = {
	sections: [
		{
			id: 'about',
			title: { en: 'About', sv: 'Om er' },
			questions: [
				{
					id: 'idea',
					type: 'short_text',
					label: { en: 'Your idea', sv: 'Er idé' },
					required: true,
					maxLength: 200
				},
				{ id: 'staff', type: 'number', label: { en: 'Staff' }, required: false, integer: true },
				{
					id: 'statutes',
					type: 'confirm',
					label: { en: 'Our statutes limit profit distribution' },
					required: true
				}
			]
		}
	]
};

/** A partner cluster in a programme (it may then run calls in it). */
export async function addPartner(programmeId: string, organisationId: string) {
	await db().insert(programmePartner).values({ programmeId, organisationId });
}

/**
 * A call, open by default: it opened a day ago and closes in two weeks, with SIMPLE_FORM. The
 * runner defaults to the programme's lead.
 */
export async function createCall(
	programmeId: string,
	overrides: Partial<typeof call.$inferInsert> = {}
) {
	const now = Date.now();
	const organisationId =
		overrides.organisationId ??
		(
			await db()
				.select({ organisationId: programme.organisationId })
				.from(programme)
				.where(eq(programme.id, programmeId))
		)[0].organisationId;
	const [row] = await db()
		.insert(call)
		.values({
			slug: `call-${next()}`,
			programmeId,
			organisationId,
			title: { en: 'Call for social innovators', sv: 'Utlysning för sociala innovatörer' },
			status: 'open',
			opensAt: new Date(now - DAY),
			closesAt: new Date(now + 14 * DAY),
			form: SIMPLE_FORM,
			...overrides
		})
		.returning();
	return row;
}

/** An application row of an enterprise to a call: a draft with no answers unless overridden. */
export async function createApplication(
	callId: string,
	organisationId: string,
	overrides: Partial<typeof application.$inferInsert> = {}
) {
	const [row] = await db()
		.insert(application)
		.values({ callId, organisationId, ...overrides })
		.returning();
	return row;
}

/** An enterprise with a complete profile and one member who applies for it. */
export async function createApplicant(
	overrides: Partial<typeof organisation.$inferInsert> = {},
	person: Partial<typeof user.$inferInsert> = {}
) {
	const enterprise = await createOrganisation({
		kind: 'enterprise',
		legalForm: 'cooperative',
		foundedYear: 2019,
		employees: 12,
		...overrides
	});
	const member = await createUser(person);
	await addMember(enterprise.id, member.id, 'manager');
	return { enterprise, user: member, actor: await actorFor(member.id) };
}

/** A cluster with one manager, leading a programme. */
export async function createLead(overrides: Partial<typeof organisation.$inferInsert> = {}) {
	const cluster = await createOrganisation({ kind: 'cluster', ...overrides });
	const manager = await createUser();
	await addMember(cluster.id, manager.id, 'manager');
	const led = await createProgramme(cluster.id);
	return { cluster, programme: led, manager, actor: await actorFor(manager.id) };
}

/**
 * An enterprise's draft application (created by its member) in a new call of the given programme,
 * or of a new lead's programme.
 */
export async function createDraft(
	options: {
		programmeId?: string;
		call?: Partial<typeof call.$inferInsert>;
		profile?: Partial<typeof organisation.$inferInsert>;
		draft?: Partial<typeof application.$inferInsert>;
	} = {}
) {
	const programmeId = options.programmeId ?? (await createLead()).programme.id;
	const target = await createCall(programmeId, options.call);
	const applicant = await createApplicant(options.profile);
	const draft = await createApplication(target.id, applicant.enterprise.id, {
		createdBy: applicant.user.id,
		...options.draft
	});
	return { call: target, applicant, application: draft, actor: applicant.actor };
}

/**
 * A programme led by one cluster and run with two partner clusters, each with one manager: the
 * shape in which partners open their own calls and the lead watches all of them.
 */
export async function createConsortium() {
	const lead = await createLead();
	const partner = async () => {
		const cluster = await createOrganisation({ kind: 'cluster' });
		const manager = await createUser();
		await addMember(cluster.id, manager.id, 'manager');
		await addPartner(lead.programme.id, cluster.id);
		return { cluster, manager, actor: await actorFor(manager.id) };
	};
	return { lead, programme: lead.programme, partnerA: await partner(), partnerB: await partner() };
}

/** The audit entries about one entity, oldest first. */
export async function auditEntries(entityId: string) {
	return db()
		.select({
			action: auditLog.action,
			actorUserId: auditLog.actorUserId,
			entityType: auditLog.entityType,
			organisationId: auditLog.organisationId,
			data: auditLog.data
		})
		.from(auditLog)
		.where(eq(auditLog.entityId, entityId))
		.orderBy(asc(auditLog.id));
}

/** The error a domain operation throws (the test fails if it resolves). */
export async function errorOf(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the operation to throw, but it resolved');
}

/** The AppError a domain operation throws, as plain values to compare exactly. */
export async function appErrorOf(promise: Promise<unknown>) {
	const error = await errorOf(promise);
	if (!(error instanceof AppError)) throw error;
	return { code: error.code, message: error.message, fields: error.fields };
}

/** A juror on a call's panel who accepted the invitation (with a juror role in the programme). */
export async function createJuror(
	callId: string,
	overrides: Partial<typeof juryMember.$inferInsert> = {},
	person: Partial<typeof user.$inferInsert> = {}
) {
	const [target] = await db().select().from(call).where(eq(call.id, callId));
	const juror = await createUser(person);
	await giveProgrammeRole(target.programmeId, juror.id, 'juror');
	const [member] = await db()
		.insert(juryMember)
		.values({
			callId,
			email: juror.email,
			name: juror.name,
			userId: juror.id,
			languages: ['en'],
			tags: [],
			acceptedAt: new Date(),
			...overrides
		})
		.returning();
	return { member, user: juror, actor: await actorFor(juror.id) };
}

/** Jury settings of a call (k, loads, phase…), created or overwritten. */
export async function setJury(
	callId: string,
	values: Partial<typeof jurySettings.$inferInsert> = {}
) {
	const [row] = await db()
		.insert(jurySettings)
		.values({ callId, ...values })
		.onConflictDoUpdate({ target: jurySettings.callId, set: values })
		.returning();
	return row;
}

/** Criteria for a call; defaults to two criteria on 1–5, weights 2 and 1. */
export async function createCriteria(
	callId: string,
	list: Partial<typeof callCriterion.$inferInsert>[] = [
		{ name: { en: 'Impact' }, weight: 2 },
		{ name: { en: 'Feasibility' }, weight: 1 }
	]
) {
	return db()
		.insert(callCriterion)
		.values(list.map((c, position) => ({ callId, name: { en: 'Criterion' }, position, ...c })))
		.returning();
}

/** A review of an application by a panel member: assigned unless overridden. */
export async function createReview(
	callId: string,
	applicationId: string,
	juryMemberId: string,
	overrides: Partial<typeof review.$inferInsert> = {}
) {
	const [row] = await db()
		.insert(review)
		.values({
			callId,
			applicationId,
			juryMemberId,
			reasons: { sharedTags: [], language: 'en' },
			...overrides
		})
		.returning();
	return row;
}
