import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	BASE_URL,
	COOMPANION,
	DEMO,
	expectNoSeriousA11yViolations,
	hydrated,
	KVARTERSKRAFT,
	latestMailTo,
	messagePattern,
	messages,
	signInAs,
	t,
	uniqueEmail,
	type Locale,
	followBrowserLanguage,
	openAs
} from '../helpers';
import {
	acceptInvitation,
	areaText,
	inviteJuror,
	reviewersByApplication,
	seedJuryCall,
	tj,
	type Juror
} from './panel-data';
import { d, decide, sendDecisions } from './reviewed-call';

// Amira switches to German here (stored on her account); later specs expect her browser's language.
test.afterAll(() => followBrowserLanguage(DEMO.applicant.email));

/**
 * The whole jury, on one call (issue 4, "Done when"): Maja invites three jurors, who accept by
 * magic link and say which languages they read; she asks for two reviewers per application, sets
 * a deadline, runs the assignment and opens scoring. One juror declares a conflict with Amira's
 * application, which goes to the third juror. The jurors score everything they have — one in
 * English, one in Swedish, one on a 360 px phone — and submit. Maja compares the raw and the
 * normalised rankings, decides, and sends the decisions; Amira reads hers, with the organisers'
 * feedback and the jury's comments, in German.
 */

/** The juror's catalogue (messages/review). */
const rt = (locale: Locale, key: string, vars: Record<string, string | number> = {}) =>
	areaText('review', locale, key, vars);

const AMIRA_APP = KVARTERSKRAFT.name;
const BIKES = 'Bike Kitchen Collective';
const FOOD = 'Matbanken Norr';

/**
 * Three English applications, so that every juror reads them all. Their impact areas against the
 * jurors' make the best assignment unique: each application goes to the two jurors who share an
 * area with it (the demo enterprises, Kvarterskraft among them, work on SDG 8, 10 and 11).
 */
const APPLICATIONS = [
	{
		organisation: AMIRA_APP,
		locale: 'en' as const,
		impactAreas: [],
		existing: { slug: KVARTERSKRAFT.slug, email: DEMO.applicant.email }
	},
	{ organisation: BIKES, locale: 'en' as const, impactAreas: [3] },
	{ organisation: FOOD, locale: 'en' as const, impactAreas: [2] }
];
const CRITERIA = [
	{ name: { en: 'Impact', de: 'Wirkung', sv: 'Effekt' }, weight: 3, scaleMin: 1, scaleMax: 5 },
	{
		name: { en: 'Feasibility', de: 'Machbarkeit', sv: 'Genomförbarhet' },
		weight: 1,
		scaleMin: 1,
		scaleMax: 5
	}
];

interface JourneyJuror extends Juror {
	/** The language of the app as this juror uses it. */
	locale: Locale;
	/** Each assigned application's scores (one per criterion) and the comment for the applicant. */
	scores: Record<string, { scores: number[]; comment: string; privateNote?: string }>;
}

/** Reads only English: scores in English, and takes over Amira's application. */
const erik: JourneyJuror = {
	name: 'Erik English',
	email: uniqueEmail('erik'),
	prefilled: ['en'],
	languages: [],
	sdgs: [2, 3],
	locale: 'en',
	scores: {
		[BIKES]: { scores: [4, 4], comment: 'A workshop the neighbourhood needs.' },
		[FOOD]: { scores: [3, 3], comment: 'Solid, but the logistics are vague.' },
		[AMIRA_APP]: { scores: [5, 5], comment: 'Convincing plan for the neighbourhood kitchen.' }
	}
};
/** Reads Swedish and English, uses the app in Swedish, and has a conflict with Kvarterskraft. */
const sara: JourneyJuror = {
	name: 'Sara Svensson',
	email: uniqueEmail('sara'),
	prefilled: [],
	languages: ['sv', 'en'],
	sdgs: [2, 11],
	locale: 'sv',
	scores: { [FOOD]: { scores: [4, 4], comment: 'Bra samarbete med butikerna.' } }
};
/** Reads German and English, and scores on a phone. */
const gerd: JourneyJuror = {
	name: 'Gerd Gärtner',
	email: uniqueEmail('gerd'),
	prefilled: ['de'],
	languages: ['en'],
	sdgs: [3, 10],
	locale: 'en',
	scores: {
		[BIKES]: { scores: [2, 2], comment: 'The budget does not add up yet.' },
		[AMIRA_APP]: {
			scores: [4, 4],
			comment: 'Strong team with a clear plan.',
			privateNote: 'Check the lease of the kitchen.'
		}
	}
};
const JURORS = [erik, sara, gerd];
const FEEDBACK = 'Congratulations! Your neighbourhood kitchen convinced the jury.';
const AMIRA_LOCALE: Locale = 'de';

