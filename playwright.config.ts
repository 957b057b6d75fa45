import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

// Overridable so two checkouts can run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 5544);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data-e2e';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${E2E_PORT}`,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
			}
		}
	],
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://localhost:${E2E_PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(E2E_PORT),
			ORIGIN: `http://localhost:${E2E_PORT}`,
			TANDEM_DATA_DIR: E2E_DATA_DIR,
			EMBEDDED_PG_PORT: String(E2E_PG_PORT),
			LOG_LEVEL: 'warn',
			BODY_SIZE_LIMIT: '30M',
			DATABASE_URL: ''
		}
	}
});
