// The packed package in an app built by a bundler, as most web developers use it:
// Vite (its production build, and its dev server) and esbuild, each app opened in
// headless Chromium. Vite copies the wasm and every dictionary file by itself
// (each is a `new URL('./data/X.jwd', import.meta.url)` in the bundle); esbuild
// copies nothing, so that app serves the package's folders itself and says where
// with `init({ base })`, as the package README shows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = process.env.JINGWEN_ROOT;
const bin = (name) => join(root, 'node_modules/.bin', name);
const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
const app = join(process.cwd(), 'bundled-app');
mkdirSync(join(app, 'src'), { recursive: true });

// What the app does: the full entry and the lean one, each with its dictionaries
// (`base` only for the esbuild build).
const main = (base) => `import init, { convert, clean, highlightHtml, load } from 'jingwen';
import initLean, { convert as convertLean } from 'jingwen/convert';
const out = {};
try {
  await init({ preload: ['s2t', 'highlight']${base ? `, base: ${JSON.stringify(base)}` : ''} });
  await initLean({ preload: 't2s'${base ? `, base: ${JSON.stringify(base)}` : ''} });
  out.full = convert('汉字转换，头发发展', 's2t');
  out.lean = convertLean('漢字轉換，頭髮發展', 't2s');
  out.clean = clean('<p>正文内容。</p><p>（责任编辑：张三）</p>').text;
  out.hl = highlightHtml('头发 頭髮', ['头发'], { foldScript: true });
  await load('tw2sp');
  out.tw2sp = convert('滑鼠', 'tw2sp');
} catch (e) { out.error = String(e && e.stack || e); }
document.body.dataset.result = JSON.stringify(out);
`;
const WANT = {
  full: '漢字轉換，頭髮發展',
  lean: '汉字转换，头发发展',
  clean: '正文内容。\n',
  hl: '<mark data-keyword="0">头发</mark> <mark data-keyword="0">頭髮</mark>',
  tw2sp: '鼠标',
};
const html = (script) => `<!doctype html><html><head><meta charset="utf-8"><title>app</title></head>
<body><script type="module" src="${script}"></script></body></html>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
after(() => browser.close());

/** Opens the app at `url`: its results are right, with no page error and no failed request. */
async function expectApp(url) {
  const { out, errors, failed } = await run(url);
  assert.deepEqual(out, WANT);
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
}

/** Opens `url`, waits for the app's result; also answers the responses that failed. */
async function run(url) {
  const page = await browser.newPage();
  const errors = [];
  const failed = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 60000 });
  const out = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  await page.close();
  return { out, errors, failed };
}

/** A static server for `dir` (what a host serving the built app does). */
async function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

test('Vite: a production build copies the wasm and the dictionaries, and the app works', async () => {
  writeFileSync(join(app, 'index.html'), html('/src/main.js'));
  writeFileSync(join(app, 'src/main.js'), main(null));
  const dist = join(app, 'dist-vite');
  execFileSync(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', dist], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
  const assets = readdirSync(join(dist, 'assets'));
  assert.ok(assets.some((f) => /^STPhrases-.*\.jwd$/.test(f)), `STPhrases among ${assets.join(' ')}`);
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 2, 'the full and the lean wasm');
  const server = await serve(dist);
  try {
    await expectApp(server.url);
  } finally {
    server.close();
  }
});

test("Vite's dev server serves the package's files, and the app works", async () => {
  writeFileSync(join(app, 'index.html'), html('/src/main.js'));
  writeFileSync(join(app, 'src/main.js'), main(null));
  const dev = spawn(bin('vite'), ['--port', '0', '--strictPort', 'false', '--host', '127.0.0.1'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`vite did not start:\n${log}`)), 30000);
      const read = (d) => {
        log += d;
        // Its banner prints the address (coloured on a terminal, plain here).
        const m = log.replace(/\x1b\[[0-9;]*m/g, '').match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      dev.stdout.on('data', read);
      dev.stderr.on('data', read);
      dev.on('exit', (code) => reject(new Error(`vite exited (${code}):\n${log}`)));
    });
    await expectApp(url);
  } finally {
    dev.kill();
  }
});

test("esbuild: the app serves the package's folders and names them with init({ base })", async () => {
  const dist = join(app, 'dist-esbuild');
  writeFileSync(join(app, 'src/main-esbuild.js'), main('/jingwen/'));
  execFileSync(bin('esbuild'), ['src/main-esbuild.js', '--bundle', '--format=esm', `--outfile=${join(dist, 'main.js')}`, '--log-level=warning'], { cwd: app });
  writeFileSync(join(dist, 'index.html'), html('/main.js'));
  // As the package README says: copy wasm/, wasm-lite/ and data/ where the page can fetch them.
  for (const dir of ['wasm', 'wasm-lite', 'data']) cpSync(join(process.cwd(), 'node_modules/jingwen', dir), join(dist, 'jingwen', dir), { recursive: true });
  const server = await serve(dist);
  try {
    await expectApp(server.url);
  } finally {
    server.close();
  }
});
