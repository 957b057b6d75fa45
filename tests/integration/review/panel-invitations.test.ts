import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { juryMember, programmeRole, review } from '../../../src/lib/server/db/schema';
import { can } from '../../../src/lib/server/identity/can';
import { hashToken } from '../../../src/lib/server/identity/tokens';
import {
	acceptJuryInvitation,
	findJuryInvitation
} from '../../../src/lib/server/review/accept-jury-invitation';
import { inviteJuror } from '../../../src/lib/server/review/invite-juror';
import { removeJuror } from '../../../src/lib/server/review/remove-juror';
import { updateJurorProfile } from '../../../src/lib/server/review/update-juror-profile';
import {
	actorFor,
	appErrorOf,
	auditEntries,
	createApplicant,
	createReview,
	createUser
} from '../../factories';
import { emailsTo, juror, juryCall, submittedApplication } from '../../factories-panel';

const ORIGIN = process.env.ORIGIN as string;
const NOW = new Date('2026-11-02T09:00:00Z');
const FOOTER =
	'Tandem — support programmes for social enterprises. You get this email because someone used your address on Tandem.';
const NO_EXPERTISE = { languages: [], tags: [], maxLoad: null };

function tokenIn(text: string) {
	const match = text.match(new RegExp(`${ORIGIN}/jury/invitation/([A-Za-z0-9_-]+)`));
	if (!match) throw new Error(`no invitation link in: ${text}`);
	return match[1];
}

async function memberOf(callId: string, email: string) {
	const [row] = await db()
		.select()
		.from(juryMember)
		.where(and(eq(juryMember.callId, callId), eq(juryMember.email, email)));
	return row;
}

