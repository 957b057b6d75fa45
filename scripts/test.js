// `npm test`: types, lint, unit + integration (real PostgreSQL), build, end-to-end (Chromium).
import { spawnSync } from 'node:child_process';

/** @type {[string, string, string[]][]} */
const steps = [
	['messages', 'npm', ['run', 'messages']],
	['types', 'npm', ['run', 'check']],
	['lint', 'npm', ['run', 'lint']],
	['unit + integration', 'npx', ['vitest', 'run']],
	['build', 'npx', ['vite', 'build']],
	['chromium', 'node', ['scripts/ensure-chromium.js']],
	['end-to-end', 'npx', ['playwright', 'test']]
];

const started = Date.now();
for (const [name, command, args] of steps) {
	const at = Date.now();
	console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	const seconds = ((Date.now() - at) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n✖ ${name} failed after ${seconds}s`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${name} (${seconds}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
