// Benchmark 5 — highlighting in the page (issue 5), headless Chromium vs mark.js 8.11.1.
//
// Document: the first ~1 MB and ~5 MB of the People's Daily 1998 news corpus
// (vendor/corpus/news.txt), one <p> per line, with a newline text node between
// paragraphs; in every third paragraph a few characters are wrapped in <b> or
// <span> (deterministic pseudo-random positions), so matches must cross inline
// elements. Keywords: the 1, 10, 100, 1,000 and 10,000 most frequent 2–4
// character words of the same corpus (bench/keywords.py, from its segmented
// original), i.e. real, overlapping words (中国 / 中国人民).
// jingwen (pkg/index.js, the full entry, loaded before timing): `new Highlighter(keywords)`
//   (compile), then for every <p>: textContent → `findFlat` (UTF-16 offsets) →
//   StaticRanges mapped onto the paragraph's text nodes with a TreeWalker →
//   added in a loop to 8 Highlight objects (CSS.highlights, like www/highlight.js);
//   "highlight" = compile + match + ranges + two requestAnimationFrames (painted), also
//   reported by phase (compile, find = textContent + findFlat, ranges, paint);
//   "clear" = CSS.highlights.clear() + two requestAnimationFrames.
// mark.js: `new Mark(doc).mark(keywords, {separateWordSearch:false, acrossElements:true})`
//   and its best mode, `markRegExp(one alternation regex, longest keywords first, {acrossElements:true})`;
//   time until `done` + two requestAnimationFrames; then `unmark()` likewise.
//   A mark.js run is aborted after CAP seconds (the page is closed) and reported
//   as "> CAP s"; errors (e.g. regular expression too large) are reported as such.
// Match counts: jingwen's and mark.js's totals vs a reference scan done here in
// Node (leftmost-longest over each paragraph's plain text).
// Every measurement loads the document in a fresh browser context; jingwen
// rounds are interleaved over keyword sets; mark.js runs are repeated only while fast.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUTS, PYTHON, QUICK, BENCH, corpus, log, prefixLines, saveResult, summary, rng } from './common.mjs';
import { launch, startServer } from './browser.mjs';
import { execFileSync } from 'node:child_process';

const CAP_S = Number(process.env.MARK_CAP_S || (QUICK ? 20 : 60));
const ROUNDS = QUICK ? 2 : 5;
const MARK_RUNS = QUICK ? 1 : 3; // repeated only while a run takes < 10 s
const SIZES = QUICK ? [['1MB', 1e6]] : [['1MB', 1e6], ['5MB', 5e6]];
const KSETS = QUICK ? [1, 10, 100, 1000, 10000] : [1, 10, 100, 1000, 10000];

execFileSync(PYTHON, [join(BENCH, 'keywords.py')], { stdio: 'inherit' });
const ALL_KEYWORDS = readFileSync(join(INPUTS, 'keywords.txt'), 'utf8').split('\n').filter(Boolean);

// ---- the documents ----
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document's HTML; `cuts[i]` lists the UTF-16 offsets in line i where an inline element starts or ends. */
function documentHtml(lines) {
  const rand = rng(1998);
  const out = [];
  const cuts = new Map();
  lines.forEach((line, i) => {
    const chars = [...line];
    if (i % 3 === 2 && chars.length >= 12) {
      // An inline element at a random place (never splitting a surrogate pair).
      const s = Math.floor(rand() * (chars.length - 8));
      const len = 2 + Math.floor(rand() * 5);
      const tag = rand() < 0.5 ? 'b' : 'span class="em"';
      const close = tag.split(' ')[0];
      const [a, b, c] = [chars.slice(0, s).join(''), chars.slice(s, s + len).join(''), chars.slice(s + len).join('')];
      cuts.set(i, [a.length, a.length + b.length]);
      out.push(`<p>${esc(a)}<${tag}>${esc(b)}</${close}>${esc(c)}</p>`);
    } else out.push(`<p>${esc(line)}</p>`);
  });
  return { html: out.join('\n'), cuts };
}

