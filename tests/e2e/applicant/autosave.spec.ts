import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	BASE_URL,
	DEMO,
	KVARTERSKRAFT,
	followBrowserLanguage,
	hydrated,
	signInAs,
	t
} from '../helpers';

/*
 * The application form's autosave in a real browser: answers typed while offline are held
 * ("not saved — retrying") and saved once the connection returns; and two tabs on the same draft
 * never overwrite each other — the stale tab gets the conflict message and reloads the latest.
 *
 * Demo data: Amira's draft for Kvarterskraft on the seeded open call "innovation-support-2026".
 * No other spec applies to that call (the call journey makes a call of its own, the jury specs
 * insert their applications into calls of their own), and Amira has one enterprise, so the call
 * page offers a single "Apply as Kvarterskraft" (or "Continue your application" when a draft is
 * left). Both tests work on that one draft with answers unique to the run; at the end the draft is
 * withdrawn through the UI, so the call offers "Apply as Kvarterskraft" again, as seeded.
 */

const CALL_SLUG = 'innovation-support-2026';
const RUN = Date.now().toString(36);
/** The seeded call's first question, a short text (src/lib/server/seed/demo-call.ts). */
const TITLE_LABEL = 'Name of the innovation';
/** Its second question, a long text. */
const CHALLENGE_LABEL = 'Which social challenge do you address?';

const SAVED = new RegExp(`^${t('en', 'apply_save_saved', { time: '.+' })}$`);

test.use({ locale: 'en-GB' });

// Amira's language lives on her account; she follows the browser (English) here, as seeded.
test.beforeAll(() => followBrowserLanguage(DEMO.applicant.email));
test.afterAll(async ({ browser }) => withdrawDraft(browser));

/** Opens Amira's draft on the call: starts it, or continues the one already there. */
async function openDraft(page: Page): Promise<string> {
	await page.goto(`/calls/${CALL_SLUG}`);
	const continueLink = page.getByRole('link', { name: t('en', 'apply_call_continue') });
	if (await continueLink.count()) await continueLink.click();
	else
		await page
			.getByRole('button', { name: t('en', 'apply_call_apply_as', { name: KVARTERSKRAFT.name }) })
			.click();
	await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
	await hydrated(page);
	await expect(statusLine(page)).toHaveText(t('en', 'apply_save_idle'));
	return new URL(page.url()).pathname;
}

/** Another tab of the same browser on `path`, hydrated; `before` runs ahead of the visit. */
async function openTab(
	context: BrowserContext,
	path: string,
	before?: (tab: Page) => Promise<unknown>
): Promise<Page> {
	const tab = await context.newPage();
	await before?.(tab);
	await tab.goto(path);
	await hydrated(tab);
	return tab;
}

/** The autosave status line at the top of the form. */
const statusLine = (page: Page) => page.locator('[data-save-status=top]');
/** The bar that stays in view while saving has a problem. */
const problemBar = (page: Page) => page.locator('[data-save-problem]');
const titleField = (page: Page) => page.getByLabel(TITLE_LABEL);

/** Withdraws Amira's draft on the call, if there is one, as she would. */
async function withdrawDraft(browser: Browser) {
	const context = await browser.newContext({ baseURL: BASE_URL });
	try {
		const page = await context.newPage();
		await signInAs(page, 'applicant', `/calls/${CALL_SLUG}`);
		const continueLink = page.getByRole('link', { name: t('en', 'apply_call_continue') });
		if (!(await continueLink.count())) return;
		await continueLink.click();
		await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
		await hydrated(page);
		await page.getByText(t('en', 'apply_withdraw'), { exact: true }).click();
		await page.getByRole('button', { name: t('en', 'apply_withdraw_confirm') }).click();
		await expect(page.getByText(t('en', 'apply_withdrawn_title'))).toBeVisible();
	} finally {
		await context.close();
	}
}

test('answers typed offline show "not saved — retrying" and are saved once back online', async ({
	page,
	context
}) => {
	await signInAs(page, 'applicant', null);
	await openDraft(page);
	const answer = `Repair café on wheels ${RUN}`;

	await context.setOffline(true);
	await titleField(page).fill(answer);
	// The save fails: the status line and the bar say so, with what happens next.
	await expect(statusLine(page)).toHaveText(t('en', 'apply_save_retrying'));
	await expect(problemBar(page)).toHaveAttribute('data-save-problem', 'retrying');
	await expect(problemBar(page)).toContainText(t('en', 'apply_save_retrying'));
	await expect(problemBar(page)).toContainText(t('en', 'apply_save_retrying_help'));

	await context.setOffline(false);
	await expect(statusLine(page)).toHaveText(SAVED);
	await expect(problemBar(page)).toHaveCount(0);

	// The answer is on the server: a reload shows it, not restored from this browser's copy.
	await page.reload();
	await hydrated(page);
	await expect(titleField(page)).toHaveValue(answer);
	await expect(page.getByText(t('en', 'apply_restored'))).toHaveCount(0);
	await expect(statusLine(page)).toHaveText(t('en', 'apply_save_idle'));
});

