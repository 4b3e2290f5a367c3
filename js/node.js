// jingwen for Node.js: ready on import, no init call. The wasm module and each
// dictionary are read from the package folder synchronously when first needed.
//
// This is the source; scripts/build bundles it with what it imports into one
// module, pkg/node.js (see js/node-entry.js for why). URLs below are written
// for that output's place: pkg/.
import * as wasm from '../pkg/wasm/jingwen.js';
import { nodeEntry } from './node-entry.js';

const { init, api } = nodeEntry(wasm, new URL('./wasm/jingwen_bg.wasm', import.meta.url));

export default init;

export const { load, convert, Converter, clean, cleanRules, highlight, highlightHtml, Highlighter, version, configs } = api;
