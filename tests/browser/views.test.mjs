// Every output view of a document (clean text; removal view with rule labels,
// a rule toggle and metadata; conversion with two configurations and from the
// original; highlighting with counts, next/previous and clear; the original),
// downloads (one result, and all as a zip), and keyboard use (arrow keys on
// the tabs, the skip link).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clean, cleanRules, convert, Converter, highlight, load } from '../../pkg/node.js';
import { setup, openApp, dropFiles, seeds, waitForDocs, openDoc, selectView, viewText, zipEntries } from './helpers.mjs';

let env;
let page;
let context;
const files = seeds().slice(0, 3);

before(async () => {
  env = await setup();
  ({ page, context } = await env.newPage({ acceptDownloads: true }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await openApp(page, env.server.url);
  await dropFiles(page, files);
  await waitForDocs(page, files.length);
  await openDoc(page, files[0].name);
});
after(async () => {
  await context?.close();
  await env?.teardown();
});

test('clean view shows the cleaned text and its statistics; Copy puts it on the clipboard', async () => {
  await selectView(page, 'clean');
  assert.equal(await viewText(page, 'clean-text'), files[0].gold);
  assert.match(await page.textContent('#clean-stats'), /删除 6 处/);
  await page.click('#panel-clean [data-copy="clean"]');
  await page.waitForSelector('.notice-info');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), files[0].gold);
});

test('removal view: removed spans labelled by rule, metadata, and a rule toggle that re-cleans', async () => {
  await selectView(page, 'removed');
  const rules = await page.$$eval('#removed-text .tag', (els) => els.map((e) => e.dataset.rule));
  for (const r of ['front-matter', 'original-title', 'caption', 'promotion']) assert.ok(rules.includes(r), `no ${r} label in ${rules}`);
  const removed = await page.$$eval('#removed-text del.rm', (els) => els.map((e) => e.textContent).join('|'));
  assert.match(removed, /图片来源：三门峡日报/);
  // The removal view is the source: its text holds both kept and removed parts.
  assert.match(await page.textContent('#removed-text'), /陕西连续三天本土确诊病例破百/);
  const meta = await page.$$eval('#metadata dt, #metadata dd', (els) => els.map((e) => e.textContent));
  assert.ok(meta.includes('编辑') && meta.includes('王蒙'), meta.join(' '));
  assert.ok(meta.includes('作者') && meta.includes('新浪财经'), meta.join(' '));
  assert.equal(await page.$$eval('#rule-list input[type=checkbox]', (els) => els.length) > 20, true);

  // Turn the caption rule off: the captions come back into the clean text.
  assert.doesNotMatch(files[0].gold, /图片来源：三门峡日报/);
  await page.uncheck('#rule-caption');
  await page.waitForFunction(() => ![...document.querySelectorAll('#removed-text .tag')].some((t) => t.dataset.rule === 'caption'));
  await selectView(page, 'clean');
  assert.match(await viewText(page, 'clean-text'), /图片来源：三门峡日报/);
  await selectView(page, 'removed');
  await page.check('#rule-caption');
  await page.waitForFunction(() => [...document.querySelectorAll('#removed-text .tag')].some((t) => t.dataset.rule === 'caption'));
  await selectView(page, 'clean');
  assert.equal(await viewText(page, 'clean-text'), files[0].gold);
});