test('a change saved in one tab is not overwritten by a stale second tab', async ({
	page: tabA,
	context
}) => {
	await signInAs(tabA, 'applicant', null);
	const path = await openDraft(tabA);
	const tabB = await openTab(context, path);
	const before = await titleField(tabB).inputValue();

	// Tab A saves first.
	const fromA = `Neighbourhood tool library ${RUN}`;
	await titleField(tabA).fill(fromA);
	await expect(statusLine(tabA)).toHaveText(SAVED);

	// Tab B still holds the version before; its change is refused as a conflict, not saved.
	await expect(titleField(tabB)).toHaveValue(before);
	await titleField(tabB).fill(`Community fridge network ${RUN}`);
	const conflict = tabB.getByRole('alert').filter({ hasText: t('en', 'apply_conflict_title') });
	await expect(conflict).toBeVisible();
	await expect(conflict).toContainText(t('en', 'apply_conflict_body'));
	await expect(statusLine(tabB)).toHaveText(t('en', 'apply_conflict_title'));
	await expect(tabB.getByRole('button', { name: t('en', 'apply_submit') })).toBeDisabled();

	// Nothing was overwritten: tab A, reloaded, still has its answer from the server.
	await tabA.reload();
	await hydrated(tabA);
	await expect(titleField(tabA)).toHaveValue(fromA);
	await expect(tabA.getByText(t('en', 'apply_restored'))).toHaveCount(0);

	// Tab B takes the latest version; the answer changed in both places keeps the saved one.
	await conflict.getByRole('link', { name: t('en', 'apply_conflict_reload') }).click();
	await expect(titleField(tabB)).toHaveValue(fromA);
	await expect(conflict).toHaveCount(0);
	await expect(
		tabB.getByText(t('en', 'apply_conflict_kept_theirs', { questions: TITLE_LABEL }))
	).toBeVisible();

	// And saves again, on top of that version.
	const laterFromB = `Neighbourhood tool library and repair café ${RUN}`;
	await titleField(tabB).fill(laterFromB);
	await expect(statusLine(tabB)).toHaveText(SAVED);
	await tabA.reload();
	await hydrated(tabA);
	await expect(titleField(tabA)).toHaveValue(laterFromB);
});

test('an answer one tab could not save survives another tab of the draft reloading, and the tab crashing', async ({
	page: tabA,
	context
}) => {
	await signInAs(tabA, 'applicant', null);
	const path = await openDraft(tabA);
	// Tab B cannot reach the server (a flaky connection); tab A can.
	const tabB = await openTab(context, path, (tab) =>
		tab.route('**/api/applications/*/draft', (route) => route.abort('internetdisconnected'))
	);
	const unsaved = `Tool library on a cargo bike ${RUN}`;
	await titleField(tabB).fill(unsaved);
	await expect(statusLine(tabB)).toHaveText(t('en', 'apply_save_retrying'));

	// Tab A saves an answer to another question, then reloads: neither may throw away tab B's copy.
	const challenge = `Tools sit unused in every cellar ${RUN}`;
	await tabA.getByLabel(CHALLENGE_LABEL).fill(challenge);
	await expect(statusLine(tabA)).toHaveText(SAVED);
	await tabA.reload();
	await hydrated(tabA);
	// Tab B then goes without a goodbye, as when a phone discards a background tab or the browser
	// crashes: its leaving handlers (visibilitychange, pagehide) never get to write its copy again.
	await tabB.evaluate(() => {
		const silence = (event: Event) => event.stopImmediatePropagation();
		document.addEventListener('visibilitychange', silence, true);
		window.addEventListener('pagehide', silence, true);
	});
	await tabB.close();

	// A new tab finds the answer: restored from this browser or already saved by tab A.
	const tabC = await openTab(context, path);
	await expect(titleField(tabC)).toHaveValue(unsaved);
	// Then it is on the server (saved by tab A, or by this tab now).
	await expect(statusLine(tabC)).toHaveText(
		new RegExp(`^(${t('en', 'apply_save_idle')}|${SAVED.source.slice(1, -1)})\\s*$`)
	);
	await tabC.reload();
	await hydrated(tabC);
	await expect(titleField(tabC)).toHaveValue(unsaved);
	await expect(tabC.getByLabel(CHALLENGE_LABEL)).toHaveValue(challenge);
});
