// The packed npm package from Node: highlighting and cleaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clean, cleanRules, convert, highlight, highlightHtml, Highlighter } from 'jingwen';

test('highlight: leftmost-longest, UTF-16 offsets, counts', () => {
  const r = highlight('𠀀疫情防控，疫情', ['疫情', '疫情防控']);
  assert.deepEqual(r.matches, [
    { start: 2, end: 6, keyword: 1 },
    { start: 7, end: 9, keyword: 0 },
  ]);
  assert.deepEqual(r.counts, [1, 1]);
});

test('highlight: script folding loads its tables in Node on demand', () => {
  const r = highlight('疫情防控與頭髮', ['头发'], { foldScript: true });
  assert.equal(r.counts[0], 1);
});

test('highlightHtml escapes text and keywords', () => {
  assert.equal(highlightHtml('<img onerror=x>', ['img']), '&lt;<mark data-keyword="0">img</mark> onerror=x&gt;');
});

test('Highlighter compiles once; bad input is an Error', () => {
  const h = new Highlighter(['a', 'b']);
  assert.equal(h.keywordCount, 2);
  assert.deepEqual([...h.findFlat('xab')], [1, 2, 0, 2, 3, 1]);
  assert.throws(() => highlight('x', [1, 2]), /keyword 0 is not a string/);
  assert.throws(() => highlight('x', ['a'], { wholeWords: true }), /wholeWords.*wholeWord/);
});

test('clean: string and bytes, metadata, removals with UTF-16 positions', () => {
  const input = '人民网 > 国内\n标题\n𠀀正文第一段，内容很长很长，说明了很多事情。\n责任编辑：王蒙';
  const r = clean(input);
  assert.equal(r.text, '标题\n𠀀正文第一段，内容很长很长，说明了很多事情。\n');
  assert.equal(r.metadata.editor, '王蒙');
  const editor = r.removed.find((x) => x.rule === 'editor');
  assert.equal(r.source.slice(editor.start, editor.end), '责任编辑：王蒙');
  const bytes = new TextEncoder().encode(input);
  assert.equal(clean(bytes).encoding.name, 'UTF-8');
});

test('clean: a rule can be turned off; unknown rules and options are Errors', () => {
  const r = clean('标题\n正文第一段，内容很长很长，说明了很多事情。\n责任编辑：王蒙', { rules: { editor: false } });
  assert.match(r.text, /责任编辑/);
  assert.throws(() => clean('x', { rules: { editr: false } }), /editr.*editor/);
  assert.throws(() => clean('x', { colour: 1 }), /colour/);
  assert.throws(() => clean(42), TypeError);
  assert.ok(cleanRules().some((r) => r.id === 'pinyin'));
});

test('clean: a PNG is refused with a clear error', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.throws(() => clean(png), /not a text document.*PNG/);
  // The message is English; `code` and `kind` are stable ids to react to, or to say it in another language.
  assert.throws(() => clean(png), (e) => e instanceof Error && e.code === 'not-text' && e.kind === 'png');
  assert.throws(() => clean('x', { maxBytes: 0 }), (e) => e.code === 'too-large' && e.size === 1 && e.limit === 0);
  // Options of the wrong shape or type are invalid-option too, with one readable message.
  assert.throws(() => clean('x', { maxBytes: 'a' }), (e) => e.code === 'invalid-option' && e.message === 'invalid clean option maxBytes: expected a number, got the string "a"');
  // A negative or NaN limit is no limit of 0 (everything "too large"): an Error.
  for (const maxBytes of [-1, NaN]) assert.throws(() => clean('x', { maxBytes }), (e) => e.code === 'invalid-option' && /clean\.maxBytes/.test(e.message));
  assert.throws(() => highlight('x', ['x'], { wholeWord: 'yes' }), (e) => e.code === 'invalid-option' && e.message === 'invalid highlight option wholeWord: expected a boolean, got the string "yes"');
  assert.throws(() => clean('x', []), (e) => e.code === 'invalid-option');
  assert.throws(() => highlight('x', ['a'], { wholeWord: 'yes' }), (e) => e.code === 'invalid-option');
});

test('clean: the seed documents come out as their gold', () => {
  const dir = join(process.env.JINGWEN_ROOT, 'tests/data/seeds');
  for (const n of ['000', '001', '002', '003', '004']) {
    const bytes = readFileSync(join(dir, `${n}.input.txt`));
    const gold = readFileSync(join(dir, `${n}.gold.txt`), 'utf8');
    assert.equal(clean(new Uint8Array(bytes)).text, gold, n);
  }
});

test('lone surrogates from JS strings become U+FFFD, offsets stay aligned', () => {
  assert.equal(convert('发\uD800展', 's2t'), '發\uFFFD展');
  const r = highlight('x\uDC00疫情', ['疫情']);
  assert.deepEqual(r.matches, [{ start: 2, end: 4, keyword: 0 }]);
  assert.ok(clean('\uD800标题\n正文第一段，内容很长很长，说明了很多事情。').text.includes('正文第一段'));
  // A keyword with a lone surrogate cannot match exactly (it would read as U+FFFD,
  // like the text's lone surrogates): skipped, not matched against \uDC00.
  const s = highlight('a\uD800b\uDC00c\uFFFD', ['b', '\uD800', '\uFFFD']);
  assert.deepEqual(s.skipped, [1]);
  assert.deepEqual(s.counts, [1, 0, 3]);
});

test('a wasm trap says whether the engine ran out of memory, and the instance then refuses calls', async () => {
  // The guard around every wasm call (pkg/core.js, bundled into each entry), over
  // stand-ins for the wasm exports: a real out-of-memory needs ~4 GB and a minute
  // (`clean('<p>a</p>'.repeat(11e6))` gives the same answer from the real engine).
  const { createApi } = await import(pathToFileURL(join(process.env.JINGWEN_ROOT, 'pkg/core.js')).href);
  const trapping = (failed) => ({
    clean() {
      throw new WebAssembly.RuntimeError('unreachable');
    },
    ...(failed === undefined ? {} : { failedAllocation: () => failed, memoryBytes: () => 3964928000 }),
  });
  const oom = createApi(trapping(335544320));
  assert.throws(
    () => oom.clean('x'),
    (e) =>
      e instanceof Error && e.code === 'out-of-memory' && e.size === 335544320 && e.memory === 3964928000 &&
      /a block of 320 MB, its memory having grown to 3781 MB/.test(e.message) && e.cause instanceof WebAssembly.RuntimeError,
  );
  assert.throws(() => oom.clean('x'), (e) => e.code === 'engine-stopped' && /after running out of memory/.test(e.message));
  for (const failed of [0, undefined]) {
    const bug = createApi(trapping(failed));
    assert.throws(() => bug.clean('x'), (e) => e.code === 'internal' && /internal error \(unreachable\)/.test(e.message) && e.cause instanceof WebAssembly.RuntimeError);
    assert.throws(() => bug.clean('x'), (e) => e.code === 'engine-stopped' && /after an internal error/.test(e.message));
  }
});
