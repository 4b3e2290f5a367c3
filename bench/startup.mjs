// Benchmark 2 — time to first conversion (issue 3): module load + data init + one conversion.
//
// (a) Node: a fresh `node bench/startup_child.mjs first PEER CONFIG` process per
//     measurement; the child times from its first line to the first result of
//     converting a short string (importing the library, compiling and
//     instantiating wasm, reading dictionaries / building automata, converting).
//     Peers: jingwen (jingwen/convert: pkg/node-convert.js), opencc-js 1.4.2 (its per-locale ESM bundle,
//     cn2t or t2cn), zhconv 0.4.2 wasm (wasm-bindgen --target nodejs).
// (b) Headless Chromium (Debian, playwright-core): a page served from
//     127.0.0.1 without caching, loaded in a new browser context each time
//     (empty cache). Times are performance.now() — milliseconds since
//     navigation start — when the first result exists, and the same measured
//     from the start of the page's script. Pages:
//       jingwen    `import('jingwen/convert')` (pkg/convert.js: wasm-lite),
//                  `await init({ preload: [config] })` (the wasm, and that config's .jwd
//                  files fetched meanwhile), `convert(short, config)`
//       opencc-js  <script src> its UMD per-locale bundle (dist/umd/cn2t.js or t2cn.js),
//                  `OpenCC.Converter({from, to})(short)`
//       zhconv     `import()` its --target web glue, `await init()` (fetches the .wasm), `convert(short, target)`
//     Localhost has no network latency and the files are sent uncompressed, so
//     this measures parsing/compiling/initialising, not downloading (see the sizes benchmark).
// Each (peer, config) is measured RUNS times, peers interleaved; medians reported.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH, CONFIGS, ROOT, OPENCCJS, OPENCCJS_BUNDLE, QUICK, ZHCONV, interleave, log, median, saveResult, summary } from './common.mjs';
import { launch, startServer } from './browser.mjs';

const RUNS = QUICK ? 3 : 15;
const PEERS = ['jingwen', 'opencc-js', 'zhconv'];
const SAMPLE = { s2t: '汉字转换测试：头发和发展，著名的软件。', s2twp: '汉字转换测试：头发和发展，著名的软件。', t2s: '漢字轉換測試：頭髮和發展，著名的軟體。' };
const pairs = PEERS.flatMap((p) => CONFIGS.map((c) => [p, c]));

// ---- (a) Node ----
const node = {};
log(`Node: ${RUNS} fresh processes per peer and config`);
for (const [p, c] of pairs) (node[p] ??= {})[c] = { first: [], process: [] };
await interleave(pairs, RUNS, async ([p, c]) => {
  const r = JSON.parse(execFileSync(process.execPath, [join(BENCH, 'startup_child.mjs'), 'first', p, c], { encoding: 'utf8' }));
  node[p][c].first.push(r.first_ms);
  node[p][c].process.push(r.since_process_start_ms);
});
for (const [p, c] of pairs) {
  node[p][c] = { first_ms: summary(node[p][c].first), since_process_start_ms: summary(node[p][c].process) };
  log(`node ${p} ${c}: ${node[p][c].first_ms.median.toFixed(1)} ms`);
}

// ---- (b) Chromium ----
const DONE = '__startup_done';
const manifest = (await import(pathToFileURL(join(ROOT, 'pkg/data/configs.js')).href)).default;
/**
 * `<link>` preload hints for what a peer's page will fetch, so the browser starts
 * every download while it parses the page instead of one after another (the
 * module, then the wasm and data it asks for). jingwen: its bundle, the lean wasm
 * and the config's dictionary files (pkg/data/configs.js); zhconv: its glue and
 * wasm. opencc-js needs none: its one script is a `<script src>` the parser
 * already fetches at once.
 */
