import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../src/lib/calls/form-definition';
import { requestExport } from '../../../src/lib/server/applications/request-export';
import { db } from '../../../src/lib/server/db';
import { application, applicationFile, jobRun } from '../../../src/lib/server/db/schema';
import { useFileStore } from '../../../src/lib/server/files';
import { diskStore } from '../../../src/lib/server/files/disk-store';
import { runExport } from '../../../src/lib/server/jobs/handlers';
import { findJobRun } from '../../../src/lib/server/jobs/job-runs';
import {
	buildExportTable,
	renderExport
} from '../../../src/lib/server/reporting/export-applications';
import {
	appErrorOf,
	auditEntries,
	createApplication,
	createCall,
	createConsortium,
	createOrganisation
} from '../../factories';

const FILTERS = { status: '', eligibility: '', screening: '', country: '', q: '' } as const;

const form: FormDefinition = {
	sections: [
		{
			id: 'about',
			title: { en: 'About' },
			questions: [
				{
					id: 'idea',
					type: 'short_text',
					label: { en: 'Idea', sv: 'Idé' },
					required: true,
					maxLength: 200
				},
				{ id: 'staff', type: 'number', label: { en: 'Staff' }, required: false, integer: true },
				{
					id: 'stage',
					type: 'single_choice',
					label: { en: 'Stage', sv: 'Skede' },
					required: false,
					options: [
						{ id: 'idea', label: { en: 'Idea', sv: 'Idé' } },
						{ id: 'pilot', label: { en: 'Pilot' } }
					]
				},
				{
					id: 'support',
					type: 'multiple_choice',
					label: { en: 'Support' },
					required: false,
					options: [
						{ id: 'money', label: { en: 'Money', sv: 'Pengar' } },
						{ id: 'advice', label: { en: 'Advice', sv: 'Råd' } }
					]
				},
				{ id: 'statutes', type: 'confirm', label: { en: 'Statutes' }, required: false },
				{
					id: 'deck',
					type: 'file',
					label: { en: 'Deck' },
					required: false,
					accept: ['pdf'],
					maxSizeMb: 5
				},
				{ id: 'start', type: 'date', label: { en: 'Start' }, required: false }
			]
		}
	]
};

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-exports-'));
	useFileStore(diskStore(dir));
});
afterAll(() => {
	useFileStore(undefined);
	rmSync(dir, { recursive: true, force: true });
});

let shared: ReturnType<typeof createConsortium> | undefined;

/** Partner A's call (Stockholm time) with two submissions, a withdrawal and a draft. */
async function callWithApplications() {
	const consortium = await (shared ??= createConsortium());
	const target = await createCall(consortium.programme.id, {
		organisationId: consortium.partnerA.cluster.id,
		form,
		timeZone: 'Europe/Stockholm'
	});
	const enterprise = (name: string, country: string) =>
		createOrganisation({ name, country, kind: 'enterprise' });
	const first = await createApplication(target.id, (await enterprise('Grön Kooperativ', 'SE')).id, {
		status: 'submitted',
		submittedAt: new Date('2026-11-10T08:30:00Z'),
		eligibility: 'eligible',
		screening: 'eligible',
		answers: {
			idea: 'Kitchens, "shared" and open',
			staff: 12,
			stage: 'idea',
			support: ['money', 'advice'],
			statutes: true,
			start: '2026-09-01'
		}
	});
	const [file] = await db()
		.insert(applicationFile)
		.values({
			applicationId: first.id,
			questionId: 'deck',
			storageKey: `applications/${first.id}/deck`,
			fileName: 'pitch deck.pdf',
			contentType: 'application/pdf',
			sizeBytes: 10,
			sha256: '0'.repeat(64)
		})
		.returning({ id: applicationFile.id });
	// The file answer names the uploaded file, as uploadFile leaves it.
	await db()
		.update(application)
		.set({ answers: { ...first.answers, deck: file.id } })
		.where(eq(application.id, first.id));
	const second = await createApplication(target.id, (await enterprise('Sauna Oy', 'FI')).id, {
		status: 'submitted',
		submittedAt: new Date('2026-07-01T21:59:00Z'),
		eligibility: 'needs_screening',
		answers: { idea: 'Saunas\nfor all', statutes: false }
	});
	const withdrawn = await createApplication(target.id, (await enterprise('Weg GmbH', 'DE')).id, {
		status: 'withdrawn',
		submittedAt: new Date('2026-11-12T10:00:00Z'),
		answers: { idea: 'Gone' }
	});
	await createApplication(target.id, (await enterprise('Draft AB', 'SE')).id, {
		answers: { idea: 'Not sent' }
	});
	return { ...consortium, call: target, first, second, withdrawn };
}

