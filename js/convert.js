// jingwen/convert: the lean entry for pages that only convert. The same
// convert / Converter / load API as 'jingwen', from a much smaller wasm module
// (no HTML parser, encoding detector or keyword automaton), so a page that
// converts s2t downloads less than any peer converter.
//
// This is the source; scripts/build bundles it with what it imports into one
// module, pkg/convert.js: a page's import is one request, not two rounds of
// them (each round costs ~20-30 ms even on localhost). Relative URLs below
// are written for that output's place: pkg/.
import initWasm, * as wasm from '../pkg/wasm-lite/jingwen.js';
import { browserEntry } from '../pkg/core.js';
import manifest from '../pkg/data/configs.js';
import urls from '../pkg/data/urls.js';

const { init, api } = browserEntry(initWasm, wasm, { urls, wasmPath: 'wasm-lite/jingwen_bg.wasm' }, manifest);

/** Loads the wasm module (once) and, optionally, dictionaries (see 'jingwen'). */
export default init;

export const { load, convert, Converter, version, configs } = api;
