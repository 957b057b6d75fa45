import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import {
	BASE_URL,
	COOMPANION,
	DEMO,
	inDays,
	invite,
	labelFor,
	latestMailTo,
	mailsTo,
	memberRows,
	openInvitations,
	postForm,
	readMailbox,
	signInAs,
	t,
	uniqueEmail
} from '../helpers';

const MEMBERS = `/manage/${COOMPANION.slug}/members`;

test('new address invited as member joins Coompanion Örebro through the emailed link', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('invitee');
	await signInAs(page, 'manager', MEMBERS);
	await invite(page, email, 'member');

	await expect(page.getByRole('status')).toHaveText(t('en', 'invite_sent', { email }));
	expect(await openInvitations(page)).toContainEqual([
		email,
		`${t('en', 'role_member')} · ${t('en', 'invitation_expires', { date: inDays(7) })}`
	]);

	const mail = await latestMailTo(page, email);
	expect(mail.subject).toBe(t('en', 'email_invitation_subject', { organisation: COOMPANION.name }));
	expect(mail.text).toContain(
		t('en', 'email_invitation_intro', {
			inviter: DEMO.manager.name,
			organisation: COOMPANION.name,
			role: t('en', 'role_member')
		})
	);
	expect(mail.links).toHaveLength(1);
	const link = mail.links[0];
	expect(link).toMatch(new RegExp(`^${BASE_URL}/invite/[A-Za-z0-9_-]+$`));

	// The invited person, in a browser of their own.
	const theirs = await browser.newContext({ baseURL: BASE_URL });
	const them = await theirs.newPage();
	await them.goto(link);
	const invitePath = new URL(link).pathname;
	await expect(them.locator('main h1')).toHaveText(
		t('en', 'invite_page_title', { name: COOMPANION.name })
	);
	await expect(
		them.getByText(
			t('en', 'invite_page_body', { name: COOMPANION.name, role: t('en', 'role_member') })
		)
	).toBeVisible();
	await expect(them.getByText(t('en', 'invite_page_for', { email }))).toBeVisible();

	await them.getByRole('button', { name: t('en', 'invite_page_sign_in', { email }) }).click();
	await them.waitForURL(
		`/login/check-email?email=${encodeURIComponent(email)}&redirectTo=${encodeURIComponent(invitePath)}`
	);
	const signInMail = await latestMailTo(them, email);
	expect(signInMail.subject).toBe(t('en', 'email_magic_link_subject'));
	await them.goto(signInMail.links[0]);
	await them.waitForURL(invitePath);

	await them
		.getByRole('button', { name: t('en', 'invite_page_accept', { name: COOMPANION.name }) })
		.click();
	await them.waitForURL('/app');
	await expect(them.locator('main h1')).toHaveText(t('en', 'dashboard_title', { name: email }));
	await expect(them.locator('main p').first()).toHaveText(
		t('en', 'dashboard_active_org', { name: COOMPANION.name })
	);
	// A member, not a manager: the organisation's pages stay closed to them.
	expect((await them.goto(MEMBERS))?.status()).toBe(403);

	// The used invitation no longer works.
	await them.goto(link);
	await expect(them.getByRole('alert')).toHaveText(t('en', 'invite_page_invalid'));
	await theirs.close();

	await page.goto(MEMBERS);
	const row = (await memberRows(page)).find((r) => r[1] === email);
	expect(row).toEqual([t('en', 'empty_value'), email, t('en', 'role_member'), inDays(0)]);
	expect((await openInvitations(page)).map(([address]) => address)).not.toContain(email);
});

test.describe('invite form with bad input', () => {
	const cases = [
		{ name: 'empty address', input: '', message: t('en', 'field_required') },
		{ name: 'malformed address', input: 'maja@', message: t('en', 'field_email_invalid') },
		{
			name: 'address of an existing member',
			input: DEMO.manager.email,
			message: t('en', 'field_already_member')
		}
	];
	for (const c of cases) {
		test(`${c.name} is refused with "${c.message}" and invites nobody`, async ({ page }) => {
			await signInAs(page, 'manager', null);
			const mailsBefore = (await readMailbox(page)).length;
			await page.goto(MEMBERS);
			const before = await openInvitations(page);

			await invite(page, c.input);
			await expect(page.locator('#invite-email-error')).toHaveText(c.message);
			await expect(page.locator('#invite-email')).toHaveAttribute('aria-invalid', 'true');
			await expect(page.locator('#invite-email')).toHaveValue(c.input);
			await expect(page.locator('#invite-email')).toBeFocused();

			await page.reload();
			expect(await openInvitations(page)).toEqual(before);
			expect((await readMailbox(page)).length).toBe(mailsBefore);
		});
	}
});

