// Input: a real DataTransfer drop of several seed files (each cleaned exactly
// to its gold), a GBK file (detected and cleaned), two-character GBK and Big5
// files (detected), the per-document encoding
// override, paste (and the notice for a blank paste box), the 64 MB limit,
// saved web pages with a server's extension (.shtml, .php …), a dropped folder
// (hidden files left out), keyword lists loaded from files in the encodings
// editors save, text dragged (not files) into the page's text fields, and a
// file that is not text, reported in the interface's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openApp, dropFiles, seeds, waitForDocs, openDoc, selectView, viewText, ROOT } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

test('dropping several seed files cleans each exactly to its gold', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const files = seeds();
  await dropFiles(page, files);
  await waitForDocs(page, files.length);
  const names = await page.$$eval('#doc-list .doc-name', (els) => els.map((e) => e.textContent));
  assert.deepEqual(names, files.map((f) => f.name));
  for (const f of files) {
    await openDoc(page, f.name);
    await page.waitForSelector('#clean-text .para');
    assert.equal(await viewText(page, 'clean-text'), f.gold, `${f.name} differs from its gold`);
  }
  assert.equal(await page.$$eval('#doc-list .doc-item[data-status="done"]', (els) => els.length), files.length);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a GBK file is detected as GBK and cleaned correctly; the encoding can be overridden', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const bytes = readFileSync(join(ROOT, 'tests/data/gbk-sample.txt'));
  const expected = readFileSync(join(ROOT, 'tests/data/gbk-sample.clean.txt'), 'utf8');
  await dropFiles(page, [{ name: 'gbk-sample.txt', bytes }]);
  await waitForDocs(page, 1);
  assert.match(await page.textContent('#doc-meta'), /GBK/);
  assert.match(await page.textContent('#doc-list .doc-sub'), /GBK/);
  assert.equal(await viewText(page, 'clean-text'), expected);
  assert.match(await page.textContent('#clean-text'), /国务院新闻办公室/);

  // Override: read as Big5 (wrong) → garbled; back to automatic → correct again.
  await page.selectOption('#encoding-select', 'big5');
  await page.waitForFunction(() => /Big5/.test(document.getElementById('doc-meta').textContent));
  assert.notEqual(await viewText(page, 'clean-text'), expected);
  await page.selectOption('#encoding-select', 'gb18030');
  await page.waitForFunction(() => /gb18030/i.test(document.getElementById('doc-meta').textContent));
  assert.equal(await viewText(page, 'clean-text'), expected);
  await page.selectOption('#encoding-select', 'auto');
  await page.waitForFunction(() => /GBK/.test(document.getElementById('doc-meta').textContent));
  assert.equal(await viewText(page, 'clean-text'), expected);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a file of two characters in GBK or Big5 is read in its encoding (too short for statistics alone)', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const files = [
    { name: 'gbk.txt', bytes: Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]), text: '你好', encoding: 'GBK' },
    { name: 'gbk2.txt', bytes: Buffer.from([0xee, 0x5e, 0xf3, 0x8c, 0x0a]), text: '頭髮', encoding: 'GBK' },
    { name: 'big5.txt', bytes: Buffer.from([0xc1, 0xc2, 0xc1, 0xc2, 0x0a]), text: '謝謝', encoding: 'Big5' },
  ];
  await dropFiles(page, files);
  await waitForDocs(page, files.length);
  for (const f of files) {
    await openDoc(page, f.name);
    await page.waitForFunction((e) => new RegExp(`\\b${e}\\b`).test(document.getElementById('doc-meta').textContent), f.encoding);
    assert.equal(await viewText(page, 'clean-text'), `${f.text}\n`, f.name);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('pasted text becomes a document; files over 64 MB are refused with a clear message', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await page.click('#paste-box summary');
  await page.fill('#paste-text', '标题在此\n正文第一段，内容很长很长，说明了很多事情。\n责任编辑：王蒙');
  await page.click('#paste-add');
  await waitForDocs(page, 1);
  assert.equal(await viewText(page, 'clean-text'), '标题在此\n正文第一段，内容很长很长，说明了很多事情。\n');

  // Paste anywhere on the page (outside a text field) adds a document too.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '另一份粘贴的文本，内容也很长很长，足以成为正文。');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await waitForDocs(page, 2);

  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' }));
    document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const message = await page.waitForSelector('.notice-error');
  assert.match(await message.textContent(), /huge\.txt.*65\.0 MB.*64 MB/);
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('"add as a document" with an empty or blank paste box says there is nothing to add', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await page.click('#paste-box summary');
  for (const blank of ['', ' \n\t　\n']) {
    await page.evaluate(() => {
      document.getElementById('notices').replaceChildren();
      document.getElementById('announcer').textContent = '';
    });
    await page.fill('#paste-text', blank);
    await page.click('#paste-add');
    await page.waitForSelector('.notice', { timeout: 5000 });
    assert.equal(await page.textContent('#notices .notice-text'), '没有可添加的文本：请先在框里粘贴或输入文本。', JSON.stringify(blank));
    // Screen readers are told too, and the cursor is back in the box.
    await page.waitForFunction(() => document.getElementById('announcer').textContent === '没有可添加的文本：请先在框里粘贴或输入文本。');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'paste-text');
  }
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('saved web pages named as the server named them (.shtml, .php, .aspx, .asp, .jsp) are opened and cleaned as HTML', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const html = (name) =>
    Buffer.from(
      `<!-- saved from url=(0048)http://news.example.com/2024/0101/${name} -->\n<html><head><meta charset="utf-8"><title>新闻标题</title></head>` +
        '<body><div class="nav">首页 | 新闻 | 体育</div><p>正文第一段，内容很长很长，说明了很多事情。</p><div>责任编辑：王蒙</div></body></html>\n',
    );
  // The types a system gives these (a real drop's File.type): none, or not text/*.
  const files = [
    { name: 'news.shtml', type: '' },
    { name: 'index.php', type: 'application/x-php' },
    { name: 'default.aspx', type: '' },
    { name: 'show.asp', type: 'application/x-asp' },
    { name: 'view.jsp', type: '' },
  ].map((f) => ({ ...f, bytes: html(f.name) }));
  await dropFiles(page, [...files, { name: 'setup.exe', bytes: Buffer.from('MZ\0\0') }]);
  // The notice of what was skipped comes once every file of the drop is listed.
  await page.waitForSelector('.notice');
  assert.equal(await page.textContent('#notices .notice-text'), '跳过了 1 个不支持的文件：setup.exe');
  assert.deepEqual(await page.$$eval('#doc-list .doc-name', (els) => els.map((e) => e.textContent)), files.map((f) => f.name));
  await waitForDocs(page, files.length);
  for (const f of files) {
    await openDoc(page, f.name);
    assert.match(await page.textContent('#doc-meta'), /^HTML · /, f.name);
    assert.equal(await viewText(page, 'clean-text'), '新闻标题\n正文第一段，内容很长很长，说明了很多事情。\n', f.name);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a dropped folder: its documents are opened, its hidden files and folders left out silently', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  // A folder drop as Chromium gives it: a FileSystemDirectoryEntry tree behind
  // webkitGetAsEntry() (a DataTransfer built in the page cannot hold one).
  await page.evaluate(() => {
    const file = (name, data) => {
      const f = new File([data], name);
      return { isFile: true, isDirectory: false, name, file: (ok) => ok(f) };
    };
    const dir = (name, children) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => {
        let read = false;
        return { readEntries: (ok) => setTimeout(() => ok(read ? [] : ((read = true), children))) };
      },
    });
    const binary = new Uint8Array([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31, ...new Array(200).fill(7)]);
    const tree = dir('新闻', [
      file('.DS_Store', binary),
      file('.gitignore', 'node_modules\n'),
      dir('.git', [file('HEAD', 'ref: refs/heads/main\n'), file('description', 'Unnamed repository\n')]),
      file('a.txt', '第一篇文章的正文内容，讲述了一个很长的故事。\n'),
      dir('sub', [file('b.html', '<html><body><p>第二篇文章的正文。</p></body></html>'), file('.hidden.txt', '不该出现')]),
      file('Thumbs.db', new Uint8Array([1, 2, 3])),
    ]);
    const dataTransfer = { items: [{ kind: 'file', webkitGetAsEntry: () => tree, getAsFile: () => null }], types: ['Files'], files: [] };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: dataTransfer });
    document.getElementById('dropzone').dispatchEvent(drop);
  });
  await page.waitForSelector('.notice');
  // However many documents the drop made, once all are settled (a failure then lists them).
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('#doc-list .doc-item')];
    return items.length >= 2 && items.every((li) => li.dataset.status !== 'queued' && li.dataset.status !== 'working');
  });
  const names = await page.$$eval('#doc-list .doc-name', (els) => els.map((e) => e.textContent));
  assert.deepEqual(names, ['新闻/a.txt', '新闻/sub/b.html']);
  assert.equal(await page.$$eval('#doc-list .doc-item[data-status="done"]', (els) => els.length), 2);
  // Thumbs.db is named as skipped (it is no document); the hidden files are not mentioned at all.
  const notices = await page.textContent('#notices');
  assert.match(notices, /跳过了 1 个不支持的文件：新闻\/Thumbs\.db/);
  assert.doesNotMatch(notices, /DS_Store|gitignore|HEAD|hidden/);

  // A hidden file the user drops on its own is the user's choice: opened.
  await dropFiles(page, [{ name: '.notes', bytes: Buffer.from('自己记下的一段笔记，内容很长很长，说明了很多事情。\n') }]);
  await waitForDocs(page, 3);
  assert.equal(await page.textContent('#doc-list .doc-item:last-child .doc-name'), '.notes');
  assert.equal(await page.getAttribute('#doc-list .doc-item:last-child', 'data-status'), 'done');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a keyword list file is read in the encoding it was saved in (UTF-8, UTF-16 with a BOM, GBK, Big5)', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await dropFiles(page, [{ name: 'a.txt', bytes: Buffer.from('臺灣的政策報導，疫情防控的消息。\n') }]);
  await waitForDocs(page, 1);
  await selectView(page, 'highlight');
  const traditional = '臺灣\n政策\n報導\n';
  const words = ['臺灣', '政策', '報導'];
  const files = [
    { name: 'utf8.txt', bytes: Buffer.from(traditional), words },
    { name: 'utf8-bom.txt', bytes: Buffer.from(`\ufeff${traditional}`), words },
    // Windows Notepad's "Unicode" and "Unicode big endian"
    { name: 'utf16le.txt', bytes: Buffer.from(`\ufeff${traditional}`, 'utf16le'), words },
    { name: 'utf16be.txt', bytes: Buffer.from(`\ufeff${traditional}`, 'utf16le').swap16(), words },
    { name: 'gbk.txt', bytes: Buffer.from('d2dfc7e90ab7c0bfd80a', 'hex'), words: ['疫情', '防控'] },
    { name: 'big5.txt', bytes: Buffer.from('bb4fc6570aac46b5a60ab3f8bec90a', 'hex'), words },
    // 台北市政府，交通政策 (a Big5 comma between them)
    { name: 'big5-comma.txt', bytes: Buffer.from('a578a55fa5abac46a9b2a141a5e6b371ac46b5a6', 'hex'), words: ['台北市政府', '交通政策'] },
  ];
  for (const f of files) {
    await page.fill('#keywords', '');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#keywords-file-button')]);
    await chooser.setFiles({ name: f.name, mimeType: 'text/plain', buffer: f.bytes });
    await page.waitForFunction(() => document.getElementById('keywords').value !== '');
    assert.deepEqual((await page.inputValue('#keywords')).split('\n'), f.words, f.name);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Selects `word` in the first paragraph of a text view and drags it with the mouse onto `target`. */
async function dragWord(page, containerId, word, target) {
  const from = await page.evaluate(
    ({ containerId, word }) => {
      const para = [...document.querySelectorAll(`#${containerId} .para`)].find((p) => p.textContent.includes(word));
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode()) && !node.data.includes(word));
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(word));
      range.setEnd(node, node.data.indexOf(word) + word.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    { containerId, word },
  );
  const to = await page.locator(target).boundingBox();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 3 });
  await page.mouse.move(to.x + 20, to.y + 20, { steps: 10 });
  await page.mouse.up();
}

