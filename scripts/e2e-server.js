// The app under end-to-end test: the production build in local mode, on a fresh data folder.
import { rmSync } from 'node:fs';

const dir = process.env.TANDEM_DATA_DIR;
if (!dir || !dir.includes('e2e')) throw new Error('TANDEM_DATA_DIR must name the e2e data folder');
rmSync(dir, { recursive: true, force: true });
// A computed specifier: the type checker must not walk into the generated build.
await import(new URL('../build/index.js', import.meta.url).href);
