// The packed npm package loaded by a plain <script type="module"> page in
// headless Chromium (no bundler): the browser entry, lazy dictionary loading,
// and the lean 'jingwen/convert' entry.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { convert as nodeConvert } from 'jingwen';

const root = process.env.JINGWEN_ROOT;
// [text, repeat]: see decode.html below. Short texts (which do not build the
// bridge: s2t takes them through TextEncoder/TextDecoder, s2twp, after it, through
// the bridge), 600k units of output, then fewer, then 4.55M (more than the
// bridge keeps an array for: 4M), then fewer again.
const STRING_TEXTS = [
  ['\uFEFF汉字转换', 1],
  ['a𠀀b头发😀\n', 1],
  ['x\uD800y\uDC00z\uDC00\uD800', 1],
  ['', 1],
  ['汉字', 300000],
  ['头发', 3],
  ['头发发展，软件', 650000],
  ['鼠标', 2],
];
const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
const here = process.cwd();

writeFileSync(
  join(here, 'page.html'),
  `<!doctype html><meta charset="utf-8"><title>plain page</title>
<script type="importmap">{"imports": {"jingwen": "./node_modules/jingwen/index.js", "jingwen/convert": "./node_modules/jingwen/convert.js"}}</script>
<script type="module" src="./page.js"></script>`,
);
writeFileSync(
  join(here, 'page.js'),
  `import init, { convert, clean, highlight, load } from 'jingwen';
import initLite, * as lite from 'jingwen/convert';
const out = {};
const codeOf = (fn) => { try { fn(); return 'no error'; } catch (e) { return e.code + ': ' + e.message; } };
try {
  out.beforeInit = codeOf(() => convert('汉字', 's2t'));
  await init();
  try { convert('汉字', 's2t'); out.beforeLoad = 'no error'; } catch (e) { out.beforeLoad = e.message; out.beforeLoadCode = e.code; }
  await load('s2t');
  out.s2t = convert('汉字转换，头发发展', 's2t');
  out.clean = clean('标题\\n正文第一段，内容很长很长，说明了很多事情。\\n责任编辑：王蒙').text;
  await load('highlight');
  out.counts = highlight('頭髮', ['头发'], { foldScript: true }).counts;
  out.badWasm = await initLite({ module: './no-such.wasm' }).then(() => 'no error', (e) => e.code + ': ' + e.message);
  await initLite({ preload: 't2s' }); // a failed init can be retried; one name needs no list
  out.lite = lite.convert('漢字', 't2s');
  const c = new lite.Converter('t2s');
  c.free();
  c.free();
  out.afterFree = codeOf(() => c.convert('漢字'));
  out.liteHasClean = 'clean' in lite;
} catch (e) { out.error = String(e && e.stack || e); }
document.body.dataset.result = JSON.stringify(out);`,
);

