// Nothing is lost: documents (original bytes, names, per-document options) and
// settings survive a reload until "clear all" (confirmed in a dialog in the
// page), even a change made just before the reload; and the page works
// offline once its service worker is ready — loading, cleaning and converting
// with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert, Converter, load } from '../../pkg/node.js';
import { setup, openApp, dropFiles, seeds, waitForDocs, openDoc, selectView, viewText, ROOT } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

test('a reload restores documents, per-document options and settings; clear all forgets them', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const [a, b] = seeds();
  const gbk = readFileSync(join(ROOT, 'tests/data/gbk-sample.txt'));
  await dropFiles(page, [a, b, { name: 'gbk-sample.txt', bytes: gbk }]);
  await waitForDocs(page, 3);

  await openDoc(page, 'gbk-sample.txt');
  await page.selectOption('#encoding-select', 'gb18030');
  await page.waitForFunction(() => /gb18030/i.test(document.getElementById('doc-meta').textContent));
  await openDoc(page, b.name);
  await selectView(page, 'convert');
  await page.selectOption('#config-select', 's2tw');
  await page.waitForFunction(() => /^s2tw/.test(document.getElementById('convert-status').textContent));
  await page.click('#user-dict-box summary');
  await page.fill('#user-dict', '疫情 疫病');
  await page.check('#zip-converted');
  await page.waitForFunction(() => /自定义词典 1 条/.test(document.getElementById('convert-status').textContent));
  await page.selectOption('#lang-select', 'en');
  await page.click('#theme-toggle');
  await selectView(page, 'highlight');
  await page.fill('#keywords', '疫情\n防控');
  await page.uncheck('#opt-script');
  await selectView(page, 'convert');
  await page.waitForTimeout(400); // settings are saved with a short debounce

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitForDocs(page, 3);
  assert.deepEqual(await page.$$eval('#doc-list .doc-name', (els) => els.map((e) => e.textContent)), [a.name, b.name, 'gbk-sample.txt']);
  assert.equal(await page.textContent('#doc-title'), b.name, 'the active document');
  assert.equal(await page.getAttribute('#tab-convert', 'aria-selected'), 'true', 'its view');
  assert.equal(await page.inputValue('#config-select'), 's2tw');
  await page.waitForFunction(() => /^s2tw/.test(document.getElementById('convert-status').textContent));
  await load('s2tw');
  assert.equal(await page.inputValue('#user-dict'), '疫情 疫病');
  assert.equal(await page.isChecked('#zip-converted'), true);
  assert.equal(await page.evaluate(() => document.getElementById('user-dict-box').open), true, 'shown open when it holds phrases');
  await page.waitForFunction(() => / \(with your 1 phrase\)$/.test(document.getElementById('convert-status').textContent));
  const mine = new Converter('s2tw', { dictionary: { 疫情: '疫病' } });
  assert.equal(await viewText(page, 'convert-text'), mine.convert(b.gold));
  mine.free();
  assert.match(await viewText(page, 'convert-text'), /疫病防控/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.inputValue('#lang-select'), 'en');
  assert.equal(await page.textContent('#tab-clean'), 'Clean text');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.inputValue('#keywords'), '疫情\n防控');
  assert.equal(await page.isChecked('#opt-script'), false);
  await openDoc(page, 'gbk-sample.txt');
  assert.equal(await page.inputValue('#encoding-select'), 'gb18030');
  await openDoc(page, a.name);
  await selectView(page, 'clean');
  assert.equal(await viewText(page, 'clean-text'), a.gold);

  // Clear all: asks first (a dialog in the page), cancel keeps everything.
  await page.click('#clear-all');
  assert.equal(await page.isVisible('#confirm-dialog'), true);
  await page.click('#confirm-cancel');
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 3);
  await page.click('#clear-all');
  await page.click('#confirm-ok');
  // The page resets in one task; the notice comes once the storage is cleared.
  await page.waitForFunction(() => [...document.querySelectorAll('.notice-text')].some((n) => n.textContent === '已清除全部文档和设置。'));
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 0);
  assert.equal(await page.isVisible('#empty-state'), true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 0);
  assert.equal(await page.inputValue('#keywords'), '');
  assert.equal(await page.inputValue('#user-dict'), '');
  assert.equal(await page.isChecked('#zip-converted'), false);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans', 'back to the browser language');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a document's options are stored apart from its bytes (a tab click rewrote the whole file), restored from there, and removed with it", async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const [a] = seeds();
  await dropFiles(page, [a]);
  await waitForDocs(page, 1);
  await openDoc(page, a.name);
  // What IndexedDB holds: the document records (their options) and the options records.
  const stored = () =>
    page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('jingwen');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const t = req.result.transaction(['docs', 'settings']);
            const docs = t.objectStore('docs').getAll();
            const settings = t.objectStore('settings').getAll();
            t.oncomplete = () => {
              const options = settings.result.filter((r) => r.key.startsWith('options:'));
              resolve({ docs: docs.result.map((d) => ({ id: d.id, view: d.options?.view ?? null })), options: options.map((r) => ({ key: r.key, config: r.value.config })) });
              req.result.close();
            };
          };
        }),
    );
  await selectView(page, 'convert');
  await page.selectOption('#config-select', 's2hk');
  await page.waitForFunction(() => /^s2hk/.test(document.getElementById('convert-status').textContent));
  // The write is asynchronous: what is stored once it has landed (or as it is after 5 s).
  const storedWhen = async (done) => {
    let s = await stored();
    for (let i = 0; i < 100 && !done(s); i++) {
      await new Promise((r) => setTimeout(r, 50));
      s = await stored();
    }
    return s;
  };
  let s = await storedWhen((s) => s.options.some((o) => o.config === 's2hk'));
  assert.equal(s.docs.length, 1);
  assert.notEqual(s.docs[0].view, 'convert', 'the document record is not written again');
  assert.deepEqual(s.options, [{ key: `options:${s.docs[0].id}`, config: 's2hk' }]);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitForDocs(page, 1);
  assert.equal(await page.inputValue('#config-select'), 's2hk');
  await page.click('#doc-list .doc-remove');
  await page.waitForFunction(() => document.querySelectorAll('#doc-list .doc-item').length === 0);
  s = await storedWhen((s) => !s.docs.length && !s.options.length);
  assert.deepEqual(s, { docs: [], options: [] });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the original view decodes a Big5 or GBK file with the detected encoding, after a reload and after the encoding is set back to automatic', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  // Big enough (~2 MB) that after a reload the view is drawn well before the
  // document is cleaned again.
  const big5 = Buffer.concat(Array(600).fill(readFileSync(join(ROOT, 'tests/data/cases/112-txt-big5-oldstreet.input.txt'))));
  const gbk = readFileSync(join(ROOT, 'tests/data/gbk-sample.txt'));
  await dropFiles(page, [{ name: 'big5.txt', bytes: big5 }, { name: 'gbk.txt', bytes: gbk }]);
  await waitForDocs(page, 2);
  const original = async () => {
    await page.waitForSelector('#original-text .para');
    return viewText(page, 'original-text');
  };
  const asText = (bytes, label) => new TextDecoder(label).decode(bytes).replace(/\r\n?/g, '\n');
  await openDoc(page, 'big5.txt');
  await selectView(page, 'original');
  assert.equal((await original()).slice(0, 15), asText(big5, 'big5').slice(0, 15));
  await page.waitForTimeout(400); // the view is saved with a short debounce

  // After a reload the view is drawn while the document is cleaned again: it
  // had been decoded as UTF-8 then (mojibake), and kept so.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitForDocs(page, 2);
  const afterReload = await original();
  assert.ok(!afterReload.includes('\uFFFD'), afterReload.slice(0, 40));
  assert.equal(afterReload.slice(0, 15), asText(big5, 'big5').slice(0, 15));

  // UTF-8 chosen by hand, then automatic again: GBK once more, not the UTF-8 reading.
  await openDoc(page, 'gbk.txt');
  await selectView(page, 'original');
  await page.selectOption('#encoding-select', 'utf-8');
  await page.waitForFunction(() => /UTF-8/i.test(document.getElementById('doc-meta').textContent));
  assert.ok((await original()).includes('\uFFFD'), 'read as UTF-8, as asked');
  await page.selectOption('#encoding-select', 'auto');
  await page.waitForFunction(() => /GBK|gb18030/i.test(document.getElementById('doc-meta').textContent));
  await page.waitForFunction(() => !document.getElementById('original-text').textContent.includes('\uFFFD'));
  assert.equal((await original()).slice(0, 30), asText(gbk, 'gbk').slice(0, 30));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('documents the browser cannot store (storage full) are named in one notice and marked, the page asks before it is unloaded, and storing them is retried when room is made', async () => {
  const { page, context } = await env.newPage();
  // The quota is set before the page opens its database (set after, it was
  // sometimes not in force yet when the document was stored).
  const cdp = await context.newCDPSession(page);
  const origin = new URL(env.server.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2 * 1024 * 1024 });
  await openApp(page, env.server.url);
  const [a] = seeds();
  const big = Buffer.from('这是一段用来占满存储空间的正文。\n'.repeat(120000)); // ~5.5 MB
  await dropFiles(page, [a, { name: 'big.txt', bytes: big }, { name: 'big2.txt', bytes: big }]);
  await waitForDocs(page, 3);
  // Both in one notice, not an alert each.
  const unsavedNotices = () => page.$$eval('.notice-text', (els) => els.map((n) => n.textContent).filter((t) => t.includes('未能保存到浏览器')));
  await page.waitForFunction(() => [...document.querySelectorAll('.notice-text')].some((n) => n.textContent.startsWith('2 个文档未能保存到浏览器（浏览器的存储空间已满）')), null, { polling: 100 });
  const [unsaved, ...more] = await unsavedNotices();
  assert.deepEqual(more, []);
  assert.match(unsaved, /：(“big.txt”，“big2.txt”|“big2.txt”，“big.txt”)。/);
  const sub = (name) => page.$$eval('.doc-item', (els, n) => els.find((e) => e.querySelector('.doc-name').textContent === n)?.querySelector('.doc-sub').textContent, name);
  assert.match(await sub('big.txt'), /未保存$/);
  assert.match(await sub('big2.txt'), /未保存$/);
  assert.doesNotMatch(await sub(a.name), /未保存/);
  const asks = () => page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.equal(await asks(), true, 'leaving would lose big.txt: the page asks');

  // Room made (quota back to normal, another document removed): stored after all.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.click(`.doc-item:first-child .doc-remove`);
  await page.waitForFunction(() => [...document.querySelectorAll('.notice-text')].some((n) => /^2 个文档现已保存到浏览器：(“big.txt”，“big2.txt”|“big2.txt”，“big.txt”)。$/.test(n.textContent)), null, { polling: 100 });
  assert.doesNotMatch(await sub('big.txt'), /未保存/);
  assert.doesNotMatch(await sub('big2.txt'), /未保存/);
  // Stored after all: the notice that said they were not is gone.
  await page.waitForFunction(() => ![...document.querySelectorAll('.notice-text')].some((n) => n.textContent.includes('未能保存到浏览器')), null, { polling: 100 });
  assert.equal(await asks(), false);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitForDocs(page, 2);
  assert.deepEqual(await page.$$eval('#doc-list .doc-name', (els) => els.map((e) => e.textContent)), ['big.txt', 'big2.txt']);
  assert.deepEqual(page.errors.filter((e) => !/QuotaExceeded|quota/i.test(e)), []);
  await context.close();
});

