// Big input and robustness: a ~50 MB generated text file (the size the issue
// names) is cleaned while the page keeps painting (frames go on while the
// worker is busy; no timing thresholds — the machine is shared) and is
// rendered lazily (hundreds of paragraphs in the DOM, not hundreds of
// thousands); Cancel really stops a running job; and when the engine crashes
// on a document the worker is replaced, the user is told, and work goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, dropFiles, seeds, waitForDocs, viewText } from './helpers.mjs';

let env;
let page;
let context;
before(async () => {
  env = await setup();
  ({ page, context } = await env.newPage());
  await openApp(page, env.server.url);
});
after(async () => {
  await context?.close();
  await env?.teardown();
});

/** Builds a ~`mb` MB UTF-8 text file of news paragraphs in the page and drops it. */
async function dropBig(name, mb) {
  const gold = seeds()[3].gold;
  return page.evaluate(
    ({ gold, name, mb }) => {
      const enc = new TextEncoder();
      const unit = enc.encode(gold).length;
      const body = gold.repeat(Math.ceil((mb * 1024 * 1024) / unit));
      const bytes = enc.encode(body);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'text/plain' }));
      // The heartbeat: one timestamp per frame.
      window.__beats = [];
      const beat = (t) => {
        window.__beats.push(t);
        if (window.__beating) requestAnimationFrame(beat);
      };
      window.__beating = true;
      requestAnimationFrame(beat);
      document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      return { size: bytes.length, paragraphs: body.split('\n').length - 1 };
    },
    { gold, name, mb },
  );
}

