// Benchmark 6 — cleaning throughput (issue 4), wasm in Node vs native, and what dominates the time.
//
// Inputs (about 1 MB each, built once into bench/.work/inputs/clean-*):
//   html-1page   one 1 MB news page: corpus paragraphs (People's Daily 1998) as the
//                article, inside a realistic template (head with scripts/styles, nav,
//                breadcrumbs, metadata line, share bar, image captions, editor line,
//                related list, sidebar ranking, footer with copyright and ICP number)
//   html-40pages 40 such pages of ~25 KB (each with its own article), cleaned one by one
//   text-1doc    one 1 MB scraped-text document: title, metadata lines, corpus
//                paragraphs with noise lines interspersed (editor/source lines, share
//                bars, app promotions, related lists, pagination, copyright, ICP)
//   cases        the repository's seed and test documents (tests/data/seeds,
//                tests/data/cases: HTML, Markdown, text, GBK, Big5), repeated to 1 MB
//                and cleaned one by one
// Peers: jingwen wasm (pkg/node.js `clean(Uint8Array)` in Node) and jingwen native
// (examples/bench_native.rs, `clean(Input::Bytes)`), rounds interleaved; MB/s =
// input bytes / median time. Then profiles: `node --cpu-prof` of the wasm cleaning
// html-1page and text-1doc (self time per function, grouped by crate), and `perf
// record` of the native driver when perf is available.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, INPUTS, NATIVE, QUICK, ROOT, WORK, corpus, interleave, log, mb, native, saveResult, summary, rng } from './common.mjs';

// ---- child mode: profile target (`node --cpu-prof bench/clean.mjs --profile FILE SECONDS`) ----
if (process.argv[2] === '--profile') {
  const { clean } = await import('../pkg/node.js');
  const bytes = new Uint8Array(readFileSync(process.argv[3]));
  const until = performance.now() + Number(process.argv[4]) * 1000;
  while (performance.now() < until) clean(bytes);
  process.exit(0);
}

const ROUNDS = QUICK ? 2 : 5;
const REPS = 3;
const DIR = join(INPUTS, 'clean');
mkdirSync(DIR, { recursive: true });

// ---- inputs ----
const rand = rng(4);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = corpus('news').split('\n').filter(Boolean);
const titles = lines.filter((l) => l.length >= 8 && l.length <= 28 && !/[。，；：！？]$/.test(l));
const body = lines.filter((l) => l.length >= 40);
let cursor = 0;
const nextParas = (bytes) => {
  const out = [];
  let n = 0;
  while (n < bytes) {
    const l = body[cursor++ % body.length];
    out.push(l);
    n += Buffer.byteLength(l);
  }
  return out;
};
const NAV = ['首页', '要闻', '时政', '国际', '财经', '科技', '体育', '娱乐', '教育', '健康', '汽车', '房产', '旅游', '文化', '军事', '社会', '图片', '视频', '专题', '评论'];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'];

