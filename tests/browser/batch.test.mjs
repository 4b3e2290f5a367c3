// Many documents at once: "download all" gives every result a distinct zip
// entry name that Windows and macOS accept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openApp, dropFiles, waitForDocs } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** The entry names of a zip (STORE method, as the page writes it). */
function zipNames(zip) {
  const names = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 30, at + 30 + nameLen).toString('utf8'));
    at += 30 + nameLen + extra + size;
  }
  return names;
}

test('download all: every entry name is one Windows accepts, and distinct even ignoring case', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const body = Buffer.from('正文第一段，内容很长很长，说明了很多事情。\n');
  const names = ['a:b?.txt', 'a_b_.txt', 'a:b?.html', 'x.txt', 'x.txt', 'X.TXT', 'c|d"<e>*.md'];
  await dropFiles(page, names.map((name) => ({ name, bytes: body })));
  await waitForDocs(page, names.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-all')]);
  const entries = zipNames(readFileSync(await download.path()));
  assert.deepEqual(entries, ['a_b_.txt', 'a_b_.2.txt', 'a_b_.3.txt', 'x.txt', 'x.2.txt', 'X.3.txt', 'c_d__e__.txt']);
  assert.deepEqual(page.errors, []);
  await context.close();
});