describe('inviteJuror', () => {
	it("by the call's manager writes the panel member, its audit entry and one email with a personal link", async () => {
		const { call, manager } = await juryCall();

		const result = await inviteJuror({
			actor: manager.actor,
			callId: call.id,
			juror: {
				email: 'Anna.Svensson@Example.org',
				name: 'Anna Svensson',
				languages: ['en', 'sv'],
				tags: ['sdg:7', 'energy'],
				maxLoad: 4
			},
			origin: ORIGIN,
			now: NOW
		});

		const member = await memberOf(call.id, 'anna.svensson@example.org');
		const [email] = await emailsTo('anna.svensson@example.org');
		const token = tokenIn(email.text);
		expect({
			id: member.id,
			name: member.name,
			languages: member.languages,
			tags: member.tags,
			maxLoad: member.maxLoad,
			userId: member.userId,
			acceptedAt: member.acceptedAt,
			tokenHash: member.tokenHash,
			invitedBy: member.invitedBy,
			expiresAt: member.expiresAt
		}).toEqual({
			id: result.memberId,
			name: 'Anna Svensson',
			languages: ['en', 'sv'],
			tags: ['sdg:7', 'energy'],
			maxLoad: 4,
			userId: null,
			acceptedAt: null,
			tokenHash: hashToken(token),
			invitedBy: manager.manager.id,
			expiresAt: new Date('2026-11-16T09:00:00Z')
		});
		expect(result.reinvited).toBe(false);
		expect({ subject: email.subject, text: email.text, locale: email.locale }).toEqual({
			subject: 'Invitation to the jury of Call for social innovators',
			text: [
				`${manager.manager.name} invites you to review applications to Call for social innovators (Programme) as a member of its jury.`,
				'The link is valid for 14 days. Sign in with this email address to accept.',
				'',
				`Open the invitation: ${ORIGIN}/jury/invitation/${token}`,
				'',
				'—',
				FOOTER
			].join('\n'),
			locale: 'en'
		});
		expect(await auditEntries(member.id)).toEqual([
			{
				action: 'jury.juror_invited',
				actorUserId: manager.manager.id,
				entityType: 'jury_member',
				organisationId: manager.cluster.id,
				data: {
					callId: call.id,
					email: 'anna.svensson@example.org',
					name: 'Anna Svensson',
					languages: ['en', 'sv'],
					tags: ['sdg:7', 'energy'],
					maxLoad: 4
				}
			}
		]);
	});

	it('writes the email in the language the juror chose on Tandem, whatever the call falls back to', async () => {
		const { call, manager } = await juryCall();
		await createUser({ email: 'jonas.berg@jury.se', locale: 'sv' });

		await inviteJuror({
			actor: manager.actor,
			callId: call.id,
			juror: { email: 'jonas.berg@jury.se', name: '', ...NO_EXPERTISE },
			origin: ORIGIN
		});

		const [email] = await emailsTo('jonas.berg@jury.se');
		expect([email.locale, email.subject]).toEqual([
			'sv',
			'Inbjudan till juryn för Utlysning för sociala innovatörer'
		]);
	});

	it('again for an invited address sends a new link, and the earlier link stops working', async () => {
		const { call, manager } = await juryCall();
		const invite = (name: string) =>
			inviteJuror({
				actor: manager.actor,
				callId: call.id,
				juror: { email: 'late@jury.se', name, ...NO_EXPERTISE },
				origin: ORIGIN
			});
		await invite('Late Juror');
		const firstToken = tokenIn((await emailsTo('late@jury.se'))[0].text);

		const again = await invite('');

		const emails = await emailsTo('late@jury.se');
		const member = await memberOf(call.id, 'late@jury.se');
		expect([again.reinvited, emails.length, member.name]).toEqual([true, 2, 'Late Juror']);
		expect(await findJuryInvitation(firstToken)).toBeNull();
		expect((await findJuryInvitation(tokenIn(emails[1].text)))?.usable).toBe(true);
		expect((await auditEntries(member.id)).map((e) => e.action)).toEqual([
			'jury.juror_invited',
			'jury.juror_reinvited'
		]);
	});

	it('for someone already on the panel is refused next to the address', async () => {
		const { call, manager } = await juryCall();
		const anna = await juror(call.id, 'Anna');

		expect(
			await appErrorOf(
				inviteJuror({
					actor: manager.actor,
					callId: call.id,
					juror: { email: anna.user.email, name: '', ...NO_EXPERTISE },
					origin: ORIGIN
				})
			)
		).toEqual({ code: 'conflict', message: 'already_juror', fields: { email: 'already_juror' } });
		expect(await emailsTo(anna.user.email)).toEqual([]);
	});

	it('by the programme lead who only views the call, another partner or an applicant is forbidden and writes nothing', async () => {
		const { call, lead, otherPartner } = await juryCall();
		const applicant = await createApplicant();
		const invite = (actor: typeof lead.actor) =>
			appErrorOf(
				inviteJuror({
					actor,
					callId: call.id,
					juror: { email: 'x@jury.se', name: '', ...NO_EXPERTISE },
					origin: ORIGIN
				})
			);
		const forbidden = { code: 'forbidden', message: 'forbidden', fields: undefined };

		expect([
			await invite(lead.actor),
			await invite(otherPartner.actor),
			await invite(applicant.actor)
		]).toEqual([forbidden, forbidden, forbidden]);
		expect([await memberOf(call.id, 'x@jury.se'), await emailsTo('x@jury.se')]).toEqual([
			undefined,
			[]
		]);
	});

	it('to a call id that does not exist, or is malformed, is not found', async () => {
		const { manager } = await juryCall();
		const invite = (callId: string) =>
			appErrorOf(
				inviteJuror({
					actor: manager.actor,
					callId,
					juror: { email: 'x@jury.se', name: '', ...NO_EXPERTISE },
					origin: ORIGIN
				})
			);
		const notFound = { code: 'not_found', message: 'not_found', fields: undefined };
		expect([await invite('6f1c2a8e-0000-4000-8000-000000000000'), await invite('no-uuid')]).toEqual(
			[notFound, notFound]
		);
	});
});

