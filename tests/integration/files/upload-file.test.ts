import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileKind, FormDefinition } from '../../../src/lib/calls/form-definition';
import { readApplicationFile } from '../../../src/lib/server/applications/read-file';
import { DraftConflict, saveDraft } from '../../../src/lib/server/applications/save-draft';
import { submitApplication } from '../../../src/lib/server/applications/submit-application';
import { uploadFile } from '../../../src/lib/server/applications/upload-file';
import { db } from '../../../src/lib/server/db';
import { application, applicationFile, outbox } from '../../../src/lib/server/db/schema';
import { useFileStore } from '../../../src/lib/server/files';
import { diskStore } from '../../../src/lib/server/files/disk-store';
import {
	appErrorOf,
	auditEntries,
	createDraft,
	createLead,
	errorOf,
	SIMPLE_FORM
} from '../../factories';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89
]);
const TEXT = new TextEncoder().encode('This is a plain text file, whatever its name says.');
const MB = 1024 * 1024;

/** A PDF of exactly `size` bytes. */
function pdfOfSize(size: number) {
	const bytes = new Uint8Array(size).fill(0x20);
	bytes.set(PDF);
	return bytes;
}

function formAccepting(accept: FileKind[]): FormDefinition {
	return {
		sections: [
			{
				...SIMPLE_FORM.sections[0],
				questions: [
					...SIMPLE_FORM.sections[0].questions,
					{
						id: 'deck',
						type: 'file',
						label: { en: 'Pitch deck' },
						required: true,
						accept,
						maxSizeMb: 1
					}
				]
			}
		]
	};
}

let dir: string;
let programmeId: string | undefined;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-files-'));
	useFileStore(diskStore(dir));
});
afterAll(() => {
	useFileStore(undefined);
	rmSync(dir, { recursive: true, force: true });
});

async function draftAccepting(accept: FileKind[] = ['pdf'], call = {}) {
	programmeId ??= (await createLead()).programme.id;
	const made = await createDraft({ programmeId, call: { form: formAccepting(accept), ...call } });
	return { ...made, app: made.application };
}

/** The objects stored for an application, by key. */
function storedObjects(applicationId: string) {
	const folder = join(dir, 'applications', applicationId);
	return existsSync(folder) ? readdirSync(folder) : [];
}

async function filesOf(applicationId: string) {
	return db()
		.select({
			id: applicationFile.id,
			questionId: applicationFile.questionId,
			storageKey: applicationFile.storageKey,
			fileName: applicationFile.fileName,
			contentType: applicationFile.contentType,
			sizeBytes: applicationFile.sizeBytes,
			sha256: applicationFile.sha256,
			uploadedBy: applicationFile.uploadedBy
		})
		.from(applicationFile)
		.where(eq(applicationFile.applicationId, applicationId));
}

async function stateOf(id: string) {
	const [row] = await db()
		.select({ answers: application.answers, version: application.version })
		.from(application)
		.where(eq(application.id, id));
	return row;
}

