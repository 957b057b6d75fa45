import { expect, test, type Page } from '@playwright/test';
import {
	BASE_URL,
	COOMPANION,
	DEMO,
	expectNoSeriousA11yViolations,
	hydrated,
	labelFor,
	latestMailTo,
	signInAs,
	uniqueEmail,
	openAs
} from '../helpers';
import {
	acceptInvitation,
	inviteJuror,
	areaText,
	reviewersByApplication,
	seedJuryCall,
	tj,
	type Juror
} from './panel-data';

/**
 * Maja runs the jury of a closed call: she invites three jurors, who accept by signing in with the
 * emailed link and say which languages they read; she sets two reviewers per application, runs the
 * assignment and reads why each pair was chosen, removes one pair and pins another by hand, runs
 * it again, and reminds the jurors.
 */

const APPLICATIONS = [
	{ organisation: 'Solgården Kooperativ', locale: 'sv' as const, impactAreas: [11] },
	{ organisation: 'Matbanken Norr', locale: 'sv' as const, impactAreas: [8] },
	{ organisation: 'Bike Kitchen Collective', locale: 'en' as const, impactAreas: [3] },
	{ organisation: 'Grünes Werk eG', locale: 'de' as const, impactAreas: [7] }
];

const JURORS: Juror[] = [
	{
		name: 'Anna Sjöberg',
		email: uniqueEmail('anna'),
		prefilled: [],
		languages: ['sv', 'en'],
		sdgs: [11]
	},
	{
		name: 'Bert Hoffmann',
		email: uniqueEmail('bert'),
		prefilled: [],
		languages: ['en', 'de'],
		sdgs: [3, 7]
	},
	{
		name: 'Carla Nilsson',
		email: uniqueEmail('carla'),
		prefilled: ['de'],
		languages: ['sv', 'en'],
		sdgs: [3]
	}
];
const [anna, bert, carla] = JURORS;

let callId = '';
let callTitle = '';
const jury = () => `/manage/${COOMPANION.slug}/calls/${callId}/jury`;

function application(page: Page, name: string) {
	return page.locator(`[data-application="${name}"]`);
}