let callId = '';
let titles: Record<Locale, string>;
let applicationIds: Record<string, string>;
const manage = () => `/manage/${COOMPANION.slug}/calls/${callId}`;

/** Each application's reviewers, by name only. */
async function reviewerNames(page: Page) {
	const lines = await reviewersByApplication(page);
	return Object.fromEntries(
		Object.entries(lines).map(([app, reviewers]) => [
			app,
			reviewers.map((line) => line.split(' | ')[0]).sort()
		])
	);
}

function reviewList(page: Page, locale: Locale) {
	return page.getByRole('region', { name: titles[locale] }).locator('a[data-review]');
}

/**
 * A juror's browser, signed in since they accepted (sign-in links are rate-limited), in their
 * language, at a phone's size if asked.
 */
async function jurorPage(browser: Browser, juror: JourneyJuror, phone = false) {
	const context = await browser.newContext({
		baseURL: BASE_URL,
		storageState: juror.session,
		...(phone ? { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } : {})
	});
	const page = await context.newPage();
	if (juror.locale !== 'en') {
		await page.goto('/app');
		await hydrated(page);
		await page
			.getByRole('button', { name: messages.en[`language_${juror.locale}`], exact: true })
			.click();
		await expect(page.locator('html')).toHaveAttribute('lang', juror.locale);
	}
	await page.goto('/review');
	await expect(page.locator('main h1')).toHaveText(t(juror.locale, 'review_title'));
	return { context, page };
}

/** Opens one assigned application, passes the conflict check, scores, comments and submits. */
async function scoreOne(page: Page, juror: JourneyJuror, organisation: string) {
	const locale = juror.locale;
	const plan = juror.scores[organisation];
	await reviewList(page, locale)
		.and(page.locator(`[href$="/${applicationIds[organisation]}"]`))
		.click();
	await expect(
		page.getByRole('heading', { name: rt(locale, 'review_conflict_title') })
	).toBeVisible();
	await expect(page.locator('main')).toContainText(organisation);
	await hydrated(page);
	await page.getByRole('button', { name: rt(locale, 'review_confirm_no_conflict') }).click();
	await expect(
		page.getByRole('heading', { name: rt(locale, 'review_scores_title') })
	).toBeVisible();
	for (const [i, score] of plan.scores.entries())
		await page
			.locator('fieldset[data-criterion]')
			.nth(i)
			.locator(`input[value="${score}"]`)
			.check();
	await page.locator('#comment').fill(plan.comment);
	if (plan.privateNote) await page.locator('#privateNote').fill(plan.privateNote);
	await expect(page.locator('[data-save-status=top]')).toHaveText(
		messagePattern(rt(locale, 'review_save_saved'))
	);
	await page.getByRole('button', { name: rt(locale, 'review_submit'), exact: true }).click();
	await page.getByRole('button', { name: rt(locale, 'review_submit_confirm_yes') }).click();
	await expect(page.getByText(rt(locale, 'review_submitted_title'))).toBeVisible();
	await page.getByRole('link', { name: rt(locale, 'review_back') }).click();
	await expect(page.locator('main h1')).toHaveText(t(locale, 'review_title'));
}

/** Scores every application the juror has, then finds them all submitted. */
async function scoreAll(page: Page, juror: JourneyJuror) {
	const assigned = Object.keys(juror.scores);
	await expect(reviewList(page, juror.locale)).toHaveCount(assigned.length);
	for (const organisation of assigned) await scoreOne(page, juror, organisation);
	await expect(
		page.getByText(
			rt(juror.locale, 'review_progress', {
				submitted: assigned.length,
				total: assigned.length
			})
		)
	).toBeVisible();
}

