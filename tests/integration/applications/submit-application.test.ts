import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DraftConflict } from '../../../src/lib/server/applications/save-draft';
import { submitApplication } from '../../../src/lib/server/applications/submit-application';
import { db } from '../../../src/lib/server/db';
import { application, outbox } from '../../../src/lib/server/db/schema';
import {
	appErrorOf,
	auditEntries,
	createApplicant,
	createApplication,
	createCall,
	createDraft,
	createLead,
	errorOf,
	SIMPLE_FORM
} from '../../factories';

const ORIGIN = process.env.ORIGIN as string;
const FOOTER =
	'Tandem — support programmes for social enterprises. You get this email because someone used your address on Tandem.';
const answers = { idea: 'Community kitchens', staff: 12, statutes: true };

let programmeId: string | undefined;

/** An enterprise's draft in a call of the given settings; the calls share one programme. */
async function draftIn(
	call: Parameters<typeof createCall>[1] = {},
	profile: Parameters<typeof createApplicant>[0] = {},
	draft: Parameters<typeof createApplication>[2] = {}
) {
	programmeId ??= (await createLead()).programme.id;
	const made = await createDraft({
		programmeId,
		call,
		profile: { name: 'Grön Kooperativ', country: 'SE', ...profile },
		draft: { answers: { idea: 'Half an idea' }, ...draft }
	});
	return { ...made, app: made.application };
}

async function stateOf(id: string) {
	const [row] = await db()
		.select({
			status: application.status,
			version: application.version,
			answers: application.answers,
			submittedAt: application.submittedAt,
			eligibility: application.eligibility,
			eligibilityResults: application.eligibilityResults
		})
		.from(application)
		.where(eq(application.id, id));
	return row;
}

async function emailsAbout(applicationId: string) {
	const rows = await db().select().from(outbox);
	return rows
		.filter((r) => r.meta.applicationId === applicationId)
		.map((r) => ({
			to: r.toAddress,
			subject: r.subject,
			text: r.text,
			template: r.template,
			locale: r.locale,
			status: r.status
		}));
}

