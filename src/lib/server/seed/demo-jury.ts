import { randomUUID } from 'node:crypto';
import type { Answers } from '$lib/calls/answers';
import { reviewTotal } from '$lib/review/scoring';
import type { Executor } from '../db';
import {
	application,
	call,
	callCriterion,
	juryMember,
	jurySettings,
	programmeRole,
	review,
	user
} from '../db/schema';
import { DEMO_CALL_CRITERIA, DEMO_CALL_FORM, DEMO_CALL_TEXTS } from './demo-call';

const DAY = 86_400_000;

/** Two more jurors, without demo sign-in buttons: their submitted reviews are what Jonas sees after his. */
export const DEMO_JURORS = [
	{ email: 'lena.ekstrom@jury.example', name: 'Lena Ekström', locale: 'sv' as const },
	{ email: 'marco.bianchi@jury.example', name: 'Marco Bianchi', locale: 'en' as const }
];

export const DEMO_JURY_CALL_SLUG = 'innovation-support-2026-spring';

/** Each enterprise's application, in its own language. */
const APPLICATIONS: { enterprise: string; locale: 'sv' | 'de' | 'en'; answers: Answers }[] = [
	{
		enterprise: 'kvarterskraft',
		locale: 'sv',
		answers: {
			title: 'Kvarterskök för äldre',
			challenge:
				'Många äldre i Vivalla äter ensamma och för lite. Kvarterskraft driver sedan 2019 ett kvarterskök där arbetslösa unga lagar mat tillsammans med pensionärer. Vi vill bygga en app för beställning och utkörning så att även de som inte kan ta sig hit får ett mål mat och ett samtal om dagen. Kontakt: amira.haddad@kvarterskraft.example.',
			people_reached: 420,
			stage: 'pilot',
			support: ['digital', 'design'],
			start: '2026-09-01',
			website: 'https://kvarterskraft.example',
			contact_email: 'amira.haddad@kvarterskraft.example',
			terms: true
		}
	},
	{
		enterprise: 'gruenhof-inklusion',
		locale: 'de',
		answers: {
			title: 'Inklusive Gemüsekisten',
			challenge:
				'Auf dem Grünhof arbeiten 14 Menschen mit Behinderung im ökologischen Gemüsebau. Bisher verkaufen wir nur auf dem Wochenmarkt. Mit einem Abo für Gemüsekisten, das unsere Beschäftigten packen und ausliefern, wollen wir zehn neue sozialversicherungspflichtige Arbeitsplätze schaffen.',
			people_reached: 1300,
			stage: 'scaling',
			support: ['financing', 'legal', 'coaching'],
			start: '2026-07-15',
			website: 'https://gruenhof-inklusion.example',
			contact_email: 'info@gruenhof-inklusion.example',
			terms: true
		}
	},
	{
		enterprise: 'ponte-sociale',
		locale: 'en',
		answers: {
			title: 'Repair cafés as training grounds',
			challenge:
				'Young people who left school early learn to repair bikes, phones and household appliances in our repair cafés in Bologna, and get paid for customer repairs. We want to open two more cafés and a certified training path with the city’s vocational schools.',
			people_reached: 260,
			stage: 'idea',
			support: ['coaching', 'financing'],
			start: '2026-10-01',
			website: 'https://pontesociale.example',
			contact_email: 'ciao@pontesociale.example',
			terms: true
		}
	}
];

/**
 * A call of the demo programme in review, with its jury scoring: Jonas (the demo juror) is
 * assigned all three demo enterprises' applications and has not started; Lena and Marco have
 * submitted theirs. The open demo call stays open for applicants to try; this one is for jurors
 * (and the jury pages of Maja, who runs it).
 */
