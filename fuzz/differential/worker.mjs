// jingwen's side of the differential fuzzer: reads {c: config, t: text, p: paths, tofu} lines, writes each path's output (A convert(), B a kept Converter, C the lean wasm, D the UTF-16 input path, E a fresh Converter per text, F a kept lean Converter).
// Conversion worker: JSON lines in ({c: config, t: text, p: "ABCD"}), JSON lines out ({o: [...]}).
// A = full pkg convert(), B = full pkg persistent new Converter(c).convert(),
// C = wasm-lite build convert() (via core.js createApi), D = full pkg UTF-16 "units" path
//     (inputUnits/convertInput: what the String-Builtins bridge uses in browsers).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { convert, Converter } from '../../pkg/node.js';
import * as fullGlue from '../../pkg/wasm/jingwen.js';
import * as liteGlue from '../../pkg/wasm-lite/jingwen.js';
import { createApi } from '../../pkg/core.js';
import manifest from '../../pkg/data/configs.js';

const P = new URL('../../pkg/', import.meta.url).pathname;
const fullExports = fullGlue.initSync({ module: readFileSync(P + 'wasm/jingwen_bg.wasm') });
liteGlue.initSync({ module: readFileSync(P + 'wasm-lite/jingwen_bg.wasm') });
const readSync = (name) => readFileSync(P + 'data/' + name);
const decodeUtf16 = (u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('utf16le');
const lite = createApi(liteGlue, { readSync, files: manifest.files, decodeUtf16 });
// The D path's own instance (pkg/node.js is a bundle with its glue inside: a
// separate instance, so it cannot register dictionaries for this one).
const full = createApi(fullGlue, { readSync, files: manifest.files, decodeUtf16 });

const convs = new Map();
function viaUnits(text, cfg) {
  full.convert('', cfg); // make sure dictionaries are registered (ensureSync)
  const n = text.length;
  const ptr = fullGlue.inputUnits(n);
  const view = new Uint16Array(fullExports.memory.buffer, ptr, n);
  for (let i = 0; i < n; i++) view[i] = text.charCodeAt(i);
  const out = fullGlue.convertInput(n, cfg);
  return decodeUtf16(out);
}
const run = (f) => { try { return f(); } catch (e) { return 'THROW:' + e.message; } };
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const { c, t, p = "ABCD", tofu = true } = JSON.parse(line); const opt = tofu ? undefined : { includeTofuRisk: false };
  const o = [];
  if (p.includes('A')) o.push(run(() => convert(t, c)));
  if (p.includes('B')) o.push(run(() => { const key = c + tofu; if (!convs.has(key)) convs.set(key, new Converter(c, opt)); return convs.get(key).convert(t); }));
  if (p.includes('C')) o.push(run(() => lite.convert(t, c)));
  if (p.includes('D')) o.push(run(() => viaUnits(t, c)));
  // E: a fresh full Converter per text; F: a persistent lite Converter.
  if (p.includes('E')) o.push(run(() => { const k = new Converter(c, opt); try { return k.convert(t); } finally { k.free(); } }));
  if (p.includes('F')) o.push(run(() => { const key = 'lite' + c + tofu; if (!convs.has(key)) convs.set(key, new lite.Converter(c, opt)); return convs.get(key).convert(t); }));
  process.stdout.write(JSON.stringify({ o: o.every((x) => x === o[0]) ? [o[0]] : o }) + '\n');
}
