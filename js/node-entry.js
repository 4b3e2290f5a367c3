// What jingwen's two Node entries share (node.js: everything; node-convert.js:
// conversion only, from the lean wasm): the wasm module compiled synchronously on
// import, and each dictionary read from the package folder when first needed.
//
// Each entry is bundled into one module in pkg/ (scripts/bundle.mjs), as the
// browser entries are: Node loads one module faster than six (a fresh process's
// import of jingwen/convert: ~8 ms instead of ~10.6, medians of 41), and that
// is most of the difference to opencc-js's time to a first t2s conversion.
// URLs below are written for the bundles' place: pkg/.
import { readFileSync } from 'node:fs';
import { createApi, initOptions } from '../pkg/core.js';
import manifest from '../pkg/data/configs.js';

const readSync = (name) => readFileSync(new URL(`./data/${name}`, import.meta.url));
// Node's TextDecoder decodes UTF-16 through ICU, ~2.7× slower than Buffer's
// copy (10 MB of converted Chinese: 11.5 vs 4.3 ms, a tenth of a conversion).
// Output never holds a lone surrogate (it is made from UTF-8), so both agree.
const decodeUtf16 = (units) => Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');

/** `wasm`: a wasm-bindgen binding (its module namespace); `wasmUrl`: its .wasm file. */
export function nodeEntry(wasm, wasmUrl) {
  wasm.initSync({ module: readFileSync(wasmUrl) });
  const api = createApi(wasm, { readSync, files: manifest.files, decodeUtf16 });
  /** Nothing to do in Node (kept so code written for browsers runs unchanged). */
  async function init(given) {
    const options = initOptions(given);
    // A name or a list of them.
    await api.load(...[options.preload ?? []].flat());
  }
  return { init, api };
}