test('revoking an invitation removes it from the list and its link stops working', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('revoked');
	await signInAs(page, 'manager', MEMBERS);
	await invite(page, email, 'manager');
	await expect(page.getByRole('status')).toHaveText(t('en', 'invite_sent', { email }));
	expect(await openInvitations(page)).toContainEqual([
		email,
		`${t('en', 'role_manager')} · ${t('en', 'invitation_expires', { date: inDays(7) })}`
	]);
	const link = (await latestMailTo(page, email)).links[0];
	await page.goto(MEMBERS);

	await page.getByRole('button', { name: labelFor(t('en', 'invitation_revoke'), email) }).click();
	await expect(
		page.getByRole('region', { name: t('en', 'invitations_title') }).getByRole('status')
	).toHaveText(t('en', 'invitation_revoked'));
	expect((await openInvitations(page)).map(([address]) => address)).not.toContain(email);
	await page.reload();
	expect((await openInvitations(page)).map(([address]) => address)).not.toContain(email);

	const anonymous = await browser.newContext({ baseURL: BASE_URL });
	const stranger = await anonymous.newPage();
	await stranger.goto(link);
	await expect(stranger.locator('main h1')).toHaveText(t('en', 'link_error_title'));
	await expect(stranger.getByRole('alert')).toHaveText(t('en', 'invite_page_invalid'));
	await anonymous.close();
});

test.describe('forged requests', () => {
	test('revoking an invitation id that does not exist answers 404 and changes nothing', async ({
		page
	}) => {
		await signInAs(page, 'manager', MEMBERS);
		const before = await openInvitations(page);

		const response = await postForm(page, `${MEMBERS}?/revoke`, { invitationId: randomUUID() });
		expect(response.status()).toBe(404);

		await page.reload();
		expect(await openInvitations(page)).toEqual(before);
	});

	test('revoking another organisation’s invitation through one’s own organisation answers 404 and keeps it', async ({
		page,
		browser
	}) => {
		// The platform admin invites someone to Silicon Vilstal, which Maja does not manage.
		const adminContext = await browser.newContext({ baseURL: BASE_URL });
		const admin = await adminContext.newPage();
		const email = uniqueEmail('elsewhere');
		await signInAs(admin, 'admin', '/manage/silicon-vilstal/members');
		await invite(admin, email);
		await expect(admin.getByRole('status')).toHaveText(t('en', 'invite_sent', { email }));
		const invitationId = await admin
			.getByRole('region', { name: t('en', 'invitations_title') })
			.locator('li', { hasText: email })
			.locator('input[name=invitationId]')
			.inputValue();

		await signInAs(page, 'manager', null);
		const response = await postForm(page, `${MEMBERS}?/revoke`, { invitationId });
		expect(response.status()).toBe(404);

		await admin.reload();
		expect((await openInvitations(admin)).map(([address]) => address)).toContain(email);
		await adminContext.close();
	});

	test('inviting into an organisation one does not manage answers 403 and sends nothing', async ({
		page
	}) => {
		const email = uniqueEmail('forged');
		await signInAs(page, 'manager', null);
		const response = await postForm(page, '/manage/silicon-vilstal/members?/invite', {
			email,
			role: 'manager'
		});
		expect(response.status()).toBe(403);
		expect(await mailsTo(page, email)).toEqual([]);
	});

	test('revoking in an organisation one does not manage answers 403', async ({ page }) => {
		await signInAs(page, 'manager', null);
		const response = await postForm(page, '/manage/silicon-vilstal/members?/revoke', {
			invitationId: randomUUID()
		});
		expect(response.status()).toBe(403);
	});

	test('posting without the site’s origin is refused', async ({ page }) => {
		const email = uniqueEmail('cross-site');
		await signInAs(page, 'manager', null);
		const response = await postForm(
			page,
			`${MEMBERS}?/invite`,
			{ email, role: 'member' },
			'https://evil.example'
		);
		expect(response.status()).toBe(403);
		expect(await mailsTo(page, email)).toEqual([]);
	});
});
