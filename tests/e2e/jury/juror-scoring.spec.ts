import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	e2eDatabase,
	BASE_URL,
	COOMPANION,
	DEMO,
	expectNoSeriousA11yViolations,
	latestMailTo,
	hydrated,
	messagePattern,
	signInAs,
	t,
	type Locale
} from '../helpers';
import { d } from './reviewed-call';

/** The juror's catalogue (messages/review), read from disk like the main one. */
const catalogue = (locale: Locale) =>
	JSON.parse(readFileSync(resolve('messages/review', `${locale}.json`), 'utf8')) as Record<
		string,
		string
	>;
const review = { en: catalogue('en'), de: catalogue('de'), sv: catalogue('sv') };
function rt(key: string, vars: Record<string, string | number> = {}, locale: Locale = 'sv') {
	const template = review[locale][key];
	if (template === undefined) throw new Error(`messages/review/${locale}.json has no key ${key}`);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole
	);
}

/** The demo seed's jury call (src/lib/server/seed/demo-jury.ts), as Jonas reads it in Swedish. */
const CALL_TITLE = 'Innovationsstöd för sociala företag 2026 — vårens omgång';
const ENTERPRISES = [
	'Kvarterskraft ekonomisk förening',
	'Grünhof Inklusion gGmbH',
	'Cooperativa Ponte Sociale'
];

test.describe.configure({ mode: 'serial' });

function callCard(page: Page) {
	return page.getByRole('region', { name: CALL_TITLE });
}

async function progressOf(page: Page) {
	return callCard(page).getByRole('progressbar').getAttribute('aria-valuenow');
}

/** Opens the n-th application of Jonas's list and passes the conflict check; returns its organisation. */
async function openAndConfirm(page: Page, index: number) {
	await callCard(page).locator('a[data-review]').nth(index).click();
	await expect(page.getByRole('heading', { name: rt('review_conflict_title') })).toBeVisible();
	// The organisation's name is shown for the conflict check, even in blind review.
	const intro = (await page.locator('main').textContent()) ?? '';
	const organisation = ENTERPRISES.find((name) => intro.includes(name));
	expect(organisation, 'the conflict check names the organisation').toBeDefined();
	await expect(page.getByText(rt('review_conflict_blind_note'))).toBeVisible();
	await hydrated(page);
	await page.getByRole('button', { name: rt('review_confirm_no_conflict') }).click();
	await expect(page.getByRole('heading', { name: rt('review_scores_title') })).toBeVisible();
	return organisation as string;
}

function criterion(page: Page, index: number): Locator {
	return page.locator('fieldset[data-criterion]').nth(index);
}

test('Jonas confirms no conflict, scores by keyboard, finds his draft after a reload, submits and sees it locked', async ({
	page
}) => {
	await signInAs(page, 'juror', '/review');
	await expect(page.locator('main h1')).toHaveText(t('sv', 'review_title'));
	await expect(callCard(page).getByText(rt('review_phase_scoring'))).toBeVisible();
	await expect(callCard(page).locator('a[data-review]')).toHaveCount(3);
	expect(await progressOf(page)).toBe('0');
	await expect(
		callCard(page).getByText(rt('review_progress', { submitted: 0, total: 3 }))
	).toBeVisible();
	// Blind review: the list names no organisation.
	for (const name of ENTERPRISES) await expect(page.locator('main')).not.toContainText(name);
	await expectNoSeriousA11yViolations(page);

	const organisation = await openAndConfirm(page, 0);
	// After the check the application is blind: no organisation name anywhere on the page.
	await expect(page.locator('main')).not.toContainText(organisation);
	await expect(page.locator('main')).not.toContainText(organisation.split(' ')[0]);
	await expect(page.getByTestId('blind-note')).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	// Keyboard only: into the first criterion's radio group, arrows to the score, Tab to the next.
	const chosen = [4, 3, 5, 2];
	await criterion(page, 0).locator('input[type=radio]').first().focus();
	for (const [i, score] of chosen.entries()) {
		if (i > 0) await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		for (let step = 1; step < score; step++) await page.keyboard.press('ArrowDown');
		await expect(criterion(page, i).locator(`input[value="${score}"]`)).toBeChecked();
	}
	await page.keyboard.press('Tab');
	await expect(page.locator('#comment')).toBeFocused();
	await page.keyboard.type('Tydlig målgrupp, men budgeten behöver förklaras.');
	await expect(page.locator('[data-save-status=top]')).toHaveText(
		messagePattern(rt('review_save_saved'))
	);

	await page.reload();
	await hydrated(page);
	for (const [i, score] of chosen.entries())
		await expect(criterion(page, i).locator(`input[value="${score}"]`)).toBeChecked();
	await expect(page.locator('#comment')).toHaveValue(
		'Tydlig målgrupp, men budgeten behöver förklaras.'
	);
	await expect(page.getByText(rt('review_status_started')).first()).toBeVisible();

	await page.getByRole('button', { name: rt('review_submit'), exact: true }).click();
	await expect(page.getByText(rt('review_submit_confirm'))).toBeVisible();
	await page.getByRole('button', { name: rt('review_submit_confirm_yes') }).click();

	await expect(page.getByText(rt('review_submitted_title'))).toBeVisible();
	// Locked: no score can be chosen, no text typed, nothing submitted again.
	await expect(page.locator('input[type=radio]')).toHaveCount(0);
	await expect(page.locator('textarea')).toHaveCount(0);
	await expect(page.getByRole('button', { name: rt('review_submit'), exact: true })).toHaveCount(0);
	// 100 × (30·3/4 + 25·2/4 + 25·4/4 + 20·1/4) / 100 = 65
	await expect(page.getByTestId('review-total')).toHaveText(rt('review_total', { total: '65' }));
	// The other juror's submitted scores, now that Jonas has submitted his.
	const others = page.getByTestId('others-scores');
	await expect(page.getByRole('heading', { name: rt('review_others_title') })).toBeVisible();
	await expect(others.locator('thead th')).toHaveText([
		rt('review_others_criterion'),
		rt('review_others_juror', { number: 1 })
	]);
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('link', { name: rt('review_back') }).click();
	expect(await progressOf(page)).toBe('1');
	await expect(callCard(page).locator('a[data-review]').first()).toContainText(
		rt('review_status_submitted')
	);
});