describe('buildExportTable', () => {
	it('has one row per non-draft application, oldest submission first, answers as readers see them, numbers and days as data', async () => {
		const { call, first, second, withdrawn } = await callWithApplications();

		const progress: number[] = [];
		const table = await buildExportTable(call.id, FILTERS, 'en', async (n) => {
			progress.push(n);
		});

		expect(table).toEqual({
			header: [
				'Reference',
				'Organisation',
				'Country',
				'Status',
				'Eligibility (automatic)',
				'Screening',
				'Submitted (Europe/Stockholm)',
				'Idea',
				'Staff',
				'Stage',
				'Support',
				'Statutes',
				'Deck',
				'Start'
			],
			rows: [
				[
					second.id,
					'Sauna Oy',
					'FI',
					'Submitted',
					'Needs screening',
					'Not screened yet',
					'2026-07-01 23:59',
					'Saunas\nfor all',
					'',
					'',
					'',
					'No',
					'',
					''
				],
				[
					first.id,
					'Grön Kooperativ',
					'SE',
					'Submitted',
					'Eligible',
					'Eligible',
					'2026-11-10 09:30',
					'Kitchens, "shared" and open',
					12,
					'Idea',
					'Money; Advice',
					'Yes',
					'pitch deck.pdf',
					'2026-09-01'
				],
				[
					withdrawn.id,
					'Weg GmbH',
					'DE',
					'Withdrawn',
					'',
					'Not screened yet',
					'2026-11-12 11:00',
					'Gone',
					'',
					'',
					'',
					'',
					'',
					''
				]
			]
		});
		expect(progress).toEqual([3]);
	});

	it('is written in the reader language and follows the filters', async () => {
		const { call, first } = await callWithApplications();
		const table = await buildExportTable(call.id, { ...FILTERS, country: 'SE' }, 'sv');
		expect([table.header, table.rows.map((r) => [r[0], r[9], r[10], r[11]])]).toEqual([
			[
				'Referens',
				'Organisation',
				'Land',
				'Status',
				'Behörighet (automatisk)',
				'Bedömning',
				'Inskickad (Europe/Stockholm)',
				'Idé',
				'Staff',
				'Skede',
				'Support',
				'Statutes',
				'Deck',
				'Start'
			],
			[[first.id, 'Idé', 'Pengar; Råd', 'Ja']]
		]);
	});

	it('follows a search in the answers or the names, with the other filters', async () => {
		const { call, first, second, withdrawn } = await callWithApplications();
		const ids = async (q: string, status: '' | 'submitted' = '') =>
			(await buildExportTable(call.id, { ...FILTERS, q, status }, 'en')).rows.map((r) => r[0]);
		expect([
			await ids('saunas'),
			await ids('kooperativ'),
			await ids('gone'),
			await ids('gone', 'submitted'),
			await ids('not sent')
		]).toEqual([[second.id], [first.id], [withdrawn.id], [], []]);
	});
});

describe('renderExport', () => {
	const table = {
		header: ['Reference', 'Organisation', 'Staff', 'Idea'],
		rows: [
			['a1', 'Grön Kooperativ', 12, 'Kitchens, "shared" and open'],
			['b2', 'Sauna Oy', '', 'Saunas\nfor all']
		]
	};

	it('writes CSV with a byte order mark, quoting commas, quotes and line breaks', async () => {
		const bytes = await renderExport(table, 'csv', 'Applications');
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
			'\ufeffReference,Organisation,Staff,Idea\n' +
				'a1,Grön Kooperativ,12,"Kitchens, ""shared"" and open"\n' +
				'b2,Sauna Oy,,"Saunas\nfor all"\n'
		);
	});

	it('writes an answer that starts like a formula so that a spreadsheet shows it as text', async () => {
		const bytes = await renderExport(
			{
				header: ['Idea'],
				rows: [['=HYPERLINK("http://evil.example","Click")'], ['+1+2'], ['-3'], ['@SUM(A1)']]
			},
			'csv',
			'Applications'
		);
		const lines = new TextDecoder().decode(bytes).split('\n').slice(1, 5);
		expect(lines.map((l) => l.replace(/^"|"$/g, '')[0])).toEqual(["'", "'", "'", "'"]);
	});

	it('writes an XLSX sheet with a bold, frozen header and numbers as numbers', async () => {
		const bytes = await renderExport(table, 'xlsx', 'Q1/2027: Call [Green]');

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
		expect({
			name: sheet.name,
			creator: workbook.creator,
			rows: sheet.rowCount,
			header: values(1),
			first: values(2),
			second: values(3),
			bold: sheet.getRow(1).font?.bold,
			frozen: sheet.views[0]
		}).toEqual({
			name: 'Q1 2027  Call  Green ',
			creator: 'Tandem',
			rows: 3,
			header: ['Reference', 'Organisation', 'Staff', 'Idea'],
			first: ['a1', 'Grön Kooperativ', 12, 'Kitchens, "shared" and open'],
			second: ['b2', 'Sauna Oy', '', 'Saunas\nfor all'],
			bold: true,
			frozen: expect.objectContaining({ state: 'frozen', ySplit: 1 })
		});
	});
});

