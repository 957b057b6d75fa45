// Makes sure the end-to-end tests have a Chromium, and says what it did.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.js';

/** @param {string} command @param {string[]} args */
function run(command, args) {
	return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

const found = findChromium();
if (found) {
	console.log(`Chromium: ${found}`);
	process.exit(0);
}

console.log("No Chromium found: trying Playwright's download (needs the internet)…");
if (run('npx', ['playwright', 'install', 'chromium']) && findChromium()) {
	console.log(`Installed Playwright's Chromium: ${findChromium()}`);
	process.exit(0);
}

if (process.getuid?.() === 0) {
	console.log("Playwright's download failed: installing Debian's chromium package with apt-get…");
	if (
		run('apt-get', ['update']) &&
		run('apt-get', ['install', '-y', 'chromium']) &&
		findChromium()
	) {
		console.log(`Installed Debian's Chromium: ${findChromium()}`);
		process.exit(0);
	}
}

console.error(
	'No Chromium could be found or installed. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.'
);
process.exit(1);