// The same conversions with the text going in and coming out through the
// String Builtins (strings.js) and, with them made unavailable, through
// TextEncoder and TextDecoder: texts with a leading U+FEFF,
// surrogate pairs, lone surrogates, empty, and texts longer than the arrays
// the bridge keeps between calls. Results as [length, hash] (some are MBs).
writeFileSync(
  join(here, 'decode.html'),
  `<!doctype html><meta charset="utf-8"><title>strings</title>
<script type="importmap">{"imports": {"jingwen/convert": "./node_modules/jingwen/convert.js"}}</script>
<script type="module" src="./decode.js"></script>`,
);
writeFileSync(
  join(here, 'decode.js'),
  `const fallback = new URLSearchParams(location.search).has('fallback');
const Module = WebAssembly.Module;
let builtins = 0;
// Records whether a module asking for the builtins compiled; in fallback mode, refuses it.
WebAssembly.Module = function (bytes, options) {
  if (options && options.builtins) {
    if (fallback) throw new WebAssembly.CompileError('no builtins here');
    const m = new Module(bytes, options);
    builtins++;
    return m;
  }
  return new Module(bytes, options);
};
const { default: init, convert, Converter } = await import('jingwen/convert');
const out = {};
try {
  await init({ preload: ['s2t', 's2twp'] });
  const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0; return [s.length, h]; };
  const texts = ${JSON.stringify(STRING_TEXTS)};
  const expand = ([t, n]) => t.repeat(n);
  out.s2t = texts.map((x) => {
    if (x[1] > 1 && out.builtinsBeforeLongText === undefined) out.builtinsBeforeLongText = builtins;
    return hash(convert(expand(x), 's2t'));
  });
  const c = new Converter('s2twp');
  out.s2twp = texts.map((x) => hash(c.convert(expand(x))));
  out.bom = convert('\\uFEFF汉字', 's2t');
  out.builtins = builtins;
} catch (e) { out.error = String(e && e.stack || e); }
document.body.dataset.result = JSON.stringify(out);`,
);

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const requests = [];
const server = createServer((req, res) => {
  const path = join(here, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  requests.push(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith(here) || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404).end();
    return;
  }
  // Any origin may fetch (the preload-hints page loads the package from another origin).
  res.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
  if (extname(path) !== '.jwd') {
    createReadStream(path).pipe(res);
    return;
  }
  // Dictionary files come in three pieces, 20 ms apart, so that the page reads
  // a body of several chunks (a local body usually arrives as one).
  const bytes = readFileSync(path);
  const cut = [0, bytes.length >> 3, bytes.length >> 1, bytes.length];
  const send = (i) => {
    if (i === 3) return res.end();
    res.write(bytes.subarray(cut[i], cut[i + 1]));
    setTimeout(() => send(i + 1), 20);
  };
  send(0);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
after(async () => {
  await browser.close();
  server.close();
});

test('a plain module page imports the package and uses it', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/page.html`);
  await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 30000 });
  const out = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  assert.equal(out.error, undefined);
  assert.deepEqual(errors, []);
  assert.match(out.beforeInit, /^not-initialized: .*await init\(\)/);
  assert.match(out.badWasm, /^wasm-load-failed: jingwen: could not load the wasm module from .*no-such\.wasm/);
  assert.match(out.afterFree, /^freed: .*Converter has been freed/);
  assert.match(out.beforeLoad, /not loaded yet.*load\("s2t"\)/);
  assert.equal(out.beforeLoadCode, 'dictionary-not-loaded');
  assert.equal(out.s2t, '漢字轉換，頭髮發展');
  assert.equal(out.clean, '标题\n正文第一段，内容很长很长，说明了很多事情。\n');
  assert.deepEqual(out.counts, [1]);
  assert.equal(out.lite, '汉字');
  assert.equal(out.liteHasClean, false);
  // Only what was used was fetched: s2t's dictionaries, not t2jp's.
  assert.ok(requests.some((p) => p.endsWith('/data/STPhrases.jwd')));
  assert.ok(!requests.some((p) => p.includes('JPShinjitai')));
  // Dictionaries always needed together come in one file: s2t's three are one
  // request (STCharacters rides in STPhrases.jwd), t2s's TSCharactersExt in TSPhrases.jwd.
  assert.ok(!requests.some((p) => /\/data\/(STCharacters|STPhrases_Generated|TSCharactersExt)/.test(p)));
  // init({ preload }) starts the dictionary downloads before the wasm is ready (from
  // data/configs.js); load() then takes them over: each file is fetched once.
  // (TSCharacters is also a folding table of the full entry above: not counted.)
  for (const f of ['TSPhrases.jwd', 'STPhrases.jwd']) {
    assert.equal(requests.filter((p) => p.endsWith(`/data/${f}`)).length, 1, f);
  }
  // Each entry is one bundled module: the only scripts fetched from the package
  // are index.js and convert.js themselves (no second round of module requests
  // before the wasm and dictionary downloads can start).
  const scripts = requests.filter((p) => p.startsWith('/node_modules/jingwen/') && p.endsWith('.js'));
  assert.deepEqual(scripts.sort(), ['/node_modules/jingwen/convert.js', '/node_modules/jingwen/index.js']);
  await page.close();
});

test('conversions are the same through the String Builtins and through TextEncoder/TextDecoder', async () => {
  const hash = (t) => {
    let h = 2166136261;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0;
    return [t.length, h];
  };
  const want = {
    s2t: STRING_TEXTS.map(([t, n]) => hash(nodeConvert(t.repeat(n), 's2t'))),
    s2twp: STRING_TEXTS.map(([t, n]) => hash(nodeConvert(t.repeat(n), 's2twp'))),
  };
  assert.deepEqual(want.s2t[0], hash('\uFEFF漢字轉換'), 'Node keeps the leading U+FEFF');
  assert.deepEqual(want.s2t[2], hash('x\uFFFDy\uFFFDz\uFFFD\uFFFD'), 'lone surrogates become U+FFFD');
  for (const mode of ['', '?fallback']) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/decode.html${mode}`);
    await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 60000 });
    const out = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.equal(out.error, undefined, mode);
    assert.deepEqual(errors, [], mode);
    // Chromium has the builtins: the fast decoder is what ran (else the test would not test it).
    assert.equal(out.builtins, mode ? 0 : 1, `modules compiled with the builtins ${mode}`);
    // Built for the first long text, not in init() nor for the short ones (~2 ms each page would wait).
    assert.equal(out.builtinsBeforeLongText, 0, `no bridge before a long text ${mode}`);
    assert.equal(out.bom, '\uFEFF漢字', `a leading U+FEFF is kept ${mode}`);
    assert.deepEqual(out.s2t, want.s2t, `s2t ${mode}`);
    assert.deepEqual(out.s2twp, want.s2twp, `s2twp ${mode}`);
    await page.close();
  }
});

