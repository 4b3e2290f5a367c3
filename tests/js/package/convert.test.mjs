// The packed npm package, imported from Node as a user would: conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import init, { convert, Converter, version, configs } from 'jingwen';
import * as lean from 'jingwen/convert';

test('imports with no init call and converts', () => {
  assert.equal(convert('汉字转换，头发发展', 's2t'), '漢字轉換，頭髮發展');
  assert.equal(convert('滑鼠', 'tw2sp'), '鼠标');
  assert.match(version(), /^\d+\.\d+\.\d+/);
  // The UTF-16 result as Node decodes it (Buffer): surrogate pairs, ASCII, empty.
  assert.equal(convert('a𠀀b头发\n', 's2t'), 'a𠀀b頭髮\n');
  assert.equal(convert('', 's2t'), '');
  // A leading U+FEFF is text, kept as OpenCC keeps it (not a byte-order mark to drop).
  assert.equal(convert('\uFEFF汉字', 's2t'), '\uFEFF漢字');
});

test('init() exists and resolves in Node (browser code runs unchanged)', async () => {
  await init({ preload: ['s2t'] });
  await init();
  await init(null);
  // Its options are checked as every other function's: a misspelt one is an Error.
  await assert.rejects(init({ prelaod: ['s2t'] }), (e) => e.code === 'unknown-option' && /init\.prelaod/.test(e.message) && /preload, base, module/.test(e.message));
  await assert.rejects(init('s2t'), (e) => e.code === 'invalid-option');
  await assert.rejects(lean.default({ preloads: 's2t' }), (e) => e.code === 'unknown-option');
  // The browser-only options are accepted, so that browser code runs unchanged.
  await init({ base: '/jingwen/', preload: [] });
});

test('config names are case-insensitive and accept .json', () => {
  assert.equal(convert('鼠标', 'S2TWP.json'), '滑鼠');
});

test('an unknown config is an Error naming the valid ones', () => {
  assert.throws(
    () => convert('x', 's2x'),
    (e) => e instanceof Error && e.code === 'unknown-config' && /s2x/.test(e.message) && /s2twp/.test(e.message) && /jp2t/.test(e.message),
  );
  assert.throws(() => new Converter('nope'), Error);
});

test('non-string text is a TypeError, not a crash', () => {
  assert.throws(() => convert(42, 's2t'), TypeError);
});

test('Converter with a user dictionary (object and OpenCC text)', () => {
  const c = new Converter('s2t', { dictionary: { 香菜: '芫荽' } });
  assert.equal(c.convert('我爱吃香菜'), '我愛喫芫荽'); // 吃→喫 is OpenCC's own s2t
  assert.equal(c.config, 's2t');
  const t = new Converter('s2twp', { dictionary: '# mine\n软件\t軟體程式\n' });
  assert.equal(t.convert('软件'), '軟體程式');
  assert.throws(() => new Converter('s2t', { dictionary: 'no tab' }), /line 1/);
  assert.throws(() => new Converter('s2t', { dictonary: {} }), /dictonary/);
  // A Map works like an object; a BOM does not stick to the first key; an empty
  // value (it would delete text) is an Error, not silence.
  assert.equal(new Converter('s2t', { dictionary: new Map([['香菜', '芫荽']]) }).convert('香菜'), '芫荽');
  assert.equal(new Converter('s2t', { dictionary: '\uFEFF香菜\t芫荽' }).convert('香菜'), '芫荽');
  assert.throws(() => new Converter('s2t', { dictionary: { 香菜: '' } }), (e) => e.code === 'invalid-user-dictionary' && /empty value/.test(e.message));
  assert.throws(() => new Converter('s2t', { dictionary: '香菜\t' }), (e) => e.code === 'invalid-user-dictionary' && /line 1/.test(e.message));
  assert.throws(() => new Converter('s2t', { includeTofuRisk: 'no' }), (e) => e.code === 'invalid-option' && e.message.includes('invalid value "no"'));
  // A lone surrogate would reach the engine as U+FFFD (and replace every U+FFFD): refused.
  assert.throws(() => new Converter('s2t', { dictionary: { '\uD800': 'x' } }), (e) => e.code === 'invalid-user-dictionary' && /lone UTF-16 surrogate/.test(e.message));
  assert.throws(() => new Converter('s2t', { dictionary: { 香菜: '\uDC00' } }), (e) => e.code === 'invalid-user-dictionary');
  assert.throws(() => new Converter('s2t', { dictionary: '香菜\t芫荽\n\uDC00a\tb' }), (e) => e.code === 'invalid-user-dictionary' && /line 2/.test(e.message));
  assert.equal(new Converter('s2t', { dictionary: { '𠀀': '\uD83D\uDE00' } }).convert('𠀀\uFFFD'), '😀\uFFFD', 'pairs are fine');
});