function htmlPage(paras, n) {
  const title = titles[(n * 7) % titles.length];
  const related = Array.from({ length: 10 }, (_, i) => `<li><a href="/n/2026/${n}-${i}.html">${esc(titles[(n * 13 + i * 31) % titles.length])}</a></li>`).join('\n');
  const ranking = Array.from({ length: 10 }, (_, i) => `<li><span>${i + 1}</span><a href="/hot/${i}.html">${esc(titles[(n * 17 + i * 7) % titles.length])}</a></li>`).join('\n');
  const content = paras
    .map((p, i) => {
      if (i % 12 === 5) return `<p style="text-align:center"><img src="/img/${n}-${i}.jpg" alt=""></p>\n<p class="pic-title">图为${esc(p.slice(0, 18))}。（新华社记者 ${pick(NAMES)} 摄）</p>\n<p>　　${esc(p)}</p>`;
      if (i % 9 === 3) return `<p>　　${esc(p.slice(0, 20))}<strong>${esc(p.slice(20, 40))}</strong>${esc(p.slice(40))}</p>`;
      return `<p>　　${esc(p)}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}_新闻频道_示例新闻网</title>
<meta name="keywords" content="${esc(title)},新闻,要闻">
<meta name="description" content="${esc(paras[0].slice(0, 60))}">
<link rel="stylesheet" href="/static/css/article.css">
<style>.content p{text-indent:2em;line-height:1.8}.nav li{display:inline-block;margin:0 8px}</style>
<script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="https://hm.example.com/hm.js?${n}";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();</script>
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/logo.png" alt="示例新闻网"></a></div>
<ul class="nav">${NAV.map((x, i) => `<li><a href="/${i}/">${x}</a></li>`).join('')}</ul>
<div class="login"><a href="/login">登录</a> | <a href="/reg">注册</a> | <a href="/app">下载客户端</a></div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻</a> &gt; 正文</div>
<div class="main"><div class="article">
<h1>${esc(title)}</h1>
<div class="info"><span>2026年01月${String((n % 28) + 1).padStart(2, '0')}日 08:${String(n % 60).padStart(2, '0')}</span> <span>来源：人民日报</span> <span>作者：${pick(NAMES)}</span></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> <a href="#">复制链接</a></div>
<div class="content">
${content}
</div>
<p class="editor">（责任编辑：${pick(NAMES)}）</p>
<div class="app-promo">打开示例新闻客户端，阅读更多精彩内容</div>
<div class="related"><h3>相关新闻</h3><ul>
${related}
</ul></div>
</div>
<div class="sidebar"><h3>热点排行</h3><ol>
${ranking}
</ol><div class="ad"><a href="/ad">广告</a></div></div></div>
<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/jobs">招聘信息</a></p>
<p>示例新闻网版权所有，未经书面授权禁止使用</p><p>Copyright © 1997-2026 by www.example.com. all rights reserved</p><p>京ICP备12345678号-1 京公网安备11010502000001号</p></div>
<script>document.querySelectorAll('.share a').forEach(function(a){a.onclick=function(){return false;};});</script>
</body>
</html>
`;
}

const NOISE = [
  () => `（责任编辑：${pick(NAMES)}）`,
  () => '来源：人民日报',
  () => '分享到：微信 微博 QQ空间',
  () => '打开APP阅读全文',
  () => '点击进入专题：深化改革',
  () => `相关阅读：${pick(titles)}`,
  () => '上一页 1 2 3 下一页',
  () => '版权所有 © 示例新闻网 京ICP备12345678号',
  () => '扫描二维码，关注官方微信',
  () => `【${pick(NAV)}】`,
];

function textDoc(paras) {
  const out = [titles[3], `2026-01-05 08:12  来源：人民日报  作者：${NAMES[0]}`, ''];
  paras.forEach((p, i) => {
    out.push(`　　${p}`);
    if (i % 6 === 5) out.push(pick(NOISE)());
  });
  out.push('', `（责任编辑：${NAMES[1]}）`, '版权所有 © 示例新闻网');
  return out.join('\n') + '\n';
}

function build() {
  const sets = {};
  const file = (name, text) => {
    const p = join(DIR, name);
    if (!existsSync(p)) writeFileSync(p, text);
    return p;
  };
  sets['html-1page'] = [file('html-1page.html', htmlPage(nextParas(1e6 - 8e3), 0))];
  sets['html-40pages'] = Array.from({ length: 40 }, (_, i) => file(`page-${String(i).padStart(2, '0')}.html`, htmlPage(nextParas(19e3), i + 1)));
  sets['text-1doc'] = [file('text-1doc.txt', textDoc(nextParas(0.93e6)))];
  const cases = [
    ...readdirSync(join(ROOT, 'tests/data/seeds')).filter((f) => f.includes('.input.')).map((f) => join(ROOT, 'tests/data/seeds', f)),
    ...readdirSync(join(ROOT, 'tests/data/cases')).filter((f) => f.includes('.input.')).map((f) => join(ROOT, 'tests/data/cases', f)),
  ].sort();
  const list = [];
  let n = 0;
  while (n < 1e6) {
    for (const c of cases) {
      list.push(c);
      n += readFileSync(c).length;
    }
  }
  sets.cases = list;
  return sets;
}

const sets = build();
const { clean } = await import('../pkg/node.js');
const results = {};
for (const [name, files] of Object.entries(sets)) {
  const docs = files.map((f) => new Uint8Array(readFileSync(f)));
  const bytes = docs.reduce((a, d) => a + d.length, 0);
  const times = { wasm: [], native: [] };
  let wasmOut = 0;
  let nativeOut = 0;
  clean(docs[0]); // warm-up
  await interleave(['wasm', 'native'], ROUNDS, async (peer) => {
    if (peer === 'wasm') {
      for (let r = 0; r < REPS; r++) {
        const t = performance.now();
        let out = 0;
        for (const d of docs) out += Buffer.byteLength(clean(d).text);
        times.wasm.push(performance.now() - t);
        wasmOut = out;
      }
    } else {
      const r = native(['clean', ...files, '--runs', String(REPS)]);
      times.native.push(...r.times_ms);
      nativeOut = r.out_bytes;
    }
  });
  const row = { documents: docs.length, bytes, out_bytes: wasmOut, same_output_size: wasmOut === nativeOut };
  for (const p of ['wasm', 'native']) {
    const s = summary(times[p]);
    row[p] = { ...s, mb_s: +(mb(bytes) / (s.median / 1e3)).toFixed(2) };
  }
  results[name] = row;
  log(`${name}: ${docs.length} docs, ${(bytes / 1e6).toFixed(2)} MB → ${(wasmOut / 1e6).toFixed(2)} MB; wasm ${row.wasm.mb_s} MB/s, native ${row.native.mb_s} MB/s`);
}

// ---- profiles ----
const tidy = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/^\$/, '');

/** What a function belongs to, for grouping: a Rust crate (module, for jingwen), the JS glue, or the engine. */
function group(name, url = null) {
  if (url !== null && !url.startsWith('wasm://')) {
    if (/^\((garbage collector)\)$/.test(name)) return 'V8 garbage collector';
    if (url.startsWith('node:internal/encoding')) return 'TextDecoder (UTF-8 strings out of wasm)';
    if (url === '') return 'V8 builtins';
    if (url.endsWith('/jingwen.js')) return 'wasm-bindgen JS glue';
    if (url.endsWith('/clean.mjs')) return 'benchmark loop';
    return 'other JS';
  }
  const n = tidy(name).replace(/^<+/, '');
  const m = n.match(/^([a-z_][a-z0-9_]*)::([a-z_][a-z0-9_]*)/);
  if (m && m[1] === 'jingwen') return `jingwen::${m[2]}`;
  if (m) return m[1];
  if (/memcpy|memmove|memset|memcmp|dlmalloc|malloc|free|realloc/.test(n)) return 'memory (alloc/copy)';
  if (/^wasm-function/.test(n)) return 'wasm (unnamed)';
  return 'other native';
}

function cpuProfile(file, seconds) {
  const dir = join(WORK, 'prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', join(BENCH, 'clean.mjs'), '--profile', file, String(seconds)]);
  const prof = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map(); // name -> { n, group }
  for (const id of prof.samples) {
    const { functionName, url } = byId.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') continue;
    if (url.startsWith('node:') && !url.startsWith('node:internal/encoding')) continue; // Node start-up and module loading
    const name = tidy(functionName || '(anonymous)');
    const e = self.get(name) || { n: 0, group: group(functionName || '(anonymous)', url) };
    e.n++;
    self.set(name, e);
  }
  const busy = [...self.values()].reduce((a, e) => a + e.n, 0);
  const pct = (v) => +((100 * v) / busy).toFixed(1);
  const top = [...self].sort((a, b) => b[1].n - a[1].n).slice(0, 12).map(([k, e]) => ({ function: k.slice(0, 140), pct: pct(e.n) }));
  const groups = new Map();
  for (const e of self.values()) groups.set(e.group, (groups.get(e.group) || 0) + e.n);
  return { samples: busy, top, groups: [...groups].sort((a, b) => b[1] - a[1]).map(([g, v]) => ({ group: g, pct: pct(v) })) };
}

