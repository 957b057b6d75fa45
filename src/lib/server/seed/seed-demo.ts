import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db';
import {
	call,
	callCriterion,
	membership,
	organisation,
	programme,
	programmePartner,
	programmeRole,
	programmeTarget,
	user
} from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { DEMO_CALL_CRITERIA, DEMO_CALL_FORM, DEMO_CALL_RULES, DEMO_CALL_TEXTS } from './demo-call';
import { seedDemoJury } from './demo-jury';
import { DEMO_USERS, demoUser } from './demo-users';

/**
 * A believable world after the programmes our users run (SocialTech4EU under EUROCLUSTERS, and a
 * Swedish regional establishment programme like SMICE). Written once, on the first local start.
 * Returns false when the demo people already exist.
 */
export async function seedDemo(db: Database): Promise<boolean> {
	return db.transaction(async (tx) => {
		const existing = await tx
			.select({ id: user.id })
			.from(user)
			.where(
				inArray(
					user.email,
					DEMO_USERS.map((u) => u.email)
				)
			);
		if (existing.length > 0) return false;

		const ids = Object.fromEntries(DEMO_USERS.map((u) => [u.role, randomUUID()])) as Record<
			(typeof DEMO_USERS)[number]['role'],
			string
		>;
		await tx.insert(user).values(
			DEMO_USERS.map((u) => ({
				id: ids[u.role],
				email: u.email,
				name: u.name,
				emailVerified: true,
				locale: u.locale,
				platformAdmin: u.role === 'admin'
			}))
		);

		const orgs = await tx
			.insert(organisation)
			.values([
				{
					slug: 'silicon-vilstal',
					name: 'Silicon Vilstal gUG',
					kind: 'cluster',
					country: 'DE',
					timeZone: 'Europe/Berlin'
				},
				{
					slug: 'coompanion-orebro',
					name: 'Coompanion Örebro',
					kind: 'cluster',
					country: 'SE',
					timeZone: 'Europe/Stockholm'
				},
				{
					slug: 'kvarterskraft',
					name: 'Kvarterskraft ekonomisk förening',
					kind: 'enterprise',
					country: 'SE',
					timeZone: 'Europe/Stockholm'
				},
				{
					slug: 'gruenhof-inklusion',
					name: 'Grünhof Inklusion gGmbH',
					kind: 'enterprise',
					country: 'DE',
					timeZone: 'Europe/Berlin'
				},
				{
					slug: 'ponte-sociale',
					name: 'Cooperativa Ponte Sociale',
					kind: 'enterprise',
					country: 'IT',
					timeZone: 'Europe/Rome'
				},
				{
					slug: 'nordlys-design',
					name: 'Nordlys Design AB',
					kind: 'provider',
					country: 'SE',
					timeZone: 'Europe/Stockholm'
				},
				{
					slug: 'datenwerk-beratung',
					name: 'Datenwerk Beratung GmbH',
					kind: 'provider',
					country: 'DE',
					timeZone: 'Europe/Berlin'
				}
			])
			.returning({ id: organisation.id, slug: organisation.slug });
		const org = Object.fromEntries(orgs.map((o) => [o.slug, o.id]));

		await tx.insert(membership).values([
			{ organisationId: org['coompanion-orebro'], userId: ids.manager, role: 'manager' },
			{ organisationId: org['kvarterskraft'], userId: ids.applicant, role: 'manager' },
			{ organisationId: org['nordlys-design'], userId: ids.provider, role: 'manager' }
		]);

		const [socialTech, smice] = await tx
			.insert(programme)
			.values([
				{
					slug: 'socialtech4eu',
					organisationId: org['silicon-vilstal'],
					name: { en: 'SocialTech4EU', de: 'SocialTech4EU', sv: 'SocialTech4EU' },
					summary: {
						en: 'SocialTech for Europe for Resilient and Responsible Ecosystems: mapping social enterprises, training, a Social Innovation Hackathon with team coaches and sparring partners, then innovation support, vouchers and acceleration.',
						de: 'SocialTech for Europe for Resilient and Responsible Ecosystems: Kartierung von Sozialunternehmen, Trainings, ein Social Innovation Hackathon mit Teamcoaches und Sparringspartnern, danach Innovationsförderung, Gutscheine und Akzeleration.',
						sv: 'SocialTech for Europe for Resilient and Responsible Ecosystems: kartläggning av sociala företag, utbildning, ett Social Innovation Hackathon med teamcoacher och sparringpartner, sedan innovationsstöd, checkar och acceleration.'
					},
					funder: 'EISMEA — Joint Cluster Initiatives (EUROCLUSTERS), SMP-COSME-2021-CLUSTER',
					startsOn: '2022-09-01',
					endsOn: '2024-08-31',
					budgetMinor: 1_480_000_00,
					currency: 'EUR'
				},
				{
					slug: 'etablering-mittnorden',
					organisationId: org['coompanion-orebro'],
					name: {
						en: 'Establishment partnership Mid-Nordic',
						de: 'Ansiedlungspartnerschaft Mittnorden',
						sv: 'Etableringsfrämjande samverkan Mittnorden'
					},
					summary: {
						en: 'Innovation, business development and mobilisation for a circular economy in the Mid-Nordic region.',
						de: 'Innovation, Unternehmensentwicklung und Mobilisierung für eine Kreislaufwirtschaft in der Mittnorden-Region.',
						sv: 'Innovation, näringslivsutveckling och mobilisering för cirkulär ekonomi i Mittnorden.'
					},
					funder: 'Interreg Sverige–Norge',
					startsOn: '2017-05-14',
					endsOn: '2020-05-14',
					budgetMinor: 8_168_675_00,
					currency: 'SEK',
					fallbackLocale: 'sv'
				}
			])
			.returning({ id: programme.id });

		await tx
			.insert(programmePartner)
			.values([{ programmeId: socialTech.id, organisationId: org['coompanion-orebro'] }]);

		await tx.insert(programmeTarget).values([
			{
				programmeId: socialTech.id,
				indicator: 'enterprises_supported',
				target: 16,
				position: 0,
				label: {
					en: 'Social enterprises in the hackathon',
					de: 'Sozialunternehmen im Hackathon',
					sv: 'Sociala företag i hackathonet'
				}
			},
			{
				programmeId: socialTech.id,
				indicator: 'sparring_partners',
				target: 40,
				position: 1,
				label: {
					en: 'Sparring partners engaged',
					de: 'Eingebundene Sparringspartner',
					sv: 'Engagerade sparringpartner'
				}
			},
			{
				programmeId: socialTech.id,
				indicator: 'vouchers',
				target: 30,
				position: 2,
				label: {
					en: 'Innovation vouchers paid',
					de: 'Ausgezahlte Innovationsgutscheine',
					sv: 'Utbetalda innovationscheckar'
				}
			},
			{
				programmeId: smice.id,
				indicator: 'establishments',
				target: 15,
				position: 0,
				label: {
					en: 'Business establishments',
					de: 'Unternehmensansiedlungen',
					sv: 'Företagsetableringar'
				}
			},
			{
				programmeId: smice.id,
				indicator: 'jobs',
				target: 100,
				position: 1,
				label: { en: 'Jobs created', de: 'Geschaffene Arbeitsplätze', sv: 'Nya arbetstillfällen' }
			}
		]);

		await tx.insert(programmeRole).values([
			{ programmeId: socialTech.id, userId: ids.juror, role: 'juror' },
			{ programmeId: smice.id, userId: ids.juror, role: 'juror' },
			{ programmeId: socialTech.id, userId: ids.coach, role: 'coach' },
			{ programmeId: socialTech.id, userId: ids.coach, role: 'sparring_partner' }
		]);

		// One open call with every question type, run by the Swedish partner inside SocialTech4EU.
		const now = Date.now();
		const [demoCall] = await tx
			.insert(call)
			.values({
				slug: 'innovation-support-2026',
				programmeId: socialTech.id,
				organisationId: org['coompanion-orebro'],
				...DEMO_CALL_TEXTS,
				fallbackLocale: 'en',
				timeZone: 'Europe/Stockholm',
				opensAt: new Date(now - 86_400_000),
				closesAt: new Date(now + 30 * 86_400_000),
				status: 'open',
				form: DEMO_CALL_FORM,
				eligibilityRules: DEMO_CALL_RULES
			})
			.returning({ id: call.id });
		await tx
			.insert(callCriterion)
			.values(DEMO_CALL_CRITERIA.map((c) => ({ ...c, callId: demoCall.id })));
		await tx
			.update(organisation)
			.set({ legalForm: 'cooperative', foundedYear: 2019, employees: 7, impactAreas: [8, 10, 11] })
			.where(inArray(organisation.kind, ['enterprise']));

		// A second call, in review, whose jury is scoring (Jonas has applications waiting).
		await seedDemoJury(tx, {
			programmeId: socialTech.id,
			organisationId: org['coompanion-orebro'],
			jonasUserId: ids.juror,
			enterprises: org,
			now
		});

		await recordAudit(tx, {
			actorUserId: null,
			action: 'demo.seeded',
			entityType: 'platform',
			entityId: 'demo',
			data: { users: DEMO_USERS.length, organisations: orgs.length, admin: demoUser('admin').email }
		});
		return true;
	});
}
