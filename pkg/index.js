// jingwen for browsers and bundlers (ES module).
//
//   import init, { clean, convert, highlight } from 'jingwen';
//   await init({ preload: ['s2t'] });   // loads the wasm, then s2t's dictionaries
//   convert('汉字', 's2t');              // '漢字'
//
// Dictionaries are separate files (data/*.jwd) fetched on demand, so a page
// only downloads what the configurations it uses need.
import initWasm, * as wasm from './wasm/jingwen.js';
import { createApi } from './core.js';

const DATA = new URL('./data/', import.meta.url);

async function fetchBytes(name) {
  const res = await fetch(new URL(name, DATA));
  if (!res.ok) throw new Error(`jingwen: could not fetch dictionary ${name}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const api = createApi(wasm, { fetchBytes });
let ready = null;

/**
 * Loads the wasm module (once) and, optionally, dictionaries.
 * @param {{ module?: any, preload?: string[] }} [options]
 *   module: what wasm-bindgen's init accepts (URL, Response, bytes, WebAssembly.Module);
 *   preload: configuration names (and/or 'highlight') whose dictionaries to fetch now.
 */
export default async function init(options = {}) {
  ready ??= initWasm(options.module ? { module_or_path: options.module } : undefined);
  await ready;
  if (options.preload) await api.load(...options.preload);
}

export const { load, convert, Converter, clean, cleanRules, highlight, highlightHtml, Highlighter, version, configs } = api;