describe('acceptJuryInvitation', () => {
	let counter = 0;
	/** A fresh invitation (sent at NOW) to a fresh address, and the person it is for. */
	async function invited() {
		const email = `anna-${counter++}@jury.se`;
		const setup = await juryCall();
		await inviteJuror({
			actor: setup.manager.actor,
			callId: setup.call.id,
			juror: { email, name: 'Anna', ...NO_EXPERTISE },
			origin: ORIGIN,
			now: NOW
		});
		const token = tokenIn((await emailsTo(email))[0].text);
		const anna = await createUser({ email });
		return { ...setup, token, email, anna, actor: await actorFor(anna.id) };
	}

	it('by the signed-in person it was sent to makes them a juror of the programme', async () => {
		const { call, token, email, anna, actor } = await invited();
		const at = new Date('2026-11-03T10:00:00Z');

		const result = await acceptJuryInvitation({ actor, token, now: at });

		const member = await memberOf(call.id, email);
		const roles = await db()
			.select({ programmeId: programmeRole.programmeId, role: programmeRole.role })
			.from(programmeRole)
			.where(eq(programmeRole.userId, anna.id));
		expect({
			result: result.callId,
			userId: member.userId,
			acceptedAt: member.acceptedAt,
			roles,
			space: can(await actorFor(anna.id), 'space.juror')
		}).toEqual({
			result: call.id,
			userId: anna.id,
			acceptedAt: at,
			roles: [{ programmeId: call.programmeId, role: 'juror' }],
			space: true
		});
		expect((await auditEntries(member.id)).map((e) => [e.action, e.actorUserId])).toEqual([
			['jury.juror_invited', expect.any(String)],
			['jury.invitation_accepted', anna.id]
		]);
	});

	it('twice is harmless: one role, one acceptance', async () => {
		const { call, token, email, anna, actor } = await invited();
		const at = new Date('2026-11-03T10:00:00Z');
		await acceptJuryInvitation({ actor, token, now: at });

		await acceptJuryInvitation({ actor, token, now: new Date('2026-11-04T10:00:00Z') });

		const member = await memberOf(call.id, email);
		const roles = await db().select().from(programmeRole).where(eq(programmeRole.userId, anna.id));
		expect([member.acceptedAt, roles.length, (await auditEntries(member.id)).length]).toEqual([
			at,
			1,
			2
		]);
	});

	it('by someone signed in with another address is refused and changes nothing', async () => {
		const { call, token, email } = await invited();
		const other = await createUser({ email: `other-${email}` });

		expect(
			await appErrorOf(acceptJuryInvitation({ actor: await actorFor(other.id), token, now: NOW }))
		).toEqual({
			code: 'invitation_wrong_email',
			message: 'invitation_wrong_email',
			fields: undefined
		});
		const member = await memberOf(call.id, email);
		expect([member.userId, member.acceptedAt]).toEqual([null, null]);
		expect(
			await db().select().from(programmeRole).where(eq(programmeRole.userId, other.id))
		).toEqual([]);
	});

	it('after the link expired, with an unknown token or after removal is refused as invalid', async () => {
		const { call, manager, token, email, actor } = await invited();
		const invalid = {
			code: 'invitation_invalid',
			message: 'invitation_invalid',
			fields: undefined
		};

		const expired = await appErrorOf(
			acceptJuryInvitation({ actor, token, now: new Date('2026-11-16T09:00:00Z') })
		);
		const unknown = await appErrorOf(
			acceptJuryInvitation({ actor, token: 'no-such-token', now: NOW })
		);
		const member = await memberOf(call.id, email);
		await removeJuror({ actor: manager.actor, callId: call.id, memberId: member.id });
		const removed = await appErrorOf(acceptJuryInvitation({ actor, token, now: NOW }));

		expect([expired, unknown, removed]).toEqual([invalid, invalid, invalid]);
		expect((await memberOf(call.id, email)).acceptedAt).toBeNull();
	});

	it('findJuryInvitation says whom a link is for and whether it still works', async () => {
		const { call, token, email } = await invited();

		expect(await findJuryInvitation(token, new Date('2026-11-10T00:00:00Z'))).toEqual({
			email,
			expiresAt: new Date('2026-11-16T09:00:00Z'),
			acceptedAt: null,
			removedAt: null,
			callId: call.id,
			callTitle: call.title,
			fallbackLocale: 'en',
			programmeName: { en: 'Programme' },
			usable: true
		});
		expect((await findJuryInvitation(token, new Date('2026-11-17T00:00:00Z')))?.usable).toBe(false);
	});
});

