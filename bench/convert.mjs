// Benchmark 1 — conversion throughput and agreement with the official OpenCC (issue 3).
//
// What: MB/s (UTF-8 input bytes / median wall time of the convert call) for
// s2t, t2s and s2twp on 100 KB, 1 MB and 10 MB of real simplified prose (half
// People's Daily 1998 news, half product reviews, from vendor/corpus); the t2s
// input is the official OpenCC's s2t output of the same text.
// Peers, all on this machine in the same run:
//   jingwen wasm   jingwen/convert (pkg/node-convert.js) `new Converter(config).convert(text)` in this Node process
//   opencc-js      1.4.2 `OpenCC.Converter({from:'cn',to:'t'|'twp'})` / `{from:'t',to:'cn'}`
//   zhconv wasm    0.4.2 built by scripts/bench (wasm-bindgen --target nodejs), zh-Hant/zh-Hans/zh-TW
//   OpenCC         official 1.4.2 (PyPI `opencc`, C++), bench/opencc_official.py times only convert()
//   jingwen native examples/bench_native.rs (release), times only convert()
// How: converters are built first (not timed); each round runs every peer in
// a rotated order (so machine noise hits all alike), each doing REPS
// conversions; MB/s are from the median of all of them, and ratios to
// jingwen are taken round by round, then their median (pairedRatio in
// common.mjs). Every
// peer's output on each input is compared with the official OpenCC output:
// identical or not, and the percentage of lines that are equal.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  CONFIGS, INPUTS, OPENCCJS, PYTHON, QUICK, SIZES, ZHCONV, ZHCONV_NODE, agreement, conversionInput, interleave, log, mb, native,
  officialOutput, pairedRatio, prepareOfficialOutputs, proseFile, require, saveResult, summary,
} from './common.mjs';

const ROUNDS = QUICK ? 2 : 7;
const repsFor = (bytes) => (bytes <= 200e3 ? (QUICK ? 3 : 10) : bytes <= 2e6 ? 3 : 1);

const jingwen = await import('../pkg/node-convert.js');
const OpenCC = await import('opencc-js');
const zhconv = require(ZHCONV_NODE);

// Inputs and the official outputs (references).
const files = Object.fromEntries(SIZES.map(([label, bytes]) => [label, proseFile(label, bytes)]));
prepareOfficialOutputs(Object.values(files));

const PEERS = ['jingwen-wasm', 'opencc-js', 'zhconv-wasm', 'opencc-official', 'jingwen-native'];
const results = {};

for (const config of CONFIGS) {
  const conv = {
    'jingwen-wasm': new jingwen.Converter(config),
    'opencc-js': OpenCC.Converter(OPENCCJS[config]),
    'zhconv-wasm': (t) => zhconv.convert(t, ZHCONV[config]),
  };
  const jsRun = {
    'jingwen-wasm': (t) => conv['jingwen-wasm'].convert(t),
    'opencc-js': (t) => conv['opencc-js'](t),
    'zhconv-wasm': (t) => conv['zhconv-wasm'](t),
  };
  // Warm-up (JIT, lazy tables) on the smallest input.
  const warm = readFileSync(conversionInput(files[SIZES[0][0]], config), 'utf8');
  for (const f of Object.values(jsRun)) f(warm);

  results[config] = {};
  for (const [label] of SIZES) {
    const file = conversionInput(files[label], config);
    const text = readFileSync(file, 'utf8');
    const bytes = Buffer.byteLength(text);
    const reps = repsFor(bytes);
    const ref = readFileSync(officialOutput(files[label], config), 'utf8');
    const times = Object.fromEntries(PEERS.map((p) => [p, []]));
    const outputs = {};
    const nativeOut = join(INPUTS, `native-out.${config}.${label}.txt`);
    log(`${config} ${label}: ${ROUNDS} rounds × ${reps} conversions per peer`);
    await interleave(PEERS, ROUNDS, async (peer, round) => {
      if (jsRun[peer]) {
        for (let i = 0; i < reps; i++) {
          const t = performance.now();
          const out = jsRun[peer](text);
          times[peer].push(performance.now() - t);
          if (round === 0 && i === 0) outputs[peer] = out;
        }
      } else if (peer === 'opencc-official') {
        const r = JSON.parse(
          execFileSync(PYTHON, [join(import.meta.dirname, 'opencc_official.py'), 'time', config, file, String(reps)], { encoding: 'utf8' }),
        );
        times[peer].push(...r.times_ms);
      } else {
        const r = native(['convert', file, config, String(reps), ...(round === 0 ? [nativeOut] : [])]);
        times[peer].push(...r.times_ms);
      }
    });
    outputs['jingwen-native'] = readFileSync(nativeOut, 'utf8');
    rmSync(nativeOut);
    const row = { bytes, reps, rounds: ROUNDS };
    for (const p of PEERS) {
      const s = summary(times[p]);
      row[p] = { ...s, mb_s: +(mb(bytes) / (s.median / 1e3)).toFixed(2) };
      // How many times faster jingwen (wasm) was, round by round (see
      // pairedRatio); native jingwen is set against the other native converter.
      if (p === 'jingwen-native') row[p].paired_vs_official = pairedRatio(times['opencc-official'], times[p], reps);
      else if (p !== 'jingwen-wasm') row[p].paired_ratio = pairedRatio(times[p], times['jingwen-wasm'], reps);
      row[p].agreement = p === 'opencc-official' ? { identical: true, lines_equal_pct: 100 } : agreement(outputs[p], ref);
    }
    results[config][label] = row;
    log(PEERS.map((p) => `${p} ${row[p].mb_s} MB/s${row[p].agreement.identical ? '' : ` (${row[p].agreement.lines_equal_pct}% lines)`}`).join(', '));
  }
}

saveResult('convert', { peers: PEERS, sizes: SIZES.map(([l]) => l), configs: CONFIGS, results });