test('on a 360 px phone Jonas scores an application by touch, on one column with large targets', async ({
	browser
}) => {
	const context = await browser.newContext({
		baseURL: BASE_URL,
		viewport: { width: 360, height: 740 },
		hasTouch: true,
		isMobile: true
	});
	const page = await context.newPage();
	try {
		await signInAs(page, 'juror', '/review');
		await openAndConfirm(page, 1);
		const fits = () =>
			page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		expect(await fits(), 'no sideways scrolling at 360 px').toBe(true);

		// The scores are one tap away from the top of the application.
		await page.getByRole('link', { name: rt('review_skip_to_scores') }).tap();
		const first = criterion(page, 0);
		await expect(first).toBeInViewport();

		for (const [i, score] of [5, 4, 4, 3].entries()) {
			const option = criterion(page, i)
				.locator('label')
				.filter({
					has: page.locator(`input[value="${score}"]`)
				});
			const box = await option.boundingBox();
			expect(box && box.height >= 44 && box.width >= 280, 'a large touch target').toBe(true);
			await option.tap();
			await expect(option.locator('input')).toBeChecked();
		}
		await page.locator('#privateNote').fill('Fråga om samarbetet med skolorna.');
		await expect(page.locator('[data-save-status=top]')).toHaveText(
			messagePattern(rt('review_save_saved'))
		);
		await expectNoSeriousA11yViolations(page);

		await page.getByRole('button', { name: rt('review_submit'), exact: true }).tap();
		await page.getByRole('button', { name: rt('review_submit_confirm_yes') }).tap();
		await expect(page.getByText(rt('review_submitted_title'))).toBeVisible();
		expect(await fits(), 'the submitted review fits too').toBe(true);
		await expectNoSeriousA11yViolations(page);
	} finally {
		await context.close();
	}
});

