// The package's TypeScript declarations, as a TypeScript user meets them: a file
// using every export type-checks with `tsc --strict`, in a browser project (DOM
// library) and in a Node-only one (no DOM: the declarations must not need it), with
// both module resolutions users pick; and misuse is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const tsc = join(process.env.JINGWEN_ROOT, 'node_modules/.bin/tsc');
const dir = join(process.cwd(), 'types-check');
mkdirSync(dir, { recursive: true });

const USE = `import init, { convert, Converter, clean, cleanRules, highlight, highlightHtml, Highlighter, load, version, configs } from 'jingwen';
import type { CleanResult, HighlightResult, JingwenError } from 'jingwen';
import initLean, { convert as convertLean } from 'jingwen/convert';

await init({ preload: 's2t' });
await init({ preload: ['s2t', 'highlight'], base: '/jingwen/' });
await initLean({ module: '/jingwen/wasm-lite/jingwen_bg.wasm' });
await load('t2s', 'highlight');
const a: string = convert('汉字', 's2t') + convertLean('漢字', 'T2S.json');
const c = new Converter('s2twp', { dictionary: new Map([['香菜', '芫荽']]), includeTofuRisk: false });
const b: string = c.convert('香菜') + c.config;
c.free();
const r: CleanResult = clean(new Uint8Array([0x41]), { rules: { editor: false }, format: 'text', maxBytes: 1e6 });
const removed: number = r.removed.length + r.changed.length + r.markupDropped;
const h: HighlightResult = highlight('头发', ['头发'], { foldScript: true, wholeWord: false });
const skipped: number[] = h.skipped;
const hl = new Highlighter(['a'], { caseInsensitive: true });
const flat: Uint32Array = hl.findFlat('a');
const html: string = highlightHtml('a', ['a']) + hl.toHtml('a');
const v: string = version() + configs().join() + cleanRules().map((x) => x.id).join();
try {
  convert('x', 's2x');
} catch (e) {
  const code: JingwenError['code'] = (e as JingwenError).code;
  if (code === 'not-initialized' || code === 'freed' || code === 'wasm-load-failed') throw e;
}
export const used = [a, b, removed, skipped, flat, html, v];
`;

const MISUSE = `import { convert, Converter, clean } from 'jingwen';
convert(42, 's2t');
new Converter('s2t', { dictonary: {} });
clean('x', { format: 'pdf' });
`;

function check(name, source, { lib, moduleResolution }) {
  const sub = join(dir, name);
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'use.ts'), source);
  const module = moduleResolution === 'bundler' ? 'esnext' : 'nodenext';
  // Resolved from the consumer project's node_modules (the installed tarball).
  writeFileSync(
    join(sub, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module, moduleResolution, lib, types: [], skipLibCheck: false },
      files: ['use.ts'],
    }),
  );
  writeFileSync(join(sub, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return spawnSync(tsc, ['-p', sub], { encoding: 'utf8' });
}

for (const [label, lib] of [
  ['browser (DOM)', ['es2022', 'dom']],
  ['Node-only (no DOM library)', ['es2022']],
]) {
  for (const moduleResolution of ['nodenext', 'bundler']) {
    test(`the declarations type-check: ${label}, moduleResolution ${moduleResolution}`, () => {
      const name = `${lib.join('-')}-${moduleResolution}`;
      const ok = check(`ok-${name}`, USE, { lib, moduleResolution });
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      const bad = check(`bad-${name}`, MISUSE, { lib, moduleResolution });
      assert.notEqual(bad.status, 0);
      for (const line of [2, 3, 4]) assert.match(bad.stdout, new RegExp(`use\\.ts\\(${line},`), `misuse on line ${line} is caught`);
    });
  }
}