test('removal view: punctuation restored mark by mark, untagged, with the pinyin left out inside the same paragraph shown as its own change', async () => {
  const { page: p, context: c } = await env.newPage();
  await openApp(p, env.server.url);
  const text = '第一段正文,他强调,要坚持(外防输入)的策略。\n各县(市、区)要协同,做好教(jiāo)育工作, 不能放松。\n';
  await dropFiles(p, [{ name: 'folded.txt', bytes: Buffer.from(text) }]);
  await waitForDocs(p, 1);
  await selectView(p, 'removed');
  const marks = await p.$$eval('#removed-text del.chg[data-rule="punctuation"]', (els) => els.map((e) => [e.textContent, e.nextSibling.textContent, e.title]));
  assert.deepEqual(marks.map(([before, after]) => [before, after]), [[',', '，'], [',', '，'], ['(', '（'], [')', '）'], ['(', '（'], [')', '）'], [',', '，'], [', ', '，']]);
  assert.ok(marks.every(([, , title]) => /全角/.test(title)), marks.map((m) => m[2]).join(' | '));
  const tags = await p.$$eval('#removed-text .tag', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(tags, ['pinyin']);
  assert.equal(await p.textContent('#removed-text del.chg[data-rule="pinyin"]'), '(jiāo)');
  // Every character of the source is shown once, in order.
  const shown = await p.$$eval('#removed-text .para', (ps) => ps.map((x) => [...x.childNodes].filter((n) => !(n.classList && (n.classList.contains('tag') || n.classList.contains('chg-after')))).map((n) => n.textContent).join('')));
  assert.deepEqual(shown.filter((x) => x), text.trim().split('\n'));
  assert.deepEqual(p.errors, []);
  await c.close();
});

test('rule descriptions and removal tooltips are in the interface language; so is the page title', async () => {
  const { page: p, context: c } = await env.newPage();
  await openApp(p, env.server.url);
  await dropFiles(p, [files[0]]);
  await waitForDocs(p, 1);
  await selectView(p, 'removed');
  const english = new Map(cleanRules().map((r) => [r.id, r.description]));
  const shown = () =>
    p.evaluate(() => ({
      rules: [...document.querySelectorAll('#rule-list .rule')].map((r) => [r.querySelector('input').dataset.rule, r.querySelector('.rule-desc').textContent]),
      tips: [...document.querySelectorAll('#removed-text .tag')].map((t) => t.title),
      title: document.title,
    }));
  const han = /[\u4e00-\u9fff]/;
  let out = await shown();
  assert.equal(out.rules.length, english.size);
  for (const [id, text] of out.rules) {
    assert.notEqual(text, english.get(id), `${id}: the engine's English in the Chinese interface`);
    assert.match(text, han, id);
  }
  assert.ok(out.tips.length > 0 && out.tips.every((tip) => han.test(tip)), out.tips.join(' | '));
  assert.match(out.title, /清理、转换/);
  await p.selectOption('#lang-select', 'zh-Hant');
  await p.waitForFunction(() => /清理、轉換/.test(document.title));
  await p.selectOption('#lang-select', 'en');
  await p.waitForFunction(() => /^jingwen/.test(document.title));
  out = await shown();
  for (const [id, text] of out.rules) assert.equal(text, english.get(id), id);
  assert.deepEqual(p.errors, []);
  await c.close();
});

test('the statistics count characters (a pair of UTF-16 surrogates as one) without line breaks (\\n and \\r\\n) and paragraphs as lines, also in the converted view', async () => {
  const { page: p, context: c } = await env.newPage();
  await openApp(p, env.server.url);
  // Windows line endings, a blank line, and a line longer than a display
  // paragraph (text.js: MAX_PARAGRAPH = 20,000 units), which is cut in two.
  // Rare characters outside the BMP (𠮷, CJK Extension B) are one character each,
  // though two UTF-16 units.
  const text = `第一段正文，内容很长很长，说明了很多事情。\r\n\r\n第二段正文，提到了𠮷野家和𪚥字。\r\n${'很长的一段正文。'.repeat(2600)}\r\n`;
  const bytes = Buffer.from(text);
  const result = clean(bytes);
  const chars = (s) => new Intl.NumberFormat('zh-Hans').format([...s.replace(/\r?\n/g, '')].length);
  assert.equal(result.text.split('\n').length - 1, 3);
  await dropFiles(p, [{ name: 'crlf.txt', bytes }]);
  await waitForDocs(p, 1);
  await selectView(p, 'clean');
  assert.match(await p.textContent('#clean-stats'), new RegExp(`^${chars(result.text)} 字 · 3 段 · `));
  await load('s2t');
  await selectView(p, 'convert');
  await p.check('input[name="convert-source"][value="source"]');
  await p.waitForFunction(() => /^s2t：/.test(document.getElementById('convert-status').textContent) && /\r/.test(document.getElementById('convert-text').textContent));
  assert.equal(await p.textContent('#convert-status'), `s2t：${chars(convert(result.source, 's2t'))} 字`);
  assert.deepEqual(p.errors, []);
  await c.close();
});

test('converted view: s2t, another configuration, and the original as the input', async () => {
  await load('s2t', 's2twp', 't2s');
  await selectView(page, 'convert');
  const configs = await page.$$eval('#config-select option', (els) => els.map((e) => e.value));
  assert.equal(configs.length, 16);
  await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
  assert.equal(await viewText(page, 'convert-text'), convert(files[0].gold, 's2t'));
  assert.match(await viewText(page, 'convert-text'), /陝西連續三天/);

  await page.selectOption('#config-select', 's2twp');
  await page.waitForFunction(() => /^s2twp/.test(document.getElementById('convert-status').textContent));
  assert.equal(await viewText(page, 'convert-text'), convert(files[0].gold, 's2twp'));

  await page.check('input[name="convert-source"][value="source"]');
  await page.waitForFunction(() => /原標題/.test(document.getElementById('convert-text').textContent));
  const source = await page.evaluate(() => document.getElementById('convert-status').textContent);
  assert.match(source, /^s2twp/);
  assert.match(await viewText(page, 'convert-text'), /原標題：市委書記深夜暗訪/);
  await page.check('input[name="convert-source"][value="clean"]');
  await page.selectOption('#config-select', 's2t');
  await page.waitForFunction(() => !/原標題/.test(document.getElementById('convert-text').textContent));
});

test("the user's own phrases: applied before the built-in dictionaries, a line without a replacement named and left out, gone when the box is emptied", async () => {
  await load('s2t');
  await selectView(page, 'convert');
  await page.waitForFunction(() => /^s2t：[\d,]+ 字$/.test(document.getElementById('convert-status').textContent));
  await page.click('#user-dict-box summary');
  // Spaces (ASCII and ideographic) or a tab between phrase and replacement; a comment;
  // line 4 has no replacement yet (being typed).
  await page.fill('#user-dict', '陕西 秦地\n# 注释\n市委书记\t市委書記（自訂） 市委书记\n暗访\n连续\u3000接連');
  await page.waitForFunction(() => /（含自定义词典 3 条）$/.test(document.getElementById('convert-status').textContent));
  const mine = new Converter('s2t', { dictionary: { 陕西: '秦地', 市委书记: '市委書記（自訂）', 连续: '接連' } });
  const expected = mine.convert(files[0].gold);
  mine.free();
  assert.equal(await viewText(page, 'convert-text'), expected);
  assert.match(expected, /^市委書記（自訂）深夜暗訪\n秦地接連三天/);
  assert.equal(await page.textContent('#user-dict-count'), '（3 条）');
  assert.equal(await page.textContent('#user-dict-error'), '第 4 行缺少译词，未使用。');
  assert.equal(await page.getAttribute('#user-dict', 'aria-invalid'), 'true');
  // In the interface's language, also after a switch.
  await page.selectOption('#lang-select', 'en');
  assert.equal(await page.textContent('#user-dict-count'), ' (3)');
  assert.equal(await page.textContent('#user-dict-error'), 'Line 4: no replacement after the phrase; not used.');
  await page.selectOption('#lang-select', 'zh-Hans');
  assert.equal(await page.textContent('#user-dict-error'), '第 4 行缺少译词，未使用。');
  // Copy gives the text shown.
  await page.click('[data-copy="convert"]');
  await page.waitForFunction((e) => navigator.clipboard.readText().then((t) => t === e), expected);

  // A file in OpenCC's format (a BOM, a tab, several values) adds its lines after the box's.
  await page.setInputFiles('#user-dict-file', { name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from('\uFEFF三天\t叁天 三日\n# 注释\n') });
  await page.waitForFunction(() => /（含自定义词典 4 条）$/.test(document.getElementById('convert-status').textContent));
  assert.match(await viewText(page, 'convert-text'), /^市委書記（自訂）深夜暗訪\n秦地接連叁天/);
  assert.match(await page.inputValue('#user-dict'), /\n连续\u3000接連\n三天\t叁天 三日\n# 注释\n$/);
  await page.waitForFunction(() => [...document.querySelectorAll('.notice-text')].some((n) => n.textContent === '已从 mine.txt 载入 1 条'));

  // Half of a character (a lone surrogate, which the engine refuses) leaves its line out too.
  await page.evaluate(() => {
    const box = document.getElementById('user-dict');
    box.value = '陕西 秦地\n暗访 \uD800';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => /（含自定义词典 1 条）$/.test(document.getElementById('convert-status').textContent));
  assert.equal(await page.textContent('#user-dict-error'), '第 2 行含有残缺的字符（单个代理项），未使用。');

  await page.fill('#user-dict', '');
  await page.waitForFunction(() => /^s2t：[\d,]+ 字$/.test(document.getElementById('convert-status').textContent));
  assert.equal(await viewText(page, 'convert-text'), convert(files[0].gold, 's2t'));
  assert.equal(await page.textContent('#user-dict-error'), '');
  assert.equal(await page.getAttribute('#user-dict', 'aria-invalid'), 'false');
});

/** The conversion view, showing s2t; `config`'s dictionaries loaded here too (for the expected text). */
async function convertView(config) {
  await load(config);
  await selectView(page, 'convert');
  await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
}

/** What Copy puts on the clipboard (over a sentinel, so that the wait sees the new text). */
async function copyConverted() {
  await page.evaluate(() => navigator.clipboard.writeText('sentinel'));
  await page.click('[data-copy="convert"]');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== 'sentinel'));
  return page.evaluate(() => navigator.clipboard.readText());
}

test('while another configuration converts, Copy gives nothing stale and says it is still working', async () => {
  await convertView('s2hk');
  await page.evaluate(() => navigator.clipboard.writeText('sentinel'));
  // The choice and the click in one task: the new conversion cannot have finished.
  await page.evaluate(() => {
    const select = document.getElementById('config-select');
    select.value = 's2hk';
    select.dispatchEvent(new Event('change'));
    document.querySelector('[data-copy="convert"]').click();
  });
  await page.waitForFunction(() => [...document.querySelectorAll('#notices .notice-text')].some((n) => /还在处理中/.test(n.textContent)));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'sentinel');
  await page.waitForFunction(() => /^s2hk/.test(document.getElementById('convert-status').textContent));
  assert.equal(await copyConverted(), convert(files[0].gold, 's2hk'));
  await page.selectOption('#config-select', 's2t');
  await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
});