test('a freed Converter says so; free() twice is fine', () => {
  const c = new Converter('s2t');
  c.free();
  c.free();
  assert.throws(() => c.convert('汉字'), (e) => e.code === 'freed');
  assert.throws(() => c.config, (e) => e.code === 'freed');
});

test('init({ preload }) takes one name or a list', async () => {
  await init({ preload: 's2tw' });
  await init({ preload: ['s2hk'] });
});

test('includeTofuRisk: false leaves out TSCharactersExt', () => {
  assert.equal(convert('㑮㒓', 't2s'), '𫝈𠉂');
  assert.equal(new Converter('t2s', { includeTofuRisk: false }).convert('㑮㒓'), '㑮㒓');
});

test('every config lists and converts', () => {
  assert.equal(configs().length, 16);
  for (const c of configs()) assert.equal(typeof convert('头发', c), 'string');
});

test('jingwen/convert in Node is the lean module: conversion only, the same API', async () => {
  // The lean wasm compiles in a quarter of the time: a Node process converts sooner.
  assert.match(import.meta.resolve('jingwen/convert'), /\/node-convert\.js$/);
  assert.equal(lean.clean, undefined);
  assert.equal(lean.highlight, undefined);
  assert.equal(lean.version(), version());
  assert.deepEqual(lean.configs(), configs());
  assert.equal(lean.convert('汉字转换，头发发展', 's2t'), '漢字轉換，頭髮發展');
  await lean.default({ preload: ['t2s'] });
  assert.equal(lean.convert('滑鼠', 'tw2sp'), '鼠标');
  assert.equal(new lean.Converter('s2t', { dictionary: { 香菜: '芫荽' } }).convert('香菜头发'), '芫荽頭髮');
  assert.throws(() => lean.convert('x', 's2x'), (e) => e instanceof Error && e.code === 'unknown-config');
  // 'highlight' (the full entry's folding tables) is no configuration here.
  await assert.rejects(lean.load('highlight'), (e) => e.code === 'unknown-config');
  assert.throws(() => lean.convert('x', 'highlight'), (e) => e.code === 'unknown-config');
});

// The same byte-identical check as the Rust differential test, through wasm
// (both Node entries: the full module and jingwen/convert's lean one).
const refDir = process.env.JINGWEN_ROOT && join(process.env.JINGWEN_ROOT, 'target/opencc-reference');
test('wasm output is identical to the official OpenCC on real text', { skip: !refDir || !existsSync(join(refDir, 'STAMP')) && 'reference outputs not generated (cargo test makes them)' }, () => {
  for (const c of configs()) {
    for (const input of ['news', 'keys']) {
      const text = readFileSync(join(refDir, `${c}.${input}.in`), 'utf8');
      const expected = readFileSync(join(refDir, `${c}.${input}.out`), 'utf8');
      assert.ok(convert(text, c) === expected, `${c} ${input} differs from OpenCC`);
      assert.ok(lean.convert(text, c) === expected, `${c} ${input} differs from OpenCC (jingwen/convert)`);
    }
  }
});
