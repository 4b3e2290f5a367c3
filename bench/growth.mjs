// Benchmark 7 — linear-time growth on adversarial inputs (issue 7).
//
// Each case is an input family of doubling size (1, 2, 4, 8, 16 MB; QUICK=1: 1, 2, 4)
// run through one operation by the native driver (examples/bench_native.rs,
// release build; the time is measured inside the process, file reading
// excluded; median of RUNS). Reported: time per size and time(2n)/time(n) —
// about 2 means linear, about 4 quadratic. A size that takes longer than
// LIMIT_S stops the family (larger sizes are not run); a crash is reported.
// convert (s2t and s2twp)
//   fa-run         发发发… — 发 starts 653 STPhrases keys (the most of any character), no newlines
//   phrase-prefix  骨头里挣出来的钱才做得 repeated: the longest STPhrases key minus its last
//                  character, so every position walks 11 characters deep and fails
//   ids            Ideographic Description Sequences (⿰氵⿱木口…), no newlines
//   unmatched      aaaa… (one unmatched segment the size of the input)
// clean (bytes input, default options)
//   one-line       corpus prose with every newline removed (a single 1–16 MB line)
//   nested-html    <div> nested N deep around a sentence (≈ 90,000 levels per MB)
//   short-lines    ≈ 100,000 short lines per MB (4–8 characters each)
//   brackets       only pipes and brackets (|[]【】()《》<>) in 100-character lines
// highlight (default options; compile once, then find over the whole text)
//   a-keywords     keywords a, aa, aaa, … a×200 on aaaa… (every position overlaps every keyword)
//   100k-keywords  100,000 keywords (the 10,000 corpus words + 90,000 corpus 3–4-grams) on prose
//   compile        compile time for 25k … 400k keywords (sizes are keyword counts, not MB)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, INPUTS, NATIVE, PYTHON, QUICK, corpus, log, median, saveResult, rng } from './common.mjs';

const SIZES_MB = QUICK ? [1, 2, 4] : [1, 2, 4, 8, 16];
const RUNS = QUICK ? 2 : 3;
const LIMIT_S = QUICK ? 20 : 60;
const DIR = join(INPUTS, 'growth');
mkdirSync(DIR, { recursive: true });

/** A string of about `bytes` UTF-8 bytes made by repeating `unit` (a function of the index, or a string). */
function repeatTo(bytes, unit) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const u = typeof unit === 'function' ? unit(i) : unit;
    parts.push(u);
    n += Buffer.byteLength(u);
  }
  return parts.join('');
}


const prose = corpus('news');
const proseOneLine = prose.replace(/\n/g, '');
const IDC = '⿰⿱⿲⿳⿴⿵⿶⿷⿸⿹⿺⿻';
const PARTS = '氵木口日月土火人心手女子山石金水';
const BRACKETS = '|[]【】()（）《》<>';

const CASES = [
  { op: 'convert', config: 's2t', name: 'fa-run', make: (b) => repeatTo(b, '发') },
  { op: 'convert', config: 's2t', name: 'phrase-prefix', make: (b) => repeatTo(b, '骨头里挣出来的钱才做得') },
  { op: 'convert', config: 's2t', name: 'ids', make: (b) => { const r = rng(7); return repeatTo(b, () => IDC[Math.floor(r() * IDC.length)] + PARTS[Math.floor(r() * PARTS.length)] + IDC[Math.floor(r() * 2)] + PARTS[Math.floor(r() * PARTS.length)] + PARTS[Math.floor(r() * PARTS.length)]); } },
  { op: 'convert', config: 's2t', name: 'unmatched', make: (b) => 'a'.repeat(b) },
  { op: 'convert', config: 's2twp', name: 'fa-run', make: (b) => repeatTo(b, '发') },
  { op: 'convert', config: 's2twp', name: 'phrase-prefix', make: (b) => repeatTo(b, '骨头里挣出来的钱才做得') },
  { op: 'clean', name: 'one-line', make: (b) => { let s = proseOneLine; while (Buffer.byteLength(s) < b) s += proseOneLine; return Buffer.from(s).subarray(0, b).toString().replace(/\uFFFD$/, ''); } },
  { op: 'clean', name: 'nested-html', make: (b) => { const depth = Math.floor((b - 100) / 11); return `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}<p>深层嵌套的正文段落。</p>${'</div>'.repeat(depth)}</body></html>`; } },
  { op: 'clean', name: 'short-lines', make: (b) => { const r = rng(3); const chars = [...prose.slice(0, 5000).replace(/\s/g, '')]; return repeatTo(b, () => Array.from({ length: 4 + Math.floor(r() * 5) }, () => chars[Math.floor(r() * chars.length)]).join('') + '\n'); } },
  // Thousands of 摘要 lines, none repeating its article (the rule compares each with the text around it).
  { op: 'clean', name: 'summary-lines', make: (b) => { let i = 0; return repeatTo(b, () => `摘要：第${i}篇文章的摘要内容，讲述了城市发展。\n\n第${i++}篇正文开始，这里是一段比较长的正文内容，讲述了城市的发展和变化。\n\n`); } },
  { op: 'clean', name: 'brackets', make: (b) => { const r = rng(5); return repeatTo(b, () => Array.from({ length: 100 }, () => BRACKETS[Math.floor(r() * BRACKETS.length)]).join('') + '\n'); } },
  { op: 'highlight', name: 'a-keywords', keywords: () => Array.from({ length: 200 }, (_, i) => 'a'.repeat(i + 1)), make: (b) => 'a'.repeat(b) },
  { op: 'highlight', name: '100k-keywords', keywords: () => keywords100k(), make: (b) => { let s = prose; while (Buffer.byteLength(s) < b) s += prose; return Buffer.from(s).subarray(0, b).toString().replace(/\uFFFD$/, ''); } },
];

