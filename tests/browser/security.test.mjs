// A hostile HTML document (scripts, inline handlers, javascript: links, remote
// images, iframes, stylesheets, a meta refresh, a <base>) runs nothing and
// fetches nothing: no dialog, no request to any other origin, no console
// error, no navigation — and its text is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openApp, dropFiles, waitForDocs, selectView, viewText, ROOT } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

test('a hostile HTML document executes nothing and loads nothing', async () => {
  const { page, context } = await env.newPage();
  const requests = [];
  const dialogs = [];
  context.on('request', (req) => requests.push(req.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await openApp(page, env.server.url);
  const url = page.url();
  const bytes = readFileSync(join(ROOT, 'tests/data/hostile.html'));
  await dropFiles(page, [{ name: 'hostile.html', bytes, type: 'text/html' }]);
  await waitForDocs(page, 1);

  const text = await viewText(page, 'clean-text');
  assert.match(text, /这是一段正常的正文/);
  assert.match(text, /点此了解详情/);
  assert.doesNotMatch(text, /alert|evil\.example/);
  for (const view of ['removed', 'convert', 'highlight', 'original']) {
    await selectView(page, view);
    await page.waitForTimeout(200);
    // The removal view says what it does not list: the scripts and iframes dropped.
    if (view === 'removed') assert.match(await page.textContent('#removed-stats'), /另外丢弃了 \d+ 个不属于内容的 HTML 元素/);
  }
  // The original is shown as text: the markup is visible, not rendered.
  await page.waitForSelector('#original-text .para');
  const original = await viewText(page, 'original-text');
  assert.match(original, /<script>alert\('script ran'\)/);
  assert.match(original, /onerror="alert\('onerror ran'\)"/);
  await page.waitForTimeout(1500); // time for a meta refresh or a late load to happen

  const main = await page.evaluate(() =>
    document.querySelectorAll('#main img, #main iframe, #main script, #main object, #main embed, #main svg, #main video, #main link, #main meta, #main a[href], #main [onerror], #main [onload]').length,
  );
  assert.equal(main, 0, 'no element of the document made it into the page');
  assert.equal(page.url(), url, 'no navigation');
  assert.deepEqual(dialogs, []);
  const origin = env.server.origin;
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(page.errors, []);
  await context.close();
});
