import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../src/lib/calls/form-definition';
import { db } from '../../../src/lib/server/db';
import { application, applicationFile, call, juryMember } from '../../../src/lib/server/db/schema';
import { fileStore, useFileStore } from '../../../src/lib/server/files';
import { diskStore } from '../../../src/lib/server/files/disk-store';
import {
	applicationRef,
	listJurorReviews,
	loadJurorReview,
	readJurorFile
} from '../../../src/lib/server/review/juror-queries';
import { confirmNoConflict } from '../../../src/lib/server/review/confirm-no-conflict';
import { submitReview } from '../../../src/lib/server/review/submit-review';
import {
	appErrorOf,
	createApplicant,
	createApplication,
	createJuror,
	createReview
} from '../../factories';
import { addJurorWithReview, createScoringScenario } from '../../factories-juror';

const FORGED = '00000000-0000-4000-8000-000000000000';
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-juror-files-'));
	useFileStore(diskStore(dir));
});
afterAll(() => {
	useFileStore(undefined);
	rmSync(dir, { recursive: true, force: true });
});

/** The scenario's form with a contact address and a pitch deck, and an answer to each. */
const FORM: FormDefinition = {
	sections: [
		{
			id: 'about',
			title: { en: 'About' },
			questions: [
				{ id: 'idea', type: 'short_text', label: { en: 'Idea' }, required: true, maxLength: 200 },
				{ id: 'contact', type: 'email', label: { en: 'Contact' }, required: true },
				{
					id: 'deck',
					type: 'file',
					label: { en: 'Deck' },
					required: false,
					accept: ['pdf'],
					maxSizeMb: 5
				}
			]
		}
	]
};

async function withFormAndFile(s: Awaited<ReturnType<typeof createScoringScenario>>) {
	await db().update(call).set({ form: FORM }).where(eq(call.id, s.call.id));
	const key = `applications/${s.application.id}/${randomUUID()}.pdf`;
	await fileStore().put(key, PDF, 'application/pdf');
	const [file] = await db()
		.insert(applicationFile)
		.values({
			applicationId: s.application.id,
			questionId: 'deck',
			storageKey: key,
			fileName: 'deck.pdf',
			contentType: 'application/pdf',
			sizeBytes: PDF.byteLength,
			sha256: 'x'
		})
		.returning();
	await db()
		.update(application)
		.set({
			answers: {
				idea: 'Kvarterskraft runs community kitchens',
				contact: 'info@kvarterskraft.se',
				deck: file.id
			}
		})
		.where(eq(application.id, s.application.id));
	return file;
}

describe('listJurorReviews', () => {
	it('listJurorReviews lists the juror’s own calls with progress, without names in blind review', async () => {
		const s = await createScoringScenario();
		const second = await createApplicant({ name: 'Ponte Sociale' });
		const app2 = await createApplication(s.call.id, second.enterprise.id, { status: 'submitted' });
		const r2 = await createReview(s.call.id, app2.id, s.juror.member.id, {
			status: 'submitted',
			noConflictAt: new Date(),
			submittedAt: new Date(),
			total: 40
		});
		await addJurorWithReview(s.call.id, s.application.id);

		expect(await listJurorReviews(s.juror.actor)).toEqual([
			{
				callId: s.call.id,
				title: s.call.title,
				fallbackLocale: 'en',
				timeZone: 'Europe/Stockholm',
				phase: 'scoring',
				reviewDeadline: s.jury.reviewDeadline,
				blindReview: true,
				counts: { assigned: 1, started: 0, submitted: 1, total: 2 },
				reviews: [
					{
						id: s.review.id,
						applicationId: s.application.id,
						number: 1,
						ref: applicationRef(s.application.id),
						status: 'assigned',
						conflictChecked: true,
						submittedAt: null,
						organisationName: null
					},
					{
						id: r2.id,
						applicationId: app2.id,
						number: 2,
						ref: applicationRef(app2.id),
						status: 'submitted',
						conflictChecked: true,
						submittedAt: r2.submittedAt,
						organisationName: null
					}
				]
			}
		]);
	});

	it('listJurorReviews without blind review names the organisations; after the deadline the phase is closed', async () => {
		const s = await createScoringScenario({
			jury: { blindReview: false, reviewDeadline: new Date(Date.now() - 1000) }
		});
		const [seat] = await listJurorReviews(s.juror.actor);
		expect(seat.phase).toBe('closed');
		expect(seat.reviews.map((r) => r.organisationName)).toEqual([
			'Kvarterskraft ekonomisk förening'
		]);
	});

	it('listJurorReviews of someone on no panel, or removed from it, is empty', async () => {
		const s = await createScoringScenario();
		expect(await listJurorReviews(s.applicant.actor)).toEqual([]);
		expect(await listJurorReviews(s.lead.actor)).toEqual([]);
		await db()
			.update(juryMember)
			.set({ removedAt: new Date() })
			.where(eq(juryMember.id, s.juror.member.id));
		expect(await listJurorReviews(s.juror.actor)).toEqual([]);
	});
});

