import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Local mode is exactly "no DATABASE_URL": the app runs its own embedded PostgreSQL, seeds demo
 * data, offers demo sign-in and the dev mailbox. Nothing else switches these on, so they can never
 * appear against a real database.
 */
export function isLocalMode(env: NodeJS.ProcessEnv = process.env): boolean {
	return !env.DATABASE_URL;
}

export interface LocalSecrets {
	authSecret: string;
	pgPassword: string;
}

export interface PlatformConfig {
	local: boolean;
	databaseUrl: string;
	/** Embedded PostgreSQL settings; only in local mode. */
	embedded?: { dataDir: string; port: number; password: string; socketDir: string | null };
	/**
	 * Whether the connection keeps named prepared statements (parsed and planned once per
	 * connection): yes for the embedded database and a direct connection; not through a
	 * transaction-mode pooler (Supabase's on port 6543), which moves sessions between connections.
	 */
	namedStatements: boolean;
	authSecret: string;
	origin: string;
	resendApiKey?: string;
	emailFrom: string;
	dataDir: string;
}

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		message: string
	) {
		super(message);
		this.name = 'ConfigError';
	}
}

const MIN_SECRET_LENGTH = 32;

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.TANDEM_DATA_DIR || '.data');
}

/** Secrets for local mode, generated on first use and kept in the data folder. */
export function localSecrets(dir: string): LocalSecrets {
	const file = resolve(dir, 'local-secrets.json');
	if (existsSync(file)) {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
		if (parsed.authSecret && parsed.pgPassword) return parsed as LocalSecrets;
	}
	mkdirSync(dir, { recursive: true });
	const secrets: LocalSecrets = {
		authSecret: randomBytes(32).toString('base64url'),
		pgPassword: randomBytes(18).toString('base64url')
	};
	writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	return secrets;
}

function parsePort(value: string | undefined, fallback: number, variable: string): number {
	if (!value) return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new ConfigError(variable, `${variable} must be a port number (1–65535), got "${value}".`);
	}
	return port;
}

/**
 * Where the embedded PostgreSQL also listens on a Unix socket, which the app connects through:
 * on a small machine a query over loopback TCP costs ~0.8 ms of the app's CPU in the kernel, a
 * Unix socket a fraction of that (bench/applications.js). None on Windows, which keeps TCP.
 */
export function embeddedSocketDir(platform: NodeJS.Platform = process.platform): string | null {
	return platform === 'win32' ? null : '/tmp';
}

/** DATABASE_PREPARED_STATEMENTS=on|off, else: not through Supabase's transaction pooler (port 6543). */
export function namedStatementsFor(url: string, setting: string | undefined): boolean {
	if (setting === 'on' || setting === 'off') return setting === 'on';
	if (setting) {
		throw new ConfigError(
			'DATABASE_PREPARED_STATEMENTS',
			`DATABASE_PREPARED_STATEMENTS must be "on" or "off", got "${setting}".`
		);
	}
	try {
		return new URL(url).port !== '6543';
	} catch {
		return false;
	}
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
	const dir = dataDir(env);
	const port = parsePort(env.PORT, 3000, 'PORT');
	const emailFrom = env.EMAIL_FROM || 'Tandem <no-reply@tandem.local>';
	const resendApiKey = env.RESEND_API_KEY || undefined;

	if (isLocalMode(env)) {
		const secrets = localSecrets(dir);
		const pgPort = parsePort(env.EMBEDDED_PG_PORT, 5433, 'EMBEDDED_PG_PORT');
		const socketDir = embeddedSocketDir();
		return {
			local: true,
			databaseUrl: socketDir
				? `postgres://postgres:${secrets.pgPassword}@/tandem?host=${encodeURIComponent(socketDir)}&port=${pgPort}`
				: `postgres://postgres:${secrets.pgPassword}@127.0.0.1:${pgPort}/tandem`,
			embedded: {
				dataDir: resolve(dir, 'postgres'),
				port: pgPort,
				password: secrets.pgPassword,
				socketDir
			},
			namedStatements: true,
			authSecret: env.BETTER_AUTH_SECRET || secrets.authSecret,
			origin: env.ORIGIN || `http://localhost:${port}`,
			resendApiKey,
			emailFrom,
			dataDir: dir
		};
	}

	const secret = env.BETTER_AUTH_SECRET ?? '';
	if (secret.length < MIN_SECRET_LENGTH || new Set(secret).size < 10) {
		throw new ConfigError(
			'BETTER_AUTH_SECRET',
			`BETTER_AUTH_SECRET is missing or weak: it must be at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`).`
		);
	}
	if (!env.ORIGIN) {
		throw new ConfigError(
			'ORIGIN',
			'ORIGIN is not set: give the public address of the platform, e.g. https://tandem.example.org.'
		);
	}
	try {
		new URL(env.ORIGIN);
	} catch {
		throw new ConfigError('ORIGIN', `ORIGIN is not a valid URL: "${env.ORIGIN}".`);
	}
	return {
		local: false,
		databaseUrl: env.DATABASE_URL as string,
		namedStatements: namedStatementsFor(
			env.DATABASE_URL as string,
			env.DATABASE_PREPARED_STATEMENTS
		),
		authSecret: secret,
		origin: env.ORIGIN,
		resendApiKey,
		emailFrom,
		dataDir: dir
	};
}

let cached: PlatformConfig | undefined;

/** The configuration of this process, read once. */
export function config(): PlatformConfig {
	cached ??= loadConfig();
	return cached;
}