function preloadHints(peer, config) {
  const fetchHint = (href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`;
  if (peer === 'jingwen') {
    const files = new Set(manifest.configs[config].filter((n) => Object.hasOwn(manifest.files, n)).map((n) => manifest.files[n][0]));
    return ['<link rel="modulepreload" href="/pkg/convert.js">', fetchHint('/pkg/wasm-lite/jingwen_bg.wasm'), ...[...files].map((f) => fetchHint(`/pkg/data/${f}`))].join('');
  }
  if (peer === 'zhconv') return `<link rel="modulepreload" href="/bench/.work/zhconv-web/zhconv_wasm.js">${fetchHint('/bench/.work/zhconv-web/zhconv_wasm_bg.wasm')}`;
  return '';
}

function pageHtml(peer, config, { hints = false } = {}) {
  if (hints) return pageHtml(peer, config).replace('<title>', `${preloadHints(peer, config)}<title>`);
  const sample = JSON.stringify(SAMPLE[config]);
  // The page announces its result on the console: waiting with page.waitForFunction
  // would inject Playwright's utility script (~10 ms of parsing on the page's main
  // thread) in the middle of what is measured; a console message injects nothing.
  const done = `window.__result = { out, script_start: t0, first: performance.now() }; console.log(${JSON.stringify(DONE)});`;
  if (peer === 'blank') {
    // No library: when a page's module script runs at all (the floor under every peer's
    // time from navigation).
    return `<!doctype html><meta charset="utf-8"><title>blank</title>
<script type="module">
const t0 = performance.now();
const out = '-';
${done}
window.__result.phases = {};
</script>`;
  }
  if (peer === 'jingwen') {
    return `<!doctype html><meta charset="utf-8"><title>jingwen ${config}</title>
<script type="module">
const t0 = performance.now();
const m = await import('/pkg/convert.js');
const t1 = performance.now();
await m.default({ preload: [${JSON.stringify(config)}] });
const t2 = performance.now();
const out = m.convert(${sample}, ${JSON.stringify(config)});
${done}
window.__result.phases = { import: t1 - t0, init: t2 - t1, convert: window.__result.first - t2 };
</script>`;
  }
  if (peer === 'opencc-js') {
    return `<!doctype html><meta charset="utf-8"><title>opencc-js ${config}</title>
<script>window.__t0 = performance.now();</script>
<script src="/bench/node_modules/opencc-js/dist/umd/${OPENCCJS_BUNDLE[config]}.js"></script>
<script>
const t0 = window.__t0;
const t1 = performance.now();
const out = OpenCC.Converter(${JSON.stringify(OPENCCJS[config])})(${sample});
${done}
window.__result.phases = { script: t1 - t0, convert: window.__result.first - t1 };
</script>`;
  }
  return `<!doctype html><meta charset="utf-8"><title>zhconv ${config}</title>
<script type="module">
const t0 = performance.now();
const m = await import('/bench/.work/zhconv-web/zhconv_wasm.js');
const t1 = performance.now();
await m.default();
const t2 = performance.now();
const out = m.convert(${sample}, ${JSON.stringify(ZHCONV[config])});
${done}
window.__result.phases = { import: t1 - t0, init: t2 - t1, convert: window.__result.first - t2 };
</script>`;
}

const server = await startServer();
const browser = await launch();
const urls = {};
const chromiumPairs = [...pairs, ['blank', 's2t']];
for (const [p, c] of chromiumPairs) urls[`${p}/${c}`] = server.page(`/startup/${p}-${c}.html`, pageHtml(p, c));

/** Resolves when `page` logs DONE (see pageHtml); rejects after `ms`. */
function pageDone(page, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    page.on('console', (m) => {
      if (m.text() === DONE) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function measure(p, c) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const finished = pageDone(page, 30000);
    await page.goto(urls[`${p}/${c}`]);
    await finished.catch(() => {
      throw new Error(`${p} ${c}: no result (${errors.join('; ')})`);
    });
    const r = await page.evaluate(() => window.__result);
    if (!r.out || r.out === '' || r.out === undefined) throw new Error(`${p} ${c}: empty result`);
    return r;
  } finally {
    await context.close();
  }
}

const browserRes = {};
for (const [p, c] of chromiumPairs) (browserRes[p] ??= {})[c] = { nav: [], script: [], phases: [], out: '' };
log(`Chromium: ${RUNS} fresh contexts per peer and config, and a blank page (plus one discarded warm-up each)`);
for (const [p, c] of chromiumPairs) await measure(p, c); // warm-up: browser processes, OS file cache
await interleave(chromiumPairs, RUNS, async ([p, c]) => {
  const r = await measure(p, c);
  browserRes[p][c].nav.push(r.first);
  browserRes[p][c].script.push(r.first - r.script_start);
  browserRes[p][c].phases.push(r.phases);
  browserRes[p][c].out = r.out;
});
// ---- (c) Chromium over a simulated connection ----
// The same pages over an emulated network (Chrome DevTools Protocol: 40 ms round
// trip, 20 Mbit/s down), files gzip-compressed by the server: what a visitor on a
// decent connection waits, where download size and request waterfalls count.
// Each library also with the preload hints a page that converts as soon as it
// loads should carry (README): over a real connection they save the round trips
// that fetching one file after another costs.
const NET = { latency_ms: 40, down_mbit_s: 20, up_mbit_s: 5 };
const NET_PAGES = ['jingwen', 'jingwen+hints', 'opencc-js', 'zhconv', 'zhconv+hints'];
const netServer = await startServer({ gzip: true });
const netUrls = {};
for (const p of NET_PAGES) {
  const [peer, hints] = p.split('+');
  netUrls[p] = netServer.page(`/startup-net/${p}-s2t.html`, pageHtml(peer, 's2t', { hints: !!hints }));
}
async function measureNet(p) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: NET.latency_ms, downloadThroughput: (NET.down_mbit_s * 1e6) / 8, uploadThroughput: (NET.up_mbit_s * 1e6) / 8 });
    const finished = pageDone(page, 60000);
    await page.goto(netUrls[p]);
    await finished;
    const r = await page.evaluate(() => window.__result);
    // The same result as the peer's page gave on localhost (a hint that broke the
    // page would otherwise go unnoticed here).
    const want = browserRes[p.split('+')[0]].s2t.out;
    if (r.out !== want) throw new Error(`${p}: ${JSON.stringify(r.out)}, not ${JSON.stringify(want)}`);
    return r.first;
  } finally {
    await context.close();
  }
}
const network = { conditions: NET, s2t: {} };
for (const p of NET_PAGES) network.s2t[p] = [];
log(`Chromium over a simulated network (${NET.latency_ms} ms RTT, ${NET.down_mbit_s} Mbit/s): ${RUNS} runs per page, s2t`);
await interleave(NET_PAGES, RUNS, async (p) => network.s2t[p].push(await measureNet(p)));
for (const p of NET_PAGES) {
  network.s2t[p] = { from_navigation_ms: summary(network.s2t[p]) };
  log(`network ${p} s2t: ${network.s2t[p].from_navigation_ms.median.toFixed(1)} ms`);
}
await netServer.stop();

const chromiumVersion = browser.version();
await browser.close();
await server.stop();
for (const [p, c] of chromiumPairs) {
  const x = browserRes[p][c];
  const phases = Object.fromEntries(Object.keys(x.phases[0]).map((k) => [k, +median(x.phases.map((ph) => ph[k])).toFixed(1)]));
  browserRes[p][c] = { from_navigation_ms: summary(x.nav), from_script_start_ms: summary(x.script), phases_median_ms: phases, output: x.out };
  log(`chromium ${p} ${c}: ${x.nav.length ? browserRes[p][c].from_navigation_ms.median.toFixed(1) : '?'} ms`);
}

saveResult('startup', { runs: RUNS, peers: PEERS, configs: CONFIGS, samples: SAMPLE, node, chromium: browserRes, network, chromium_version: chromiumVersion });