test("back to the scheme just shown while another converts: that scheme's text stays, and the other conversion is stopped", async () => {
  await convertView('t2s');
  // Away and back in one task: t2s's conversion starts and cannot have finished.
  await page.evaluate(() => {
    const select = document.getElementById('config-select');
    for (const config of ['t2s', 's2t']) {
      select.value = config;
      select.dispatchEvent(new Event('change'));
    }
  });
  // Until the t2s job has settled (cancelled, or finished and ignored).
  await page.waitForFunction(() => document.getElementById('progress-area').dataset.active === 'false');
  assert.match(await page.evaluate(() => document.getElementById('convert-status').textContent), /^s2t：/);
  assert.equal(await viewText(page, 'convert-text'), convert(files[0].gold, 's2t'));
  assert.equal(await copyConverted(), convert(files[0].gold, 's2t'));
});

test('a conversion cancelled by the user says so where its text would be, with a button that starts it again', async () => {
  await convertView('s2hk');
  await page.evaluate(() => {
    const select = document.getElementById('config-select');
    select.value = 's2hk';
    select.dispatchEvent(new Event('change'));
    document.getElementById('cancel-button').click();
  });
  await page.waitForFunction(() => /转换已取消/.test(document.getElementById('convert-text').textContent));
  assert.equal(await page.evaluate(() => document.getElementById('convert-status').textContent), '已取消');
  await page.click('#convert-text button');
  await page.waitForFunction(() => /^s2hk/.test(document.getElementById('convert-status').textContent));
  assert.equal(await viewText(page, 'convert-text'), convert(files[0].gold, 's2hk'));
  await page.selectOption('#config-select', 's2t');
  await page.waitForFunction(() => /^s2t：/.test(document.getElementById('convert-status').textContent));
});

