import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, embeddedSocketDir, isLocalMode, loadConfig } from './config';

const strongSecret = 'q8Vd2xK7mN4pR9sT1wY6zB3cF5hJ0lA2eG';

function configError(env: NodeJS.ProcessEnv): ConfigError {
	try {
		loadConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('loadConfig did not throw');
}

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-config-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig in local mode', () => {
	it('an environment without DATABASE_URL is local mode', () => {
		expect([
			isLocalMode({}),
			isLocalMode({ DATABASE_URL: '' }),
			isLocalMode({ DATABASE_URL: 'postgres://db/tandem' })
		]).toEqual([true, true, false]);
	});

	it('local mode generates secrets into the data folder and points at the embedded database', () => {
		const config = loadConfig({ TANDEM_DATA_DIR: dir });
		const secrets = JSON.parse(readFileSync(join(dir, 'local-secrets.json'), 'utf8')) as {
			authSecret: string;
			pgPassword: string;
		};

		expect(secrets.authSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(secrets.pgPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(statSync(join(dir, 'local-secrets.json')).mode & 0o777).toBe(0o600);
		expect(config).toEqual({
			local: true,
			databaseUrl: `postgres://postgres:${secrets.pgPassword}@/tandem?host=%2Ftmp&port=5433`,
			embedded: {
				dataDir: join(dir, 'postgres'),
				port: 5433,
				password: secrets.pgPassword,
				socketDir: '/tmp'
			},
			namedStatements: true,
			authSecret: secrets.authSecret,
			origin: 'http://localhost:3000',
			resendApiKey: undefined,
			emailFrom: 'Tandem <no-reply@tandem.local>',
			dataDir: dir
		});
	});

	it('local mode reuses the secrets written on the first start', () => {
		const first = loadConfig({ TANDEM_DATA_DIR: dir });
		const stored = readFileSync(join(dir, 'local-secrets.json'), 'utf8');
		const second = loadConfig({ TANDEM_DATA_DIR: dir });

		expect(second.authSecret).toBe(first.authSecret);
		expect(second.embedded?.password).toBe(first.embedded?.password);
		expect(readFileSync(join(dir, 'local-secrets.json'), 'utf8')).toBe(stored);
	});

	it('local mode replaces an incomplete secrets file', () => {
		writeFileSync(join(dir, 'local-secrets.json'), JSON.stringify({ authSecret: 'only-half' }));
		const config = loadConfig({ TANDEM_DATA_DIR: dir });
		const secrets = JSON.parse(readFileSync(join(dir, 'local-secrets.json'), 'utf8')) as {
			authSecret: string;
			pgPassword: string;
		};

		expect(config.authSecret).toBe(secrets.authSecret);
		expect(secrets.authSecret).not.toBe('only-half');
		expect(config.embedded?.password).toBe(secrets.pgPassword);
	});

	it('local mode takes the port, embedded port, origin, sender and Resend key from the environment', () => {
		const config = loadConfig({
			TANDEM_DATA_DIR: dir,
			PORT: '4100',
			EMBEDDED_PG_PORT: '6543',
			BETTER_AUTH_SECRET: strongSecret,
			EMAIL_FROM: 'Tandem <hello@example.org>',
			RESEND_API_KEY: 're_local'
		});
		expect({
			origin: config.origin,
			port: config.embedded?.port,
			url: config.databaseUrl.endsWith('@/tandem?host=%2Ftmp&port=6543'),
			secret: config.authSecret,
			from: config.emailFrom,
			resend: config.resendApiKey
		}).toEqual({
			origin: 'http://localhost:4100',
			port: 6543,
			url: true,
			secret: strongSecret,
			from: 'Tandem <hello@example.org>',
			resend: 're_local'
		});
	});

	it('local mode with a bad embedded port throws a ConfigError naming EMBEDDED_PG_PORT', () => {
		const error = configError({ TANDEM_DATA_DIR: dir, EMBEDDED_PG_PORT: '70000' });
		expect([error.variable, error.message]).toEqual([
			'EMBEDDED_PG_PORT',
			'EMBEDDED_PG_PORT must be a port number (1–65535), got "70000".'
		]);
	});
});

describe('embeddedSocketDir', () => {
	it('the embedded PostgreSQL is reached through a Unix socket in /tmp, except on Windows (TCP)', () => {
		expect([
			embeddedSocketDir('linux'),
			embeddedSocketDir('darwin'),
			embeddedSocketDir('win32')
		]).toEqual(['/tmp', '/tmp', null]);
	});
});

describe('loadConfig in production', () => {
	const production = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
		TANDEM_DATA_DIR: dir,
		DATABASE_URL: 'postgres://tandem:secret@db.example.org:5432/postgres',
		BETTER_AUTH_SECRET: strongSecret,
		ORIGIN: 'https://tandem.example.org',
		...overrides
	});

	it('a complete production environment is used as given and writes no local secrets', () => {
		expect(loadConfig(production({ RESEND_API_KEY: 're_live' }))).toEqual({
			local: false,
			databaseUrl: 'postgres://tandem:secret@db.example.org:5432/postgres',
			namedStatements: true,
			authSecret: strongSecret,
			origin: 'https://tandem.example.org',
			resendApiKey: 're_live',
			emailFrom: 'Tandem <no-reply@tandem.local>',
			dataDir: dir
		});
		expect(() => statSync(join(dir, 'local-secrets.json'))).toThrowError(/ENOENT/);
	});

	it('named prepared statements: off through Supabase’s transaction pooler (6543), as set otherwise', () => {
		const pooler =
			'postgres://postgres.ref:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres';
		const session =
			'postgres://postgres.ref:secret@aws-0-eu-central-1.pooler.supabase.com:5432/postgres';
		expect([
			loadConfig(production({ DATABASE_URL: pooler })).namedStatements,
			loadConfig(production({ DATABASE_URL: session })).namedStatements,
			loadConfig(production({ DATABASE_URL: pooler, DATABASE_PREPARED_STATEMENTS: 'on' }))
				.namedStatements,
			loadConfig(production({ DATABASE_URL: session, DATABASE_PREPARED_STATEMENTS: 'off' }))
				.namedStatements
		]).toEqual([false, true, true, false]);
		const error = configError(production({ DATABASE_PREPARED_STATEMENTS: 'yes' }));
		expect([error.variable, error.message]).toEqual([
			'DATABASE_PREPARED_STATEMENTS',
			'DATABASE_PREPARED_STATEMENTS must be "on" or "off", got "yes".'
		]);
	});

	it('a missing BETTER_AUTH_SECRET throws a ConfigError naming it', () => {
		const error = configError(production({ BETTER_AUTH_SECRET: undefined }));
		expect(error.variable).toBe('BETTER_AUTH_SECRET');
		expect(error.message).toContain('BETTER_AUTH_SECRET is missing or weak');
	});

	it('a short BETTER_AUTH_SECRET throws a ConfigError naming it', () => {
		const error = configError(production({ BETTER_AUTH_SECRET: 'short-secret' }));
		expect(error.variable).toBe('BETTER_AUTH_SECRET');
		expect(error.message).toContain('at least 32 random characters');
	});

	it('a long BETTER_AUTH_SECRET with few distinct characters throws a ConfigError naming it', () => {
		const error = configError(production({ BETTER_AUTH_SECRET: 'ab'.repeat(32) }));
		expect([error.name, error.variable]).toEqual(['ConfigError', 'BETTER_AUTH_SECRET']);
		expect(error.message).toContain('BETTER_AUTH_SECRET');
	});

	it('a missing ORIGIN throws a ConfigError naming it', () => {
		const error = configError(production({ ORIGIN: undefined }));
		expect([error.variable, error.message]).toEqual([
			'ORIGIN',
			'ORIGIN is not set: give the public address of the platform, e.g. https://tandem.example.org.'
		]);
	});

	it('an ORIGIN that is not a URL throws a ConfigError naming it', () => {
		const error = configError(production({ ORIGIN: 'tandem.example.org' }));
		expect([error.variable, error.message]).toEqual([
			'ORIGIN',
			'ORIGIN is not a valid URL: "tandem.example.org".'
		]);
	});

	it('a PORT that is not a number throws a ConfigError naming it', () => {
		const error = configError(production({ PORT: 'eighty' }));
		expect([error.variable, error.message]).toEqual([
			'PORT',
			'PORT must be a port number (1–65535), got "eighty".'
		]);
	});

	it('a PORT of zero throws a ConfigError naming it', () => {
		expect(configError(production({ PORT: '0' })).variable).toBe('PORT');
	});
});