test('a 50 MB file is cleaned without freezing the page, and rendered lazily', async () => {
  const t0 = Date.now();
  const { size, paragraphs } = await dropBig('big.txt', 50);
  assert.ok(size > 50e6, `size ${size}`);
  // While the worker cleans, the main thread stays free: frames are painted between
  // two looks at the document's status, both of which still say 'working'. (Were the
  // work on the main thread, nothing could answer until it had finished.)
  const status = () => document.querySelector('#doc-list .doc-item')?.dataset.status;
  let framesWhileWorking = 0;
  while (Date.now() - t0 < 300000) {
    const a = await page.evaluate(`(${status})()`);
    if (a && a !== 'queued' && a !== 'working') break;
    const b = await page.evaluate(
      `new Promise((r) => { const n = window.__beats.length; requestAnimationFrame(() => requestAnimationFrame(() => r({ s: (${status})(), frames: window.__beats.length - n }))); })`,
    );
    if (a === 'working' && b.s === 'working' && b.frames > 0) framesWhileWorking++;
  }
  assert.ok(framesWhileWorking > 0, 'no frame was painted while the file was being cleaned');
  await waitForDocs(page, 1, 300000);
  await page.waitForSelector('#clean-text .para');
  const beats = await page.evaluate(() => {
    window.__beating = false;
    return window.__beats;
  });
  const seconds = (Date.now() - t0) / 1000;
  let maxGap = 0;
  for (let i = 1; i < beats.length; i++) maxGap = Math.max(maxGap, beats[i] - beats[i - 1]);
  // Reported, not asserted (timings on a shared machine are noise).
  console.log(`# 50 MB: ${seconds.toFixed(1)} s, ${beats.length} frames, longest frame gap ${maxGap.toFixed(0)} ms`);

  assert.equal(await page.getAttribute('#doc-list .doc-item', 'data-status'), 'done');
  const rendered = await page.$$eval('#clean-text .paras > .para', (els) => els.length);
  assert.equal(rendered, 300, 'only the first page of paragraphs is in the DOM');
  assert.ok(paragraphs > 10000);
  assert.match(await page.textContent('#clean-text .more.later'), /300/);
  // Scrolling to the end of what is rendered loads the next page.
  await page.$eval('#clean-text', (box) => (box.scrollTop = box.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('#clean-text .paras > .para').length === 600);
  assert.deepEqual(page.errors, []);
});

test('Cancel stops a running job; the pool keeps working', async () => {
  // Re-clean the big document (an encoding override), then cancel it mid-way.
  await page.selectOption('#encoding-select', 'utf-8');
  await page.waitForSelector('#doc-list .doc-item[data-status="working"]');
  assert.equal(await page.isEnabled('#cancel-button'), true);
  await page.click('#cancel-button');
  // The worker is terminated, not asked to stop: the job cannot finish after this.
  // (The timeout only guards against a hang; no timing is asserted.)
  await page.waitForSelector('#doc-list .doc-item[data-status="cancelled"]', { timeout: 30000 });
  assert.match(await page.textContent('#doc-error'), /取消/);
  assert.equal(await page.isDisabled('#cancel-button'), true);
  // The bar says the job was cancelled (it had counted it as done once the worker stopped).
  assert.match(await page.textContent('#progress-label'), /取消/);
  await page.waitForTimeout(1500);
  assert.equal(await page.getAttribute('#doc-list .doc-item', 'data-status'), 'cancelled', 'the cancelled job did not finish later');

  // A new document is cleaned right away by the (replaced) workers.
  const [a] = seeds();
  await dropFiles(page, [a]);
  await page.waitForSelector(`#doc-list .doc-item[data-status="done"]`, { timeout: 15000 });
  assert.equal(await viewText(page, 'clean-text'), a.gold);
  // Retry brings the cancelled document back.
  await page.click('#doc-list .doc-item[data-status="cancelled"] .doc-open');
  await page.click('#doc-error button');
  await page.waitForSelector('#doc-list .doc-item[data-status="working"], #doc-list .doc-item[data-status="queued"]');
  await page.click('#cancel-button');
  assert.deepEqual(page.errors, []);
});

test('an engine crash is reported, the worker replaced, and later documents still clean', async () => {
  // Crash a worker the way a wasm trap does: an uncaught RuntimeError inside it.
  const [, b] = seeds();
  // The test before cancelled a job, which terminates its worker: that one may still
  // be listed while it closes, so crash the first worker that is alive.
  let crashed = false;
  for (const worker of page.workers()) {
    try {
      await worker.evaluate(() => setTimeout(() => {
        throw new WebAssembly.RuntimeError('unreachable executed (simulated)');
      }, 0));
      crashed = true;
      break;
    } catch (e) {
      if (!/closed/.test(e.message)) throw e;
    }
  }
  assert.ok(crashed, 'the pool has a live worker');
  await page.waitForFunction(() => /崩溃并已自动重启/.test(document.querySelector('#notices')?.textContent || ''));
  // The replacement worker does the next job; nothing the user had is lost.
  await dropFiles(page, [b]);
  await page.waitForFunction(() => {
    const li = [...document.querySelectorAll('#doc-list .doc-item')].find((x) => x.textContent.includes('001.input.txt'));
    return li && li.dataset.status === 'done';
  });
  assert.equal(await viewText(page, 'clean-text'), b.gold);
  // A document over 64 KiB whose byte 65,536 falls inside a character (it once made the engine trap).
  const gold = seeds()[3].gold;
  await dropFiles(page, [{ name: 'boundary.txt', bytes: Buffer.from(gold.repeat(5)) }]);
  await page.waitForFunction(() => {
    const li = [...document.querySelectorAll('#doc-list .doc-item')].find((x) => x.textContent.includes('boundary.txt'));
    return li && li.dataset.status === 'done';
  });
  assert.deepEqual(page.errors.filter((e) => !/simulated/.test(e)), []);
});

/**
 * Makes each worker's next clean job fail as core.js's guard fails a call that
 * trapped: a readable Error whose cause is the RuntimeError, with `code`
 * 'out-of-memory' when the allocator noted a failed allocation. Injected where
 * the clean job reports its first stage, inside the job's handler.
 */
async function trapNextClean(code) {
  // Every worker of the pool, including one that replaced a crashed worker and
  // may still be starting (an unpatched one would take the job and clean it):
  // patched until as many answer patched as the pool has.
  const size = await page.evaluate(() => Math.max(1, Math.min(4, Number(navigator.hardwareConcurrency) || 2)));
  for (let round = 0; round < 100; round++) {
    let patched = 0;
    for (const worker of page.workers()) {
      try {
        patched += await worker.evaluate((code) => {
          if (self.__trapNextClean === code) return 1;
          self.__trapNextClean = code;
          const post = self.postMessage.bind(self);
          self.postMessage = (msg, transfer) => {
            if (msg && msg.progress === 'cleaning') {
              self.postMessage = post;
              const e = new Error('jingwen: simulated trap', { cause: new WebAssembly.RuntimeError('unreachable (simulated)') });
              throw Object.assign(e, { code });
            }
            return post(msg, transfer);
          };
          return 1;
        }, code);
      } catch (e) {
        if (!/closed/.test(e.message)) throw e;
      }
    }
    if (patched >= size) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.evaluate(() => document.getElementById('notices').replaceChildren());
}

test('a trap that the package reports as an Error (its cause the RuntimeError) also replaces the worker', async () => {
  // The worker must treat it as fatal (its wasm instance can no longer be
  // trusted), not as an ordinary failed job.
  const [, , c] = seeds();
  await trapNextClean('internal');
  await dropFiles(page, [c]);
  await page.waitForFunction(() => /崩溃并已自动重启/.test(document.querySelector('#notices')?.textContent || ''));
  assert.deepEqual(page.errors.filter((e) => !/simulated/.test(e)), []);
});

test('an engine that ran out of memory is replaced too, and the notice says so', async () => {
  const [a] = seeds();
  await trapNextClean('out-of-memory');
  await dropFiles(page, [a]);
  await page.waitForFunction(() => /内存不足.*已自动重启/.test(document.querySelector('#notices')?.textContent || ''));
  // The document's own panel says why it has no result, in the page's language.
  await page.waitForFunction(() => /无法清理这个文档：内存不足/.test(document.querySelector('main')?.innerText || ''));
  assert.deepEqual(page.errors.filter((e) => !/simulated/.test(e)), []);
});