function perfProfile(files) {
  if (spawnSync('perf', ['--version']).status !== 0) return { unavailable: 'perf not installed' };
  const data = join(WORK, 'perf.data');
  const rec = spawnSync('perf', ['record', '-F', '2000', '-o', data, '--', NATIVE, 'clean', ...files, '--runs', QUICK ? '5' : '20'], { encoding: 'utf8' });
  if (rec.status !== 0) return { unavailable: `perf record failed: ${rec.stderr.trim().split('\n').pop()}` };
  const rep = spawnSync('perf', ['report', '-i', data, '--stdio', '--no-children', '--sort', 'symbol'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  rmSync(data, { force: true });
  const rows = [];
  for (const line of rep.stdout.split('\n')) {
    const m = line.match(/^\s+([\d.]+)%\s+\[[.k]\]\s+(.*?)\s*$/);
    if (m) rows.push({ function: tidy(m[2].replace(/\s+-\s+-\s*$/, '').trim()).slice(0, 140), pct: +m[1] });
  }
  const groups = new Map();
  for (const r of rows) groups.set(group(r.function), +((groups.get(group(r.function)) || 0) + r.pct).toFixed(1));
  return { top: rows.slice(0, 12), groups: [...groups].sort((a, b) => b[1] - a[1]).map(([g, pct]) => ({ group: g, pct })) };
}

const profiles = {};
for (const name of ['html-1page', 'text-1doc']) {
  log(`profiling ${name} (wasm, node --cpu-prof; native, perf)`);
  profiles[name] = { wasm: cpuProfile(sets[name][0], QUICK ? 2 : 5), native: perfProfile(sets[name]) };
  log(`  wasm: ${profiles[name].wasm.groups.slice(0, 5).map((g) => `${g.group} ${g.pct}%`).join(', ')}`);
  if (profiles[name].native.groups) log(`  native: ${profiles[name].native.groups.slice(0, 5).map((g) => `${g.group} ${g.pct}%`).join(', ')}`);
}

saveResult('clean', { rounds: ROUNDS, reps: REPS, results, profiles });
