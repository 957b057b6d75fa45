import { expect, test } from '@playwright/test';

test('landing page shows what Tandem is and the seeded programmes', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Run calls, juries, hackathons and vouchers in one place'
	);
	await expect(page.getByRole('heading', { name: 'SocialTech4EU' })).toBeVisible();
});
