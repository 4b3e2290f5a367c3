// Benchmark 8 — cleaning quality against general article extractors (issue 4, and the
// brief's bar: "better than trafilatura and Readability on this kind of document").
//
// Documents: every case with a gold file in the repository (tests/data/seeds,
// cases, holdout, holdout2: real-shaped HTML pages, Markdown and scraped text, in
// UTF-8, GBK and Big5). The seeds are the shared real documents; the hold-out sets
// were written from other sites' layouts without looking at our rules (their first
// scores are in the README), the cases exercise one rule each.
// Systems:
//   jingwen      `clean(bytes)` with default options (pkg/node.js);
//   trafilatura  (PyPI, pinned in scripts/bench) `bare_extraction(bytes)`: title + text;
//   Readability  (@mozilla/readability on jsdom, npm, pinned in bench/package.json):
//                jsdom parses the bytes as a browser would (BOM / <meta charset>),
//                `new Readability(document).parse()`; title + one line per block of `content`.
// Both extractors take HTML only: text and Markdown documents are given to them as
// HTML with one <p> per line, decoded correctly (with the encoding jingwen detected) —
// a help they would not get in real use, so their scores on text are an upper bound.
// Generalization: the hold-out sets were added after jingwen's rules existed; the
// commit before each set landed is built (debug, `examples/clean`) and run on it, so the
// "first seen" row shows how jingwen did on those sites before any rule was changed for them.
// Score: ../shared/tools/score_clean.py (copied to tests/tools/) — character-3-gram
// precision/recall/F1 per line, exact paragraph-set F1, whole-document exact match,
// boilerplate lines left, article lines lost; macro averages over documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, ROOT, WORK, log, require, saveResult } from './common.mjs';

const SETS = ['seeds', 'cases', 'holdout', 'holdout2'];
const OUT = join(WORK, 'quality');
const VENV_PY = join(WORK, 'venv/bin/python');
const SCORER = join(ROOT, 'tests/tools/score_clean.py');

const { clean } = await import('../pkg/node.js');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

rmSync(OUT, { recursive: true, force: true });
const dir = (...p) => {
  const d = join(OUT, ...p);
  mkdirSync(d, { recursive: true });
  return d;
};
const [goldDir, htmlDir, jwDir, rdDir, trDir] = ['gold', 'html', 'pred/jingwen', 'pred/readability', 'pred/trafilatura'].map((d) => dir(d));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const kinds = {}; // id -> 'html' | 'text'

for (const set of SETS) {
  const src = join(ROOT, 'tests/data', set);
  for (const name of readdirSync(src).filter((n) => n.includes('.input.')).sort()) {
    const stem = name.split('.input.')[0];
    const id = `${set}-${stem}`;
    const bytes = new Uint8Array(readFileSync(join(src, name)));
    writeFileSync(join(goldDir, `${id}.txt`), readFileSync(join(src, `${stem}.gold.txt`)));
    const r = clean(bytes);
    writeFileSync(join(jwDir, `${id}.txt`), r.text);
    const isHtml = /\.html?$/.test(name);
    kinds[id] = isHtml ? 'html' : 'text';
    // What the extractors get: the page's own bytes, or the text as one <p> per line.
    const html = isHtml
      ? Buffer.from(bytes)
      : Buffer.from(`<!doctype html><html><head><meta charset="utf-8"></head><body>\n${r.source.split('\n').map((l) => `<p>${esc(l)}</p>`).join('\n')}\n</body></html>`);
    writeFileSync(join(htmlDir, `${id}.html`), html);
    writeFileSync(join(rdDir, `${id}.txt`), readability(html));
  }
}

/** Readability's title and content, one line per block element. */
function readability(html) {
  const virtualConsole = new VirtualConsole(); // silence jsdom's CSS parse errors
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole });
  const art = new Readability(dom.window.document).parse();
  if (!art) return '\n';
  const body = new JSDOM(`<body>${art.content}</body>`, { virtualConsole }).window.document.body;
  const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,div,blockquote,pre,tr,figcaption,section,article,header,footer,ul,ol,table,dd,dt';
  for (const el of body.querySelectorAll(BLOCKS)) {
    el.before('\n');
    el.after('\n');
  }
  for (const br of body.querySelectorAll('br')) br.replaceWith('\n');
  const lines = body.textContent.split('\n').map((l) => l.trim()).filter(Boolean);
  if (art.title) lines.unshift(art.title.trim());
  return lines.join('\n') + '\n';
}

