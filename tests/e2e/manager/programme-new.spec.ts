import { expect, test } from '@playwright/test';
import {
	COOMPANION,
	expectNoSeriousA11yViolations,
	t,
	openAs,
	managerFollowsBrowserLanguage,
	uniqueSuffix
} from '../helpers';

/*
 * Maja (cluster manager of Coompanion Örebro) sets up a programme of her own: her first try has
 * no funder, an end before the start and a budget in words. Each mistake is told next to its
 * field, the keyboard lands on the first one, what she typed stays, and nothing is created. Her
 * second try creates the programme, which then shows its facts and target on its page and in the
 * programme list.
 */

const NEW = `/manage/${COOMPANION.slug}/programmes/new`;

test.beforeEach(managerFollowsBrowserLanguage);

test('manager creates a programme after correcting a refused first try', async ({ page }) => {
	const name = `Rural social innovation ${uniqueSuffix()}`;
	await openAs(page, 'manager', NEW);
	await expect(
		page.getByRole('heading', { level: 2, name: t('en', 'manage_programme_new') })
	).toBeVisible();

	const nameField = page.locator('#programme-name_en');
	const funder = page.getByLabel(t('en', 'programme_funder'), { exact: true });
	const starts = page.getByLabel(t('en', 'manage_programme_starts'), { exact: true });
	const ends = page.getByLabel(t('en', 'manage_programme_ends'), { exact: true });
	const budget = page.getByLabel(t('en', 'programme_budget'), { exact: true });
	const create = page.getByRole('button', { name: t('en', 'manage_programme_create') });

	await nameField.fill(name);
	await starts.fill('2027-03-01');
	await ends.fill('2026-12-31');
	await budget.fill('two million');
	await page.getByLabel(t('en', 'manage_programme_target_indicator')).first().fill('jobs_created');
	await page.getByLabel(t('en', 'manage_programme_target_label')).first().fill('jobs created');
	await page.getByLabel(t('en', 'manage_programme_target_value')).first().fill('100');
	await create.click();

	await expect(
		page.getByRole('alert').filter({ hasText: t('en', 'form_has_errors') })
	).toBeVisible();
	await expect(page.locator('#programme-funder-error')).toHaveText(t('en', 'field_required'));
	await expect(page.locator('#programme-endsOn-error')).toHaveText(
		t('en', 'field_ends_before_starts')
	);
	await expect(page.locator('#programme-budget-error')).toHaveText(t('en', 'field_amount_invalid'));
	// The keyboard is on the first field to fix; everything typed is still there.
	await expect(funder).toBeFocused();
	await expect(funder).toHaveAttribute('aria-invalid', 'true');
	await expect(nameField).toHaveValue(name);
	await expect(budget).toHaveValue('two million');
	await expect(page.getByLabel(t('en', 'manage_programme_target_indicator')).first()).toHaveValue(
		'jobs_created'
	);
	await expect(page).toHaveURL(new RegExp(`${NEW}$`));
	await expectNoSeriousA11yViolations(page);

	await funder.fill('Region Örebro län');
	await ends.fill('2029-02-28');
	await budget.fill('2000000');
	await create.click();

	await expect(page).toHaveURL(new RegExp(`/manage/${COOMPANION.slug}/programmes/[a-z0-9-]+$`));
	await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	const details = page.getByRole('region', { name: t('en', 'manage_programme_details') });
	const facts = (label: string) =>
		details.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=../dd');
	await expect(facts(t('en', 'manage_programme_lead'))).toHaveText(COOMPANION.name);
	await expect(facts(t('en', 'programme_funder'))).toHaveText('Region Örebro län');
	const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'SEK' });
	await expect(facts(t('en', 'programme_budget'))).toHaveText(money.format(2_000_000));
	await expect(details.getByRole('listitem').filter({ hasText: 'jobs created' })).toHaveText(
		/^\s*100\s+jobs created\s*$/
	);
	await expectNoSeriousA11yViolations(page);

	// The programme list shows it with the same facts.
	await page
		.getByRole('link', { name: t('en', 'manage_programmes'), exact: true })
		.first()
		.click();
	const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
	await expect(item).toContainText('Region Örebro län');
	await expect(item).toContainText(money.format(2_000_000));
});
