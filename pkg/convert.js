// jingwen/convert: the lean entry for pages that only convert. The same
// convert / Converter / load API as 'jingwen', from a much smaller wasm module
// (no HTML parser, encoding detector or keyword automaton), so a page that
// converts s2t downloads less than any peer converter.
import initWasm, * as wasm from './wasm-lite/jingwen.js';
import { browserEntry } from './core.js';
import manifest from './data/configs.js';

const { init, api } = browserEntry(initWasm, wasm, new URL('./data/', import.meta.url), manifest);

/** Loads the wasm module (once) and, optionally, dictionaries (see 'jingwen'). */
export default init;

export const { load, convert, Converter, version, configs } = api;