test('highlight view: counts, colours, next/previous with announcements, clear', async () => {
  await selectView(page, 'highlight');
  await page.fill('#keywords', '疫情\n防控，市委书记');
  await page.waitForFunction(() => /处匹配/.test(document.getElementById('hl-status').textContent));
  // Reference counts: the library, per paragraph, with the same options.
  await load('highlight');
  const options = { caseInsensitive: true, foldWidth: true, foldScript: true, wholeWord: false, ignoreWhitespace: false };
  const expected = [0, 0, 0];
  for (const para of files[0].gold.split('\n')) {
    highlight(para, ['疫情', '防控', '市委书记'], options).counts.forEach((c, i) => (expected[i] += c));
  }
  const counts = await page.$$eval('#keyword-list .kw', (els) => els.map((e) => Number(e.dataset.count)));
  assert.deepEqual(counts, expected);
  const total = expected.reduce((a, b) => a + b, 0);
  assert.equal(await page.textContent('#hl-position'), `0 / ${total}`);
  const painted = await page.evaluate(() =>
    Object.fromEntries([...CSS.highlights.entries()].map(([name, h]) => [name, [...h].map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset))])),
  );
  assert.deepEqual(new Set(painted['jw-k0']), new Set(['疫情']));
  assert.deepEqual(new Set(painted['jw-k1']), new Set(['防控']));
  assert.equal(painted['jw-k0'].length + painted['jw-k1'].length + painted['jw-k2'].length, total);

  const current = () => page.evaluate(() => [...CSS.highlights.get('jw-current')].map((r) => r.toString()));
  await page.click('#hl-next');
  assert.equal(await page.textContent('#hl-position'), `1 / ${total}`);
  await page.click('#hl-next');
  assert.equal(await page.textContent('#hl-position'), `2 / ${total}`);
  assert.equal((await current()).length, 1);
  await page.keyboard.press('Shift+F3');
  assert.equal(await page.textContent('#hl-position'), `1 / ${total}`);
  await page.click('#hl-prev');
  assert.equal(await page.textContent('#hl-position'), `${total} / ${total}`);
  await page.keyboard.press('F3');
  assert.equal(await page.textContent('#hl-position'), `1 / ${total}`);
  assert.equal(await page.getAttribute('#hl-position', 'aria-live'), 'polite');

  await page.click('#hl-clear');
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  assert.equal(await page.textContent('#hl-position'), '0 / 0');
  assert.equal(await page.$$eval('#keyword-list .kw', (els) => els.length), 0);
});

