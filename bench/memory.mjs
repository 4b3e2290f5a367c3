// Benchmark 3 — peak memory of converting 10 MB (issue 3).
//
// For each peer (jingwen wasm, opencc-js, zhconv wasm) and config, a fresh
// `node bench/startup_child.mjs memory PEER CONFIG FILE` process reads the
// 10 MB input (1 MB with QUICK=1), loads the converter and converts the whole
// text once. Reported: process.resourceUsage().maxRSS (peak resident set of
// the whole process), the same for a baseline process that only reads the
// input (so maxRSS − baseline is what the converter costs), and for the wasm
// peers the size of the wasm linear memory after the conversion (wasm memory
// never shrinks, so that is its peak). Median of RUNS processes, interleaved.
// The official OpenCC and jingwen native are reported with /usr/bin/time-like
// maxRSS of their processes (ru_maxrss of the child) for reference.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH, CONFIGS, NATIVE, PYTHON, QUICK, interleave, log, median, proseFile, saveResult } from './common.mjs';

const RUNS = QUICK ? 1 : 3;
const [label, bytes] = QUICK ? ['1MB', 1e6] : ['10MB', 10e6];
const simplified = proseFile(label, bytes);
// The t2s input is the official OpenCC's s2t output (written by bench/convert.mjs; made here if missing).
execFileSync(PYTHON, [join(BENCH, 'opencc_official.py'), 'prepare', simplified], { stdio: 'inherit' });
const inputOf = (config) => (config === 't2s' ? simplified.replace(/\.txt$/, '.s2t.official.txt') : simplified);

const PEERS = ['jingwen', 'opencc-js', 'zhconv'];
const jobs = [...PEERS.flatMap((p) => CONFIGS.map((c) => [p, c])), ...CONFIGS.map((c) => ['baseline', c])];
const raw = {};
log(`${label}: ${RUNS} fresh processes per peer and config`);
await interleave(jobs, RUNS, async ([p, c]) => {
  const r = JSON.parse(execFileSync(process.execPath, [join(BENCH, 'startup_child.mjs'), 'memory', p, c, inputOf(c)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  ((raw[p] ??= {})[c] ??= []).push(r);
});

// Native processes (not Node): peak RSS of the child as the kernel reports it (ru_maxrss via GNU time's format).
function childMaxRss(cmd, args) {
  const r = spawnSync('/usr/bin/env', ['bash', '-c', 'command -v /usr/bin/time >/dev/null || exit 3; /usr/bin/time -f %M "$@" >/dev/null', '_', cmd, ...args], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return Number(r.stderr.trim().split('\n').pop());
}

const results = {};
for (const [p, c] of jobs) {
  const xs = raw[p][c];
  results[p] ??= {};
  results[p][c] = {
    max_rss_mb: +(median(xs.map((x) => x.max_rss_kb)) / 1024).toFixed(1),
    wasm_memory_mb: xs[0].wasm_memory_bytes == null ? null : +(median(xs.map((x) => x.wasm_memory_bytes)) / 2 ** 20).toFixed(1),
  };
}
for (const c of CONFIGS) {
  for (const p of PEERS) results[p][c].over_baseline_mb = +(results[p][c].max_rss_mb - results.baseline[c].max_rss_mb).toFixed(1);
  results['jingwen-native'] ??= {};
  results['opencc-official'] ??= {};
  const n = childMaxRss(NATIVE, ['convert', inputOf(c), c, '1']);
  const o = childMaxRss(PYTHON, [join(BENCH, 'opencc_official.py'), 'time', c, inputOf(c), '1']);
  results['jingwen-native'][c] = { max_rss_mb: n == null ? null : +(n / 1024).toFixed(1) };
  results['opencc-official'][c] = { max_rss_mb: o == null ? null : +(o / 1024).toFixed(1) };
}
for (const p of Object.keys(results)) log(p, JSON.stringify(results[p]));
saveResult('memory', { input: label, runs: RUNS, results });
