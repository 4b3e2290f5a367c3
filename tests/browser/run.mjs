// Runs the browser tests: assembles dist/ from www/ and pkg/ (pkg/ must have
// been built), then every tests/browser/*.test.mjs, one file at a time (each
// starts its own server and Chromium).
//   node tests/browser/run.mjs            all
//   node tests/browser/run.mjs views      only files whose name contains "views"
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = join(root, 'tests/browser');
const assemble = spawnSync(process.execPath, [join(root, 'scripts/assemble.mjs')], { stdio: 'inherit' });
if (assemble.status !== 0) process.exit(assemble.status ?? 1);

const filter = process.argv[2] || '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs') && f.includes(filter))
  .sort()
  .map((f) => join(here, f));
const started = Date.now();
const res = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`browser tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(res.status ?? 1);
