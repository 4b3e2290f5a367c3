// jingwen for browsers and bundlers (ES module).
//
//   import init, { clean, convert, highlight } from 'jingwen';
//   await init({ preload: ['s2t'] });   // loads the wasm, then s2t's dictionaries
//   convert('汉字', 's2t');              // '漢字'
//
// Dictionaries are separate files (data/*.jwd) fetched on demand, so a page
// only downloads what the configurations it uses need (dictionaries always
// needed together share a file: see scripts/dict_manifest.mjs).
//
// This is the source; scripts/build bundles it with what it imports into one
// module, pkg/index.js (one fetch instead of two rounds of module requests).
// Relative URLs below are written for that output's place: pkg/.
import initWasm, * as wasm from '../pkg/wasm/jingwen.js';
import { browserEntry } from '../pkg/core.js';
import manifest from '../pkg/data/configs.js';
import urls from '../pkg/data/urls.js';

const { init, api } = browserEntry(initWasm, wasm, { urls, wasmPath: 'wasm/jingwen_bg.wasm' }, manifest);

/**
 * Loads the wasm module (once) and, optionally, dictionaries.
 * @param {{ module?: any, preload?: string[] }} [options]
 *   module: what wasm-bindgen's init accepts (URL, Response, bytes, WebAssembly.Module);
 *   preload: configuration names (and/or 'highlight') whose dictionaries to fetch now
 *   (their downloads start at once, while the wasm compiles).
 */
export default init;

export const { load, convert, Converter, clean, cleanRules, highlight, highlightHtml, Highlighter, version, configs } = api;
