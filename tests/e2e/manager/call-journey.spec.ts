import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import {
	BASE_URL,
	COOMPANION,
	DEMO,
	followBrowserLanguage,
	KVARTERSKRAFT,
	expectNoSeriousA11yViolations,
	hydrated,
	labelFor,
	latestMailTo,
	signInAs,
	signInWithDemoButton,
	t,
	type Locale
} from '../helpers';

/*
 * The call-for-applications journey of issue 3, walked as people do it: Maja (cluster manager)
 * builds and publishes a call with every question type and four criteria; Amira applies for
 * Kvarterskraft in German on a phone, reloads half-way, submits and gets the confirmation; her
 * second application is refused once the deadline has passed; Maja filters, screens and exports.
 * The steps share the call they create, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const ZONE = 'Europe/Stockholm';
const RUN = Date.now().toString(36);
const CALL_TITLE = { en: `Neighbourhood kitchens ${RUN}`, de: `Nachbarschaftsküchen ${RUN}` };
const PROGRAMME = 'Establishment partnership Mid-Nordic';
const PHONE = { width: 360, height: 780 };

type Texts = { en: string; de: string };
type QuestionPlan = {
	key: string;
	type:
		| 'short_text'
		| 'long_text'
		| 'number'
		| 'single_choice'
		| 'multiple_choice'
		| 'date'
		| 'url'
		| 'email'
		| 'file'
		| 'confirm';
	label: Texts;
	required: boolean;
	options?: Texts[];
};

/** The form Maja builds: two sections, every question type once. */
const SECTIONS: { title: Texts; questions: QuestionPlan[] }[] = [
	{
		title: { en: 'Your project', de: 'Ihr Projekt' },
		questions: [
			{
				key: 'name',
				type: 'short_text',
				label: { en: 'Project name', de: 'Projektname' },
				required: true
			},
			{
				key: 'impact',
				type: 'long_text',
				label: { en: 'Social impact', de: 'Soziale Wirkung' },
				required: true
			},
			{
				key: 'jobs',
				type: 'number',
				label: { en: 'Jobs created in the first year', de: 'Arbeitsplätze im ersten Jahr' },
				required: true
			},
			{
				key: 'stage',
				type: 'single_choice',
				label: { en: 'Stage of the project', de: 'Projektphase' },
				required: true,
				options: [
					{ en: 'Idea', de: 'Idee' },
					{ en: 'Pilot running', de: 'Pilot läuft' },
					{ en: 'Scaling up', de: 'Skalierung' }
				]
			},
			{
				key: 'areas',
				type: 'multiple_choice',
				label: { en: 'Impact areas', de: 'Wirkungsbereiche' },
				required: true,
				options: [
					{ en: 'Housing', de: 'Wohnen' },
					{ en: 'Food', de: 'Ernährung' },
					{ en: 'Mobility', de: 'Mobilität' }
				]
			}
		]
	},
	{
		title: { en: 'Details and attachments', de: 'Details und Anhänge' },
		questions: [
			{
				key: 'start',
				type: 'date',
				label: { en: 'Planned start', de: 'Geplanter Beginn' },
				required: true
			},
			{ key: 'website', type: 'url', label: { en: 'Website', de: 'Webseite' }, required: false },
			{
				key: 'contact',
				type: 'email',
				label: { en: 'Contact email', de: 'Kontakt-E-Mail' },
				required: true
			},
			{
				key: 'plan',
				type: 'file',
				label: { en: 'Business plan (PDF)', de: 'Businessplan (PDF)' },
				required: true
			},
			{
				key: 'confirm',
				type: 'confirm',
				label: {
					en: 'I confirm that the information is correct',
					de: 'Ich bestätige, dass die Angaben stimmen'
				},
				required: true
			}
		]
	}
];
const QUESTIONS = SECTIONS.flatMap((s) => s.questions);
const question = (key: string) => QUESTIONS.find((q) => q.key === key)!;