test('an ASCII comma between digits groups them ("1,000" is one keyword); elsewhere commas separate keywords', async () => {
  await selectView(page, 'highlight');
  await page.fill('#keywords', '1,000,疫情、防控，市委书记');
  await page.waitForFunction(() => /处匹配/.test(document.getElementById('hl-status').textContent));
  const shown = await page.$$eval('#keyword-list .kw-text', (els) => els.map((e) => e.textContent));
  assert.deepEqual(shown, ['1,000', '疫情', '防控', '市委书记']);
  await page.click('#hl-clear');
});

test('original view shows the file as text', async () => {
  await selectView(page, 'original');
  await page.waitForSelector('#original-text .para');
  assert.equal(await viewText(page, 'original-text'), files[0].bytes.toString('utf8').replace(/\n?$/, '\n'));
  assert.equal(await page.$$eval('#original-text img, #original-text p > *', (els) => els.length), 0);
});

test('download one result (.txt) and all results (.zip)', async () => {
  await selectView(page, 'clean');
  const [one] = await Promise.all([page.waitForEvent('download'), page.click('#panel-clean [data-download="clean"]')]);
  assert.equal(one.suggestedFilename(), '000.input.clean.txt');
  assert.equal(readFileSync(await one.path(), 'utf8'), files[0].gold);

  // A conversion is named by its configuration, and says when it is of the original.
  await selectView(page, 'convert');
  await page.selectOption('#config-select', 's2t');
  for (const [from, name, text] of [
    ['clean', '000.input.s2t.txt', () => convert(files[0].gold, 's2t')],
    ['source', '000.input.original.s2t.txt', () => convert(clean(files[0].bytes).source, 's2t')],
  ]) {
    await page.check(`input[name="convert-source"][value="${from}"]`);
    await page.waitForFunction(() => /^s2t：/.test(document.getElementById('convert-status').textContent));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#panel-convert [data-download="convert"]')]);
    assert.equal(dl.suggestedFilename(), name);
    assert.equal(readFileSync(await dl.path(), 'utf8'), text());
  }
  await page.check('input[name="convert-source"][value="clean"]');
  await selectView(page, 'clean');

  const [all] = await Promise.all([page.waitForEvent('download'), page.click('#download-all')]);
  assert.match(all.suggestedFilename(), /^jingwen-\d{8}\.zip$/);
  const zip = readFileSync(await all.path());
  assert.equal(zip.readUInt32LE(0), 0x04034b50, 'zip signature');
  // The local headers (STORE method) and the end record.
  const entries = zipEntries(zip);
  assert.ok(entries.every((e) => e.method === 0), 'STORE method');
  assert.equal(zip.readUInt32LE(zip.length - 22), 0x06054b50, 'end of central directory');
  assert.equal(zip.readUInt16LE(zip.length - 22 + 10), files.length);
  // Each entry is named as its single download is, never as its original (unpacked
  // next to the originals, the zip must not overwrite them).
  assert.equal(entries[0].name, one.suggestedFilename());
  assert.deepEqual(entries.map((e) => e.name), files.map((f) => f.name.replace(/\.txt$/, '.clean.txt')));
  assert.ok(entries.every((e, i) => e.name !== files[i].name));
  entries.forEach((e, i) => assert.equal(e.data, files[i].gold));

  // With each document's conversion too: converted in the worker with that document's
  // configuration (the second one's set to s2hk, from the original) and the user's phrases.
  await page.check('#zip-converted');
  await openDoc(page, files[1].name);
  await selectView(page, 'convert');
  await page.selectOption('#config-select', 's2hk');
  await page.check('input[name="convert-source"][value="source"]');
  await page.evaluate(() => (document.getElementById('user-dict-box').open = true));
  // Typed and "download all" clicked at once, within the pause the box waits for: the phrases count.
  const [withConverted] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => {
      const box = document.getElementById('user-dict');
      box.value = '疫情 疫症';
      box.dispatchEvent(new Event('input'));
      document.getElementById('download-all').click();
    }),
  ]);
  const more = zipEntries(readFileSync(await withConverted.path()));
  const withMine = (text, config) => {
    const c = new Converter(config, { dictionary: { 疫情: '疫症' } });
    const out = c.convert(text);
    c.free();
    return out;
  };
  assert.deepEqual(
    more.map((e) => e.name),
    files.flatMap((f, i) => [f.name.replace(/\.txt$/, '.clean.txt'), f.name.replace(/\.txt$/, i === 1 ? '.original.s2hk.txt' : '.s2t.txt')]),
  );
  await load('s2hk');
  files.forEach((f, i) => {
    assert.equal(more[2 * i].data, f.gold);
    assert.equal(more[2 * i + 1].data, i === 1 ? withMine(clean(f.bytes).source, 's2hk') : withMine(f.gold, 's2t'));
  });
  assert.match(more[1].data, /疫症/);
  // Back as the later tests expect it.
  await page.fill('#user-dict', '');
  await page.check('input[name="convert-source"][value="clean"]');
  await page.selectOption('#config-select', 's2t');
  await page.uncheck('#zip-converted');
  await openDoc(page, files[0].name);
});

