// Packs pkg/ with `npm pack`, installs the tarball into a fresh temporary
// project (as a user would), and runs tests/js/package/*.test.mjs there with
// node:test — so what is tested is exactly what would be published.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'jingwen-pkg-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work, join(root, 'pkg')], root));
const tarball = join(work, packed[0].filename);
console.log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(0)} KiB`);

const project = join(work, 'project');
cpSync(join(root, 'tests/js/package'), project, { recursive: true });
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
npm(['install', '--no-audit', '--no-fund', '--no-package-lock', tarball], project);

const tests = readdirSync(project).filter((f) => f.endsWith('.test.mjs'));
const res = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...tests], {
  cwd: project,
  stdio: 'inherit',
  env: { ...process.env, JINGWEN_ROOT: root },
});
process.exit(res.status ?? 1);