test('selected text dragged into the keywords box or the paste box is dropped there; elsewhere it is refused', async () => {
  const { page, context } = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, env.server.url);
  await dropFiles(page, [{ name: 'a.txt', bytes: Buffer.from('疫情防控的消息在这里，内容很长很长，说明了很多事情。\n') }]);
  await waitForDocs(page, 1);
  await page.waitForSelector('#clean-text .para');

  await page.click('#paste-box summary');
  await dragWord(page, 'clean-text', '消息', '#paste-text');
  await page.waitForFunction(() => document.getElementById('paste-text').value !== '', null, { timeout: 5000 });
  assert.equal(await page.inputValue('#paste-text'), '消息');

  await selectView(page, 'highlight');
  await page.waitForSelector('#highlight-text .para');
  await dragWord(page, 'highlight-text', '疫情', '#keywords');
  await page.waitForFunction(() => document.getElementById('keywords').value !== '', null, { timeout: 5000 });
  assert.equal(await page.inputValue('#keywords'), '疫情');
  assert.equal(await page.$$eval('#doc-list .doc-item', (els) => els.length), 1, 'no document was added');

  // Text or a link dragged over the rest of the page is refused (the browser
  // would otherwise navigate to a dropped link), checkboxes included; over a
  // text field it is not.
  const cancelled = await page.evaluate(() =>
    ['main', '#opt-space', '#keywords'].map((selector) => {
      const dt = new DataTransfer();
      dt.setData('text/uri-list', 'https://example.com/');
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.querySelector(selector).dispatchEvent(over);
      return over.defaultPrevented;
    }),
  );
  assert.deepEqual(cancelled, [true, true, false]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('notices on screen follow a change of language, with their close buttons', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await page.click('#paste-box summary');
  await page.click('#paste-add'); // nothing to add: says so
  await page.waitForFunction(() => /^没有可添加的文本/.test(document.querySelector('#notices .notice-text')?.textContent));
  await page.selectOption('#lang-select', 'en');
  assert.match(await page.textContent('#notices .notice-text'), /^Nothing to add: paste or type some text/);
  assert.equal(await page.getAttribute('#notices .notice-close', 'aria-label'), 'Dismiss');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a file that is not text says so in the interface's language (the engine's error code, not its English message), also when Copy is pressed", async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const png = readFileSync(join(ROOT, 'www/icons/icon-192.png'));
  await dropFiles(page, [{ name: 'photo.txt', bytes: png }]);
  await waitForDocs(page, 1);
  await openDoc(page, 'photo.txt');
  await page.waitForFunction(() => /这不是文本文件：看起来是 PNG 图片/.test(document.getElementById('doc-error').textContent));
  assert.doesNotMatch(await page.textContent('#doc-error'), /not a text document/);
  await page.selectOption('#lang-select', 'zh-Hant');
  await page.waitForFunction(() => /這不是文字檔：看起來是 PNG 圖片/.test(document.getElementById('doc-error').textContent));
  await page.selectOption('#lang-select', 'en');
  await page.waitForFunction(() => /not a text document: it looks like a PNG image/.test(document.getElementById('doc-error').textContent));
  // Copy and Download have nothing to give, and say why instead of doing nothing.
  for (const button of ['[data-copy="clean"]', '[data-download="clean"]']) {
    await page.evaluate(() => document.getElementById('notices').replaceChildren());
    await page.evaluate((b) => document.querySelector(b).click(), button);
    await page.waitForFunction(() => /^Nothing to copy or download\. This document could not be cleaned: not a text document/.test(document.querySelector('#notices .notice-text')?.textContent));
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on a phone-sized screen, a dropped document and one chosen from the list are brought into sight; a wide screen does not scroll', async () => {
  const inSight = (page) => page.evaluate(() => {
    const top = document.getElementById('doc-view').getBoundingClientRect().top;
    return top >= -1 && top < innerHeight / 2;
  });
  const files = [
    { name: 'a.txt', bytes: Buffer.from('第一篇正文，说明了一些事情。\n') },
    { name: 'b.txt', bytes: Buffer.from('第二篇正文，也说明了一些事情。\n') },
  ];
  const phone = await env.newPage({ viewport: { width: 390, height: 700 }, reducedMotion: 'reduce' });
  await openApp(phone.page, env.server.url);
  await dropFiles(phone.page, files);
  await waitForDocs(phone.page, 2);
  await phone.page.waitForFunction(() => document.getElementById('doc-title').textContent === 'a.txt');
  assert.ok(await inSight(phone.page), 'the dropped document is in sight');
  await phone.page.evaluate(() => scrollTo(0, 0));
  assert.ok(!(await inSight(phone.page)));
  await openDoc(phone.page, 'b.txt');
  assert.ok(await inSight(phone.page), 'the document chosen from the list is in sight');
  assert.deepEqual(phone.page.errors, []);
  await phone.context.close();

  const wide = await env.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(wide.page, env.server.url);
  await dropFiles(wide.page, files);
  await waitForDocs(wide.page, 2);
  await openDoc(wide.page, 'b.txt');
  assert.equal(await wide.page.evaluate(() => scrollY), 0);
  assert.deepEqual(wide.page.errors, []);
  await wide.context.close();
});

test("a document with no result shows none of the previous document's statistics, metadata or matches", async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const [seed] = seeds();
  await dropFiles(page, [seed, { name: 'photo.txt', bytes: readFileSync(join(ROOT, 'www/icons/icon-192.png')) }]);
  await waitForDocs(page, 2);
  await openDoc(page, seed.name);
  for (const view of ['clean', 'removed', 'convert']) await selectView(page, view);
  await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
  await selectView(page, 'highlight');
  await page.fill('#keywords', '疫情');
  await page.waitForFunction(() => /处匹配/.test(document.getElementById('hl-status').textContent));
  await openDoc(page, 'photo.txt');
  // Each view, as it is opened for this document (each document has its own open view).
  const expected = {
    clean: { 'clean-stats': '' },
    removed: { 'removed-stats': '', metadata: '元数据没有提取到元数据。' },
    convert: { 'convert-status': '' },
    highlight: { 'hl-status': '', 'keyword-list': '', 'hl-position': '0 / 0' },
  };
  for (const [view, fields] of Object.entries(expected)) {
    await selectView(page, view);
    const got = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id).textContent])), Object.keys(fields));
    assert.deepEqual(got, fields, view);
  }
  await selectView(page, 'removed');
  const counts = await page.$$eval('#rule-list .rule-count', (els) => els.map((e) => e.textContent));
  assert.ok(counts.length > 0 && counts.every((c) => c === '0'), counts.join(' '));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('at 390 px, no view in any interface language is wider than the screen', async () => {
  const { page, context } = await env.newPage({ viewport: { width: 390, height: 844 } });
  await openApp(page, env.server.url);
  const [seed] = seeds();
  await dropFiles(page, [seed]);
  await waitForDocs(page, 1);
  const wide = [];
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    await page.selectOption('#lang-select', lang);
    for (const view of ['clean', 'removed', 'convert', 'highlight', 'original']) {
      await selectView(page, view);
      if (view === 'convert') await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) wide.push(`${lang} ${view}: ${scroll} > ${client}`);
    }
  }
  assert.deepEqual(wide, []);
  // Stacked under the text, the metadata and rule toggles scroll with the page, not in a box of their own.
  await selectView(page, 'removed');
  const side = await page.$eval('.removed-side', (e) => [e.scrollHeight, e.clientHeight]);
  assert.ok(side[0] <= side[1] + 1, `side column scrolls inside the page: ${side}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a file name with bidirectional controls is shown and saved without them (no "新闻txt.type" spoof)', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  await dropFiles(page, [{ name: '📰新闻\u202Eepyt.txt', bytes: Buffer.from('正文第一段，说明了一些事情。\n') }]);
  await waitForDocs(page, 1);
  await page.waitForFunction(() => document.getElementById('doc-title').textContent !== '');
  assert.equal(await page.textContent('#doc-title'), '📰新闻epyt.txt');
  assert.equal(await page.textContent('#doc-list .doc-name'), '📰新闻epyt.txt');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="clean"]')]);
  assert.equal(download.suggestedFilename(), '📰新闻epyt.clean.txt');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('screen readers hear when a drop has been cleaned, and how many documents failed; English counts are singular or plural', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const [seed] = seeds();
  await dropFiles(page, [seed, { name: 'photo.txt', bytes: readFileSync(join(ROOT, 'www/icons/icon-192.png')) }]);
  await waitForDocs(page, 2);
  await page.waitForFunction(() => document.getElementById('announcer').textContent === '已清理 1 个文档，1 个无法清理');
  await page.selectOption('#lang-select', 'en');
  await dropFiles(page, [{ name: 'one.txt', bytes: Buffer.from('正文第一段，说明了一些事情。\n') }]);
  await waitForDocs(page, 3);
  await page.waitForFunction(() => document.getElementById('announcer').textContent === 'Cleaned 1 document');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('UTF-8 with a few bad bytes is read as UTF-8 and labelled "nearly all valid", with the bad bytes counted', async () => {
  const { page, context } = await env.newPage();
  await openApp(page, env.server.url);
  const good = Buffer.from('正文第一段，内容很长很长，说明了很多事情。'.repeat(20) + '\n');
  await dropFiles(page, [{ name: 'damaged.txt', bytes: Buffer.concat([good, Buffer.from([0xff, 0xfe]), good]) }]);
  await waitForDocs(page, 1);
  await page.waitForFunction(() => /UTF-8/.test(document.getElementById('doc-meta').textContent));
  assert.match(await page.textContent('#doc-meta'), /UTF-8（几乎全是有效的 UTF-8） · 2 处字节无法解码/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