test("the package README's preload hints are used: from another origin, each hinted file is fetched once", async () => {
  // The <link> lines exactly as the packed README gives them, pointed at the package
  // on another origin (localhost, while the page is on 127.0.0.1), where a hint that
  // did not match the package's own fetches would make the file download twice.
  const readme = readFileSync(join(here, 'node_modules/jingwen/README.md'), 'utf8');
  const links = readme.match(/^<link rel="(?:modulepreload|preload)".*>$/gm);
  assert.ok(links && links.length === 3, `three hint lines in the README, found ${links && links.length}`);
  const pkg = `http://localhost:${server.address().port}/node_modules/jingwen`;
  const hints = links.map((l) => l.replace('href="/jingwen/', `href="${pkg}/`));
  writeFileSync(
    join(here, 'hints.html'),
    `<!doctype html><meta charset="utf-8">${hints.join('')}<title>hints</title>
<script type="module">
const out = {};
try {
  const { default: init, convert } = await import('${pkg}/convert.js');
  await init({ preload: ['s2t'] });
  out.s2t = convert('汉字转换，头发发展', 's2t');
} catch (e) { out.error = String(e && e.stack || e); }
document.body.dataset.result = JSON.stringify(out);
</script>`,
  );
  const from = requests.length;
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/hints.html`);
  await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 30000 });
  const out = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  assert.equal(out.error, undefined);
  assert.equal(out.s2t, '漢字轉換，頭髮發展');
  const fetched = requests.slice(from).filter((p) => p.startsWith('/node_modules/jingwen/'));
  const hinted = hints.map((l) => new URL(l.match(/href="([^"]+)"/)[1]).pathname);
  // The hints name exactly what the page needs (none stale, none missing) …
  assert.deepEqual([...new Set(fetched)].sort(), [...hinted].sort());
  // … and the package's own fetches use them.
  for (const path of hinted) assert.equal(fetched.filter((p) => p === path).length, 1, `${path} fetched once`);
  await page.close();
});