test('keyboard: arrow keys move between tabs, the skip link reaches the main content', async () => {
  await page.focus('#tab-clean');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-removed');
  assert.equal(await page.getAttribute('#tab-removed', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#panel-removed'), true);
  assert.equal(await page.isVisible('#panel-clean'), false);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-original');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-clean');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-original');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-clean');
  // Only the selected tab is in the tab order.
  assert.deepEqual(await page.$$eval('[role=tab]', (els) => els.map((e) => e.tabIndex)), [0, -1, -1, -1, -1]);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 0, 'the skip link is visible when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'main');
  assert.equal(new URL(page.url()).hash, '#main');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)));
  assert.deepEqual(page.errors, []);
});

test('without the CSS Custom Highlight API, matches are wrapped in <mark> elements', async () => {
  const { page: p, context: c } = await env.newPage();
  await p.addInitScript(() => delete CSS.highlights);
  await openApp(p, env.server.url);
  await dropFiles(p, [files[0]]);
  await waitForDocs(p, 1);
  await selectView(p, 'highlight');
  await p.fill('#keywords', '疫情, 防控');
  await p.waitForFunction(() => /处匹配/.test(document.getElementById('hl-status').textContent));
  const counts = await p.$$eval('#keyword-list .kw', (els) => els.map((e) => Number(e.dataset.count)));
  const marks = await p.$$eval('#highlight-text mark', (els) => els.map((m) => `${m.className}:${m.textContent}`));
  assert.equal(marks.length, counts[0] + counts[1]);
  assert.ok(marks.every((m) => /^jw-mark jw-k0:疫情$|^jw-mark jw-k1:防控$/.test(m)), marks.join(' '));
  await p.click('#hl-next');
  assert.equal(await p.$$eval('#highlight-text mark.jw-current', (els) => els.length), 1);
  // The text itself is unchanged by the marks.
  assert.equal(await viewText(p, 'highlight-text'), files[0].gold);
  await p.click('#hl-clear');
  assert.equal(await p.$$eval('#highlight-text mark', (els) => els.length), 0);
  assert.equal(await viewText(p, 'highlight-text'), files[0].gold);
  assert.deepEqual(p.errors, []);
  await c.close();
});