test('submitting with a criterion unscored names it and submits nothing', async ({ page }) => {
	await signInAs(page, 'juror', '/review');
	await openAndConfirm(page, 2);
	await criterion(page, 0).locator('input[value="3"]').check();
	await page.getByRole('button', { name: rt('review_submit'), exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(messagePattern(rt('review_submit_missing')));
	await expect(criterion(page, 1).locator('input[type=radio]').first()).toBeFocused();
	await expect(page.getByRole('button', { name: rt('review_submit_confirm_yes') })).toHaveCount(0);
});

test('without JavaScript the draft is saved with the Save button', async ({ browser }) => {
	const context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await signInAs(page, 'juror', '/review');
		await callCard(page).locator('a[data-review]').nth(2).click();
		await criterion(page, 1).locator('label').filter({ hasText: /^\s*2/ }).click();
		await page.locator('#comment').fill('Utan JavaScript.');
		await page.getByRole('button', { name: rt('review_save') }).click();
		await expect(page.getByText(rt('review_saved_no_js'))).toBeVisible();
		await page.goto(page.url().replace(/\?.*$/, ''));
		await expect(criterion(page, 0).locator('input[value="3"]')).toBeChecked();
		await expect(criterion(page, 1).locator('input[value="2"]')).toBeChecked();
		await expect(page.locator('#comment')).toHaveValue('Utan JavaScript.');
	} finally {
		await context.close();
	}
});

test('declaring a conflict takes the application off Jonas’s list', async ({ page }) => {
	await signInAs(page, 'juror', '/review');
	await callCard(page).locator('a[data-review]').nth(2).click();
	await hydrated(page);
	await page.getByText(rt('review_declare_later')).click();
	const form = page.getByRole('form', { name: rt('review_declare_title') });
	await form.getByRole('button', { name: rt('review_declare_submit') }).click();
	await expect(form.getByText(t('sv', 'field_required'))).toBeVisible();

	await form.getByLabel(rt('review_declare_reason')).fill('Jag har gett dem råd i år.');
	await form.getByRole('button', { name: rt('review_declare_submit') }).click();
	await page.waitForURL('/review?declared=1');
	await expect(page.getByText(rt('review_list_declared'))).toBeVisible();
	await expect(callCard(page).locator('a[data-review]')).toHaveCount(2);
	await expect(
		callCard(page).getByText(rt('review_progress', { submitted: 2, total: 2 }))
	).toBeVisible();
});

/** The demo jury call's id and one application Jonas has submitted a review of. */
async function jonasSubmittedReview(): Promise<{ callId: string; applicationId: string }> {
	const client = await e2eDatabase();
	try {
		const { rows } = await client.query(
			`SELECT c.id AS "callId", r.application_id AS "applicationId"
			 FROM review r JOIN call c ON c.id = r.call_id
			 JOIN jury_member m ON m.id = r.jury_member_id
			 WHERE c.slug = 'innovation-support-2026-spring' AND m.email = $1 AND r.status = 'submitted'
			 ORDER BY r.submitted_at LIMIT 1`,
			[DEMO.juror.email]
		);
		expect(rows, 'Jonas has a submitted review').toHaveLength(1);
		return rows[0];
	} finally {
		await client.end();
	}
}

test('Maja reopens one of Jonas’s submitted reviews; he follows the email, changes a score and submits again', async ({
	page
}) => {
	const { callId, applicationId } = await jonasSubmittedReview();
	await signInAs(
		page,
		'manager',
		`/manage/${COOMPANION.slug}/calls/${callId}/results/${applicationId}`
	);
	const card = page.getByTestId('review-card').filter({ hasText: DEMO.juror.name });
	await expect(card).toContainText(d('en', 'decisions_review_status_submitted'));
	const totalBefore = await card.getByTestId('review-total').textContent();
	await hydrated(page);
	await expect(card.getByLabel(d('en', 'decisions_reopen_notify'))).toBeChecked();
	await card.getByRole('button', { name: d('en', 'decisions_reopen') }).click();
	await expect(card).toContainText(d('en', 'decisions_review_status_started'));
	await expect(card.getByRole('button', { name: d('en', 'decisions_reopen') })).toHaveCount(0);
	// Jonas is told in Swedish and the link opens the review, editable again.
	const mail = await latestMailTo(page, DEMO.juror.email);
	expect(mail.subject).toBe(rt('review_email_reopened_subject', { call: CALL_TITLE }));
	const link = mail.links.find((href) => href.includes(applicationId));
	expect(link, 'the email links to the reopened review').toBeDefined();
	await signInAs(page, 'juror', link!);
	await expect(page.getByRole('heading', { name: rt('review_scores_title') })).toBeVisible();
	await expect(page.getByText(rt('review_submitted_title'))).toHaveCount(0);
	await hydrated(page);
	const options = criterion(page, 0).locator('input[type=radio]');
	await expect(options.first()).toBeEnabled();
	const current = await criterion(page, 0).locator('input:checked').getAttribute('value');
	const changed = current === '1' ? '2' : '1';
	await criterion(page, 0).locator(`input[value="${changed}"]`).check();
	await expect(page.locator('[data-save-status=top]')).toHaveText(
		messagePattern(rt('review_save_saved'))
	);
	await page.getByRole('button', { name: rt('review_submit'), exact: true }).click();
	await page.getByRole('button', { name: rt('review_submit_confirm_yes') }).click();
	await expect(page.getByText(rt('review_submitted_title'))).toBeVisible();
	await expect(page.locator('input[type=radio]')).toHaveCount(0);

	// Back on the results, Maja sees the new submission, which she could reopen again (her own
	// browser: not Jonas's language cookie).
	await page.context().clearCookies();
	await signInAs(
		page,
		'manager',
		`/manage/${COOMPANION.slug}/calls/${callId}/results/${applicationId}`
	);
	await expect(card).toContainText(d('en', 'decisions_review_status_submitted'));
	await expect(card.getByRole('button', { name: d('en', 'decisions_reopen') })).toBeVisible();
	await expect(card.getByTestId('review-total')).not.toHaveText(totalBefore ?? '');
});
