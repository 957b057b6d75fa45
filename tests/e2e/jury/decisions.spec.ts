import { expect, test, type Page } from '@playwright/test';
import {
	DEMO,
	expectNoSeriousA11yViolations,
	latestMailTo,
	messages,
	signInAs,
	followBrowserLanguage,
	openAs
} from '../helpers';
import { d, decide, FEEDBACK, seedReviewedCall, sendDecisions, type Seeded } from './reviewed-call';

// Amira switches to German here (stored on her account); later specs expect her browser's language.
test.afterAll(() => followBrowserLanguage(DEMO.applicant.email));

const KVARTERSKRAFT = 'Kvarterskraft ekonomisk förening';
const GRUENHOF = 'Grünhof Inklusion gGmbH';
const PONTE = 'Cooperativa Ponte Sociale';

async function resultOrder(page: Page) {
	return page.getByTestId('result-application').allTextContents();
}

let seeded: Seeded;

test.beforeAll(async () => {
	seeded = await seedReviewedCall();
});

test('the manager sees raw and normalised rankings side by side, with the reviews behind them', async ({
	page
}) => {
	await signInAs(page, 'manager', `${seeded.base}/results`);
	await expect(
		page.getByRole('heading', { name: d('en', 'decisions_results_title') })
	).toBeVisible();
	await expect(resultOrder(page)).resolves.toEqual([KVARTERSKRAFT, PONTE, GRUENHOF]);
	await expect(page.getByTestId('rank-raw')).toHaveText(['1', '2', '3']);
	await expect(page.getByTestId('rank-normalised')).toHaveText(['2', '1', '3']);
	await expect(page.getByTestId('mean')).toHaveText(['75.0', '57.5', '55.0']);
	await expect(page.getByTestId('flagged')).toHaveCount(3);
	await expect(page.getByTestId('alpha-reading')).toHaveText(d('en', 'decisions_alpha_unreliable'));
	await expect(page.getByTestId('juror-row').filter({ hasText: 'Hanna Harsh' })).toContainText(
		d('en', 'decisions_juror_harsh')
	);
	await expectNoSeriousA11yViolations(page);

	await page.getByTestId('sort-normalised').click();
	await expect(page.getByTestId('rank-normalised')).toHaveText(['1', '2', '3']);
	await expect(resultOrder(page)).resolves.toEqual([PONTE, KVARTERSKRAFT, GRUENHOF]);

	await page.getByRole('link', { name: KVARTERSKRAFT }).click();
	await expect(
		page.getByRole('heading', {
			name: d('en', 'decisions_review_title', { organisation: KVARTERSKRAFT })
		})
	).toBeVisible();
	await expect(page.getByTestId('review-total')).toHaveText(['90.0', '60.0']);
	await expect(page.getByTestId('private-note').first()).toHaveText('Knows the mayor personally.');
	await expectNoSeriousA11yViolations(page);
});

test('the manager decides by quota and by hand, sends the decisions, and Amira reads hers in German', async ({
	page,
	browser
}) => {
	await openAs(page, 'manager', `${seeded.base}/decisions`);
	await expect(
		page.getByRole('heading', { name: d('en', 'decisions_title'), level: 2 })
	).toBeVisible();
	// Normalised order by default.
	await expect(page.getByTestId('decision-application')).toHaveText([
		PONTE,
		KVARTERSKRAFT,
		GRUENHOF
	]);
	await expectNoSeriousA11yViolations(page);

	await page.getByLabel(d('en', 'decisions_quota_accept')).fill('1');
	await page.getByLabel(d('en', 'decisions_quota_waitlist')).fill('1');
	await page.getByRole('button', { name: d('en', 'decisions_quota_save') }).click();
	await expect(page.getByText(d('en', 'decisions_quota_saved'))).toBeVisible();
	await expect(page.getByTestId('cut-line-accept')).toHaveText(
		d('en', 'decisions_cut_accept', { count: 1 })
	);
	await expect(page.getByTestId('cut-line-waitlist')).toHaveText(
		d('en', 'decisions_cut_waitlist', { count: 1 })
	);

	await page.getByRole('button', { name: d('en', 'decisions_suggest') }).click();
	await expect(
		page.getByText(
			d('en', 'decisions_suggested', { accept: 1, waitlist: 1, reject: 1, changed: 3 })
		)
	).toBeVisible();
	const outcomes = () =>
		page
			.getByTestId('decision-row')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
	await expect.poll(outcomes).toEqual(['accept', 'waitlist', 'reject']);

	// Amira's cooperative moves up by hand, with feedback in German and the jury's comments.
	await decide(page, KVARTERSKRAFT, 'accept', FEEDBACK);
	await expect.poll(outcomes).toEqual(['accept', 'accept', 'reject']);
	await expect(page.getByTestId('decision-counts')).toHaveText(
		d('en', 'decisions_counts', { accept: 2, waitlist: 0, reject: 1, undecided: 0, released: 0 })
	);

	// The German acceptance email, previewed.
	await page
		.getByLabel(d('en', 'decisions_template_outcome'), { exact: true })
		.selectOption('accept');
	await page.getByLabel(d('en', 'decisions_template_language'), { exact: true }).selectOption('de');
	await page.getByRole('button', { name: d('en', 'decisions_template_choose') }).click();
	await expect(page.getByTestId('template-preview')).toContainText(
		`Ihre Bewerbung für ${seeded.title.de} wurde angenommen`
	);
	await expectNoSeriousA11yViolations(page);

	await sendDecisions(page, { accept: 2, waitlist: 0, reject: 1 });

	const mail = await latestMailTo(page, DEMO.applicant.email);
	expect(mail.subject).toBe(`Ihre Bewerbung für ${seeded.title.de} wurde angenommen`);
	expect(mail.text).toContain(FEEDBACK);
	expect(mail.text).toContain('Kommentare der Jury:');
	expect(mail.text).toContain('Ein starkes Team mit einem klaren Plan.');
	expect(mail.text).not.toContain('Knows the mayor');
	expect(mail.text).not.toContain('Lena Lenient');

	const amira = await browser.newContext();
	try {
		const her = await amira.newPage();
		// The managers' pages are not hers.
		await signInAs(her, 'applicant', null);
		for (const path of ['results', 'decisions']) {
			expect((await her.goto(`${seeded.base}/${path}`))?.status()).toBe(403);
		}
		await her.goto('/applications');
		await her.getByRole('button', { name: messages.en.language_de, exact: true }).click();
		await expect(her.locator('html')).toHaveAttribute('lang', 'de');
		const card = her.getByRole('listitem').filter({ hasText: seeded.title.de });
		await expect(card.getByTestId('decision-badge')).toHaveText(d('de', 'decisions_badge_accept'));
		await expectNoSeriousA11yViolations(her);

		await card.getByRole('link', { name: seeded.title.de, exact: true }).click();
		const notice = her.getByTestId('decision-notice');
		await expect(notice.getByTestId('decision-headline')).toHaveText(
			d('de', 'decisions_applicant_accept')
		);
		await expect(
			notice.getByRole('heading', { name: d('de', 'decisions_applicant_feedback') })
		).toBeVisible();
		await expect(notice.getByTestId('decision-feedback')).toHaveText(FEEDBACK);
		await expect(notice.getByTestId('decision-jury-comments').getByRole('listitem')).toHaveText([
			'Ein starkes Team mit einem klaren Plan.'
		]);
		await expect(notice).not.toContainText('Unsure about the budget');
		await expectNoSeriousA11yViolations(her);
	} finally {
		await amira.close();
	}
});
