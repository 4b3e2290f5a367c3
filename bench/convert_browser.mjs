// Benchmark 1b — conversion throughput in headless Chromium (issue 3), where
// web developers run these libraries; bench/convert.mjs measures Node.
//
// What: MB/s (UTF-8 bytes of the input / median wall time of one convert call,
// string in, string out) for s2t, t2s and s2twp on the same inputs as
// bench/convert.mjs, on a page's main thread.
// Peers, each on a page of its own (its own renderer process), all open at once:
//   jingwen    `import('/pkg/convert.js')` (the lean entry), `new Converter(config).convert(text)`
//   opencc-js  1.4.2, its UMD full bundle, `OpenCC.Converter({from, to})`
//   zhconv     0.4.2 wasm, its wasm-bindgen --target web build, `convert(text, target)`
// How: every page fetches the inputs and builds its converters first (not
// timed), converts the smallest input once to warm up, then in each round the
// peers run in a rotated order, REPS conversions each; the number is the median.
// Each peer's first output is checked against the official OpenCC's (SHA-256 in
// the page): identical or not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  CONFIGS, OPENCCJS, QUICK, ROOT, SIZES, ZHCONV, conversionInput, interleave, log, mb, officialOutput, prepareOfficialOutputs, proseFile,
  pairedRatio, saveResult, summary,
} from './common.mjs';
import { launch, startServer } from './browser.mjs';

// Rounds × conversions timed as one batch (~20 ms or more each).
const ROUNDS = QUICK ? 2 : 11;
const repsFor = (bytes) => (bytes <= 200e3 ? (QUICK ? 5 : 20) : bytes <= 2e6 ? 3 : 1);
const PEERS = ['jingwen', 'opencc-js', 'zhconv'];

const files = Object.fromEntries(SIZES.map(([label, bytes]) => [label, proseFile(label, bytes)]));
prepareOfficialOutputs(Object.values(files));
const url = (file) => '/' + relative(ROOT, file);

// The page's side: `window.convertWith(config)` answers a function converting a string.
const SETUP = {
  jingwen: `import init, { Converter } from '/pkg/convert.js';
await init({ preload: ${JSON.stringify(CONFIGS)} });
window.convertWith = (config) => { const c = new Converter(config); return (t) => c.convert(t); };`,
  'opencc-js': `await new Promise((resolve, reject) => {
  const s = document.createElement('script');
  s.src = '/bench/node_modules/opencc-js/dist/umd/full.js';
  s.onload = resolve; s.onerror = reject;
  document.head.append(s);
});
const OPTIONS = ${JSON.stringify(OPENCCJS)};
window.convertWith = (config) => OpenCC.Converter(OPTIONS[config]);`,
  zhconv: `import init, { convert } from '/bench/.work/zhconv-web/zhconv_wasm.js';
await init();
const TARGET = ${JSON.stringify(ZHCONV)};
window.convertWith = (config) => (t) => convert(t, TARGET[config]);`,
};
const page = (peer) => `<!doctype html><meta charset="utf-8"><title>${peer}</title>
<script type="module">
${SETUP[peer]}
const texts = new Map();
const converters = new Map();
async function sha256(s) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
// Times reps consecutive conversions of the text at path with config, as one
// batch (a page's clock ticks in 0.1 ms, and a 100 KB conversion takes about
// 1 ms: timed one by one, every time would be a multiple of a tenth of itself);
// answers the time per conversion and the first output's hash.
window.run = async (config, path, reps) => {
  if (!texts.has(path)) texts.set(path, await (await fetch(path)).text());
  if (!converters.has(config)) converters.set(config, window.convertWith(config));
  const text = texts.get(path);
  const convert = converters.get(config);
  let first = null;
  const t = performance.now();
  for (let i = 0; i < reps; i++) {
    const out = convert(text);
    first ??= out;
  }
  const each = (performance.now() - t) / reps;
  return { times: [each], sha: await sha256(first) };
};
window.ready = true;
</script>`;

const server = await startServer();
const browser = await launch();
const pages = {};
for (const p of PEERS) {
  const context = await browser.newContext();
  pages[p] = await context.newPage();
  const errors = [];
  pages[p].on('pageerror', (e) => errors.push(e.message));
  await pages[p].goto(server.page(`/throughput/${p}.html`, page(p)));
  await pages[p].waitForFunction(() => window.ready, null, { timeout: 60000 }).catch(() => {
    throw new Error(`${p}: the page did not load (${errors.join('; ')})`);
  });
}

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const results = {};
for (const config of CONFIGS) {
  const warm = url(conversionInput(files[SIZES[0][0]], config));
  for (const p of PEERS) await pages[p].evaluate(([c, w]) => window.run(c, w, 1), [config, warm]);
  results[config] = {};
  for (const [label] of SIZES) {
    const file = conversionInput(files[label], config);
    const bytes = readFileSync(file).length;
    const reps = repsFor(bytes);
    const expected = sha(officialOutput(files[label], config));
    const times = Object.fromEntries(PEERS.map((p) => [p, []]));
    const identical = {};
    log(`${config} ${label}: ${ROUNDS} rounds × ${reps} conversions per peer`);
    await interleave(PEERS, ROUNDS, async (p) => {
      const r = await pages[p].evaluate(([c, f, n]) => window.run(c, f, n), [config, url(file), reps]);
      times[p].push(...r.times);
      identical[p] = r.sha === expected;
    });
    const row = { bytes, reps, rounds: ROUNDS };
    for (const p of PEERS) {
      const s = summary(times[p]);
      row[p] = { ...s, mb_s: +(mb(bytes) / (s.median / 1e3)).toFixed(2), identical: identical[p] };
      // How many times faster jingwen was, round by round (see pairedRatio).
      if (p !== 'jingwen') row[p].paired_ratio = pairedRatio(times[p], times.jingwen);
    }
    results[config][label] = row;
    log(PEERS.map((p) => `${p} ${row[p].mb_s} MB/s${row[p].identical ? '' : ' (differs)'}`).join(', '));
  }
}

const chromiumVersion = browser.version();
await browser.close();
await server.stop();
saveResult('convert_browser', { peers: PEERS, sizes: SIZES.map(([l]) => l), configs: CONFIGS, results, chromium_version: chromiumVersion });