describe('loadJurorReview', () => {
	it('loadJurorReview before the conflict check shows the organisation’s name and no content', async () => {
		const s = await createScoringScenario({ review: { noConflictAt: null } });
		const page = await loadJurorReview(s.juror.actor, s.call.id, s.application.id);
		expect(page.organisationName).toBe('Kvarterskraft ekonomisk förening');
		expect(page.application).toBeNull();
		expect(page.others).toBeNull();
		expect(page.criteria.map((c) => c.name)).toEqual([{ en: 'Impact' }, { en: 'Feasibility' }]);
	});

	it('loadJurorReview in blind review shows the application without name, identifying answers or files', async () => {
		const s = await createScoringScenario();
		await withFormAndFile(s);
		const page = await loadJurorReview(s.juror.actor, s.call.id, s.application.id);
		expect(page.application).toEqual({
			form: { sections: [{ ...FORM.sections[0], questions: [FORM.sections[0].questions[0]] }] },
			answers: { idea: '[…] runs community kitchens' },
			profile: {
				name: null,
				website: null,
				organisationNumber: null,
				team: null,
				teamSize: 0,
				country: 'SE',
				legalForm: 'cooperative',
				foundedYear: 2019,
				employees: 12,
				impactAreas: []
			},
			withheld: 2,
			files: []
		});
	});

	it('readJurorFile in blind review is not found; without it, after the conflict check, it is the file', async () => {
		const blind = await createScoringScenario();
		const blindFile = await withFormAndFile(blind);
		expect(
			(
				await appErrorOf(
					readJurorFile(blind.juror.actor, blind.call.id, blind.application.id, blindFile.id)
				)
			).code
		).toBe('not_found');

		const open = await createScoringScenario({
			jury: { blindReview: false },
			review: { noConflictAt: null }
		});
		const file = await withFormAndFile(open);
		expect(
			(
				await appErrorOf(
					readJurorFile(open.juror.actor, open.call.id, open.application.id, file.id)
				)
			).code
		).toBe('not_found');
		await confirmNoConflict({ actor: open.juror.actor, reviewId: open.review.id });
		expect(
			await readJurorFile(open.juror.actor, open.call.id, open.application.id, file.id)
		).toEqual({ kind: 'bytes', bytes: PDF, fileName: 'deck.pdf', contentType: 'application/pdf' });
		const page = await loadJurorReview(open.juror.actor, open.call.id, open.application.id);
		expect(page.application?.files).toEqual([
			{ id: file.id, questionId: 'deck', fileName: 'deck.pdf', sizeBytes: PDF.byteLength }
		]);
		expect(page.application?.profile.name).toBe('Kvarterskraft ekonomisk förening');
		expect(
			(await appErrorOf(readJurorFile(open.lead.actor, open.call.id, open.application.id, file.id)))
				.code
		).toBe('not_found');
	});

	it('loadJurorReview shows no other scores before this juror submitted', async () => {
		const s = await createScoringScenario();
		await addJurorWithReview(s.call.id, s.application.id, {
			status: 'submitted',
			scores: { [s.criteria[0].id]: 5, [s.criteria[1].id]: 3 },
			total: 83.33333333333333,
			submittedAt: new Date()
		});
		const page = await loadJurorReview(s.juror.actor, s.call.id, s.application.id);
		expect(page.others).toBeNull();
		expect(JSON.stringify(page)).not.toContain('83.33');
	});

	it('loadJurorReview after submitting shows the others’ submitted scores, not their drafts', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		await addJurorWithReview(s.call.id, s.application.id, {
			status: 'submitted',
			scores: { [impact.id]: 5, [feasibility.id]: 4 },
			total: 91.66666666666667,
			submittedAt: new Date()
		});
		await addJurorWithReview(s.call.id, s.application.id, {
			status: 'started',
			scores: { [impact.id]: 1 }
		});
		await submitReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			draft: { scores: { [impact.id]: 2, [feasibility.id]: 2 } }
		});

		const page = await loadJurorReview(s.juror.actor, s.call.id, s.application.id);
		expect(page.others).toEqual([
			{ scores: { [impact.id]: 5, [feasibility.id]: 4 }, total: 91.66666666666667 }
		]);
	});

	it('loadJurorReview after submitting in a call that hides scores shows none', async () => {
		const s = await createScoringScenario({ jury: { showScoresAfterSubmit: false } });
		const [impact, feasibility] = s.criteria;
		await addJurorWithReview(s.call.id, s.application.id, {
			status: 'submitted',
			scores: { [impact.id]: 5, [feasibility.id]: 4 },
			total: 90,
			submittedAt: new Date()
		});
		await submitReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			draft: { scores: { [impact.id]: 2, [feasibility.id]: 2 } }
		});
		expect((await loadJurorReview(s.juror.actor, s.call.id, s.application.id)).others).toBeNull();
	});

	it('loadJurorReview of an application not assigned to the juror, forged ids, a manager or an applicant is not found', async () => {
		const s = await createScoringScenario();
		const otherApplicant = await createApplicant();
		const unassigned = await createApplication(s.call.id, otherApplicant.enterprise.id, {
			status: 'submitted'
		});
		const outsider = await createJuror(s.call.id);
		for (const [actor, callId, applicationId] of [
			[s.juror.actor, s.call.id, unassigned.id],
			[s.juror.actor, FORGED, s.application.id],
			[s.juror.actor, s.call.id, FORGED],
			[s.juror.actor, 'nope', 'nope'],
			[outsider.actor, s.call.id, s.application.id],
			[s.lead.actor, s.call.id, s.application.id],
			[s.applicant.actor, s.call.id, s.application.id]
		] as const) {
			expect((await appErrorOf(loadJurorReview(actor, callId, applicationId))).code).toBe(
				'not_found'
			);
		}
	});
});
