import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import {
	E2E_PG_PORT,
	e2ePgPassword,
	messages,
	startInstance,
	stopInstance,
	waitForHealthy,
	type Instance
} from '../helpers';

/**
 * With DATABASE_URL set, local mode does not exist: no demo people, no demo sign-in, no dev mailbox.
 * The same build runs against a database of its own on the e2e PostgreSQL.
 */
const PORT = 4174;
const ORIGIN = `http://localhost:${PORT}`;
const DATABASE = 'tandem_external';
const DATA_DIR = '.data-e2e-prod';

let instance: Instance | undefined;
let databaseUrl = '';

function adminClient(database = 'postgres') {
	return new pg.Client({
		host: '127.0.0.1',
		port: E2E_PG_PORT,
		user: 'postgres',
		password: e2ePgPassword(),
		database
	});
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
	const client = adminClient(DATABASE);
	await client.connect();
	try {
		return (await client.query<T>(sql)).rows;
	} finally {
		await client.end();
	}
}

/** A secret as an operator would make one: 48 random characters. */
const strongSecret = () => randomBytes(36).toString('base64url');

test.beforeAll(async () => {
	rmSync(DATA_DIR, { recursive: true, force: true });
	const client = adminClient();
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
		await client.query(`CREATE DATABASE ${DATABASE}`);
	} finally {
		await client.end();
	}
	databaseUrl = `postgres://postgres:${encodeURIComponent(e2ePgPassword())}@127.0.0.1:${E2E_PG_PORT}/${DATABASE}`;
	instance = startInstance({
		PORT: String(PORT),
		ORIGIN,
		DATABASE_URL: databaseUrl,
		BETTER_AUTH_SECRET: strongSecret(),
		TANDEM_DATA_DIR: DATA_DIR,
		LOG_LEVEL: 'warn'
	});
	await waitForHealthy(`${ORIGIN}/healthz`, instance);
});

test.afterAll(async () => {
	await stopInstance(instance);
	rmSync(DATA_DIR, { recursive: true, force: true });
});

test('healthz reports the external database as ok', async () => {
	const response = await fetch(`${ORIGIN}/healthz`);
	expect(response.status).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	const body = (await response.json()) as Record<string, unknown>;
	expect(body).toEqual({ status: 'ok', database: 'ok', databaseMs: expect.any(Number) });
});

test('dev mailbox does not exist', async ({ page }) => {
	const response = await page.goto(`${ORIGIN}/dev/mailbox`);
	expect(response?.status()).toBe(404);
	await expect(page.locator('main h1')).toHaveText(messages.en.error_not_found);
	await expect(page.locator('[data-testid=mail]')).toHaveCount(0);
});

test('sign-in page offers no demo accounts', async ({ page }) => {
	const response = await page.goto(`${ORIGIN}/login`);
	expect(response?.status()).toBe(200);
	await expect(page.locator('main h1')).toHaveText(messages.en.login_title);
	await expect(page.locator('#email')).toBeVisible();
	await expect(page.getByText(messages.en.login_demo_title)).toHaveCount(0);
	await expect(page.locator('[data-demo-role]')).toHaveCount(0);
	// Nor anywhere else: no dev mailbox link, no local-mode footer.
	await expect(page.getByRole('link', { name: messages.en.nav_mailbox })).toHaveCount(0);
	await expect(page.getByText(messages.en.footer_local_mode)).toHaveCount(0);
});

test('forged demo sign-in post is refused without a session', async ({ request }) => {
	for (const role of ['admin', 'manager']) {
		const response = await request.post(`${ORIGIN}/login?/demo`, {
			form: { role, redirectTo: '/admin' },
			headers: { origin: ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(404);
		const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
		expect(cookies.filter((c) => c.value.includes('session_token'))).toEqual([]);
	}
	const state = await request.storageState();
	expect(state.cookies.filter((c) => c.name.includes('session_token'))).toEqual([]);
	const admin = await request.get(`${ORIGIN}/admin`, { maxRedirects: 0 });
	expect(admin.status()).toBe(303);
	expect(admin.headers().location).toBe('/login?redirectTo=%2Fadmin');
});

test('external database is migrated and holds no demo data', async () => {
	const tables = await query<{ table_name: string }>(
		"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
	);
	const names = tables.map((row) => row.table_name);
	for (const table of [
		'user',
		'session',
		'organisation',
		'membership',
		'invitation',
		'programme',
		'outbox'
	]) {
		expect(names).toContain(table);
	}
	expect(await query('SELECT count(*)::int AS n FROM "user"')).toEqual([{ n: 0 }]);
	expect(await query('SELECT count(*)::int AS n FROM organisation')).toEqual([{ n: 0 }]);
	expect(await query('SELECT count(*)::int AS n FROM programme')).toEqual([{ n: 0 }]);
});

test('weak BETTER_AUTH_SECRET stops the start with a message naming it', async () => {
	const weak = startInstance({
		PORT: String(PORT + 2),
		ORIGIN: `http://localhost:${PORT + 2}`,
		DATABASE_URL: databaseUrl,
		BETTER_AUTH_SECRET: 'short',
		TANDEM_DATA_DIR: DATA_DIR,
		LOG_LEVEL: 'warn'
	});
	try {
		const code = await Promise.race([
			weak.exited,
			new Promise((r) => setTimeout(() => r('still running'), 15_000))
		]);
		expect(code).not.toBe('still running');
		expect(code).not.toBe(0);
		expect(weak.stderr()).toContain('BETTER_AUTH_SECRET');
	} finally {
		await stopInstance(weak, 'SIGKILL');
	}
});
