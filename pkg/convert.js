// jingwen/convert: the lean entry for pages that only convert. The same
// convert / Converter / load API as 'jingwen', from a much smaller wasm module
// (no HTML parser, encoding detector or keyword automaton), so a page that
// converts s2t downloads less than any peer converter.
import initWasm, * as wasm from './wasm-lite/jingwen.js';
import { createApi } from './core.js';

const DATA = new URL('./data/', import.meta.url);

async function fetchBytes(name) {
  const res = await fetch(new URL(name, DATA));
  if (!res.ok) throw new Error(`jingwen: could not fetch dictionary ${name}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const api = createApi(wasm, { fetchBytes });
let ready = null;

/** Loads the wasm module (once) and, optionally, dictionaries (see 'jingwen'). */
export default async function init(options = {}) {
  ready ??= initWasm(options.module ? { module_or_path: options.module } : undefined);
  await ready;
  if (options.preload) await api.load(...options.preload);
}

export const { load, convert, Converter, version, configs } = api;
