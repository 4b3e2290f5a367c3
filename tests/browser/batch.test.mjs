// Many documents at once: the progress label counts all of a drop's documents
// (not only those since the queue was last empty for an instant), and
// "download all" gives every result a distinct zip entry name that Windows
// and macOS accept, and says which documents it leaves out and why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openApp, dropFiles, waitForDocs, zipEntries } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** Opens document `name` in the page. */
const open = (page, name) => page.click(`#doc-list .doc-item:has(.doc-name:text-is("${name}")) .doc-open`);

/** Makes document `name` fail: cleaned again with an encoding the engine does not know. */
async function failCleaning(page, name) {
  await open(page, name);
  await page.evaluate(() => {
    const select = document.getElementById('encoding-select');
    select.append(new Option('nonsense', 'nonsense'));
    select.value = 'nonsense';
    select.dispatchEvent(new Event('change'));
  });
  await page.waitForSelector('#doc-list .doc-item[data-status="error"]');
}

/** The entry names of a zip the page wrote. */
const zipNames = (zip) => zipEntries(zip).map((e) => e.name);

/** Drops one short text document under each of `names`, and waits until all are listed. */
async function dropTexts(page, names) {
  const bytes = Buffer.from('正文第一段，内容很长很长，说明了很多事情。\n');
  await dropFiles(page, names.map((name) => ({ name, bytes })));
  await waitForDocs(page, names.length);
}

/** Clicks "download all"; the entry names of the zip it downloads. */
async function downloadAllNames(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-all')]);
  return zipNames(readFileSync(await download.path()));
}

test('in a batch, the bar counts a cancelled job as ended and the label says how many were cancelled', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  // The page's own Progress class on the page's bar, driven with three jobs of a batch.
  const seen = await page.evaluate(async () => {
    const { Progress } = await import('./ui.js');
    const progress = new Progress();
    const state = () => ({ label: document.getElementById('progress-label').textContent, value: document.getElementById('progress').value, max: document.getElementById('progress').max });
    const jobs = ['甲', '乙', '丙'].map((name) => progress.add(name, () => {}));
    jobs[0].done();
    jobs[1].done(true);
    const during = state();
    jobs[2].done();
    return { during, after: state() };
  });
  assert.deepEqual(seen.during, { label: '已结束 2 / 3（取消 1） · 丙', value: 2, max: 3 });
  assert.equal(seen.after.label, '已完成 2 项任务，取消 1 项');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the progress label counts every document of a drop', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const files = Array.from({ length: 60 }, (_, i) => ({
    name: `${String(i).padStart(3, '0')}.txt`,
    bytes: Buffer.from(`第 ${i} 篇文章的正文，内容很长很长，说明了很多事情。\n`),
  }));
  await dropFiles(page, files);
  await waitForDocs(page, files.length);
  await page.waitForFunction(() => document.getElementById('progress-area').dataset.active === 'false');
  assert.equal(await page.textContent('#progress-label'), '已完成 60 项任务');

  // Once the queue has been idle for a while, the next job starts a new count.
  await page.waitForTimeout(2000);
  await dropFiles(page, files.slice(0, 2));
  await waitForDocs(page, files.length + 2);
  await page.waitForFunction(() => document.getElementById('progress-area').dataset.active === 'false');
  assert.equal(await page.textContent('#progress-label'), '已完成 2 项任务');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('download all: every entry name is one Windows accepts, and distinct even ignoring case', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await dropTexts(page, ['a:b?.txt', 'a_b_.txt', 'a:b?.html', 'x.txt', 'x.txt', 'X.TXT', 'c|d"<e>*.md']);
  const entries = await downloadAllNames(page);
  assert.deepEqual(entries, ['a_b_.clean.txt', 'a_b_.clean.2.txt', 'a_b_.clean.3.txt', 'x.clean.txt', 'x.clean.2.txt', 'X.clean.3.txt', 'c_d__e__.clean.txt']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("download all: no entry takes another document's name (unpacked beside the originals, it would overwrite one), also with the conversions", async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await dropTexts(page, ['a.txt', 'a.clean.txt', 'a.s2t.txt']);
  await page.check('#zip-converted');
  assert.deepEqual(await downloadAllNames(page), [
    'a.clean.2.txt',
    'a.s2t.2.txt',
    'a.clean.clean.txt',
    'a.clean.s2t.txt',
    'a.s2t.clean.txt',
    'a.s2t.s2t.txt',
  ]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('download all with the conversions: the documents left out are counted by document, not by zip entry', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await dropTexts(page, ['a.txt', 'b.txt']);
  await failCleaning(page, 'b.txt');
  await page.check('#zip-converted');
  await page.evaluate(() => document.getElementById('notices').replaceChildren());
  assert.deepEqual(await downloadAllNames(page), ['a.clean.txt', 'a.s2t.txt']);
  assert.equal(await page.textContent('#notices .notice-text'), '有 1 个文档没有包含在下载中：1 个清理失败。');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('download all: the finished documents are zipped; a failed one and one being cleaned again are left out, and the user is told', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await dropTexts(page, ['a.txt', 'b.txt', 'c.txt']);
  await failCleaning(page, 'b.txt');
  // c.txt is cleaned again (another encoding), and "download all" clicked in
  // the same task: it is still being processed, its previous result stale.
  await open(page, 'c.txt');
  const downloaded = page.waitForEvent('download');
  await page.evaluate(() => {
    document.getElementById('notices').replaceChildren();
    const select = document.getElementById('encoding-select');
    select.value = 'gb18030';
    select.dispatchEvent(new Event('change'));
    document.getElementById('download-all').click();
  });
  assert.deepEqual(zipNames(readFileSync(await (await downloaded).path())), ['a.clean.txt']);
  await page.waitForSelector('.notice', { timeout: 5000 });
  const message = '有 2 个文档没有包含在下载中：1 个清理失败，1 个仍在处理中。';
  assert.equal(await page.textContent('#notices .notice-text'), message);
  await page.waitForFunction((message) => document.getElementById('announcer').textContent === message, message);
  assert.deepEqual(page.errors, []);
  await context.close();
});