const CRITERIA = [
	{ name: { en: 'Social impact', de: 'Soziale Wirkung' }, weight: 40 },
	{ name: { en: 'Feasibility', de: 'Umsetzbarkeit' }, weight: 25 },
	{ name: { en: 'Innovation', de: 'Innovation' }, weight: 20 },
	{ name: { en: 'Team', de: 'Team' }, weight: 15 }
];

/** What Amira answers, in German (option answers are the plan's option indexes). */
const ANSWERS = {
	name: `Nachbarschaftsküche Örebro ${RUN}`,
	impact: 'Wir kochen mit Geflüchteten und Rentnerinnen; jede Mahlzeit schafft Begegnung.',
	jobs: '12',
	stage: 1,
	areas: [0, 1],
	start: '2026-09-01',
	website: 'https://kvarterskraft.example/kueche',
	contact: 'kueche@kvarterskraft.example',
	planFile: 'businessplan.pdf'
};

/** The planned start as German readers see it. */
const GERMAN_START = '1. September 2026';

/** Each answer as the German confirmation and answer pages write it. */
function germanAnswer(key: string): string {
	const options = question(key).options;
	switch (key) {
		case 'stage':
			return options![ANSWERS.stage].de;
		case 'areas':
			return ANSWERS.areas.map((i) => options![i].de).join('; ');
		case 'start':
			return GERMAN_START;
		case 'plan':
			return ANSWERS.planFile;
		case 'confirm':
			return t('de', 'answer_yes');
		default:
			return ANSWERS[key as 'name'];
	}
}

const SCREENING_REASON = 'Der Businessplan enthält kein Budget.';

/** What the steps hand on to each other. */
const state = {
	callPath: '',
	slug: '',
	applicationPath: '',
	applicationId: ''
};

// ---------------------------------------------------------------------------------------------

