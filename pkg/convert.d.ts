/**
 * jingwen/convert: the lean entry for pages that only convert simplified and
 * traditional Chinese (byte-identical to OpenCC 1.4.2). Same API as `jingwen`
 * without cleaning and highlighting, from a much smaller wasm module.
 * ```js
 * import init, { convert } from 'jingwen/convert';
 * await init({ preload: ['s2t'] });
 * convert('汉字', 's2t');
 * ```
 */
export { default, load, convert, Converter, version, configs } from './index.js';
export type { ConfigName, ConverterOptions, InitOptions, JingwenError } from './index.js';