export async function seedDemoJury(
	tx: Executor,
	world: {
		programmeId: string;
		/** The cluster that runs the call (Coompanion Örebro). */
		organisationId: string;
		jonasUserId: string;
		enterprises: Record<string, string>;
		now: number;
	}
) {
	const { now } = world;
	const jurorIds = DEMO_JURORS.map(() => randomUUID());
	await tx.insert(user).values(
		DEMO_JURORS.map((j, i) => ({
			id: jurorIds[i],
			email: j.email,
			name: j.name,
			emailVerified: true,
			locale: j.locale
		}))
	);
	await tx
		.insert(programmeRole)
		.values(
			jurorIds.map((userId) => ({ programmeId: world.programmeId, userId, role: 'juror' as const }))
		);

	const suffix = { en: ' — spring round', de: ' — Frühjahrsrunde', sv: ' — vårens omgång' };
	const [target] = await tx
		.insert(call)
		.values({
			slug: DEMO_JURY_CALL_SLUG,
			programmeId: world.programmeId,
			organisationId: world.organisationId,
			...DEMO_CALL_TEXTS,
			title: {
				en: `${DEMO_CALL_TEXTS.title.en}${suffix.en}`,
				de: `${DEMO_CALL_TEXTS.title.de}${suffix.de}`,
				sv: `${DEMO_CALL_TEXTS.title.sv}${suffix.sv}`
			},
			fallbackLocale: 'en',
			timeZone: 'Europe/Stockholm',
			opensAt: new Date(now - 60 * DAY),
			closesAt: new Date(now - 5 * DAY),
			status: 'in_review',
			form: DEMO_CALL_FORM
		})
		.returning({ id: call.id });
	const criteria = await tx
		.insert(callCriterion)
		.values(DEMO_CALL_CRITERIA.map((c) => ({ ...c, callId: target.id })))
		.returning({
			id: callCriterion.id,
			weight: callCriterion.weight,
			scaleMin: callCriterion.scaleMin,
			scaleMax: callCriterion.scaleMax
		});
	await tx.insert(jurySettings).values({
		callId: target.id,
		reviewersPerApplication: 2,
		defaultMaxLoad: 10,
		blindReview: true,
		showScoresAfterSubmit: true,
		phase: 'scoring',
		reviewDeadline: new Date(now + 14 * DAY)
	});

	const apps = await tx
		.insert(application)
		.values(
			APPLICATIONS.map((a) => ({
				callId: target.id,
				organisationId: world.enterprises[a.enterprise],
				status: 'submitted' as const,
				answers: a.answers,
				locale: a.locale,
				eligibility: 'eligible' as const,
				screening: 'eligible' as const,
				submittedAt: new Date(now - 10 * DAY)
			}))
		)
		.returning({ id: application.id });

	const members = await tx
		.insert(juryMember)
		.values([
			{
				callId: target.id,
				email: 'jonas.berg@jury.example',
				name: 'Jonas Berg',
				userId: world.jonasUserId,
				languages: ['sv', 'en', 'de'],
				tags: ['sdg:8', 'sdg:10', 'sdg:11', 'digital'],
				acceptedAt: new Date(now - 20 * DAY)
			},
			...DEMO_JURORS.map((j, i) => ({
				callId: target.id,
				email: j.email,
				name: j.name,
				userId: jurorIds[i],
				languages: i === 0 ? ['sv', 'en', 'de'] : ['en', 'it'],
				tags: i === 0 ? ['sdg:8', 'sdg:11'] : ['sdg:4', 'sdg:10'],
				acceptedAt: new Date(now - 20 * DAY)
			}))
		])
		.returning({ id: juryMember.id });
	const [jonas, lena, marco] = members.map((m) => m.id);
	const [kvarterskraft, gruenhof, ponte] = apps.map((a) => a.id);

	const submitted = (scores: number[], comment: string) => {
		const byId = Object.fromEntries(criteria.map((c, i) => [c.id, scores[i]]));
		return {
			status: 'submitted' as const,
			noConflictAt: new Date(now - 4 * DAY),
			startedAt: new Date(now - 4 * DAY),
			submittedAt: new Date(now - 3 * DAY),
			scores: byId,
			total: reviewTotal(criteria, byId),
			comment
		};
	};
	const base = (applicationId: string, juryMemberId: string, language: string) => ({
		callId: target.id,
		applicationId,
		juryMemberId,
		reasons: { sharedTags: ['sdg:8'], language }
	});
	await tx.insert(review).values([
		base(kvarterskraft, jonas, 'sv'),
		base(gruenhof, jonas, 'de'),
		base(ponte, jonas, 'en'),
		{
			...base(kvarterskraft, lena, 'sv'),
			...submitted(
				[5, 4, 3, 4],
				'Tydlig nytta för äldre i området; tidsplanen för appen är optimistisk.'
			)
		},
		{
			...base(gruenhof, lena, 'de'),
			...submitted([4, 3, 4, 5], 'Überzeugendes Team, solider Plan für die Abokisten.')
		},
		{
			...base(ponte, marco, 'en'),
			...submitted(
				[4, 4, 2, 3],
				'Strong idea; the training path with the schools needs a partner letter.'
			)
		}
	]);
	return { callId: target.id };
}
