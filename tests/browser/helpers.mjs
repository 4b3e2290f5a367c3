// Shared set-up for the browser tests: serves dist/ with scripts/serve.mjs on
// a free port, launches Debian's Chromium through playwright-core (each test
// file gets its own browser with a fresh temporary profile), and a few page
// helpers (dropping files through a real DataTransfer drop event, reading the
// rendered text of a view, waiting for documents to be cleaned).
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS = join(ROOT, 'tests/data/seeds');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.mjs on a free port; returns { url, stop }. */
export async function startServer() {
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run node scripts/assemble.mjs');
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), 10000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('being served')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Launches Chromium. playwright-core gives every launch a fresh temporary
 * profile (user-data dir) and deletes it on close, so each test file starts
 * with empty storage, no service worker and no cache.
 */
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return { browser, close: () => browser.close() };
}

/** Both, plus a helper for new pages that fail the test on page errors. */
export async function setup() {
  const server = await startServer();
  const { browser, close } = await launch();
  return {
    server,
    browser,
    async newPage(contextOptions = {}) {
      const context = await browser.newContext({ locale: 'zh-CN', ...contextOptions });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.errors = errors;
      return { context, page };
    },
    async teardown() {
      await close();
      await server.stop();
    },
  };
}

export function seeds() {
  return ['000', '001', '002', '003', '004'].map((n) => ({
    name: `${n}.input.txt`,
    bytes: readFileSync(join(SEEDS, `${n}.input.txt`)),
    gold: readFileSync(join(SEEDS, `${n}.gold.txt`), 'utf8'),
  }));
}

/** Opens the page and waits until the engine is ready. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 30000 });
}

/**
 * Drops files on the drop zone: File objects are built in the page from the
 * bytes, put in a DataTransfer, and a real `drop` DragEvent is dispatched.
 * @param {{name: string, bytes: Uint8Array|Buffer, type?: string}[]} files
 */
export async function dropFiles(page, files, selector = '#dropzone') {
  const payload = files.map((f) => ({ name: f.name, type: f.type || '', b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate(
    ({ payload, selector }) => {
      const dt = new DataTransfer();
      for (const f of payload) {
        const bin = atob(f.b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const target = document.querySelector(selector);
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { payload, selector },
  );
}

/** Waits until n documents are listed and none is queued or working. */
export async function waitForDocs(page, n, timeout = 60000) {
  await page.waitForFunction(
    (n) => {
      const items = [...document.querySelectorAll('#doc-list .doc-item')];
      return items.length === n && items.every((li) => li.dataset.status !== 'queued' && li.dataset.status !== 'working');
    },
    n,
    { timeout },
  );
}

/** Opens the document named `name` in the list. */
export async function openDoc(page, name) {
  await page.locator('#doc-list .doc-open', { has: page.locator('.doc-name', { hasText: name }) }).first().click();
  await page.waitForFunction((name) => document.getElementById('doc-title').textContent === name, name);
}

/** Selects a view tab by its id suffix (clean, removed, convert, highlight, original). */
export async function selectView(page, view) {
  await page.click(`#tab-${view}`);
  await page.waitForFunction((v) => !document.getElementById(`panel-${v}`).hidden, view);
}

/**
 * The text shown in a text view: every paragraph rendered (pressing "show
 * more" until all are), joined with newlines, plus the final newline.
 */
export async function viewText(page, containerId) {
  return page.evaluate(async (id) => {
    const box = document.getElementById(id);
    for (let guard = 0; guard < 10000; guard++) {
      const more = box.querySelector('.more.later');
      if (!more || more.hidden) break;
      more.click();
    }
    const paras = [...box.querySelectorAll('.paras > .para')];
    return paras.map((p) => p.textContent).join('\n') + (paras.length ? '\n' : '');
  }, containerId);
}

/**
 * The entries of a zip the page wrote: { name, data (UTF-8 text), method } for each
 * local header, in order (the page stores, method 0).
 */
export function zipEntries(zip) {
  const entries = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.subarray(at + 30, at + 30 + nameLen).toString('utf8'),
      data: zip.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size).toString('utf8'),
      method,
    });
    at += 30 + nameLen + extra + size;
  }
  return entries;
}