test.describe.serial('the manager runs a jury', () => {
	test.beforeAll(async () => {
		({ callId, title: callTitle } = await seedJuryCall(APPLICATIONS));
	});

	test('Maja invites three jurors by email', async ({ page }) => {
		await signInAs(page, 'manager', jury());
		await expect(page.getByRole('heading', { name: tj('en', 'jury_panel_title') })).toBeVisible();
		await expectNoSeriousA11yViolations(page);

		for (const juror of JURORS) await inviteJuror(page, juror);
		for (const juror of JURORS)
			await expect(page.locator(`tr[data-member="${juror.email}"]`)).toContainText(
				tj('en', 'jury_status_invited')
			);

		const mail = await latestMailTo(page, carla.email);
		expect(mail.text).toContain(
			tj('en', 'jury_email_invitation_intro', {
				inviter: DEMO.manager.name,
				call: callTitle,
				programme: 'SocialTech4EU'
			})
		);
	});

	test('each juror accepts by signing in with the link and says which languages they read', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		for (const juror of JURORS)
			await acceptInvitation(
				browser,
				juror,
				{ id: callId, title: callTitle },
				{ checkA11y: juror === anna }
			);
	});

	test('a link opened by someone signed in with another address says so and accepts nothing', async ({
		page
	}) => {
		await signInAs(page, 'juror', null);
		await page.goto(bert.link as string);
		// Bert accepted already: the link is still valid for him, not for Jonas (who reads Swedish).
		await expect(page.getByRole('alert')).toHaveText(
			tj('sv', 'jury_invitation_wrong_email', { current: DEMO.juror.email, email: bert.email })
		);
		await expect(
			page.getByRole('button', { name: tj('sv', 'jury_invitation_accept') })
		).toHaveCount(0);
	});

	test('Maja sees the panel, sets two reviewers per application and runs the assignment', async ({
		page
	}) => {
		await signInAs(page, 'manager', jury());
		await expect(page.locator(`tr[data-member="${anna.email}"]`)).toContainText(
			tj('en', 'jury_status_accepted')
		);
		await expect(page.locator(`tr[data-member="${carla.email}"]`)).toContainText(
			'English, German, Swedish'
		);
		const settings = page.getByRole('region', { name: tj('en', 'jury_settings_title') });
		await hydrated(page);
		await settings.locator('#settings-k').fill('2');
		await settings.getByRole('button', { name: tj('en', 'jury_settings_save') }).click();
		await expect(settings.getByRole('status')).toHaveText(tj('en', 'jury_settings_saved'));

		await page.getByRole('link', { name: tj('en', 'jury_section_assignment') }).click();
		await page.waitForURL(`${jury()}/assignment`);
		await expect(page.getByText(tj('en', 'jury_last_run_none'))).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await hydrated(page);
		await page.getByRole('button', { name: tj('en', 'jury_run') }).click();
		await expect(page.getByText(tj('en', 'jury_run_done'))).toBeVisible();

		const why = (language: string, tags: string) =>
			`${tj('en', 'jury_why_language', { language })} · ${
				tags ? tj('en', 'jury_why_tags', { tags }) : tj('en', 'jury_why_no_tags')
			}`;
		expect(await reviewersByApplication(page)).toEqual({
			'Bike Kitchen Collective': [
				`${bert.name} | ${bert.name} | ${why('English', 'SDG 3')}`,
				`${carla.name} | ${carla.name} | ${why('English', 'SDG 3')}`
			],
			'Grünes Werk eG': [
				`${bert.name} | ${bert.name} | ${why('German', 'SDG 7')}`,
				`${carla.name} | ${carla.name} | ${why('German', '')}`
			],
			'Matbanken Norr': [
				`${anna.name} | ${anna.name} | ${why('Swedish', '')}`,
				`${carla.name} | ${carla.name} | ${why('Swedish', '')}`
			],
			'Solgården Kooperativ': [
				`${anna.name} | ${anna.name} | ${why('Swedish', 'SDG 11')}`,
				`${carla.name} | ${carla.name} | ${why('Swedish', '')}`
			]
		});
		await expect(page.getByTestId('last-run')).toContainText(
			tj('en', 'jury_last_run_assigned', {
				reviews: 8,
				applications: 4,
				added: 8,
				removed: 0,
				kept: 0
			})
		);
	});

	test('Maja removes a pair, pins another by hand and runs it again', async ({ page }) => {
		await openAs(page, 'manager', `${jury()}/assignment`);
		const bike = application(page, 'Bike Kitchen Collective');
		const pair = tj('en', 'jury_pair_label', {
			juror: bert.name,
			application: 'Bike Kitchen Collective'
		});
		await bike.getByRole('button', { name: labelFor(tj('en', 'jury_exclude'), pair) }).click();
		await expect(
			page.getByText(
				tj('en', 'jury_excluded_done', { juror: bert.name, application: 'Bike Kitchen Collective' })
			)
		).toBeVisible();
		await expect(bike).toContainText(tj('en', 'jury_app_missing', { missing: 1, k: 2 }));
		await expect(bike).toContainText(`${tj('en', 'jury_excluded_label')} ${bert.name}`);

		await hydrated(page);
		await bike
			.getByLabel(tj('en', 'jury_add_reviewer', { name: 'Bike Kitchen Collective' }))
			.selectOption({ label: anna.name });
		await bike
			.getByRole('button', { name: labelFor(tj('en', 'jury_add'), 'Bike Kitchen Collective') })
			.click();
		await expect(
			page.getByText(
				tj('en', 'jury_pinned_done', { juror: anna.name, application: 'Bike Kitchen Collective' })
			)
		).toBeVisible();

		await hydrated(page);
		await page.getByRole('button', { name: tj('en', 'jury_run_again') }).click();
		await expect(page.getByText(tj('en', 'jury_run_done'))).toBeVisible();
		const after = await reviewersByApplication(page);
		expect(after['Bike Kitchen Collective']).toEqual([
			`${anna.name} | ${anna.name} ${tj('en', 'jury_pinned')} | ${tj('en', 'jury_why_language', { language: 'English' })} · ${tj('en', 'jury_why_no_tags')}`,
			`${carla.name} | ${carla.name} | ${tj('en', 'jury_why_language', { language: 'English' })} · ${tj('en', 'jury_why_tags', { tags: 'SDG 3' })}`
		]);
		await expect(application(page, 'Bike Kitchen Collective')).toContainText(
			`${tj('en', 'jury_excluded_label')} ${bert.name}`
		);
		await expectNoSeriousA11yViolations(page);
	});

	test('Maja follows the progress and reminds the jurors, each in one email', async ({ page }) => {
		await signInAs(page, 'manager', `${jury()}/progress`);
		await expect(page.getByTestId('jury-progress').locator('tbody tr')).toHaveCount(3);
		await expect(
			page.getByText(tj('en', 'jury_progress_summary', { submitted: 0, total: 8 }))
		).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await hydrated(page);
		await page.getByRole('button', { name: tj('en', 'jury_remind_send') }).click();
		const progress = page.getByTestId('job-progress');
		await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
		await expect(progress.getByRole('status')).toHaveText(
			areaText('calls', 'en', 'job_done', { done: 3, total: 3 })
		);

		const reminder = await latestMailTo(page, anna.email);
		expect(reminder.subject).toBe(tj('en', 'jury_email_reminder_subject', { call: callTitle }));
		expect(reminder.links).toEqual([`${BASE_URL}/review`]);
		await page.goto(`${jury()}/progress`);
		await expect(page.getByTestId('jury-progress')).not.toContainText(tj('en', 'jury_never'));
	});

	test('a juror cannot run this jury by posting the form', async ({ page }) => {
		await signInAs(page, 'juror', null);
		const response = await page.request.post(`${jury()}/assignment?/run`, {
			form: {},
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
	});
});
