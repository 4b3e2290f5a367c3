// Assembles the static site in dist/: the page (www/), the npm package files it
// uses (pkg/), and a service worker whose precache list and cache name come
// from a hash of every built file — a new build is a new cache, so an update
// is always picked up and an old cache never serves stale wasm.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

cpSync(join(root, 'www'), dist, { recursive: true });
// pkg/index.js is one bundled module (scripts/bundle.mjs): the glue and core.js are inside it.
for (const f of ['index.js', 'wasm/jingwen_bg.wasm']) {
  cpSync(join(root, 'pkg', f), join(dist, 'pkg', f));
}
cpSync(join(root, 'pkg', 'data'), join(dist, 'pkg', 'data'), { recursive: true });

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dist)
  .map((p) => relative(dist, p).split('\\').join('/'))
  .filter((f) => f !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(dist, f)));
}
const version = hash.digest('hex').slice(0, 16);
const urls = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
const sw = readFileSync(join(root, 'www', 'sw.js'), 'utf8')
  .replace('__CACHE_VERSION__', version)
  .replace('["__PRECACHE_URLS__"]', JSON.stringify(urls, null, 2));
writeFileSync(join(dist, 'sw.js'), sw);
writeFileSync(join(dist, 'build.json'), JSON.stringify({ version, files: urls }, null, 2));
console.log(`dist/: ${files.length} files, cache version ${version}`);
