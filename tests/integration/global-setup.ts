import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { createDatabase } from '../../src/lib/server/db';
import { migrateDatabase } from '../../src/lib/server/db/migrate';

export const TEMPLATE = 'tandem_template';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/**
 * One real PostgreSQL per test run. The template database is migrated once after creating the
 * `anon` and `authenticated` roles with Supabase's default privileges, so the lockdown is tested
 * against what Supabase would grant. Each test file clones the template (see setup.ts).
 */
export default async function setup(project: TestProject) {
	const dataDir = mkdtempSync(join(tmpdir(), 'tandem-it-'));
	// As root, PostgreSQL runs as the `postgres` user, which must reach the folder.
	chmodSync(dataDir, 0o755);
	const port = await freePort();
	const password = 'integration';
	const server = await startEmbeddedDatabase({
		dataDir: join(dataDir, 'pg'),
		port,
		password,
		database: TEMPLATE
	});
	const admin = `postgres://postgres:${password}@127.0.0.1:${port}`;

	const client = new pg.Client({ connectionString: `${admin}/${TEMPLATE}` });
	await client.connect();
	await client.query(`
		DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF;
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF;
		END $$;
		GRANT USAGE ON SCHEMA public TO anon, authenticated;
		ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated;
		ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated;
		ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated;
	`);
	await client.end();

	const template = createDatabase(`${admin}/${TEMPLATE}`, 2);
	await migrateDatabase(template.pool);
	await template.pool.end();

	project.provide('pgAdminUrl', admin);

	return async () => {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgAdminUrl: string;
	}
}