function pageHtml(body) {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>highlight benchmark</title>
<style>body{font:16px/1.6 sans-serif;max-width:48em;margin:auto} ${Array.from({ length: 8 }, (_, i) => `::highlight(jw-k${i})`).join(',')}{background:#ff0} mark{background:#fd0} .em{color:#a00}</style>
<script src="/bench/node_modules/mark.js/dist/mark.min.js"></script>
<div id="doc">${body}</div>
<script type="module" src="/bench/highlight_page.mjs"></script></html>`;
}

// ---- reference scan: leftmost-longest per paragraph ----
/**
 * Leftmost-longest matches over each paragraph's plain text: { count, pieces }, where
 * pieces counts a match once per text node it covers (what mark.js's `done` reports
 * with acrossElements: a match split by an inline element is wrapped in several <mark>s).
 */
function referenceCount(lines, cuts, keywords) {
  const set = new Set(keywords);
  const lens = [...new Set(keywords.map((k) => k.length))].sort((a, b) => b - a);
  let count = 0;
  let pieces = 0;
  lines.forEach((line, li) => {
    const cut = cuts.get(li) || [];
    for (let i = 0; i < line.length; ) {
      let hit = 0;
      for (const L of lens) if (i + L <= line.length && set.has(line.slice(i, i + L))) { hit = L; break; }
      if (hit) {
        count++;
        pieces += 1 + cut.filter((c) => c > i && c < i + hit).length;
        i += hit;
      } else i++;
    }
  });
  return { count, pieces };
}

// ---- run ----
const server = await startServer();
let browser = await launch();
const news = corpus('news');
const results = {};

async function openDoc(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { timeout: 120000 });
  await page.waitForFunction(() => window.ready === true, null, { timeout: 120000 }).catch(() => {
    throw new Error(`page not ready: ${errors.join('; ')}`);
  });
  return { context, page };
}

/** Closes a context; if its renderer is stuck in a long task, restarts the browser instead. */
async function closeContext(context) {
  const closed = await Promise.race([context.close().then(() => true), new Promise((r) => setTimeout(() => r(false), 15000))]);
  if (!closed) {
    log('context did not close: restarting Chromium');
    await browser.close().catch(() => {});
    browser = await launch();
  }
}

for (const [label, bytes] of SIZES) {
  const text = prefixLines(news, bytes);
  const lines = text.split('\n').filter((l) => l.length > 0);
  const { html, cuts } = documentHtml(lines);
  const url = server.page(`/highlight/${label}.html`, pageHtml(html));
  const probeUrl = server.page(`/highlight/${label}-probe.html`, pageHtml(documentHtml(lines.slice(0, 50)).html));
  const res = (results[label] = { bytes: Buffer.byteLength(text), paragraphs: lines.length, keyword_sets: {} });
  res.inline_elements = cuts.size;
  for (const k of KSETS) {
    const ref = referenceCount(lines, cuts, ALL_KEYWORDS.slice(0, k));
    res.keyword_sets[k] = { reference: ref.count, reference_pieces: ref.pieces, jingwen: { runs: [] }, jingwen_viewport: { runs: [] } };
  }
  log(`${label}: ${lines.length} paragraphs; reference counts ${KSETS.map((k) => `${k}:${res.keyword_sets[k].reference}`).join(' ')}`);

  // jingwen: ROUNDS fresh pages, each running every keyword set (rotated order).
  for (let r = 0; r < ROUNDS; r++) {
    const { context, page } = await openDoc(url);
    for (let i = 0; i < KSETS.length; i++) {
      const k = KSETS[(i + r) % KSETS.length];
      const h = await page.evaluate((kw) => window.jw.highlight(kw), ALL_KEYWORDS.slice(0, k));
      const c = await page.evaluate(() => window.jw.clear());
      res.keyword_sets[k].jingwen.runs.push({ ...h, ...c });
      const v = await page.evaluate((kw) => window.jw.highlightViewport(kw), ALL_KEYWORDS.slice(0, k));
      const vc = await page.evaluate(() => window.jw.clear());
      res.keyword_sets[k].jingwen_viewport.runs.push({ ...v, ...vc });
    }
    await closeContext(context);
  }
  for (const k of KSETS) {
    const runs = res.keyword_sets[k].jingwen.runs;
    const pick = (f) => summary(runs.map((x) => x[f]));
    res.keyword_sets[k].jingwen = {
      count: runs[0].count,
      counts_consistent: runs.every((x) => x.count === runs[0].count),
      highlight_ms: pick('highlight_ms'),
      compile_ms: pick('compile_ms'),
      match_and_ranges_ms: pick('match_and_ranges_ms'),
      find_ms: pick('find_ms'),
      ranges_ms: pick('ranges_ms'),
      paint_ms: pick('paint_ms'),
      clear_ms: pick('clear_ms'),
      clear_call_ms: pick('clear_call_ms'),
    };
    log(`jingwen ${label} ${k} keywords: ${res.keyword_sets[k].jingwen.highlight_ms.median.toFixed(1)} ms, clear ${res.keyword_sets[k].jingwen.clear_ms.median.toFixed(1)} ms, ${runs[0].count} matches (reference ${res.keyword_sets[k].reference})`);
    const vruns = res.keyword_sets[k].jingwen_viewport.runs;
    const vpick = (f) => summary(vruns.map((x) => x[f]));
    res.keyword_sets[k].jingwen_viewport = {
      count: vruns[0].count,
      counts_consistent: vruns.every((x) => x.count === vruns[0].count),
      ranges_first: vruns[0].ranges_first,
      ranges_after_jump: vruns[0].ranges_after_jump,
      highlight_ms: vpick('highlight_ms'),
      compile_ms: vpick('compile_ms'),
      find_ms: vpick('find_ms'),
      ranges_ms: vpick('ranges_ms'),
      paint_ms: vpick('paint_ms'),
      jump_ms: vpick('jump_ms'),
      clear_ms: vpick('clear_ms'),
      clear_call_ms: vpick('clear_call_ms'),
    };
    log(`jingwen viewport ${label} ${k} keywords: ${vpick('highlight_ms').median.toFixed(1)} ms (${vruns[0].ranges_first} ranges), jump to middle ${vpick('jump_ms').median.toFixed(1)} ms, ${vruns[0].count} matches`);
  }

  // mark.js: both modes; a mode stops growing its keyword set after an abort.
  for (const mode of ['mark', 'markRegExp']) {
    let aborted = null;
    for (const k of KSETS) {
      const entry = { runs: [] };
      res.keyword_sets[k][`mark.js ${mode}`] = entry;
      if (aborted) {
        // Not worth CAP_S more on this document; a probe on a 50-paragraph page shows whether it would even work.
        entry.skipped = `not run: ${aborted} keywords already took > ${CAP_S} s`;
        const { context, page } = await openDoc(probeUrl);
        const probe = await Promise.race([
          page.evaluate(({ kw, mode }) => window.mk.mark(kw, mode), { kw: ALL_KEYWORDS.slice(0, k), mode }),
          new Promise((resolve) => setTimeout(() => resolve({ aborted: true }), CAP_S * 1000)),
        ]).catch((e) => ({ error: String(e.message).split('\n')[0].slice(0, 200) }));
        await closeContext(context);
        entry.probe_50_paragraphs = probe.aborted ? `> ${CAP_S} s (aborted)` : probe.error ? `error: ${probe.error}` : `${probe.highlight_ms.toFixed(0)} ms`;
        log(`mark.js ${mode} ${label} ${k} keywords: skipped; on 50 paragraphs: ${entry.probe_50_paragraphs}`);
        continue;
      }
      for (let r = 0; r < MARK_RUNS; r++) {
        const { context, page } = await openDoc(url);
        const run = await Promise.race([
          page.evaluate(({ kw, mode }) => window.mk.mark(kw, mode), { kw: ALL_KEYWORDS.slice(0, k), mode }),
          new Promise((resolve) => setTimeout(() => resolve({ aborted: true }), CAP_S * 1000)),
        ]).catch((e) => ({ error: String(e.message).split('\n')[0].slice(0, 200) }));
        if (!run.aborted && !run.error) Object.assign(run, await page.evaluate(() => window.mk.unmark()));
        await closeContext(context);
        entry.runs.push(run);
        log(`mark.js ${mode} ${label} ${k} keywords: ${run.aborted ? `> ${CAP_S} s (aborted)` : run.error ? `error: ${run.error}` : `${run.highlight_ms.toFixed(0)} ms, unmark ${run.clear_ms.toFixed(0)} ms, ${run.count} matches`}`);
        if (run.aborted || run.error || run.highlight_ms > 10000) break;
      }
      const ok = entry.runs.filter((x) => !x.aborted && !x.error);
      if (entry.runs.some((x) => x.aborted)) {
        entry.aborted = `> ${CAP_S} s (aborted)`;
        aborted = k;
      } else if (entry.runs.some((x) => x.error)) entry.error = entry.runs.find((x) => x.error).error;
      if (ok.length) {
        entry.count = ok[0].count;
        entry.highlight_ms = summary(ok.map((x) => x.highlight_ms));
        entry.clear_ms = summary(ok.map((x) => x.clear_ms));
      }
    }
  }
}
const chromiumVersion = browser.version();
await browser.close();
await server.stop();
saveResult('highlight', { cap_s: CAP_S, rounds: ROUNDS, keyword_sets: KSETS, keywords_sample: ALL_KEYWORDS.slice(0, 20), chromium_version: chromiumVersion, results, median_note: 'medians over runs' });

