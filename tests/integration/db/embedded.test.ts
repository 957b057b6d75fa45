import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseError, startEmbeddedDatabase } from '../../../src/lib/server/db/embedded';

let dataDir: string;
let busy: Server | undefined;

function listen(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			busy = server;
			resolve((server.address() as { port: number }).port);
		});
	});
}

async function startFailure(
	options: Parameters<typeof startEmbeddedDatabase>[0]
): Promise<EmbeddedDatabaseError> {
	try {
		const running = await startEmbeddedDatabase(options);
		await running.stop();
	} catch (error) {
		if (error instanceof EmbeddedDatabaseError) return error;
		throw error;
	}
	throw new Error('expected the embedded database not to start');
}

beforeEach(() => {
	dataDir = mkdtempSync(join(tmpdir(), 'tandem-embedded-'));
});

afterEach(async () => {
	await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
	busy = undefined;
	rmSync(dataDir, { recursive: true, force: true });
});

describe('startEmbeddedDatabase', () => {
	it('a port already in use is refused with advice to choose EMBEDDED_PG_PORT', async () => {
		const port = await listen();

		const error = await startFailure({ dataDir, port, password: 'unused' });

		expect(error.name).toBe('EmbeddedDatabaseError');
		expect(error.message).toBe(
			`Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
				'Stop whatever listens there, or choose another port with EMBEDDED_PG_PORT=<port>.'
		);
	});

	it('a data folder still locked by a live process is refused with that process id', async () => {
		// The port is taken too, so even if the lock were missed, no PostgreSQL would start.
		const port = await listen();
		writeFileSync(
			join(dataDir, 'postmaster.pid'),
			`${process.pid}\n${dataDir}\n1700000000\n${port}\n`
		);

		const error = await startFailure({ dataDir, port, password: 'unused' });

		expect(error.message).toContain('still running');
		expect(error.message).toContain(`process ${process.pid}`);
		expect(error.message).toContain(`kill ${process.pid}`);
		expect(error.message).not.toContain('already in use');
	});

	it('a lock file left by a process that is gone is ignored', async () => {
		// No process can have this id: the check moves on to the port, which is taken, so nothing starts.
		writeFileSync(join(dataDir, 'postmaster.pid'), `2147483647\n${dataDir}\n`);
		const port = await listen();

		const error = await startFailure({ dataDir, port, password: 'unused' });

		expect(error.message).toContain(`Port ${port} is already in use`);
	});
});
