import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../src/lib/calls/form-definition';
import { readApplicationFile } from '../../../src/lib/server/applications/read-file';
import { saveDraft } from '../../../src/lib/server/applications/save-draft';
import { screenApplication } from '../../../src/lib/server/applications/screen-application';
import { submitApplication } from '../../../src/lib/server/applications/submit-application';
import { uploadFile } from '../../../src/lib/server/applications/upload-file';
import { withdrawApplication } from '../../../src/lib/server/applications/withdraw-application';
import { db } from '../../../src/lib/server/db';
import { application } from '../../../src/lib/server/db/schema';
import { useFileStore } from '../../../src/lib/server/files';
import { diskStore } from '../../../src/lib/server/files/disk-store';
import {
	appErrorOf,
	auditEntries,
	createApplicant,
	createApplication,
	createCall,
	createConsortium,
	SIMPLE_FORM
} from '../../factories';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const FORGED = '7d2f7a52-0c1e-4b7a-9d55-3c1e2f4a5b6c';
const NOT_FOUND = { code: 'not_found', message: 'not_found', fields: undefined };
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

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-files-'));
	useFileStore(diskStore(dir));
});
afterAll(() => {
	useFileStore(undefined);
	rmSync(dir, { recursive: true, force: true });
});

let shared: ReturnType<typeof createConsortium> | undefined;

/** Two enterprises with a draft each in a partner's call; B has uploaded a file. */
async function twoApplicants() {
	const consortium = await (shared ??= createConsortium());
	const target = await createCall(consortium.programme.id, {
		organisationId: consortium.partnerA.cluster.id,
		form
	});
	const a = await createApplicant();
	const b = await createApplicant();
	const appA = await createApplication(target.id, a.enterprise.id, { createdBy: a.user.id });
	const appB = await createApplication(target.id, b.enterprise.id, { createdBy: b.user.id });
	const uploaded = await uploadFile({
		actor: b.actor,
		applicationId: appB.id,
		questionId: 'deck',
		version: 1,
		fileName: 'deck.pdf',
		bytes: PDF
	});
	return { ...consortium, a, b, appA, appB, fileB: uploaded.file.id };
}

async function snapshot(id: string) {
	const [row] = await db().select().from(application).where(eq(application.id, id));
	return { row, audit: await auditEntries(id) };
}

describe("an applicant and another enterprise's application", () => {
	it('cannot read, save, submit, upload to or withdraw it: each is not found and nothing changes', async () => {
		const { a, appB, fileB } = await twoApplicants();
		const before = await snapshot(appB.id);
		const answers = { idea: 'Taken over', statutes: true };

		const errors = [
			await appErrorOf(
				readApplicationFile({ actor: a.actor, applicationId: appB.id, fileId: fileB })
			),
			await appErrorOf(saveDraft({ actor: a.actor, applicationId: appB.id, version: 2, answers })),
			await appErrorOf(
				submitApplication({
					actor: a.actor,
					applicationId: appB.id,
					version: 2,
					answers,
					origin: 'http://localhost:4999'
				})
			),
			await appErrorOf(
				uploadFile({
					actor: a.actor,
					applicationId: appB.id,
					questionId: 'deck',
					version: 2,
					fileName: 'x.pdf',
					bytes: PDF
				})
			),
			await appErrorOf(withdrawApplication({ actor: a.actor, applicationId: appB.id }))
		];

		expect(errors).toEqual([NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]);
		expect(await snapshot(appB.id)).toEqual(before);
	});

	it("cannot read the other's file through its own application", async () => {
		const { a, appA, fileB } = await twoApplicants();
		expect(
			await appErrorOf(
				readApplicationFile({ actor: a.actor, applicationId: appA.id, fileId: fileB })
			)
		).toEqual(NOT_FOUND);
	});

	it('gets not found for forged ids, as for an application that exists', async () => {
		const { a, appA } = await twoApplicants();
		const answers = { idea: 'x' };
		expect([
			await appErrorOf(
				readApplicationFile({ actor: a.actor, applicationId: FORGED, fileId: FORGED })
			),
			await appErrorOf(
				readApplicationFile({ actor: a.actor, applicationId: appA.id, fileId: FORGED })
			),
			await appErrorOf(saveDraft({ actor: a.actor, applicationId: FORGED, version: 1, answers })),
			await appErrorOf(
				submitApplication({
					actor: a.actor,
					applicationId: FORGED,
					version: 1,
					answers,
					origin: 'http://localhost:4999'
				})
			),
			await appErrorOf(
				uploadFile({
					actor: a.actor,
					applicationId: FORGED,
					questionId: 'deck',
					version: 1,
					fileName: 'x.pdf',
					bytes: PDF
				})
			),
			await appErrorOf(withdrawApplication({ actor: a.actor, applicationId: FORGED }))
		]).toEqual([NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]);
	});

	it('reads its own file', async () => {
		const { b, appB, fileB } = await twoApplicants();
		expect(
			await readApplicationFile({ actor: b.actor, applicationId: appB.id, fileId: fileB })
		).toEqual({
			kind: 'bytes',
			bytes: PDF,
			fileName: 'deck.pdf',
			contentType: 'application/pdf'
		});
	});
});

describe("cluster managers and an application to a partner's call", () => {
	it("the call's own managers and the lead's managers read its files; another partner's do not", async () => {
		const { lead, partnerA, partnerB, appB, fileB } = await twoApplicants();
		const read = (actor: typeof lead.actor) =>
			readApplicationFile({ actor, applicationId: appB.id, fileId: fileB }).then(
				(r) => r.kind,
				(e) => e.code
			);
		expect([
			await read(partnerA.actor),
			await read(lead.actor),
			await read(partnerB.actor)
		]).toEqual(['bytes', 'bytes', 'not_found']);
	});

	it("another partner's manager cannot screen it (not found); the lead's manager may not (forbidden)", async () => {
		const { lead, partnerB, appB } = await twoApplicants();
		await db()
			.update(application)
			.set({ status: 'submitted', submittedAt: new Date() })
			.where(eq(application.id, appB.id));
		const screen = (actor: typeof lead.actor) =>
			appErrorOf(
				screenApplication({ actor, applicationId: appB.id, decision: 'eligible', reason: '' })
			);
		expect([await screen(partnerB.actor), await screen(lead.actor)]).toEqual([
			NOT_FOUND,
			{ code: 'forbidden', message: 'forbidden', fields: undefined }
		]);
		expect((await snapshot(appB.id)).row.screening).toBe('pending');
	});

	it('a cluster manager cannot edit an application, even of their own call', async () => {
		const { partnerA, appB } = await twoApplicants();
		expect(
			await appErrorOf(
				saveDraft({ actor: partnerA.actor, applicationId: appB.id, version: 2, answers: {} })
			)
		).toEqual(NOT_FOUND);
	});
});
