// Big input and robustness: a ~20 MB generated text file is cleaned while the
// page keeps painting (a requestAnimationFrame heartbeat never stalls) and is
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

test('a 20 MB file is cleaned without freezing the page, and rendered lazily', async () => {
  const t0 = Date.now();
  const { size, paragraphs } = await dropBig('big.txt', 20);
  assert.ok(size > 20e6, `size ${size}`);
  await waitForDocs(page, 1, 180000);
  await page.waitForSelector('#clean-text .para');
  const beats = await page.evaluate(() => {
    window.__beating = false;
    return window.__beats;
  });
  const seconds = (Date.now() - t0) / 1000;
  let maxGap = 0;
  for (let i = 1; i < beats.length; i++) maxGap = Math.max(maxGap, beats[i] - beats[i - 1]);
  console.log(`# 20 MB: ${seconds.toFixed(1)} s, ${beats.length} frames, longest frame gap ${maxGap.toFixed(0)} ms`);
  assert.ok(beats.length > seconds * 10, `the page painted only ${beats.length} frames in ${seconds} s`);
  assert.ok(maxGap < 1000, `the main thread stalled for ${maxGap} ms`);

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
  const t0 = Date.now();
  await page.click('#cancel-button');
  await page.waitForSelector('#doc-list .doc-item[data-status="cancelled"]', { timeout: 2000 });
  assert.ok(Date.now() - t0 < 2000);
  assert.match(await page.textContent('#doc-error'), /取消/);
  assert.equal(await page.isDisabled('#cancel-button'), true);
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
  const workers = page.workers();
  assert.ok(workers.length > 0, 'the pool has workers');
  await workers[0].evaluate(() => setTimeout(() => {
    throw new WebAssembly.RuntimeError('unreachable executed (simulated)');
  }, 0));
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