describe('updateJurorProfile', () => {
	const PROFILE = {
		languages: ['de', 'sv'] as ('en' | 'de' | 'sv')[],
		tags: ['sdg:3', 'care'],
		maxLoad: 7
	};

	it('by the juror themselves saves their languages, tags and load, with an audit entry', async () => {
		const { call, manager } = await juryCall();
		const anna = await juror(call.id, 'Anna');

		await updateJurorProfile({ actor: anna.actor, memberId: anna.member.id, profile: PROFILE });

		const member = await memberOf(call.id, anna.user.email);
		expect([member.languages, member.tags, member.maxLoad]).toEqual([
			['de', 'sv'],
			['sdg:3', 'care'],
			7
		]);
		expect(await auditEntries(anna.member.id)).toEqual([
			{
				action: 'jury.juror_profile_updated',
				actorUserId: anna.user.id,
				entityType: 'jury_member',
				organisationId: manager.cluster.id,
				data: { ...PROFILE, by: 'juror' }
			}
		]);
	});

	it("by the call's manager on the panel page saves it too", async () => {
		const { call, manager } = await juryCall();
		const anna = await juror(call.id, 'Anna');

		await updateJurorProfile({
			actor: manager.actor,
			callId: call.id,
			memberId: anna.member.id,
			profile: { ...PROFILE, maxLoad: null }
		});

		expect((await memberOf(call.id, anna.user.email)).maxLoad).toBeNull();
		expect((await auditEntries(anna.member.id))[0].data.by).toBe('manager');
	});

	it('by another juror, the lead who only views, a forged id or through another call is not found', async () => {
		const { call, lead, manager } = await juryCall();
		const other = await juryCall();
		const anna = await juror(call.id, 'Anna');
		const bert = await juror(call.id, 'Bert');
		const notFound = { code: 'not_found', message: 'not_found', fields: undefined };

		expect([
			await appErrorOf(
				updateJurorProfile({ actor: bert.actor, memberId: anna.member.id, profile: PROFILE })
			),
			await appErrorOf(
				updateJurorProfile({ actor: lead.actor, memberId: anna.member.id, profile: PROFILE })
			),
			await appErrorOf(
				updateJurorProfile({
					actor: manager.actor,
					memberId: '6f1c2a8e-0000-4000-8000-000000000000',
					profile: PROFILE
				})
			),
			await appErrorOf(
				updateJurorProfile({
					actor: other.manager.actor,
					callId: other.call.id,
					memberId: anna.member.id,
					profile: PROFILE
				})
			)
		]).toEqual([notFound, notFound, notFound, notFound]);
		expect((await memberOf(call.id, anna.user.email)).languages).toEqual(['en']);
	});

	it('of a removed juror is refused: by them as not found, by the manager as removed', async () => {
		const { call, manager } = await juryCall();
		const anna = await juror(call.id, 'Anna');
		await removeJuror({ actor: manager.actor, callId: call.id, memberId: anna.member.id });

		expect([
			await appErrorOf(
				updateJurorProfile({ actor: anna.actor, memberId: anna.member.id, profile: PROFILE })
			),
			await appErrorOf(
				updateJurorProfile({ actor: manager.actor, memberId: anna.member.id, profile: PROFILE })
			)
		]).toEqual([
			{ code: 'not_found', message: 'not_found', fields: undefined },
			{ code: 'conflict', message: 'juror_removed', fields: { _form: 'juror_removed' } }
		]);
	});
});

describe('removeJuror', () => {
	it('deletes the reviews they had not started and keeps the started and submitted ones', async () => {
		const { call, manager } = await juryCall();
		const anna = await juror(call.id, 'Anna');
		const [a, b, c] = [
			await submittedApplication(call.id),
			await submittedApplication(call.id),
			await submittedApplication(call.id)
		];
		await createReview(call.id, a.id, anna.member.id);
		const started = await createReview(call.id, b.id, anna.member.id, { status: 'started' });
		const submitted = await createReview(call.id, c.id, anna.member.id, { status: 'submitted' });
		const at = new Date('2026-11-05T08:00:00Z');

		const result = await removeJuror({
			actor: manager.actor,
			callId: call.id,
			memberId: anna.member.id,
			now: at
		});

		const left = await db()
			.select({ id: review.id })
			.from(review)
			.where(eq(review.juryMemberId, anna.member.id));
		const member = await memberOf(call.id, anna.user.email);
		expect(result).toEqual({ deleted: 1, kept: 2 });
		expect(left.map((r) => r.id).sort()).toEqual([started.id, submitted.id].sort());
		expect([member.removedAt, member.tokenHash]).toEqual([at, null]);
		expect(await auditEntries(anna.member.id)).toEqual([
			{
				action: 'jury.juror_removed',
				actorUserId: manager.manager.id,
				entityType: 'jury_member',
				organisationId: manager.cluster.id,
				data: { callId: call.id, email: anna.user.email, deletedReviews: 1, keptReviews: 2 }
			}
		]);
	});

	it('by the lead who only views is forbidden; a member of another call or a forged id is not found', async () => {
		const { call, lead, manager } = await juryCall();
		const other = await juryCall();
		const anna = await juror(call.id, 'Anna');
		const stranger = await juror(other.call.id, 'Stranger');

		expect([
			await appErrorOf(
				removeJuror({ actor: lead.actor, callId: call.id, memberId: anna.member.id })
			),
			await appErrorOf(
				removeJuror({ actor: manager.actor, callId: call.id, memberId: stranger.member.id })
			),
			await appErrorOf(removeJuror({ actor: manager.actor, callId: call.id, memberId: 'forged' }))
		]).toEqual([
			{ code: 'forbidden', message: 'forbidden', fields: undefined },
			{ code: 'not_found', message: 'not_found', fields: undefined },
			{ code: 'not_found', message: 'not_found', fields: undefined }
		]);
		expect([
			(await memberOf(call.id, anna.user.email)).removedAt,
			(await memberOf(other.call.id, stranger.user.email)).removedAt
		]).toEqual([null, null]);
	});
});
