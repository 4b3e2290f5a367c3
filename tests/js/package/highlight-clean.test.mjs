// The packed npm package from Node: highlighting and cleaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