test('a match may cross a line break (ignore whitespace) or the cut of a very long line; it is one match in two pieces', async () => {
  const { page: p, context: c } = await env.newPage();
  // Line 3 is longer than a display paragraph (text.js: MAX_PARAGRAPH = 20,000
  // units): 疫情 ends the first piece, 防控 begins the second.
  const text = `第一段说的是疫情\n防控工作，还有别的。\n${'x'.repeat(19998)}疫情防控。\n`;
  await openApp(p, env.server.url);
  await dropFiles(p, [{ name: 'lines.txt', bytes: Buffer.from(text) }]);
  await waitForDocs(p, 1);
  await selectView(p, 'highlight');
  await p.check('input[name="hl-target"][value="source"]');
  const keywords = ['疫情防控工作', '疫情防控'];
  const run = async (ignoreWhitespace) => {
    await p.setChecked('#opt-space', ignoreWhitespace);
    // No keywords first, so that the count waited for below is the new one.
    await p.fill('#keywords', '');
    await p.waitForFunction(() => !/处匹配/.test(document.getElementById('hl-status').textContent));
    await p.fill('#keywords', keywords.join('\n'));
    await p.waitForFunction(() => /处匹配/.test(document.getElementById('hl-status').textContent));
    const counts = await p.$$eval('#keyword-list .kw', (els) => els.map((e) => Number(e.dataset.count)));
    const options = { caseInsensitive: true, foldWidth: true, foldScript: true, wholeWord: false, ignoreWhitespace };
    // The library on the whole text, as the page matches it.
    assert.deepEqual(counts, highlight(text, keywords, options).counts, `ignoreWhitespace ${ignoreWhitespace}`);
    return counts;
  };
  const painted = () =>
    p.evaluate(() =>
      Object.fromEntries([...CSS.highlights.entries()].map(([name, h]) => [name, [...h].map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset))])),
    );

  assert.deepEqual(await run(false), [0, 1]);
  assert.deepEqual((await painted())['jw-k1'].sort(), ['疫情', '防控'].sort(), 'the match across the cut, in two pieces');
  assert.equal(await p.textContent('#hl-position'), '0 / 1');

  assert.deepEqual(await run(true), [1, 1]);
  const both = await painted();
  assert.deepEqual(both['jw-k0'].sort(), ['疫情', '防控工作'].sort(), 'the match across the line break, in two pieces');
  assert.deepEqual(both['jw-k1'].sort(), ['疫情', '防控'].sort());
  // Next/previous go by match: each stop marks every piece of its match.
  assert.equal(await p.textContent('#hl-position'), '0 / 2');
  const current = () => p.evaluate(() => [...CSS.highlights.get('jw-current')].map((r) => r.toString()).sort());
  await p.click('#hl-next');
  assert.equal(await p.textContent('#hl-position'), '1 / 2');
  assert.deepEqual(await current(), ['疫情', '防控工作'].sort());
  await p.keyboard.press('F3');
  assert.equal(await p.textContent('#hl-position'), '2 / 2');
  assert.deepEqual(await current(), ['疫情', '防控'].sort());
  await p.keyboard.press('F3');
  assert.equal(await p.textContent('#hl-position'), '1 / 2');
  assert.deepEqual(p.errors, []);
  await c.close();
});