describe('requestExport and runExport', () => {
	it("the lead's manager exports a partner's call: job, audit entry, then the file with progress", async () => {
		const { call, lead } = await callWithApplications();

		const { jobRunId } = await requestExport({
			actor: lead.actor,
			callId: call.id,
			format: 'csv',
			filters: FILTERS,
			locale: 'en'
		});
		const queued = await findJobRun(jobRunId);
		await runExport(jobRunId);
		const done = await findJobRun(jobRunId);

		expect([queued?.kind, queued?.status, queued?.total, queued?.input]).toEqual([
			'export-applications',
			'queued',
			3,
			{ format: 'csv', filters: FILTERS, locale: 'en' }
		]);
		expect(await auditEntries(call.id)).toEqual([
			{
				action: 'applications.exported',
				actorUserId: lead.manager.id,
				entityType: 'call',
				organisationId: call.organisationId,
				data: { format: 'csv', filters: FILTERS, rows: 3, jobRunId }
			}
		]);
		const key = `exports/${jobRunId}.csv`;
		const csv = readFileSync(join(dir, key), 'utf8');
		expect([done?.status, done?.done, done?.result, csv.split('\n').length]).toEqual([
			'done',
			3,
			{ key, rows: 3, bytes: Buffer.byteLength(csv), format: 'csv' },
			6
		]);
	});

	it('an XLSX export is stored and reads back', async () => {
		const { call, partnerA } = await callWithApplications();
		const { jobRunId } = await requestExport({
			actor: partnerA.actor,
			callId: call.id,
			format: 'xlsx',
			filters: { ...FILTERS, status: 'withdrawn' },
			locale: 'en'
		});
		await runExport(jobRunId);

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(join(dir, `exports/${jobRunId}.xlsx`));
		const sheet = workbook.worksheets[0];
		expect([sheet.name, sheet.rowCount, (sheet.getRow(2).values as unknown[])[2]]).toEqual([
			'Applications',
			2,
			'Weg GmbH'
		]);
	});

	it('running a finished export again leaves it as it is', async () => {
		const { call, partnerA } = await callWithApplications();
		const { jobRunId } = await requestExport({
			actor: partnerA.actor,
			callId: call.id,
			format: 'csv',
			filters: FILTERS,
			locale: 'en'
		});
		await runExport(jobRunId);
		const finished = await findJobRun(jobRunId);
		await runExport(jobRunId);
		expect(await findJobRun(jobRunId)).toEqual(finished);
	});

	it('a failed export is marked failed with its error, and a retry completes it', async () => {
		const { call, partnerA } = await callWithApplications();
		const { jobRunId } = await requestExport({
			actor: partnerA.actor,
			callId: call.id,
			format: 'csv',
			filters: FILTERS,
			locale: 'en'
		});
		useFileStore({
			kind: 'disk',
			put: async () => {
				throw new Error('disk full');
			},
			get: async () => null,
			remove: async () => undefined,
			signedUrl: async () => null
		});
		const error = await runExport(jobRunId).then(
			() => null,
			(e: Error) => e.message
		);
		useFileStore(diskStore(dir));
		const failed = await findJobRun(jobRunId);
		await runExport(jobRunId);

		expect([error, failed?.status, failed?.error]).toEqual(['disk full', 'failed', 'disk full']);
		expect([(await findJobRun(jobRunId))?.status, (await findJobRun(jobRunId))?.done]).toEqual([
			'done',
			3
		]);
	});

	it("another partner's manager cannot export the call, and an unknown call is not found", async () => {
		const { call, partnerB } = await callWithApplications();
		const options = { format: 'csv' as const, filters: FILTERS, locale: 'en' as const };
		expect([
			await appErrorOf(requestExport({ actor: partnerB.actor, callId: call.id, ...options })),
			await appErrorOf(
				requestExport({
					actor: partnerB.actor,
					callId: '00000000-0000-4000-8000-000000000000',
					...options
				})
			)
		]).toEqual([
			{ code: 'forbidden', message: 'forbidden', fields: undefined },
			{ code: 'not_found', message: 'not_found', fields: undefined }
		]);
		expect(await db().select().from(jobRun).where(eq(jobRun.subjectId, call.id))).toEqual([]);
	});
});