test('clear all also drops the files of a drop still being read', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const files = Array.from({ length: 200 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from(`第${i}个文档的正文。\n`) }));
  // Cleared as soon as the first document is listed, with 199 files still to read.
  const cleared = page.evaluate(
    () =>
      new Promise((resolve) => {
        const list = document.getElementById('doc-list');
        new MutationObserver((_, observer) => {
          if (!list.querySelector('.doc-item')) return;
          observer.disconnect();
          document.getElementById('clear-all').click();
          document.getElementById('confirm-ok').click();
          resolve();
        }).observe(list, { childList: true });
      }),
  );
  await dropFiles(page, files);
  await cleared;
  await page.waitForFunction(() => [...document.querySelectorAll('.notice-text')].some((n) => n.textContent === '已清除全部文档和设置。'), null, { polling: 100 });
  await page.waitForTimeout(1500); // what would still be read and added by now
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 0);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForTimeout(500);
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 0, 'none stored either');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('text in the paste box survives a reload until it is added', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await page.click('#paste-box summary');
  const text = '还没来得及添加的一段粘贴文本，内容很长很长，足以成为正文。';
  await page.fill('#paste-text', text);
  await page.reload(); // at once: written as the page goes away, not 400 ms later
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#paste-text'), text);
  assert.equal(await page.evaluate(() => document.getElementById('paste-box').open), true, 'shown, not hidden in a closed box');
  await page.click('#paste-add');
  await waitForDocs(page, 1);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#paste-text'), '', 'added: no longer a draft');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a settings change made just before the page goes away is kept (written on pagehide, or when hidden)', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const [a] = seeds();
  await dropFiles(page, [a]);
  await waitForDocs(page, 1);
  await selectView(page, 'highlight');
  // Typed, then reloaded at once: well within the 150 ms the write waits for more changes.
  await page.fill('#keywords', '疫情');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#keywords'), '疫情');

  // Hidden (another tab, another app on a phone: the page may never come
  // back): what the store holds 50 ms later, before the debounce would write.
  const stored = await page.evaluate(async () => {
    const box = document.getElementById('keywords');
    box.value = '疫情\n防控';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('jingwen');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rec = await new Promise((resolve, reject) => {
      const req = db.transaction('settings').objectStore('settings').get('global');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rec.value.keywords;
  });
  assert.equal(stored, '疫情\n防控');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('offline: after the service worker is ready, a reload with the network off loads, cleans and converts', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: 30000 });
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  const [a, b] = seeds();
  await dropFiles(page, [a]);
  await waitForDocs(page, 1);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#engine-status[data-state="ready"]');
  // The page is served by its service worker (navigator.onLine may or may not
  // follow Playwright's network emulation across the reload).
  await page.waitForSelector('#offline-status[data-state="ready"], #offline-status[data-state="offline"]');
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  await waitForDocs(page, 1);
  assert.equal(await viewText(page, 'clean-text'), a.gold);

  // A new document, and conversions whose dictionaries were never loaded online.
  await dropFiles(page, [b]);
  await waitForDocs(page, 2);
  await openDoc(page, b.name);
  assert.equal(await viewText(page, 'clean-text'), b.gold);
  await selectView(page, 'convert');
  await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
  await load('s2t', 's2hk');
  assert.equal(await viewText(page, 'convert-text'), convert(b.gold, 's2t'));
  await page.selectOption('#config-select', 's2hk');
  await page.waitForFunction(() => /^s2hk/.test(document.getElementById('convert-status').textContent));
  assert.equal(await viewText(page, 'convert-text'), convert(b.gold, 's2hk'));
  await context.setOffline(false);
  assert.deepEqual(page.errors, []);
  await context.close();
});