describe('submitApplication', () => {
	it('submits complete answers: status, version, eligibility, audit and a confirmation with a copy of the answers', async () => {
		const { app, actor, applicant } = await draftIn({
			eligibilityRules: [{ kind: 'country_in', countries: ['SE'] }]
		});
		const now = new Date();

		const result = await submitApplication({
			actor,
			applicationId: app.id,
			version: 1,
			answers,
			origin: ORIGIN,
			now
		});

		expect(result).toEqual({
			outboxId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			version: 2,
			alreadySubmitted: false
		});
		expect(await stateOf(app.id)).toEqual({
			status: 'submitted',
			version: 2,
			answers,
			submittedAt: now,
			eligibility: 'eligible',
			eligibilityResults: [
				{ rule: { kind: 'country_in', countries: ['SE'] }, passed: true, unknown: false }
			]
		});
		expect(await auditEntries(app.id)).toEqual([
			{
				action: 'application.submitted',
				actorUserId: applicant.user.id,
				entityType: 'application',
				organisationId: applicant.enterprise.id,
				data: { callId: app.callId, eligibility: 'eligible' }
			}
		]);
		expect(await emailsAbout(app.id)).toEqual([
			{
				to: applicant.user.email,
				subject: 'Application received: Call for social innovators',
				text: [
					'We received the application of Grön Kooperativ to Call for social innovators. Below is a copy of your answers.',
					'',
					`View your application: ${ORIGIN}/applications/${app.id}`,
					'',
					'Your idea: Community kitchens',
					'Staff: 12',
					'Our statutes limit profit distribution: Yes',
					'',
					'—',
					FOOTER
				].join('\n'),
				template: 'application-submitted',
				locale: 'en',
				status: 'pending'
			}
		]);
	});

	it("the confirmation is written in the applicant's language", async () => {
		const { app, actor } = await draftIn({}, {}, { locale: 'sv' });
		await submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN });
		const [email] = await emailsAbout(app.id);
		expect([email.subject, email.locale, email.text.split('\n').slice(4, 7)]).toEqual([
			'Ansökan mottagen: Utlysning för sociala innovatörer',
			'sv',
			['Er idé: Community kitchens', 'Staff: 12', 'Our statutes limit profit distribution: Ja']
		]);
	});

	it('submitting the same version again is harmless: no second audit entry or email', async () => {
		const { app, actor } = await draftIn();
		await submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN });

		const again = await submitApplication({
			actor,
			applicationId: app.id,
			version: 2,
			answers,
			origin: ORIGIN
		});

		expect(again).toEqual({ outboxId: null, alreadySubmitted: true });
		expect((await auditEntries(app.id)).length).toBe(1);
		expect((await emailsAbout(app.id)).length).toBe(1);
	});

	it('a submitted application of a call without editing cannot be submitted from another version', async () => {
		const { app, actor } = await draftIn();
		await submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN });
		expect(
			await appErrorOf(
				submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN })
			)
		).toEqual({
			code: 'conflict',
			message: 'already_submitted',
			fields: { _form: 'not_editable' }
		});
	});

	it('where the call allows editing, a resubmission keeps the first submission time', async () => {
		const { app, actor } = await draftIn({ editAfterSubmit: true });
		const first = new Date(Date.now() - 60_000);
		await submitApplication({
			actor,
			applicationId: app.id,
			version: 1,
			answers,
			origin: ORIGIN,
			now: first
		});

		const again = await submitApplication({
			actor,
			applicationId: app.id,
			version: 2,
			answers: { ...answers, staff: 14 },
			origin: ORIGIN
		});

		const state = await stateOf(app.id);
		expect([again.version, state.status, state.submittedAt, state.answers]).toEqual([
			3,
			'submitted',
			first,
			{ ...answers, staff: 14 }
		]);
		expect((await auditEntries(app.id)).map((e) => e.action)).toEqual([
			'application.submitted',
			'application.resubmitted'
		]);
		expect((await emailsAbout(app.id)).length).toBe(2);
	});

	it('one invalid answer refuses the whole submission and writes nothing', async () => {
		const { app, actor } = await draftIn();

		const error = await appErrorOf(
			submitApplication({
				actor,
				applicationId: app.id,
				version: 1,
				answers: { ...answers, staff: 'twelve' },
				origin: ORIGIN
			})
		);

		expect(error).toEqual({
			code: 'invalid_input',
			message: 'answers_invalid',
			fields: { staff: 'number_invalid' }
		});
		expect(await stateOf(app.id)).toEqual({
			status: 'draft',
			version: 1,
			answers: { idea: 'Half an idea' },
			submittedAt: null,
			eligibility: null,
			eligibilityResults: []
		});
		expect(await auditEntries(app.id)).toEqual([]);
		expect(await emailsAbout(app.id)).toEqual([]);
	});

	it('a failure at the last step (queueing the email) rolls back the submission and its audit entry', async () => {
		const { app, actor } = await draftIn();
		// An actor without an address makes queueEmail throw after the update and the audit insert.
		const broken = { ...actor, email: null as unknown as string };

		const error = await errorOf(
			submitApplication({
				actor: broken,
				applicationId: app.id,
				version: 1,
				answers,
				origin: ORIGIN
			})
		);

		expect(error).toBeInstanceOf(TypeError);
		expect([
			(await stateOf(app.id)).status,
			(await stateOf(app.id)).version,
			await auditEntries(app.id),
			await emailsAbout(app.id)
		]).toEqual(['draft', 1, [], []]);
	});

	it('missing required answers are each reported', async () => {
		const { app, actor } = await draftIn();
		expect(
			(
				await appErrorOf(
					submitApplication({
						actor,
						applicationId: app.id,
						version: 1,
						answers: { staff: 3, statutes: false },
						origin: ORIGIN
					})
				)
			).fields
		).toEqual({ idea: 'required', statutes: 'must_confirm' });
	});

	it('an answer to a question not in the form is refused', async () => {
		const { app, actor } = await draftIn();
		expect(
			(
				await appErrorOf(
					submitApplication({
						actor,
						applicationId: app.id,
						version: 1,
						answers: { ...answers, budget: 100 },
						origin: ORIGIN
					})
				)
			).fields
		).toEqual({ budget: 'unknown_question' });
	});

	it('a file answer naming no file uploaded for that question is file_invalid', async () => {
		const form = {
			sections: [
				{
					...SIMPLE_FORM.sections[0],
					questions: [
						...SIMPLE_FORM.sections[0].questions,
						{
							id: 'deck',
							type: 'file' as const,
							label: { en: 'Deck' },
							required: true,
							accept: ['pdf' as const],
							maxSizeMb: 5
						}
					]
				}
			]
		};
		const { app, actor } = await draftIn({ form });
		expect(
			await appErrorOf(
				submitApplication({
					actor,
					applicationId: app.id,
					version: 1,
					answers: { ...answers, deck: '6f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69' },
					origin: ORIGIN
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'answers_invalid',
			fields: { deck: 'file_invalid' }
		});
		expect((await stateOf(app.id)).status).toBe('draft');
	});

	it('a submission from an old version is a DraftConflict naming the current version', async () => {
		const { app, actor } = await draftIn({}, {}, { version: 5 });
		const error = await errorOf(
			submitApplication({ actor, applicationId: app.id, version: 4, answers, origin: ORIGIN })
		);
		expect(error instanceof DraftConflict && [error.code, error.currentVersion]).toEqual([
			'conflict',
			5
		]);
		expect((await stateOf(app.id)).status).toBe('draft');
	});

	it('a withdrawn application cannot be submitted', async () => {
		const { app, actor } = await draftIn({}, {}, { status: 'withdrawn' });
		expect(
			await appErrorOf(
				submitApplication({ actor, applicationId: app.id, version: 1, answers, origin: ORIGIN })
			)
		).toEqual({ code: 'conflict', message: 'withdrawn', fields: { _form: 'not_editable' } });
	});
});
