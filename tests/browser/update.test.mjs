// Updates: when a new build's service worker has installed and is waiting,
// the page shows "update available"; its button posts 'skip-waiting' to the
// waiting worker and the page reloads onto the new build. (The test makes a
// "new build" by changing dist/sw.js for a moment and restores it after.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openApp, ROOT } from './helpers.mjs';

const SW = join(ROOT, 'dist/sw.js');
let env;
let original;
before(async () => {
  env = await setup();
  original = readFileSync(SW);
});
after(async () => {
  if (original) writeFileSync(SW, original);
  await env?.teardown();
});

test('a new build shows "update available", and accepting it reloads onto the new worker', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: 30000 });
  assert.equal(await page.isVisible('#update-button'), false);
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);

  writeFileSync(SW, Buffer.concat([original, Buffer.from(`\n// a new build ${Date.now()}\n`)]));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update-button', { state: 'visible', timeout: 30000 });
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)), true);

  await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.click('#update-button')]);
  await page.waitForSelector('body[data-ready="true"]');
  const state = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { waiting: !!r.waiting, controller: navigator.serviceWorker.controller?.scriptURL };
  });
  assert.equal(state.waiting, false, 'the new worker took over');
  assert.equal(state.controller, before);
  assert.equal(await page.isVisible('#update-button'), false);
  assert.deepEqual(page.errors, []);
  await context.close();
});