describe('uploadFile', () => {
	it('stores a PDF, answers the question with it and bumps the version, on the record', async () => {
		const { app, actor, applicant } = await draftAccepting();

		const result = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'Pitch deck.pdf',
			bytes: PDF
		});

		const [file] = await filesOf(app.id);
		expect(result).toEqual({
			file: { id: file.id, fileName: 'Pitch deck.pdf', sizeBytes: PDF.byteLength },
			version: 2
		});
		expect(file).toEqual({
			id: file.id,
			questionId: 'deck',
			storageKey: `applications/${app.id}/${storedObjects(app.id)[0]}`,
			fileName: 'Pitch deck.pdf',
			contentType: 'application/pdf',
			sizeBytes: PDF.byteLength,
			sha256: createHash('sha256').update(PDF).digest('hex'),
			uploadedBy: applicant.user.id
		});
		expect(new Uint8Array(readFileSync(join(dir, file.storageKey)))).toEqual(PDF);
		expect(await stateOf(app.id)).toEqual({ answers: { deck: file.id }, version: 2 });
		expect(await auditEntries(app.id)).toEqual([
			{
				action: 'application.file_uploaded',
				actorUserId: applicant.user.id,
				entityType: 'application',
				organisationId: applicant.enterprise.id,
				data: { questionId: 'deck', fileId: file.id, kind: 'pdf', bytes: PDF.byteLength }
			}
		]);
	});

	it('a PNG named .pdf is accepted as a PNG where PNG is allowed', async () => {
		const { app, actor } = await draftAccepting(['pdf', 'png']);
		await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'scan.pdf',
			bytes: PNG
		});
		expect((await filesOf(app.id)).map((f) => [f.fileName, f.contentType])).toEqual([
			['scan.pdf', 'image/png']
		]);
	});

	it('a PNG named .pdf is refused where only PDF is allowed, and nothing is stored', async () => {
		const { app, actor } = await draftAccepting(['pdf']);
		expect(
			await appErrorOf(
				uploadFile({
					actor,
					applicationId: app.id,
					questionId: 'deck',
					version: 1,
					fileName: 'scan.pdf',
					bytes: PNG
				})
			)
		).toEqual({ code: 'invalid_input', message: 'file_type', fields: { deck: 'file_type|PDF' } });
		expect([await filesOf(app.id), storedObjects(app.id), await stateOf(app.id)]).toEqual([
			[],
			[],
			{ answers: {}, version: 1 }
		]);
	});

	it('a text file named x.pdf is refused, naming the accepted kinds', async () => {
		const { app, actor } = await draftAccepting(['pdf', 'png']);
		expect(
			await appErrorOf(
				uploadFile({
					actor,
					applicationId: app.id,
					questionId: 'deck',
					version: 1,
					fileName: 'x.pdf',
					bytes: TEXT
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'file_type',
			fields: { deck: 'file_type|PDF, PNG' }
		});
	});

	it('a file of exactly the size limit is accepted and one byte more is refused', async () => {
		const { app, actor } = await draftAccepting();
		const upload = (bytes: Uint8Array, version: number) =>
			uploadFile({
				actor,
				applicationId: app.id,
				questionId: 'deck',
				version,
				fileName: 'big.pdf',
				bytes
			});

		const tooLarge = await appErrorOf(upload(pdfOfSize(MB + 1), 1));
		const atLimit = await upload(pdfOfSize(MB), 1);

		expect([tooLarge, atLimit.file.sizeBytes]).toEqual([
			{
				code: 'invalid_input',
				message: 'file_too_large',
				fields: { deck: 'file_too_large|1' }
			},
			MB
		]);
	});

	it('an empty file is refused', async () => {
		const { app, actor } = await draftAccepting();
		expect(
			await appErrorOf(
				uploadFile({
					actor,
					applicationId: app.id,
					questionId: 'deck',
					version: 1,
					fileName: 'empty.pdf',
					bytes: new Uint8Array()
				})
			)
		).toEqual({ code: 'invalid_input', message: 'file_empty', fields: { deck: 'file_empty' } });
	});

	it('a new upload replaces the previous file of the question, in the database and the store', async () => {
		const { app, actor } = await draftAccepting(['pdf', 'png']);
		const first = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'v1.pdf',
			bytes: PDF
		});
		const [firstRow] = await filesOf(app.id);

		const second = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: first.version,
			fileName: 'v2.png',
			bytes: PNG
		});

		const rows = await filesOf(app.id);
		expect(rows.map((r) => [r.id, r.fileName])).toEqual([[second.file.id, 'v2.png']]);
		expect(storedObjects(app.id)).toEqual([rows[0].storageKey.split('/').pop()]);
		expect(existsSync(join(dir, firstRow.storageKey))).toBe(false);
		expect(await stateOf(app.id)).toEqual({ answers: { deck: second.file.id }, version: 3 });
	});

	it('removing a file answer deletes the file, in the database and the store, on the record', async () => {
		const { app, actor } = await draftAccepting(['pdf']);
		const uploaded = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'deck.pdf',
			bytes: PDF
		});
		const [row] = await filesOf(app.id);
		expect(existsSync(join(dir, row.storageKey))).toBe(true);

		// The form sends the other answers and an empty file answer, as the Remove button leaves it.
		const saved = await saveDraft({
			actor,
			applicationId: app.id,
			version: uploaded.version,
			answers: { deck: '' }
		});

		expect(await filesOf(app.id)).toEqual([]);
		expect(storedObjects(app.id)).toEqual([]);
		expect(await stateOf(app.id)).toEqual({ answers: {}, version: saved.version });
		expect(
			(await auditEntries(app.id))
				.filter((e) => e.action === 'application.file_removed')
				.map((e) => e.data)
		).toEqual([{ questionId: 'deck', fileId: uploaded.file.id }]);
	});

	it('a save that keeps the file answer keeps the file, and a refused save removes nothing', async () => {
		const { app, actor } = await draftAccepting(['pdf']);
		const uploaded = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'deck.pdf',
			bytes: PDF
		});
		const kept = await saveDraft({
			actor,
			applicationId: app.id,
			version: uploaded.version,
			answers: { deck: uploaded.file.id }
		});
		// From an old version (another tab): a conflict, and the file stays.
		const error = await errorOf(
			saveDraft({ actor, applicationId: app.id, version: uploaded.version, answers: {} })
		);

		expect(error).toBeInstanceOf(DraftConflict);
		expect((await filesOf(app.id)).map((f) => f.id)).toEqual([uploaded.file.id]);
		expect(storedObjects(app.id)).toHaveLength(1);
		expect(await stateOf(app.id)).toEqual({
			answers: { deck: uploaded.file.id },
			version: kept.version
		});
	});

	it('a file name with path separators and control characters is made safe', async () => {
		const { app, actor } = await draftAccepting();
		const result = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: '../../etc/pass\u0000wd.pdf',
			bytes: PDF
		});
		expect(result.file.fileName).toBe('....etcpasswd.pdf');
	});

	it('an upload from an old version is a DraftConflict and stores nothing', async () => {
		const { app, actor } = await draftAccepting();
		await db().update(application).set({ version: 4 }).where(eq(application.id, app.id));
		const error = await errorOf(
			uploadFile({
				actor,
				applicationId: app.id,
				questionId: 'deck',
				version: 3,
				fileName: 'late.pdf',
				bytes: PDF
			})
		);
		expect(error instanceof DraftConflict && error.currentVersion).toBe(4);
		expect([await filesOf(app.id), storedObjects(app.id)]).toEqual([[], []]);
	});

	it('an upload to a question that is not a file question is unknown_question', async () => {
		const { app, actor } = await draftAccepting();
		expect(
			await appErrorOf(
				uploadFile({
					actor,
					applicationId: app.id,
					questionId: 'idea',
					version: 1,
					fileName: 'idea.pdf',
					bytes: PDF
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'unknown_question',
			fields: { idea: 'unknown_question' }
		});
	});

	it('an upload after the deadline is not_editable', async () => {
		const now = Date.now();
		const { app, actor } = await draftAccepting(['pdf'], {
			opensAt: new Date(now - 10 * 86_400_000),
			closesAt: new Date(now - 1_000)
		});
		expect(
			await appErrorOf(
				uploadFile({
					actor,
					applicationId: app.id,
					questionId: 'deck',
					version: 1,
					fileName: 'late.pdf',
					bytes: PDF
				})
			)
		).toEqual({ code: 'conflict', message: 'not_editable', fields: { deck: 'not_editable' } });
	});

	it('an uploaded file answers a required file question at submission, named in the confirmation', async () => {
		const { app, actor } = await draftAccepting();
		const uploaded = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'deck.pdf',
			bytes: PDF
		});

		await submitApplication({
			actor,
			applicationId: app.id,
			version: uploaded.version,
			answers: { idea: 'Kitchens', statutes: true, deck: uploaded.file.id },
			origin: 'http://localhost:4999'
		});

		const emails = (await db().select().from(outbox)).filter(
			(r) => r.meta.applicationId === app.id
		);
		expect(emails.map((e) => e.text.split('\n').slice(4, 8))).toEqual([
			[
				'Your idea: Kitchens',
				'Staff: —',
				'Our statutes limit profit distribution: Yes',
				'Pitch deck: deck.pdf'
			]
		]);
	});
});

describe('readApplicationFile from the disk store', () => {
	it('returns the bytes with the name and the type read at upload', async () => {
		const { app, actor } = await draftAccepting(['png']);
		const { file } = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'logo.png',
			bytes: PNG
		});
		expect(await readApplicationFile({ actor, applicationId: app.id, fileId: file.id })).toEqual({
			kind: 'bytes',
			bytes: PNG,
			fileName: 'logo.png',
			contentType: 'image/png'
		});
	});

	it('a file whose object is gone from the store is not found', async () => {
		const { app, actor } = await draftAccepting();
		const { file } = await uploadFile({
			actor,
			applicationId: app.id,
			questionId: 'deck',
			version: 1,
			fileName: 'gone.pdf',
			bytes: PDF
		});
		const [row] = await filesOf(app.id);
		rmSync(join(dir, row.storageKey));
		expect(
			await appErrorOf(readApplicationFile({ actor, applicationId: app.id, fileId: file.id }))
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});
});
