// Benchmark 4 — download size per config (issue 3): what a browser must fetch
// to convert with s2t, t2s or s2twp, raw / gzip -9 / brotli quality 11 (Node's
// zlib; each file compressed on its own, as a web server would, then summed).
//   jingwen/convert  pkg/convert.js (one bundled module: glue + core) + wasm-lite/jingwen_bg.wasm
//                    + the data files holding the dictionaries the config needs (asked
//                    from the wasm itself: missingDictionaries(config) on a fresh
//                    instance; data/configs.js says which file holds each)
//   jingwen (full)   pkg/index.js (bundled likewise) + wasm/jingwen_bg.wasm + the same .jwd files
//   opencc-js 1.4.2  its UMD per-locale bundle (dist/umd/cn2t.js for s2t/s2twp, t2cn.js for t2s),
//                    and dist/umd/full.js (every locale)
//   zhconv 0.4.2     its wasm + the wasm-bindgen --target web glue (the same for every config)
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BENCH, CONFIGS, OPENCCJS_BUNDLE, ROOT, log, saveResult } from './common.mjs';

const PKG = join(ROOT, 'pkg');
const OCJS = join(BENCH, 'node_modules/opencc-js/dist/umd');
const ZH = join(BENCH, '.work/zhconv-web');

const cache = new Map(); // file -> [raw, gzip, brotli] (brotli q11 is slow: compress each file once)
function compressed(f) {
  if (!cache.has(f)) {
    const bytes = readFileSync(f);
    const gz = gzipSync(bytes, { level: 9 }).length;
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    cache.set(f, [bytes.length, gz, br]);
  }
  return cache.get(f);
}

function sizes(files) {
  const out = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const f of files) {
    const [raw, gz, br] = compressed(f);
    out.raw += raw;
    out.gzip += gz;
    out.brotli += br;
    out.files.push({ file: f.replace(ROOT + '/', ''), raw, gzip: gz, brotli: br });
  }
  return out;
}

// Which data files each config needs, from a fresh lite instance.
const lite = await import('../pkg/wasm-lite/jingwen.js');
lite.initSync({ module: readFileSync(join(PKG, 'wasm-lite/jingwen_bg.wasm')) });
const { files: where } = (await import('../pkg/data/configs.js')).default;
const filesOf = (names) => [...new Set(names.map((d) => join(PKG, 'data', Object.hasOwn(where, d) ? where[d][0] : `${d}.jwd`)))];
const dicts = Object.fromEntries(CONFIGS.map((c) => [c, filesOf(lite.missingDictionaries(c))]));

const results = {};
for (const c of CONFIGS) {
  results[c] = {
    'jingwen/convert': sizes([...['convert.js', 'wasm-lite/jingwen_bg.wasm'].map((f) => join(PKG, f)), ...dicts[c]]),
    'jingwen (full)': sizes([...['index.js', 'wasm/jingwen_bg.wasm'].map((f) => join(PKG, f)), ...dicts[c]]),
    [`opencc-js ${OPENCCJS_BUNDLE[c]}.js`]: sizes([join(OCJS, `${OPENCCJS_BUNDLE[c]}.js`)]),
    'opencc-js full.js': sizes([join(OCJS, 'full.js')]),
    zhconv: sizes([join(ZH, 'zhconv_wasm.js'), join(ZH, 'zhconv_wasm_bg.wasm')]),
  };
  log(c, Object.entries(results[c]).map(([k, v]) => `${k} ${(v.brotli / 1024).toFixed(0)} KB br`).join(', '));
}
// Everything jingwen could ever fetch (all dictionaries), for context.
const allDicts = lite.configNames().flatMap((c) => lite.missingDictionaries(c));
const everything = sizes(filesOf(allDicts));
saveResult('sizes', {
  configs: CONFIGS,
  dictionaries: Object.fromEntries(CONFIGS.map((c) => [c, dicts[c].map((d) => d.split('/').pop())])),
  all_dictionaries: { raw: everything.raw, gzip: everything.gzip, brotli: everything.brotli, count: everything.files.length },
  wasm_bytes: { full: statSync(join(PKG, 'wasm/jingwen_bg.wasm')).size, lite: statSync(join(PKG, 'wasm-lite/jingwen_bg.wasm')).size },
  results,
});
