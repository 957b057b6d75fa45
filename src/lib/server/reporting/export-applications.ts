import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { questionsOf } from '$lib/calls/form-definition';
import { formatAnswer } from '$lib/calls/format-answer';
import { isLocale, localized, type Locale } from '$lib/i18n/localized';
import { m } from '$lib/paraglide/messages';
import { statusLabel } from '$lib/i18n/statuses';
import { db } from '../db';
import { application, applicationFile, call, organisation } from '../db/schema';
import { tableFilters, type TableFilters } from '../applications/queries';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFilters = TableFilters;

const PAGE = 1000;

/** The export as a table: one row per application, one column per question, in the reader's language. */
export async function buildExportTable(
	callId: string,
	filters: ExportFilters,
	locale: Locale,
	onProgress?: (rows: number) => Promise<void>
) {
	const [target] = await db().select().from(call).where(eq(call.id, callId));
	const fallback = isLocale(target.fallbackLocale) ? target.fallbackLocale : 'en';
	const questions = questionsOf(target.form);
	const words = { yes: m.answer_yes({}, { locale }), no: m.answer_no({}, { locale }) };
	const dateTime = new Intl.DateTimeFormat('sv-SE', {
		timeZone: target.timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	});
	const header = [
		m.export_col_reference({}, { locale }),
		m.export_col_organisation({}, { locale }),
		m.export_col_country({}, { locale }),
		m.export_col_status({}, { locale }),
		m.export_col_eligibility({}, { locale }),
		m.export_col_screening({}, { locale }),
		m.export_col_submitted({ zone: target.timeZone }, { locale }),
		...questions.map((q) => localized(q.label, locale, fallback))
	];
	const rows: (string | number)[][] = [];
	for (let offset = 0; ; offset += PAGE) {
		const page = await db()
			.select({
				id: application.id,
				organisationName: organisation.name,
				country: organisation.country,
				status: application.status,
				eligibility: application.eligibility,
				screening: application.screening,
				submittedAt: application.submittedAt,
				answers: application.answers
			})
			.from(application)
			.innerJoin(organisation, eq(organisation.id, application.organisationId))
			.where(and(tableFilters(callId, { ...filters, q: filters.q ?? '' })))
			.orderBy(asc(application.submittedAt), asc(application.id))
			.limit(PAGE)
			.offset(offset);
		if (page.length === 0) break;
		const files = await db()
			.select({ id: applicationFile.id, fileName: applicationFile.fileName })
			.from(applicationFile)
			.where(
				inArray(
					applicationFile.applicationId,
					page.map((p) => p.id)
				)
			);
		const fileNames = Object.fromEntries(files.map((f) => [f.id, f.fileName]));
		for (const row of page) {
			rows.push([
				row.id,
				row.organisationName,
				row.country,
				statusLabel(row.status, locale),
				row.eligibility ? statusLabel(row.eligibility, locale) : '',
				statusLabel(row.screening, locale),
				row.submittedAt ? dateTime.format(row.submittedAt) : '',
				...questions.map((q) => {
					const answer = row.answers[q.id];
					// Numbers and days stay data (a number cell, an ISO day a spreadsheet sorts).
					if (q.type === 'number' && typeof answer === 'number') return answer;
					if (q.type === 'date' && typeof answer === 'string') return answer;
					return formatAnswer(q, answer, locale, words, fileNames);
				})
			]);
		}
		await onProgress?.(page.length);
		if (page.length < PAGE) break;
	}
	return { header, rows };
}

export async function renderExport(
	table: { header: string[]; rows: (string | number)[][] },
	format: ExportFormat,
	sheetName: string
): Promise<Uint8Array> {
	if (format === 'csv') {
		// A BOM so that spreadsheet programs read UTF-8 (ä, ö, ü) correctly; text that a spreadsheet
		// would run as a formula is quoted (OWASP CSV injection).
		const safe = (cell: string | number) =>
			typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
		return new TextEncoder().encode(
			'\ufeff' + stringify([table.header, ...table.rows].map((row) => row.map(safe)))
		);
	}
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tandem';
	const sheet = workbook.addWorksheet(
		sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Applications',
		{ views: [{ state: 'frozen', ySplit: 1 }] }
	);
	sheet.addRow(table.header).font = { bold: true };
	for (const row of table.rows) sheet.addRow(row);
	sheet.columns.forEach(
		(column, i) => (column.width = Math.min(60, Math.max(12, table.header[i]?.length ?? 12)))
	);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
