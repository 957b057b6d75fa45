import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { decision, jurySettings } from '../../../src/lib/server/db/schema';
import { decide } from '../../../src/lib/server/review/decide';
import { suggestDecisions } from '../../../src/lib/server/review/suggest-decisions';
import { updateDecisionQuotas } from '../../../src/lib/server/review/update-decision-quotas';
import { updateDecisionTemplates } from '../../../src/lib/server/review/update-decision-templates';
import { appErrorOf, auditEntries, createLead } from '../../factories';
import { createHandWorld, createResultsCall } from '../../factories-results';

const notFound = { code: 'not_found', message: 'not_found', fields: undefined };

async function settingsOf(callId: string) {
	const [row] = await db().select().from(jurySettings).where(eq(jurySettings.callId, callId));
	return row;
}

async function outcomes(world: Awaited<ReturnType<typeof createHandWorld>>) {
	const rows = await db().select().from(decision).where(eq(decision.callId, world.callId));
	const byId = new Map(rows.map((r) => [r.applicationId, r.outcome]));
	return world.applications.map((a) => byId.get(a.id) ?? null);
}

describe('updateDecisionTemplates', () => {
	it('saves one outcome in one language, audited; an empty field falls back to the standard text', async () => {
		const world = await createResultsCall();
		const save = (subject: string, body: string, version: number) =>
			updateDecisionTemplates({
				actor: world.lead.actor,
				callId: world.callId,
				outcome: 'reject',
				locale: 'de',
				subject,
				body,
				version
			});

		expect(await save(' Ihr Antrag für {call} ', 'Hallo {organisation},\n\n{feedback}', 1)).toEqual(
			{ version: 2 }
		);
		expect(await save('', 'Hallo {organisation}!', 2)).toEqual({ version: 3 });

		expect((await settingsOf(world.callId)).decisionTemplates).toEqual({
			reject: { subject: {}, body: { de: 'Hallo {organisation}!' } }
		});
		expect((await auditEntries(world.callId)).map((e) => [e.action, e.data])).toEqual([
			[
				'jury.decision_template_set',
				{ outcome: 'reject', locale: 'de', subject: 'Ihr Antrag für {call}', bodyChanged: true }
			],
			[
				'jury.decision_template_set',
				{ outcome: 'reject', locale: 'de', subject: null, bodyChanged: true }
			]
		]);
	});

	it('an unknown placeholder or an overlong text is refused next to its field', async () => {
		const world = await createResultsCall();
		expect(
			await appErrorOf(
				updateDecisionTemplates({
					actor: world.lead.actor,
					callId: world.callId,
					outcome: 'accept',
					locale: 'en',
					subject: 'Hello {organsation}',
					body: 'x'.repeat(10_001),
					version: 1
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'template_invalid',
			fields: { subject: 'unknown_placeholder|organsation', body: 'too_long|10000' }
		});
	});

	it('a stale version is a conflict; other clusters and jurors find nothing', async () => {
		const world = await createResultsCall();
		const stranger = await createLead();
		const attempt = (actor: typeof world.lead.actor, version: number, callId = world.callId) =>
			appErrorOf(
				updateDecisionTemplates({
					actor,
					callId,
					outcome: 'accept',
					locale: 'en',
					subject: 's',
					body: 'b',
					version
				})
			);
		expect([
			await attempt(world.lead.actor, 7),
			await attempt(stranger.actor, 1),
			await attempt(world.jurors[0].actor, 1),
			await attempt(world.lead.actor, 1, 'not-a-call')
		]).toEqual([
			{ code: 'conflict', message: 'stale_version', fields: { _form: 'stale_version' } },
			notFound,
			notFound,
			notFound
		]);
	});
});

describe('updateDecisionQuotas', () => {
	it('sets the quotas with the version seen, audited; a stale one is a conflict', async () => {
		const world = await createResultsCall();

		const saved = await updateDecisionQuotas({
			actor: world.lead.actor,
			callId: world.callId,
			acceptQuota: 5,
			waitlistQuota: null,
			version: 1
		});
		const stale = await appErrorOf(
			updateDecisionQuotas({
				actor: world.lead.actor,
				callId: world.callId,
				acceptQuota: 1,
				waitlistQuota: 1,
				version: 1
			})
		);

		const settings = await settingsOf(world.callId);
		expect([saved, stale, settings.acceptQuota, settings.waitlistQuota]).toEqual([
			{ version: 2 },
			{ code: 'conflict', message: 'stale_version', fields: { _form: 'stale_version' } },
			5,
			null
		]);
		expect((await auditEntries(world.callId)).map((e) => [e.action, e.data])).toEqual([
			[
				'jury.quotas_set',
				{ from: { accept: null, waitlist: null }, to: { accept: 5, waitlist: null } }
			]
		]);
	});

	it('a negative quota is refused next to its field', async () => {
		const world = await createResultsCall();
		expect(
			await appErrorOf(
				updateDecisionQuotas({
					actor: world.lead.actor,
					callId: world.callId,
					acceptQuota: 1,
					waitlistQuota: -1,
					version: 1
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'quota_invalid',
			fields: { waitlistQuota: 'invalid' }
		});
	});
});

describe('suggestDecisions', () => {
	it('suggest by quota follows the chosen ranking: raw A, C, B or normalised C, A, B', async () => {
		const world = await createHandWorld();
		await updateDecisionQuotas({
			actor: world.lead.actor,
			callId: world.callId,
			acceptQuota: 1,
			waitlistQuota: 1,
			version: 1
		});

		const raw = await suggestDecisions({
			actor: world.lead.actor,
			callId: world.callId,
			order: 'raw'
		});
		const afterRaw = await outcomes(world);
		const normalised = await suggestDecisions({
			actor: world.lead.actor,
			callId: world.callId,
			order: 'normalised'
		});
		const afterNormalised = await outcomes(world);

		expect([raw, afterRaw]).toEqual([
			{ accept: 1, waitlist: 1, reject: 1, changed: 3 },
			['accept', 'reject', 'waitlist']
		]);
		expect([normalised, afterNormalised]).toEqual([
			{ accept: 1, waitlist: 1, reject: 1, changed: 2 },
			['waitlist', 'reject', 'accept']
		]);
		const [a] = world.applications;
		expect(
			(await auditEntries(a.id)).map((e) => [
				e.action,
				e.data.from,
				e.data.to,
				e.data.via,
				e.data.position
			])
		).toEqual([
			['decision.set', null, 'accept', 'quota', 1],
			['decision.set', 'accept', 'waitlist', 'quota', 2]
		]);
		expect(
			(await auditEntries(world.callId)).filter((e) => e.action === 'decisions.suggested').length
		).toBe(2);
	});

	it('sent decisions and written feedback stay as they are', async () => {
		const world = await createHandWorld();
		const [a, , c] = world.applications;
		await decide({
			actor: world.lead.actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'reject',
			feedback: 'Sent already.',
			includeJuryComments: false,
			version: 0
		});
		await db()
			.update(decision)
			.set({ releasedAt: new Date() })
			.where(eq(decision.applicationId, a.id));
		await decide({
			actor: world.lead.actor,
			callId: world.callId,
			applicationId: c.id,
			outcome: 'reject',
			feedback: 'Keep this text.',
			includeJuryComments: false,
			version: 0
		});
		await updateDecisionQuotas({
			actor: world.lead.actor,
			callId: world.callId,
			acceptQuota: 2,
			waitlistQuota: 0,
			version: 1
		});

		await suggestDecisions({ actor: world.lead.actor, callId: world.callId, order: 'raw' });

		const rows = new Map(
			(await db().select().from(decision).where(eq(decision.callId, world.callId))).map((r) => [
				r.applicationId,
				r
			])
		);
		expect([
			rows.get(a.id)?.outcome,
			rows.get(c.id)?.outcome,
			rows.get(c.id)?.feedback,
			rows.get(c.id)?.version
		]).toEqual(['reject', 'accept', 'Keep this text.', 2]);
	});

	it('without a quota nothing is suggested; other clusters find nothing', async () => {
		const world = await createHandWorld();
		const stranger = await createLead();
		expect([
			await appErrorOf(
				suggestDecisions({ actor: world.lead.actor, callId: world.callId, order: 'raw' })
			),
			await appErrorOf(
				suggestDecisions({ actor: stranger.actor, callId: world.callId, order: 'raw' })
			)
		]).toEqual([
			{
				code: 'invalid_input',
				message: 'quota_required',
				fields: { acceptQuota: 'quota_required' }
			},
			notFound
		]);
		expect(await outcomes(world)).toEqual([null, null, null]);
	});
});
