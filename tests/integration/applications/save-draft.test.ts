import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../src/lib/calls/form-definition';
import { DraftConflict, saveDraft } from '../../../src/lib/server/applications/save-draft';
import { submitApplication } from '../../../src/lib/server/applications/submit-application';
import { db } from '../../../src/lib/server/db';
import { application } from '../../../src/lib/server/db/schema';
import {
	appErrorOf,
	auditEntries,
	createCall,
	createDraft,
	createLead,
	errorOf,
	SIMPLE_FORM
} from '../../factories';

let programmeId: string | undefined;

async function draftIn(
	call: Parameters<typeof createCall>[1] = {},
	draft: NonNullable<Parameters<typeof createDraft>[0]>['draft'] = {}
) {
	programmeId ??= (await createLead()).programme.id;
	return createDraft({ programmeId, call, draft });
}

async function stateOf(id: string) {
	const [row] = await db()
		.select({ answers: application.answers, version: application.version })
		.from(application)
		.where(eq(application.id, id));
	return row;
}

describe('saveDraft', () => {
	it('stores the answers and returns the next version', async () => {
		const { application: app, actor } = await draftIn();

		const saved = await saveDraft({
			actor,
			applicationId: app.id,
			version: 1,
			answers: { idea: ' Community kitchens ', staff: '3' }
		});

		expect(saved).toEqual({ version: 2, savedAt: expect.any(Date) });
		expect(await stateOf(app.id)).toEqual({
			answers: { idea: 'Community kitchens', staff: 3 },
			version: 2
		});
	});

	it('a draft may leave required questions unanswered', async () => {
		const { application: app, actor } = await draftIn();
		await saveDraft({ actor, applicationId: app.id, version: 1, answers: { statutes: false } });
		expect(await stateOf(app.id)).toEqual({ answers: { statutes: false }, version: 2 });
	});

	it('a draft is not audited', async () => {
		const { application: app, actor } = await draftIn();
		await saveDraft({ actor, applicationId: app.id, version: 1, answers: { idea: 'x' } });
		expect(await auditEntries(app.id)).toEqual([]);
	});

	it('a second save from the same version is a DraftConflict with the current version, and overwrites nothing', async () => {
		const { application: app, actor } = await draftIn();
		await saveDraft({ actor, applicationId: app.id, version: 1, answers: { idea: 'First tab' } });

		const error = await errorOf(
			saveDraft({ actor, applicationId: app.id, version: 1, answers: { idea: 'Second tab' } })
		);

		expect(
			error instanceof DraftConflict && {
				code: error.code,
				message: error.message,
				currentVersion: error.currentVersion
			}
		).toEqual({ code: 'conflict', message: 'draft_conflict', currentVersion: 2 });
		expect(await stateOf(app.id)).toEqual({ answers: { idea: 'First tab' }, version: 2 });
	});

	it('two saves racing from the same version: exactly one wins', async () => {
		const { application: app, actor } = await draftIn();

		const outcomes = await Promise.allSettled([
			saveDraft({ actor, applicationId: app.id, version: 1, answers: { idea: 'A' } }),
			saveDraft({ actor, applicationId: app.id, version: 1, answers: { idea: 'B' } })
		]);

		const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
		const lost = outcomes.flatMap((o) =>
			o.status === 'rejected' && o.reason instanceof DraftConflict ? [o.reason.currentVersion] : []
		);
		expect([won.length, lost]).toEqual([1, [2]]);
		expect(await stateOf(app.id)).toEqual({
			answers: { idea: won[0] === 0 ? 'A' : 'B' },
			version: 2
		});
	});

	it('invalid answers are refused per question and nothing is stored', async () => {
		const { application: app, actor } = await draftIn();
		expect(
			await appErrorOf(
				saveDraft({
					actor,
					applicationId: app.id,
					version: 1,
					answers: { idea: 'x'.repeat(201), staff: 2.5, other: 'y' }
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'answers_invalid',
			fields: { idea: 'too_long|200', staff: 'integer_required', other: 'unknown_question' }
		});
		expect(await stateOf(app.id)).toEqual({ answers: {}, version: 1 });
	});

	it('a draft of a call past its deadline cannot be saved', async () => {
		const now = Date.now();
		const { application: app, actor } = await draftIn({
			opensAt: new Date(now - 10 * 86_400_000),
			closesAt: new Date(now - 1_000)
		});
		expect(
			await appErrorOf(saveDraft({ actor, applicationId: app.id, version: 1, answers: {} }))
		).toEqual({ code: 'conflict', message: 'not_editable', fields: { _form: 'not_editable' } });
	});
});

describe('saveDraft after submission', () => {
	const submitted = {
		status: 'submitted' as const,
		submittedAt: new Date(),
		answers: { idea: 'Sent', statutes: true }
	};

	it('a submitted application is not editable when the call does not allow it', async () => {
		const { application: app, actor } = await draftIn({ editAfterSubmit: false }, submitted);
		expect(
			await appErrorOf(
				saveDraft({ actor, applicationId: app.id, version: 1, answers: submitted.answers })
			)
		).toEqual({ code: 'conflict', message: 'not_editable', fields: { _form: 'not_editable' } });
		expect(await stateOf(app.id)).toEqual({ answers: submitted.answers, version: 1 });
	});

	it('where the call allows it, a submitted application is edited before the deadline, on the record', async () => {
		const {
			application: app,
			actor,
			applicant
		} = await draftIn({ editAfterSubmit: true }, submitted);

		await saveDraft({
			actor,
			applicationId: app.id,
			version: 1,
			answers: { idea: 'Sent, then improved', statutes: true }
		});

		expect(await stateOf(app.id)).toEqual({
			answers: { idea: 'Sent, then improved', statutes: true },
			version: 2
		});
		expect(await auditEntries(app.id)).toEqual([
			{
				action: 'application.edited',
				actorUserId: applicant.user.id,
				entityType: 'application',
				organisationId: applicant.enterprise.id,
				data: { version: 2 }
			}
		]);
	});

	it('an edit of a submitted application must still be complete', async () => {
		const { application: app, actor } = await draftIn({ editAfterSubmit: true }, submitted);
		expect(
			await appErrorOf(
				saveDraft({ actor, applicationId: app.id, version: 1, answers: { idea: 'Sent' } })
			)
		).toEqual({
			code: 'invalid_input',
			message: 'answers_invalid',
			fields: { statutes: 'must_confirm' }
		});
	});

	it('where the call allows editing, the deadline still ends it', async () => {
		const now = Date.now();
		const { application: app, actor } = await draftIn(
			{
				editAfterSubmit: true,
				opensAt: new Date(now - 10 * 86_400_000),
				closesAt: new Date(now - 1_000)
			},
			submitted
		);
		expect(
			(
				await appErrorOf(
					saveDraft({ actor, applicationId: app.id, version: 1, answers: submitted.answers })
				)
			).message
		).toBe('not_editable');
	});

	it('an edit of a submitted application cannot name a file that was never uploaded to it', async () => {
		const form: FormDefinition = {
			sections: [
				{
					...SIMPLE_FORM.sections[0],
					questions: [
						...SIMPLE_FORM.sections[0].questions,
						{
							id: 'deck',
							type: 'file',
							label: { en: 'Deck' },
							required: false,
							accept: ['pdf'],
							maxSizeMb: 1
						}
					]
				}
			]
		};
		const { application: app, actor } = await draftIn({ editAfterSubmit: true, form }, submitted);
		expect(
			await appErrorOf(
				saveDraft({
					actor,
					applicationId: app.id,
					version: 1,
					answers: { ...submitted.answers, deck: '5b9f8f0e-3c57-4a7e-8f0d-2a1b3c4d5e6f' }
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'answers_invalid',
			fields: { deck: 'file_invalid' }
		});
		expect(await stateOf(app.id)).toEqual({ answers: submitted.answers, version: 1 });
	});

	it('an edit of a submitted application re-evaluates its eligibility', async () => {
		const form: FormDefinition = {
			sections: [
				{
					...SIMPLE_FORM.sections[0],
					questions: [
						...SIMPLE_FORM.sections[0].questions,
						{ id: 'member', type: 'confirm', label: { en: 'Network member' }, required: false }
					]
				}
			]
		};
		const { application: app, actor } = await draftIn({
			editAfterSubmit: true,
			form,
			eligibilityRules: [{ kind: 'answer_yes', questionId: 'member' }]
		});
		const sent = await submitApplication({
			actor,
			applicationId: app.id,
			version: 1,
			answers: { idea: 'Kitchens', statutes: true, member: true },
			origin: 'http://localhost:4999'
		});

		await saveDraft({
			actor,
			applicationId: app.id,
			version: sent.version as number,
			answers: { idea: 'Kitchens', statutes: true, member: false }
		});

		const [row] = await db()
			.select({ eligibility: application.eligibility })
			.from(application)
			.where(eq(application.id, app.id));
		expect(row.eligibility).toBe('not_eligible');
	});

	it('a withdrawn application is not editable', async () => {
		const { application: app, actor } = await draftIn(
			{ editAfterSubmit: true },
			{ status: 'withdrawn' }
		);
		expect(
			(await appErrorOf(saveDraft({ actor, applicationId: app.id, version: 1, answers: {} })))
				.message
		).toBe('not_editable');
	});
});