function keywords100k() {
  execFileSync(PYTHON, [join(BENCH, 'keywords.py')], { stdio: 'inherit' });
  const words = readFileSync(join(INPUTS, 'keywords.txt'), 'utf8').split('\n').filter(Boolean);
  const set = new Set(words);
  const text = prose.replace(/[^\u4e00-\u9fff]/g, '');
  for (let i = 0, L = 3; set.size < 100000 && i < text.length - 4; i += 7, L = 7 - L) set.add(text.slice(i, i + L));
  return [...set];
}

function runNative(args) {
  try {
    return JSON.parse(execFileSync(NATIVE, args, { encoding: 'utf8', timeout: LIMIT_S * RUNS * 1000 + 30000, maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    return { error: e.killed ? 'timeout' : `exit ${e.status ?? e.signal}: ${String(e.stderr || '').trim().split('\n').pop()?.slice(0, 160)}` };
  }
}

const results = [];
for (const c of CASES) {
  const label = c.config ? `${c.op} ${c.config} ${c.name}` : `${c.op} ${c.name}`;
  const row = { op: c.op, config: c.config ?? null, case: c.name, points: [] };
  results.push(row);
  const kwFile = c.keywords ? join(DIR, `${c.name}.keywords.txt`) : null;
  if (kwFile) writeFileSync(kwFile, c.keywords().join('\n'));
  for (const size of SIZES_MB) {
    const file = join(DIR, `${c.name}-${size}MB.txt`);
    writeFileSync(file, c.make(size * 1e6));
    const r = c.op === 'convert' ? runNative(['convert', file, c.config, String(RUNS)])
      : c.op === 'clean' ? runNative(['clean', file, '--runs', String(RUNS)])
      : runNative(['highlight', file, kwFile, String(RUNS)]);
    rmSync(file);
    if (r.error) {
      row.points.push({ mb: size, error: r.error });
      log(`${label} ${size} MB: ${r.error}`);
      break;
    }
    const ms = median(r.times_ms);
    const prev = row.points.at(-1);
    const point = { mb: size, bytes: r.bytes, ms: +ms.toFixed(2), ratio: prev?.ms ? +(ms / prev.ms).toFixed(2) : null };
    if (r.matches !== undefined) point.matches = r.matches;
    row.points.push(point);
    log(`${label} ${size} MB: ${ms.toFixed(1)} ms${point.ratio ? ` (×${point.ratio})` : ''}`);
    if (ms > LIMIT_S * 1000) {
      row.stopped = `stopped after ${size} MB: ${(ms / 1000).toFixed(1)} s > ${LIMIT_S} s`;
      break;
    }
  }
  if (kwFile) rmSync(kwFile);
}

// Keyword compile time for doubling keyword counts (random 3–4-character CJK words).
const compile = { op: 'highlight', config: null, case: 'compile', unit: 'keywords', points: [] };
{
  const r = rng(11);
  const counts = QUICK ? [25000, 50000, 100000] : [25000, 50000, 100000, 200000, 400000];
  const text = join(DIR, 'compile-text.txt');
  writeFileSync(text, prose.slice(0, 20000));
  for (const n of counts) {
    const kw = new Set();
    while (kw.size < n) kw.add(Array.from({ length: 3 + Math.floor(r() * 2) }, () => String.fromCharCode(0x4e00 + Math.floor(r() * 20000))).join(''));
    const file = join(DIR, 'compile-keywords.txt');
    writeFileSync(file, [...kw].join('\n'));
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const x = runNative(['highlight', text, file, '1']);
      if (x.error) { times.length = 0; compile.points.push({ keywords: n, error: x.error }); break; }
      times.push(x.compile_ms);
    }
    rmSync(file);
    if (!times.length) break;
    const ms = median(times);
    const prev = compile.points.at(-1);
    compile.points.push({ keywords: n, ms: +ms.toFixed(2), ratio: prev?.ms ? +(ms / prev.ms).toFixed(2) : null });
    log(`highlight compile ${n} keywords: ${ms.toFixed(1)} ms${prev?.ms ? ` (×${(ms / prev.ms).toFixed(2)})` : ''}`);
  }
  rmSync(text);
}
results.push(compile);
if (existsSync(DIR)) rmSync(DIR, { recursive: true, force: true });
saveResult('growth', { sizes_mb: SIZES_MB, runs: RUNS, limit_s: LIMIT_S, engine: 'native (examples/bench_native.rs, release)', results });
