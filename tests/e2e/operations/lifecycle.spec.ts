import { expect, test } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
	hydrated,
	portAnswers,
	signInByMagicLink,
	startInstance,
	stopInstance,
	t,
	uniqueEmail,
	waitForHealthy,
	type Instance
} from '../helpers';

/**
 * A local-mode instance of its own (own data folder, own embedded PostgreSQL), started, stopped and
 * started again the way someone runs Tandem on their machine.
 */
const DATA_DIR = '.data-e2e-life';
const PG_PORT = 5566;
const PORT = 4175;
const ORIGIN = `http://localhost:${PORT}`;

const env = (port: number) => ({
	TANDEM_DATA_DIR: DATA_DIR,
	EMBEDDED_PG_PORT: String(PG_PORT),
	PORT: String(port),
	ORIGIN: `http://localhost:${port}`,
	DATABASE_URL: '',
	LOG_LEVEL: 'warn'
});

const started: Instance[] = [];
function start(port = PORT): Instance {
	const instance = startInstance(env(port));
	started.push(instance);
	return instance;
}

test.beforeAll(() => {
	rmSync(DATA_DIR, { recursive: true, force: true });
});

test.afterAll(async () => {
	for (const instance of started.reverse()) await stopInstance(instance);
	rmSync(DATA_DIR, { recursive: true, force: true });
});

test('restart keeps the data and stopping shuts PostgreSQL down cleanly', async ({ browser }) => {
	test.setTimeout(120_000);
	const first = start();
	await waitForHealthy(`${ORIGIN}/healthz`, first, 90_000);

	const context = await browser.newContext({ baseURL: ORIGIN });
	const page = await context.newPage();
	const email = uniqueEmail('lifecycle');
	const name = `Restart ${email.split('@')[0]}`;
	await signInByMagicLink(page, email, ORIGIN);
	await page.goto(`${ORIGIN}/account`);
	await hydrated(page);
	await page.locator('#name').fill(name);
	await page.getByRole('button', { name: t('en', 'account_save') }).click();
	await page.waitForURL(`${ORIGIN}/account?saved=1`);
	await expect(page.locator('#name')).toHaveValue(name);

	first.process.kill('SIGTERM');
	const code = await Promise.race([
		first.exited,
		new Promise((r) => setTimeout(() => r('still running'), 30_000))
	]);
	expect(code, first.stderr()).toBe(0);
	expect(await portAnswers(PG_PORT)).toBe(false);
	expect(existsSync(join(DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(false);

	const second = start();
	await waitForHealthy(`${ORIGIN}/healthz`, second, 60_000);
	// The same browser, with the session cookie from before the restart.
	await page.goto(`${ORIGIN}/account`);
	expect(new URL(page.url()).pathname).toBe('/account');
	await expect(page.locator('#name')).toHaveValue(name);
	await page.goto(`${ORIGIN}/app`);
	await expect(page.locator('main h1')).toHaveText(t('en', 'dashboard_title', { name }));
	await context.close();

	await stopInstance(second);
	expect(await second.exited).toBe(0);
});

test('second instance on a data folder in use refuses to start', async () => {
	test.setTimeout(120_000);
	const running = start();
	await waitForHealthy(`${ORIGIN}/healthz`, running, 90_000);

	const intruder = start(PORT + 3);
	const code = await Promise.race([
		intruder.exited,
		new Promise((r) => setTimeout(() => r('still running'), 30_000))
	]);
	expect(code).not.toBe('still running');
	expect(code).not.toBe(0);
	expect(intruder.stderr()).toMatch(/still running|already in use/);

	// The first instance is untouched.
	const health = await fetch(`${ORIGIN}/healthz`);
	expect(health.status).toBe(200);
});