/** "2026-03-01" for the day `offset` days from now, in the call's time zone. */
function dayInZone(offset: number): string {
	return new Intl.DateTimeFormat('sv-SE', {
		timeZone: ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(Date.now() + offset * 86_400_000));
}

/** The instant of a wall-clock time in the call's zone ("2026-03-01", "17:00"). */
function zonedInstant(day: string, time: string): Date {
	const guess = new Date(`${day}T${time}:00Z`);
	const wall = new Intl.DateTimeFormat('sv-SE', {
		timeZone: ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	})
		.format(guess)
		.replace(' ', 'T');
	return new Date(2 * guess.getTime() - new Date(`${wall}:00Z`).getTime());
}

/** A deadline `offset` days from now at `time`, as the German pages write it in the call's zone. */
function deadlineInGerman(offset: number, time: string): string {
	return new Intl.DateTimeFormat('de-DE', {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone: ZONE
	}).format(zonedInstant(dayInZone(offset), time));
}

/** A one-page PDF that any reader opens: header, four objects, a correct cross-reference table. */
function tinyPdf(text: string): Buffer {
	const content = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

/** Screenshots for a person to look at (set E2E_SCREENSHOTS=1); the assertions do not need them. */
async function snap(page: Page, name: string) {
	if (!process.env.E2E_SCREENSHOTS) return;
	await page.screenshot({ path: `test-results/journey/${name}.png`, fullPage: true });
}

/** Nothing on the page is wider than the screen (no sideways scrolling on a phone). */
async function expectFitsWidth(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
}

/** A tiny RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

async function editingLanguage(page: Page, locale: Locale) {
	// The radio buttons are visually hidden; people click their labels.
	const group = page.getByRole('group', { name: t('en', 'manage_editing_language') });
	await group.getByText(t('en', `language_${locale}`), { exact: true }).click();
	await expect(
		group.getByRole('radio', { name: new RegExp(`^${t('en', `language_${locale}`)}`) })
	).toBeChecked();
}

/** Fills Amira's answers into the application form that is open (German labels). */
async function fillAnswers(page: Page, keys: string[]) {
	const field = (key: string) => page.getByLabel(question(key).label.de, { exact: false });
	for (const key of keys) {
		const plan = question(key);
		switch (key) {
			case 'stage':
				await page
					.getByRole('radiogroup', { name: plan.label.de })
					.getByLabel(plan.options![ANSWERS.stage].de)
					.check();
				break;
			case 'areas':
				for (const i of ANSWERS.areas)
					await page
						.getByRole('group', { name: new RegExp(`^${plan.label.de}`) })
						.getByLabel(plan.options![i].de)
						.check();
				break;
			case 'plan':
				await field(key).setInputFiles({
					name: ANSWERS.planFile,
					mimeType: 'application/pdf',
					buffer: tinyPdf(`Businessplan ${RUN}`)
				});
				await expect(
					page.getByText(t('de', 'apply_form_file_uploaded', { name: ANSWERS.planFile }))
				).toBeVisible();
				break;
			case 'confirm':
				await field(key).check();
				break;
			default:
				await field(key).fill(ANSWERS[key as 'name']);
		}
	}
}

/** A success or information message (role status) with exactly this text. */
function statusMessage(page: Page, text: string): Locator {
	return page.getByRole('status').filter({ hasText: new RegExp(`^\\s*${escape(text)}\\s*$`) });
}

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The autosave status line says "Gespeichert um …". */
async function expectSaved(page: Page) {
	await expect(page.locator('[data-save-status=top]')).toHaveText(
		new RegExp(`^${t('de', 'apply_save_saved', { time: '.+' })}$`)
	);
}

// ---------------------------------------------------------------------------------------------

// Amira's language is stored with her account when she switches; this spec and the others expect
// her to follow the browser, as the demo data has it.
test.beforeAll(() => followBrowserLanguage(DEMO.applicant.email));
test.afterAll(() => followBrowserLanguage(DEMO.applicant.email));

test('manager creates a call in a programme and builds its form with every question type', async ({
	page
}) => {
	// Thirty-odd questions' worth of typing and an axe scan of a long page: slow on a busy machine.
	test.setTimeout(120_000);
	await signInWithDemoButton(page, 'manager', `/manage/${COOMPANION.slug}/programmes`);
	await page.getByRole('link', { name: PROGRAMME }).click();
	await page.getByRole('link', { name: t('en', 'manage_call_new') }).click();
	await page.waitForURL(/\/calls\/new\?programme=/);
	await hydrated(page);

	// Settings: texts in English (the fallback) and German, open since two days, 30 days to go.
	await expect(page.getByLabel(t('en', 'manage_call_programme_label'))).toHaveValue(/.+/);
	const texts = page.getByRole('tabpanel');
	await texts.getByLabel(t('en', 'manage_call_title_label')).fill(CALL_TITLE.en);
	await texts
		.getByLabel(t('en', 'manage_call_summary_label'))
		.fill('Support for social enterprises that run shared kitchens.');
	await page.getByRole('tab', { name: t('en', 'language_de') }).click();
	await texts.getByLabel(t('en', 'manage_call_title_label')).fill(CALL_TITLE.de);
	await texts
		.getByLabel(t('en', 'manage_call_summary_label'))
		.fill('Förderung für Sozialunternehmen mit Gemeinschaftsküchen.');
	await page.getByLabel(t('en', 'manage_call_opens_label')).fill(`${dayInZone(-2)}T09:00`);
	await page.getByLabel(t('en', 'manage_call_closes_label')).fill(`${dayInZone(30)}T17:00`);
	// A second application per enterprise, so that Amira can try one after the deadline.
	await page.getByLabel(t('en', 'manage_call_max_applications_label')).fill('2');
	await page.getByRole('button', { name: t('en', 'manage_call_create') }).click();
	await page.waitForURL(/\/calls\/[0-9a-f-]{36}\/form/);
	await expect(page.getByText(t('en', 'manage_call_created'))).toBeVisible();
	state.callPath = new URL(page.url()).pathname.replace(/\/form$/, '');
	await hydrated(page);

	// The form builder: sections and questions in English, then the German texts.
	const sectionIds: string[] = [];
	const questionIds: Record<string, string> = {};
	const optionIds: Record<string, string[]> = {};
	const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
	for (const section of SECTIONS) {
		await page.getByRole('button', { name: t('en', 'manage_builder_add_section') }).click();
		const titleId = await focusedId();
		expect(titleId).toMatch(/^s-.+-title$/);
		const sectionId = titleId.slice(2, -'-title'.length);
		sectionIds.push(sectionId);
		await page.locator(`#${titleId}`).fill(section.title.en);
		for (const plan of section.questions) {
			await page.locator(`#s-${sectionId}-add-type`).selectOption(plan.type);
			await page
				.getByRole('button', {
					name: labelFor(t('en', 'manage_builder_add_question'), section.title.en)
				})
				.click();
			const labelId = await focusedId();
			expect(labelId).toMatch(/^q-.+-label$/);
			const id = labelId.slice(2, -'-label'.length);
			questionIds[plan.key] = id;
			await page.locator(`#${labelId}`).fill(plan.label.en);
			if (plan.required) await page.locator(`#q-${id}-required`).check();
			if (plan.type === 'short_text') await page.locator(`#q-${id}-maxLength`).fill('120');
			if (plan.type === 'long_text') await page.locator(`#q-${id}-maxLength`).fill('600');
			if (plan.type === 'number') {
				await page.locator(`#q-${id}-min`).fill('0');
				await page.locator(`#q-${id}-max`).fill('500');
				await page.locator(`#q-${id}-integer`).check();
			}
			if (plan.type === 'file') {
				await expect(page.locator(`#q-${id}-accept`).getByLabel('PDF')).toBeChecked();
				await page.locator(`#q-${id}-maxSizeMb`).fill('5');
			}
			if (plan.options) {
				await page.locator(`#q-${id}-add-option`).click();
				const inputs = page.locator(`[id^="o-${id}-"][id$="-label"]`);
				await expect(inputs).toHaveCount(plan.options.length);
				optionIds[plan.key] = await inputs.evaluateAll((all) => all.map((el) => el.id));
				for (const [i, option] of plan.options.entries())
					await page.locator(`#${optionIds[plan.key][i]}`).fill(option.en);
			}
		}
	}
	await expect(
		page.getByText(t('en', 'manage_builder_counts', { sections: 2, questions: QUESTIONS.length }))
	).toBeVisible();

	await editingLanguage(page, 'de');
	for (const [i, section] of SECTIONS.entries()) {
		await page.locator(`#s-${sectionIds[i]}-title`).fill(section.title.de);
		for (const plan of section.questions) {
			await page.locator(`#q-${questionIds[plan.key]}-label`).fill(plan.label.de);
			for (const [o, option] of (plan.options ?? []).entries())
				await page.locator(`#${optionIds[plan.key][o]}`).fill(option.de);
		}
	}
	// The preview shows the form as applicants will see it, in the editing language.
	const preview = page.getByRole('complementary', { name: t('en', 'manage_builder_preview') });
	await expect(preview.getByText(question('plan').label.de)).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await snap(page, '1-builder');

	await page.getByRole('button', { name: t('en', 'manage_builder_save') }).click();
	await expect(statusMessage(page, t('en', 'manage_builder_saved'))).toBeVisible();
	await expect(page.getByText(t('en', 'manage_builder_no_changes'))).toBeVisible();
});

test('manager adds four criteria and publishes the call', async ({ page }) => {
	// Four criteria, with weights, a 1–5 scale and anchors for its ends.
	await signInAs(page, 'manager', state.callPath);
	await page.getByRole('link', { name: t('en', 'manage_call_tab_criteria') }).click();
	await page.waitForURL(`**${state.callPath}/criteria`);
	await hydrated(page);
	const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
	const criterionIds: string[] = [];
	for (const criterion of CRITERIA) {
		await page.getByRole('button', { name: t('en', 'manage_criteria_add') }).click();
		const nameId = await focusedId();
		expect(nameId).toMatch(/^c-\d+-name$/);
		const prefix = nameId.slice(0, -'-name'.length);
		criterionIds.push(prefix);
		await page.locator(`#${nameId}`).fill(criterion.name.en);
		await page
			.locator(`#${prefix}-rubric`)
			.fill(`How strong is the application on ${criterion.name.en.toLowerCase()}?`);
		await page.locator(`#${prefix}-weight`).fill(String(criterion.weight));
		await page.locator(`#${prefix}-anchor-1`).fill('Weak');
		await page.locator(`#${prefix}-anchor-5`).fill('Excellent');
	}
	await editingLanguage(page, 'de');
	for (const [i, criterion] of CRITERIA.entries())
		await page.locator(`#${criterionIds[i]}-name`).fill(criterion.name.de);
	await expect(
		page.getByText(t('en', 'manage_criteria_total_weight', { total: '100' }))
	).toBeVisible();
	await page.getByRole('button', { name: t('en', 'manage_criteria_save') }).click();
	await expect(statusMessage(page, t('en', 'manage_saved'))).toBeVisible();
	await snap(page, '1b-criteria');

	// Publish from the settings page.
	await page.getByRole('link', { name: t('en', 'manage_call_tab_settings') }).click();
	await page.waitForURL(`**${state.callPath}`);
	await page.getByRole('button', { name: t('en', 'manage_call_publish') }).click();
	await expect(
		page.getByText(
			t('en', 'manage_call_status_changed', { status: t('en', 'manage_call_status_open') })
		)
	).toBeVisible();
	const publicLink = page.locator('main').getByRole('link', { name: /\/calls\/.+/ });
	state.slug = (await publicLink.getAttribute('href'))!.replace('/calls/', '');
	await snap(page, '1c-published');
	expect(state.slug).toMatch(/^neighbourhood-kitchens-/);
});

test.describe('on Amira’s phone (a Swedish browser in Örebro)', () => {
	test.use({ viewport: PHONE, locale: 'sv-SE', timezoneId: ZONE });

	test('applicant applies in German, reloads half-way, submits and gets the confirmation', async ({
		page
	}) => {
		// She follows her browser (Swedish); the switcher turns the interface German and remembers it.
		await signInWithDemoButton(page, 'applicant');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
		await page.getByRole('button', { name: t('sv', 'language_de'), exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');

		// The call, from the list of open calls in the phone menu; the menu closes behind the link.
		const nav = page.getByRole('navigation', { name: t('de', 'nav_main') });
		await page.getByText(t('de', 'nav_menu'), { exact: true }).click();
		await nav.getByRole('link', { name: t('de', 'nav_calls') }).click();
		await page.waitForURL('**/calls');
		await expect(nav).toBeHidden();
		await page.getByRole('link', { name: CALL_TITLE.de }).click();
		await page.waitForURL(`**/calls/${state.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(CALL_TITLE.de);
		// The deadline in the call's zone; hers is the same, so it is not said twice.
		await expect(page.locator('main time')).toHaveText(
			t('de', 'apply_call_time_in_zone', { time: deadlineInGerman(30, '17:00'), zone: ZONE })
		);
		await expect(page.getByTestId('deadline-local')).toHaveCount(0);
		await expectFitsWidth(page);
		await snap(page, '2-call-de-360');

		await page
			.getByRole('button', {
				name: t('de', 'apply_call_apply_as', { name: KVARTERSKRAFT.name })
			})
			.click();
		await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
		state.applicationPath = new URL(page.url()).pathname;
		state.applicationId = state.applicationPath.split('/').pop()!;
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 2, name: SECTIONS[0].title.de })).toBeVisible();
		await expectFitsWidth(page);

		// Half of the answers, the PDF among them; a reload then finds every one, from the server
		// (not restored from this browser's copy).
		await fillAnswers(page, ['name', 'impact', 'jobs', 'stage', 'areas', 'plan']);
		await expect(
			page.getByText(t('de', 'apply_form_chars', { count: ANSWERS.impact.length, max: 600 }))
		).toBeVisible();
		await expectSaved(page);
		await page.reload();
		await hydrated(page);
		await expect(page.getByText(t('de', 'apply_restored'))).toHaveCount(0);
		await expect(page.getByLabel(question('name').label.de)).toHaveValue(ANSWERS.name);
		await expect(page.getByLabel(question('impact').label.de)).toHaveValue(ANSWERS.impact);
		await expect(page.getByLabel(question('jobs').label.de)).toHaveValue(ANSWERS.jobs);
		await expect(
			page
				.getByRole('radiogroup', { name: question('stage').label.de })
				.getByLabel(question('stage').options![ANSWERS.stage].de)
		).toBeChecked();
		for (const i of ANSWERS.areas)
			await expect(page.getByLabel(question('areas').options![i].de)).toBeChecked();
		await expect(
			page.getByText(
				new RegExp(
					`^${t('de', 'apply_form_file_current', { name: ANSWERS.planFile, size: '.+' })}$`
				)
			)
		).toBeVisible();

		await fillAnswers(page, ['start', 'website', 'contact', 'confirm']);
		await expectSaved(page);
		await expectNoSeriousA11yViolations(page);
		await snap(page, '3-application-de-360');
		await page.getByRole('button', { name: t('de', 'apply_submit') }).click();
		await expect(
			page.getByRole('status').filter({ hasText: t('de', 'apply_submitted_title') })
		).toBeVisible();
		// The answers as sent, written the German way.
		await expect(page.getByText(GERMAN_START, { exact: true })).toBeVisible();
		await expectFitsWidth(page);
		await snap(page, '4-submitted-de-360');

		// The confirmation, in German, with a copy of the answers.
		const mail = await latestMailTo(page, DEMO.applicant.email);
		expect(mail.subject).toBe(t('de', 'email_submitted_subject', { call: CALL_TITLE.de }));
		expect(mail.text).toContain(
			t('de', 'email_submitted_intro', { organisation: KVARTERSKRAFT.name, call: CALL_TITLE.de })
		);
		const copy = QUESTIONS.map((q) => `${q.label.de}: ${germanAnswer(q.key)}`);
		expect(mail.text).toContain(copy.join('\n'));
		expect(mail.links).toContain(`${BASE_URL}${state.applicationPath}`);
		await snap(page, '4b-mailbox-de-360');
	});

	test('a second application is refused once the deadline has passed', async ({
		page,
		browser
	}) => {
		// The call allows two applications per enterprise: Amira starts another one.
		await signInAs(page, 'applicant', `/calls/${state.slug}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await page
			.getByRole('button', {
				name: t('de', 'apply_call_apply_as', { name: KVARTERSKRAFT.name })
			})
			.click();
		await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
		expect(new URL(page.url()).pathname).not.toBe(state.applicationPath);
		await hydrated(page);
		await fillAnswers(
			page,
			QUESTIONS.map((q) => q.key)
		);
		await expectSaved(page);

		// Meanwhile Maja moves the deadline to yesterday. The settings page accepts any closing time
		// after the opening, so this goes through the UI, not the database.
		const manager = await browser.newContext({ baseURL: BASE_URL });
		try {
			const maja = await manager.newPage();
			await signInAs(maja, 'manager', state.callPath);
			await hydrated(maja);
			await maja.getByLabel(t('en', 'manage_call_closes_label')).fill(`${dayInZone(-1)}T09:00`);
			await maja.getByRole('button', { name: t('en', 'manage_save'), exact: true }).click();
			await expect(statusMessage(maja, t('en', 'manage_saved'))).toBeVisible();
		} finally {
			await manager.close();
		}

		// Her page was loaded before the change: the server refuses, and the page then shows the
		// application as it now is — the new deadline, no submit button.
		await page.getByRole('button', { name: t('de', 'apply_submit') }).click();
		await expect(page.getByRole('alert')).toContainText(t('de', 'field_deadline_passed'));
		await expect(page.getByRole('alert')).toContainText(t('de', 'apply_closed_draft'));
		await expect(page.locator('main time')).toHaveText(
			t('de', 'apply_call_time_in_zone', { time: deadlineInGerman(-1, '09:00'), zone: ZONE })
		);
		await expect(page.getByRole('button', { name: t('de', 'apply_submit') })).toHaveCount(0);
		await expect(page.getByText(t('de', 'apply_app_status_draft'), { exact: true })).toBeVisible();
		await expectFitsWidth(page);
		await snap(page, '5-refused-de-360');

		// Her space lists both: the application she sent, and the draft the deadline closed.
		await page.getByRole('link', { name: t('de', 'apply_form_back') }).click();
		await page.waitForURL('**/applications');
		const mine = page
			.getByRole('region', { name: t('de', 'applications_title') })
			.getByRole('listitem')
			.filter({ hasText: CALL_TITLE.de });
		await expect(mine).toHaveCount(2);
		await expect(mine.filter({ hasText: t('de', 'apply_app_status_submitted') })).toHaveCount(1);
		const closedDraft = mine.filter({ hasText: t('de', 'apply_app_status_draft') });
		await expect(
			closedDraft.getByRole('link', { name: labelFor(t('de', 'apply_list_view'), CALL_TITLE.de) })
		).toBeVisible();
		await expectFitsWidth(page);
		await snap(page, '5b-my-applications-de-360');
	});
});

test('manager filters, screens and exports the applications as XLSX and CSV', async ({ page }) => {
	await signInAs(page, 'manager', `${state.callPath}/applications`);
	const table = page.getByTestId('applications-table');
	// "N applications match", the live count under the filters.
	const count = page.locator('form[role=search] + [role=status]');
	const filter = (key: string) => page.getByRole('combobox', { name: t('en', key), exact: true });

	// By default the table lists what was sent: Amira's submission, not her refused draft.
	await expect(count).toHaveText(t('en', 'apps_count', { count: 1 }));
	await filter('apps_col_status').selectOption('draft');
	await page.getByRole('button', { name: t('en', 'apps_apply_filters') }).click();
	await expect(page).toHaveURL(/status=draft/);
	await expect(count).toHaveText(t('en', 'apps_count', { count: 1 }));
	await expect(table.locator('tbody tr')).toHaveCount(1);
	await expect(table.locator('tbody td').nth(2)).toHaveText(t('en', 'status_draft'));

	await filter('apps_col_status').selectOption('submitted');
	await page.getByLabel(t('en', 'apps_search')).fill('Geflüchteten');
	await page.getByRole('button', { name: t('en', 'apps_apply_filters') }).click();
	await expect(page).toHaveURL(/status=submitted/);
	await expect(count).toHaveText(t('en', 'apps_count', { count: 1 }));
	await page.getByLabel(t('en', 'apps_search')).fill('Fahrradwerkstatt');
	await page.getByRole('button', { name: t('en', 'apps_apply_filters') }).click();
	await expect(count).toHaveText(t('en', 'apps_count', { count: 0 }));
	await expect(table.getByText(t('en', 'apps_empty'))).toBeVisible();
	await page.getByLabel(t('en', 'apps_search')).fill(RUN);
	await page.getByRole('button', { name: t('en', 'apps_apply_filters') }).click();
	await expect(count).toHaveText(t('en', 'apps_count', { count: 1 }));
	await expectNoSeriousA11yViolations(page);
	await snap(page, '6-applications');

	// Screening: "not eligible" needs a reason.
	const filtered = page.url();
	await table.getByRole('link', { name: KVARTERSKRAFT.name }).click();
	await page.waitForURL(`**${state.callPath}/applications/${state.applicationId}`);
	await hydrated(page);
	await expect(page.getByText(ANSWERS.name)).toBeVisible();
	// Answers in the manager's language, the planned start written out.
	await expect(page.getByText(question('stage').options![ANSWERS.stage].en)).toBeVisible();
	await expect(page.getByText('1 September 2026', { exact: true })).toBeVisible();
	await page.getByRole('radio', { name: t('en', 'status_not_eligible'), exact: true }).check();
	await page.getByRole('button', { name: t('en', 'apps_screening_save') }).click();
	const reason = page.getByLabel(t('en', 'apps_screening_reason'));
	await expect(reason).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator(`#${await reason.getAttribute('aria-describedby')}`)).toBeVisible();
	await reason.fill(SCREENING_REASON);
	await page.getByRole('button', { name: t('en', 'apps_screening_save') }).click();
	await expect(page.getByText(t('en', 'apps_screened'))).toBeVisible();
	await expect(
		page.getByText(`${t('en', 'status_not_eligible')}: ${SCREENING_REASON}`)
	).toBeVisible();
	await snap(page, '6b-screened');

	// Back to the filtered table; the screening filter finds it.
	await page.goBack();
	await expect(page).toHaveURL(filtered);
	await expect(
		page.getByRole('heading', { name: t('en', 'apps_title'), exact: true })
	).toBeVisible();
	await filter('apps_col_screening').selectOption('not_eligible');
	await page.getByRole('button', { name: t('en', 'apps_apply_filters') }).click();
	await expect(count).toHaveText(t('en', 'apps_count', { count: 1 }));
	await expect(table.locator('tbody td').nth(4)).toHaveText(t('en', 'status_not_eligible'));

	// Exports of the filtered table, as background jobs with a progress bar.
	const expectedHeader = [
		t('en', 'export_col_reference'),
		t('en', 'export_col_organisation'),
		t('en', 'export_col_country'),
		t('en', 'export_col_status'),
		t('en', 'export_col_eligibility'),
		t('en', 'export_col_screening'),
		t('en', 'export_col_submitted', { zone: ZONE }),
		...QUESTIONS.map((q) => q.label.en)
	];
	const expectedAnswers = [
		ANSWERS.name,
		ANSWERS.impact,
		12,
		question('stage').options![ANSWERS.stage].en,
		ANSWERS.areas.map((i) => question('areas').options![i].en).join('; '),
		ANSWERS.start,
		ANSWERS.website,
		ANSWERS.contact,
		ANSWERS.planFile,
		t('en', 'answer_yes')
	];

	async function exportAs(format: 'xlsx' | 'csv') {
		const progress = page.getByTestId('job-progress');
		// A second export replaces the first one's progress: wait for the new job, not the old one.
		const previous = (await progress.count()) ? await progress.getAttribute('data-job-run') : null;
		await page
			.getByRole('button', {
				name: t('en', format === 'xlsx' ? 'apps_export_xlsx' : 'apps_export_csv')
			})
			.click();
		if (previous) await expect(progress).not.toHaveAttribute('data-job-run', previous);
		const jobRunId = await progress.getAttribute('data-job-run');
		await expect(progress).toHaveAttribute('data-status', 'done');
		await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
		await expect(progress.getByRole('status')).toHaveText(
			new RegExp(`^${escape(t('en', 'job_done', { done: 1, total: 1 }))}`)
		);
		const link = progress.getByRole('link', { name: t('en', 'job_download') });
		await expect(link).toHaveAttribute('href', new RegExp(`/${jobRunId}$`));
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
		return readFile((await download.path())!);
	}

	const xlsx = await exportAs('xlsx');
	await snap(page, '6c-exported');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0];
	expect(sheet.rowCount).toBe(2);
	const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
	expect(cells(1)).toEqual(expectedHeader);
	const row = cells(2);
	expect(row.slice(0, 6)).toEqual([
		state.applicationId,
		KVARTERSKRAFT.name,
		'SE',
		t('en', 'status_submitted'),
		t('en', 'status_eligible'),
		t('en', 'status_not_eligible')
	]);
	expect(row[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
	expect(row.slice(7)).toEqual(expectedAnswers);

	const csv = parseCsv((await exportAs('csv')).toString('utf8').replace(/^\ufeff/, ''));
	expect(csv).toHaveLength(2);
	expect(csv[0]).toEqual(expectedHeader);
	expect(csv[1].slice(0, 6)).toEqual(row.slice(0, 6));
	expect(csv[1][6]).toBe(row[6]);
	expect(csv[1].slice(7)).toEqual(expectedAnswers.map(String));
});