test.describe.serial('the jury, from invitations to the applicant’s decision', () => {
	test.beforeAll(async () => {
		({ callId, titles, applicationIds } = await seedJuryCall(APPLICATIONS, undefined, CRITERIA));
	});

	test('Maja invites three jurors, who accept by magic link and say which languages they read', async ({
		page,
		browser
	}) => {
		await signInAs(page, 'manager', `${manage()}/jury`);
		await expect(page.getByRole('heading', { name: tj('en', 'jury_panel_title') })).toBeVisible();
		for (const juror of JURORS) await inviteJuror(page, juror);
		for (const juror of JURORS)
			await acceptInvitation(browser, juror, { id: callId, title: titles.en });

		await page.reload();
		await expect(page.locator(`tr[data-member="${erik.email}"]`)).toContainText('English');
		await expect(page.locator(`tr[data-member="${erik.email}"]`)).not.toContainText('Swedish');
		for (const juror of JURORS)
			await expect(page.locator(`tr[data-member="${juror.email}"]`)).toContainText(
				tj('en', 'jury_status_accepted')
			);
	});

	test('Maja sets two reviewers per application and a deadline, runs the assignment and opens scoring', async ({
		page
	}) => {
		await signInAs(page, 'manager', `${manage()}/jury`);
		const settings = page.getByRole('region', { name: tj('en', 'jury_settings_title') });
		await hydrated(page);
		await settings.locator('#settings-k').fill('2');
		const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
		await settings.locator('#settings-deadline').fill(`${deadline}T17:00`);
		await settings.getByRole('button', { name: tj('en', 'jury_settings_save') }).click();
		await expect(settings.getByRole('status')).toHaveText(tj('en', 'jury_settings_saved'));

		await page.getByRole('link', { name: tj('en', 'jury_section_assignment') }).click();
		await page.waitForURL(`${manage()}/jury/assignment`);
		await hydrated(page);
		await page.getByRole('button', { name: tj('en', 'jury_run') }).click();
		await expect(page.getByText(tj('en', 'jury_run_done'))).toBeVisible();
		// Each application goes to the two jurors who share an impact area with it.
		expect(await reviewerNames(page)).toEqual({
			[BIKES]: [erik.name, gerd.name].sort(),
			[FOOD]: [erik.name, sara.name].sort(),
			[AMIRA_APP]: [gerd.name, sara.name].sort()
		});

		await page.goto(`${manage()}/jury`);
		await hydrated(page);
		await page.getByRole('button', { name: tj('en', 'jury_phase_open_scoring') }).click();
		await expect(page.getByTestId('jury-phase')).toHaveText(tj('en', 'jury_phase_scoring'));
		await expect(page.getByText(messagePattern(tj('en', 'jury_deadline_value')))).toBeVisible();
	});

	test('Sara declares a conflict with Kvarterskraft, in Swedish; it goes to Erik', async ({
		page,
		browser
	}) => {
		const juror = await jurorPage(browser, sara);
		try {
			const her = juror.page;
			await expect(reviewList(her, 'sv')).toHaveCount(2);
			const amiraLink = her.locator(`a[href$="/${applicationIds[AMIRA_APP]}"]`);
			await amiraLink.click();
			await expect(
				her.getByRole('heading', { name: rt('sv', 'review_conflict_title') })
			).toBeVisible();
			await expect(her.locator('main')).toContainText(AMIRA_APP);
			await hydrated(her);
			const form = her.getByRole('form', { name: rt('sv', 'review_declare_title') });
			await form.getByLabel(rt('sv', 'review_declare_reason')).fill('Jag sitter i deras styrelse.');
			await form.getByRole('button', { name: rt('sv', 'review_declare_submit') }).click();
			await her.waitForURL('/review?declared=1');
			await expect(her.getByText(rt('sv', 'review_list_declared'))).toBeVisible();
			await expect(reviewList(her, 'sv')).toHaveCount(1);
			await expect(amiraLink).toHaveCount(0);
		} finally {
			await juror.context.close();
		}

		await signInAs(page, 'manager', `${manage()}/jury/assignment`);
		await expect(
			page.getByText(messagePattern(tj('en', 'jury_last_run_after_conflict')))
		).toBeVisible();
		await expect(page.getByTestId('last-run')).toContainText(
			tj('en', 'jury_last_run_assigned', {
				reviews: 6,
				applications: 3,
				added: 1,
				removed: 0,
				kept: 5
			})
		);
		expect(await reviewerNames(page)).toEqual({
			[BIKES]: [erik.name, gerd.name].sort(),
			[FOOD]: [erik.name, sara.name].sort(),
			[AMIRA_APP]: [erik.name, gerd.name].sort()
		});
		await expect(page.locator(`[data-application="${AMIRA_APP}"]`)).toContainText(
			`${tj('en', 'jury_conflicts_label')} ${sara.name} (${tj('en', 'jury_conflict_declared')})`
		);
	});

	test('the jurors score all their applications: Erik in English, Sara in Swedish, Gerd on a phone', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		for (const juror of JURORS) {
			const phone = juror === gerd;
			const { context, page } = await jurorPage(browser, juror, phone);
			try {
				await scoreAll(page, juror);
				if (phone)
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
						'no sideways scrolling at 360 px'
					).toBe(true);
			} finally {
				await context.close();
			}
		}
	});

	test('Maja compares the raw and the normalised rankings and reads how well the jurors agree', async ({
		page
	}) => {
		await openAs(page, 'manager', `${manage()}/jury`);
		await page.getByRole('button', { name: tj('en', 'jury_phase_close_scoring') }).click();
		await expect(page.getByTestId('jury-phase')).toHaveText(tj('en', 'jury_phase_closed'));

		await page.getByRole('link', { name: d('en', 'decisions_tab_results') }).click();
		await expect(
			page.getByRole('heading', { name: d('en', 'decisions_results_title') })
		).toBeVisible();
		await expect(
			page.getByRole('columnheader', { name: d('en', 'decisions_col_rank_raw') })
		).toBeVisible();
		await expect(
			page.getByRole('columnheader', { name: d('en', 'decisions_col_rank_normalised') })
		).toBeVisible();
		// Raw means (weights 3:1, 1–5 scales): Kvarterskraft (100 + 75) / 2, Matbanken (50 + 75) / 2,
		// Bike Kitchen (75 + 25) / 2.
		await expect(page.getByTestId('result-application')).toHaveText([AMIRA_APP, FOOD, BIKES]);
		await expect(page.getByTestId('rank-raw')).toHaveText(['1', '2', '3']);
		await expect(page.getByTestId('mean')).toHaveText(['87.5', '62.5', '50.0']);
		const normalised = await page.getByTestId('rank-normalised').allTextContents();
		expect(normalised.map((rank) => rank.trim()).sort()).toEqual(['1', '2', '3']);
		await expect(page.getByTestId('alpha')).toBeVisible();
		const readings = ['reliable', 'tentative', 'unreliable', 'insufficient'].map((r) =>
			d('en', `decisions_alpha_${r}`)
		);
		expect(readings).toContain(await page.getByTestId('alpha-reading').innerText());
		await expectNoSeriousA11yViolations(page);
	});

	test('Maja decides, with feedback for Amira, and sends the decisions', async ({ page }) => {
		await signInAs(page, 'manager', `${manage()}/results`);
		await page.getByRole('link', { name: d('en', 'decisions_tab_decisions') }).click();
		await expect(
			page.getByRole('heading', { name: d('en', 'decisions_title'), level: 2 })
		).toBeVisible();
		await hydrated(page);
		// Amira is told the jury's comments along with Maja's feedback.
		await page
			.getByTestId('decision-row')
			.filter({ hasText: AMIRA_APP })
			.getByLabel(d('en', 'decisions_include_comments'))
			.check();
		await decide(page, AMIRA_APP, 'accept', FEEDBACK);
		await decide(page, FOOD, 'waitlist');
		await decide(page, BIKES, 'reject');
		await expect(page.getByTestId('decision-counts')).toHaveText(
			d('en', 'decisions_counts', { accept: 1, waitlist: 1, reject: 1, undecided: 0, released: 0 })
		);

		await sendDecisions(page, { accept: 1, waitlist: 1, reject: 1 });

		const mail = await latestMailTo(page, DEMO.applicant.email);
		expect(mail.text).toContain(FEEDBACK);
		expect(mail.text).toContain(gerd.scores[AMIRA_APP].comment);
		expect(mail.text).not.toContain(gerd.scores[AMIRA_APP].privateNote);
	});

	test('Amira reads the decision, the feedback and the jury’s comments in German', async ({
		page
	}) => {
		await signInAs(page, 'applicant', '/applications');
		await hydrated(page);
		await page
			.getByRole('button', { name: messages.en[`language_${AMIRA_LOCALE}`], exact: true })
			.click();
		await expect(page.locator('html')).toHaveAttribute('lang', AMIRA_LOCALE);
		const card = page.getByRole('listitem').filter({ hasText: titles[AMIRA_LOCALE] });
		await expect(card.getByTestId('decision-badge')).toHaveText(
			d(AMIRA_LOCALE, 'decisions_badge_accept')
		);

		await card.getByRole('link', { name: titles[AMIRA_LOCALE], exact: true }).click();
		const notice = page.getByTestId('decision-notice');
		await expect(notice.getByTestId('decision-headline')).toHaveText(
			d(AMIRA_LOCALE, 'decisions_applicant_accept')
		);
		await expect(
			notice.getByRole('heading', { name: d(AMIRA_LOCALE, 'decisions_applicant_feedback') })
		).toBeVisible();
		await expect(notice.getByTestId('decision-feedback')).toHaveText(FEEDBACK);
		const comments = await notice
			.getByTestId('decision-jury-comments')
			.getByRole('listitem')
			.allTextContents();
		expect(comments.map((c) => c.trim()).sort()).toEqual(
			[erik.scores[AMIRA_APP].comment, gerd.scores[AMIRA_APP].comment].sort()
		);
		await expect(notice).not.toContainText(gerd.scores[AMIRA_APP].privateNote as string);
		await expect(notice).not.toContainText(gerd.name);
		await expectNoSeriousA11yViolations(page);
	});
});