log(`trafilatura on ${Object.keys(kinds).length} documents`);
execFileSync(VENV_PY, [join(BENCH, 'extract_trafilatura.py'), htmlDir, trDir], { stdio: 'inherit' });
const versions = {
  trafilatura: execFileSync(VENV_PY, ['-c', 'import trafilatura; print(trafilatura.__version__)'], { encoding: 'utf8' }).trim(),
  readability: require('@mozilla/readability/package.json').version,
  jsdom: require('jsdom/package.json').version,
};

// ---- jingwen as it was when each hold-out set was first run ----
const FIRST_SEEN = {
  holdout: '37938b6', // the parent of ea99114, which generalized the rules over holdout
  holdout2: 'e616210', // the parent of 492fafb, which added holdout2 and generalized over it
};
const firstDir = dir('pred/jingwen-first-seen');
const firstTarget = join(WORK, 'first-seen/target'); // shared: dependencies build once
for (const [set, commit] of Object.entries(FIRST_SEEN)) {
  const src = join(WORK, 'first-seen', commit);
  if (!existsSync(join(src, 'Cargo.toml'))) {
    mkdirSync(src, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${src}"`]);
    symlinkSync(join(ROOT, 'vendor'), join(src, 'vendor')); // the pinned OpenCC data (build.rs)
  }
  log(`building jingwen ${commit} (examples/clean, debug) for ${set}`);
  execFileSync('cargo', ['build', '--quiet', '--example', 'clean'], { cwd: src, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: firstTarget } });
  const inputs = readdirSync(join(ROOT, 'tests/data', set)).filter((n) => n.includes('.input.')).map((n) => join(ROOT, 'tests/data', set, n));
  const tmp = join(OUT, 'first-seen-out', set);
  execFileSync(join(firstTarget, 'debug/examples/clean'), [...inputs, '--out', tmp], { stdio: 'ignore' });
  for (const f of readdirSync(tmp)) writeFileSync(join(firstDir, `${set}-${f}`), readFileSync(join(tmp, f)));
}

/** Macro scores over `ids` (score_clean.py's JSON). */
function score(ids, label) {
  const json = join(OUT, `score-${label}.json`);
  const systems = ['jingwen', 'trafilatura', 'readability'];
  if (label in FIRST_SEEN) systems.splice(1, 0, 'jingwen-first-seen');
  const preds = systems.map((n) => `--pred=${n}=${join(OUT, 'pred', n)}`);
  execFileSync('python3', [SCORER, `--gold=${goldDir}`, ...preds, `--only=${ids.join(',')}`, `--json=${json}`, `--md=${join(OUT, `score-${label}.md`)}`], { stdio: 'ignore' });
  return JSON.parse(readFileSync(json, 'utf8'));
}

const groups = {};
const ids = Object.keys(kinds);
const pick = (f) => ids.filter(f);
for (const [label, sel] of [
  ['all', pick(() => true)],
  ['html', pick((i) => kinds[i] === 'html')],
  ['text', pick((i) => kinds[i] === 'text')],
  ...SETS.map((set) => [set, pick((i) => i.startsWith(`${set}-`))]),
]) {
  const s = score(sel, label);
  groups[label] = { documents: sel.length, macro: s.macro };
  if (label === 'all') groups.all.per_doc = s.per_doc;
  log(`${label} (${sel.length} docs): ${Object.entries(s.macro).map(([n, m]) => `${n} F3 ${m.F3.toFixed(3)} exact ${m.exact.toFixed(2)}`).join('; ')}`);
}
saveResult('quality', { versions, sets: SETS, kinds, first_seen: FIRST_SEEN, groups });
