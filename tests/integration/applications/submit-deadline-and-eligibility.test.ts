import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { EligibilityRule } from '../../../src/lib/calls/eligibility';
import { callSettingsSchema } from '../../../src/lib/calls/schemas';
import { submitApplication } from '../../../src/lib/server/applications/submit-application';
import { db } from '../../../src/lib/server/db';
import { application, outbox } from '../../../src/lib/server/db/schema';
import { appErrorOf, createApplicant, createCall, createDraft, createLead } from '../../factories';

const ORIGIN = process.env.ORIGIN as string;
const answers = { idea: 'Community kitchens', staff: 12, statutes: true };

let programmeId: string | undefined;

/** An enterprise's draft in a call of the given settings; the calls share one programme. */
async function draftIn(
	call: Parameters<typeof createCall>[1] = {},
	profile: Parameters<typeof createApplicant>[0] = {}
) {
	programmeId ??= (await createLead()).programme.id;
	const made = await createDraft({ programmeId, call, profile: { country: 'SE', ...profile } });
	return { ...made, app: made.application };
}

async function stateOf(id: string) {
	const [row] = await db()
		.select({
			status: application.status,
			submittedAt: application.submittedAt,
			eligibility: application.eligibility,
			eligibilityResults: application.eligibilityResults
		})
		.from(application)
		.where(eq(application.id, id));
	return row;
}

async function emailsAbout(applicationId: string) {
	return (await db().select({ meta: outbox.meta }).from(outbox)).filter(
		(r) => r.meta.applicationId === applicationId
	);
}

/** A call window given as wall-clock times in a zone, as a manager types it. */
function windowIn(timeZone: string) {
	const settings = callSettingsSchema.parse({
		title_en: 'Call',
		fallbackLocale: 'en',
		timeZone,
		opensAt: '2026-11-01T09:00',
		closesAt: '2026-12-01T17:00',
		maxApplicationsPerEnterprise: '1'
	});
	return { timeZone, opensAt: settings.opensAt, closesAt: settings.closesAt };
}

describe('submitApplication deadline', () => {
	const cases: [string, string, string][] = [
		['Europe/Stockholm', '2026-12-01T15:59:59Z', '2026-12-01T16:00:00Z'],
		['America/New_York', '2026-12-01T21:59:59Z', '2026-12-01T22:00:00Z'],
		['Asia/Tokyo', '2026-12-01T07:59:59Z', '2026-12-01T08:00:00Z']
	];

	for (const [zone, lastSecond, deadline] of cases) {
		it(`a call closing at 17:00 in ${zone} accepts at ${lastSecond} and refuses at ${deadline}`, async () => {
			const late = await draftIn(windowIn(zone));
			const onTime = await draftIn(windowIn(zone));

			const refused = await appErrorOf(
				submitApplication({
					actor: late.actor,
					applicationId: late.app.id,
					version: 1,
					answers,
					origin: ORIGIN,
					now: new Date(deadline)
				})
			);
			const accepted = await submitApplication({
				actor: onTime.actor,
				applicationId: onTime.app.id,
				version: 1,
				answers,
				origin: ORIGIN,
				now: new Date(lastSecond)
			});

			expect(refused).toEqual({
				code: 'conflict',
				message: 'deadline_passed',
				fields: { _form: 'deadline_passed' }
			});
			expect([accepted.alreadySubmitted, (await stateOf(onTime.app.id)).submittedAt]).toEqual([
				false,
				new Date(lastSecond)
			]);
			expect([(await stateOf(late.app.id)).status, await emailsAbout(late.app.id)]).toEqual([
				'draft',
				[]
			]);
		});
	}

	it('a retry of a submission made in time is harmless after the deadline', async () => {
		const { app, actor } = await draftIn(windowIn('Europe/Stockholm'));
		const options = { actor, applicationId: app.id, answers, origin: ORIGIN };
		await submitApplication({ ...options, version: 1, now: new Date('2026-12-01T15:59:59Z') });

		const retry = await submitApplication({
			...options,
			version: 2,
			now: new Date('2026-12-01T16:00:01Z')
		}).catch((error: Error) => error.message);

		expect(retry).toEqual({ outboxId: null, alreadySubmitted: true });
		expect((await emailsAbout(app.id)).length).toBe(1);
	});

	it('a submission before the call opens is refused', async () => {
		const { app, actor } = await draftIn(windowIn('Europe/Stockholm'));
		expect(
			(
				await appErrorOf(
					submitApplication({
						actor,
						applicationId: app.id,
						version: 1,
						answers,
						origin: ORIGIN,
						now: new Date('2026-11-01T07:59:59Z')
					})
				)
			).message
		).toBe('deadline_passed');
	});

	it('a call closed by its managers refuses submissions inside its window', async () => {
		const { app, actor } = await draftIn({ status: 'closed' });
		expect(
			(
				await appErrorOf(
					submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN })
				)
			).message
		).toBe('deadline_passed');
	});
});

describe('submitApplication eligibility', () => {
	const rules: EligibilityRule[] = [
		{ kind: 'country_in', countries: ['SE', 'FI'] },
		{ kind: 'legal_form_in', legalForms: ['cooperative', 'association'] },
		{ kind: 'founded_after', year: 2015 },
		{ kind: 'employees_below', limit: 50 },
		{ kind: 'answer_yes', questionId: 'statutes' }
	];
	const verdictFor = async (profile: Parameters<typeof createApplicant>[0]) => {
		const { app, actor } = await draftIn({ eligibilityRules: rules }, profile);
		await submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN });
		const state = await stateOf(app.id);
		return {
			verdict: state.eligibility,
			failed: state.eligibilityResults
				.filter((r) => !r.passed && !r.unknown)
				.map((r) => r.rule.kind),
			unknown: state.eligibilityResults.filter((r) => r.unknown).map((r) => r.rule.kind)
		};
	};

	it('a profile meeting every rule is stored as eligible', async () => {
		expect(await verdictFor({})).toEqual({ verdict: 'eligible', failed: [], unknown: [] });
	});
	it('a profile missing data is stored as needs_screening, naming the unknown rules', async () => {
		expect(await verdictFor({ legalForm: null, foundedYear: null, employees: null })).toEqual({
			verdict: 'needs_screening',
			failed: [],
			unknown: ['legal_form_in', 'founded_after', 'employees_below']
		});
	});
	it('a profile failing rules is still submitted, stored as not_eligible', async () => {
		expect(await verdictFor({ country: 'DE', employees: 50, legalForm: null })).toEqual({
			verdict: 'not_eligible',
			failed: ['country_in', 'employees_below'],
			unknown: ['legal_form_in']
		});
	});
});
