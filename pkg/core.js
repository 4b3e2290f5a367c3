// The public API of jingwen, assembled from the wasm exports.
//
// Shared by every entry point (browser, bundler, Node, the lean converter):
// each passes in its wasm binding and a way to get dictionary files — a
// synchronous reader in Node, an asynchronous fetch in browsers — so that
// dictionaries are only ever loaded for the configurations actually used.
//
// `files` (data/configs.js) says where each dictionary lies: [file, offset,
// length]. Dictionaries always needed together share a file, so a file is
// fetched once and every dictionary in it registered. A dictionary it does not
// list is its own file, NAME.jwd.

import { stringBridge } from './strings.js';

/**
 * `init()`'s options, checked as every other function's are: a misspelt option
 * (`prelaod`) silently ignored is a bug the user never finds. The same names in
 * Node, where only `preload` does anything, so that browser code runs there.
 */
export function initOptions(options) {
  const valid = ['preload', 'base', 'module'];
  if (options == null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw coded('invalid-option', `invalid init options: expected an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!valid.includes(key)) throw coded('unknown-option', `unknown option "init.${key}"; valid options are: ${valid.join(', ')}`);
  }
  return options;
}

/** The data file holding dictionary `name`. */
const fileOf = (files, name) => (Object.hasOwn(files, name) ? files[name][0] : `${name}.jwd`);

/** An Error with a `code`, as the engine's own errors have (index.d.ts: JingwenError). */
const coded = (code, message) => Object.assign(new Error(message), { code });
const mb = (bytes) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;

// The shortest text (UTF-16 units) for which the String Builtins bridge is
// built: a few KB, where it starts to save more than the copy and call cost,
// and far below the ~2 ms it takes once, spread over the conversions to come.
const BRIDGE_UNITS = 4096;

export function createApi(rawWasm, { readSync = null, fetchBytes = null, files = {}, decodeUtf16 = null, bridge = () => null, ready = () => true } = {}) {
  const pending = new Map(); // file -> Promise while it is being fetched and registered
  // file -> [[dictionary, offset, length], …]
  const contents = new Map();
  for (const [name, [file, offset, length]] of Object.entries(files)) {
    contents.set(file, [...(contents.get(file) ?? []), [name, offset, length]]);
  }
  const register = (file, bytes) => {
    const members = contents.get(file) ?? [[file.replace(/\.jwd$/, ''), 0, bytes.length]];
    // A file of another build (a stale cache) or cut short must not be sliced blindly.
    const size = Math.max(...members.map(([, offset, length]) => offset + length));
    if (bytes.length !== size) {
      throw coded('invalid-dictionary', `jingwen: dictionary file ${file} has ${bytes.length} bytes, expected ${size} (a stale or incomplete download?)`);
    }
    for (const [name, offset, length] of members) {
      if (wasm.dictionaryLoaded(name)) continue;
      const got = wasm.registerDictionary(bytes.subarray(offset, offset + length));
      if (got !== name) throw coded('invalid-dictionary', `jingwen: dictionary file ${file} holds ${got} where ${name} was expected`);
    }
  };

  // A wasm trap leaves the instance unusable: running out of memory (Rust
  // aborts when an allocation fails; the allocator notes which one did), or a
  // bug (the engine is written not to panic). Turn it into a readable Error
  // that says which, and refuse later calls clearly instead of failing in
  // confusing ways. (The page restarts its worker.)
  let broken = null;
  const guard = (fn) => {
    // Browsers: the wasm-bindgen glue would fail with "Cannot read properties of undefined".
    if (!ready()) throw coded('not-initialized', 'jingwen: the wasm module is not loaded yet; call `await init()` first');
    if (broken) throw coded('engine-stopped', `jingwen: the engine stopped after ${broken}; reload the page (in Node, restart the process) to use it again`);
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      const failed = outOfMemory();
      if (failed) {
        broken = 'running out of memory';
        throw Object.assign(
          coded('out-of-memory', `jingwen: out of memory: the engine could not get a block of ${mb(failed.size)}, its memory having grown to ${mb(failed.memory)} (a wasm module can have at most 4096 MB). The input is too large to process at once; split it into smaller pieces. The engine has stopped; reload the page (in Node, restart the process) to use it again.`),
          { cause: e, size: failed.size, memory: failed.memory },
        );
      }
      broken = `an internal error (${e.message})`;
      throw Object.assign(new Error(`jingwen: internal error (${e.message}). This is a bug; please report it with the input.`, { cause: e }), { code: 'internal' });
    }
  };
  // After a trap: what failed to be allocated, if anything did (older builds
  // of the wasm do not say).
  const outOfMemory = () => {
    try {
      const size = rawWasm.failedAllocation?.() ?? 0;
      return size > 0 ? { size, memory: rawWasm.memoryBytes() } : null;
    } catch {
      return null;
    }
  };
  const wasm = new Proxy(rawWasm, {
    get(target, key) {
      const v = target[key];
      // Functions (not classes) are guarded here; class methods below.
      if (typeof v === 'function' && !/^[A-Z]/.test(String(key))) return (...args) => guard(() => v(...args));
      return v;
    },
  });

  function missing(what) {
    // 'highlight': the tables for simplified/traditional folding in highlight().
    // (The converter-only entry has no highlighting: there 'highlight' is an unknown name.)
    if (what === 'highlight' && wasm.foldDictionaries) return wasm.foldDictionaries().filter((d) => !wasm.dictionaryLoaded(d));
    return wasm.missingDictionaries(String(what));
  }

  function ensureSync(what) {
    const names = missing(what);
    if (names.length === 0) return;
    if (!readSync) {
      const label = what === 'highlight' ? "'highlight'" : JSON.stringify(String(what));
      throw coded(
        'dictionary-not-loaded',
        `jingwen: dictionaries ${names.join(', ')} for ${label} are not loaded yet; ` +
          `call \`await load(${label})\` (or \`await init({ preload: [${label}] })\`) first`,
      );
    }
    for (const file of new Set(names.map((n) => fileOf(files, n)))) register(file, readSync(file));
  }

  /**
   * Makes the dictionaries of the given configurations (or 'highlight' for the
   * script-folding tables) available. Only missing files are fetched, each once.
   */
  async function load(...what) {
    const wanted = what.flat();
    const needed = new Set();
    for (const w of wanted) for (const n of missing(w)) needed.add(fileOf(files, n));
    // While the files download, ready the rest of each configuration's first
    // conversion (its wasm code compiled, its embedded table opened): time the
    // main thread would otherwise spend idle, then on the first conversion.
    if (needed.size && !readSync) {
      for (const w of wanted) if (w !== 'highlight') wasm.prepareConversion(String(w));
    }
    await Promise.all(
      [...needed].map((file) => {
        if (!pending.has(file)) {
          const p = (async () => register(file, readSync ? readSync(file) : await fetchBytes(file)))();
          pending.set(file, p);
          p.catch(() => pending.delete(file)); // a failed fetch can be retried
        }
        return pending.get(file);
      }),
    );
  }

  // A class's wasm object, or a clear Error once free() has been called (the glue
  // would say "null pointer passed to rust").
  const alive = (inner, cls) => {
    if (!inner) throw coded('freed', `jingwen: this ${cls} has been freed (free() was called); make a new one`);
    return inner;
  };

  const text = (value, fn) => {
    if (typeof value !== 'string') throw new TypeError(`jingwen.${fn}: text must be a string, got ${typeof value}`);
    return value;
  };

  // The wasm returns conversions as UTF-16 views of its memory: decoding
  // UTF-16 into a JS string is close to a copy, while decoding UTF-8 Chinese
  // costs Node ~4.6 ms and Chromium ~2.2 ms per MB (measured: 10 MB converted,
  // TextDecoder). A view is valid only until the next call into the wasm,
  // so it is decoded at once. An entry point may bring a faster decoder
  // (Node's Buffer: a third of TextDecoder's time there, which goes through
  // ICU). `ignoreBOM`: a text's leading U+FEFF is text to keep, not a
  // byte-order mark to strip.
  const utf16 = decodeUtf16 ? { decode: decodeUtf16 } : new TextDecoder('utf-16le', { ignoreBOM: true });

  // A conversion's text in and result out: through `bridge(units)` (strings.js,
  // in engines with the String Builtins; built by the first text of
  // BRIDGE_UNITS or more, then used for every text) the text's UTF-16 units
  // are copied into the wasm memory and `viaInput(units)` converts them
  // there; else `direct()` hands the string over (wasm-bindgen's
  // TextEncoder.encodeInto).
  // A bridge function that fails (an array as long as a huge text may be
  // refused) leaves the usual way to do it.
  function converted(input, direct, viaInput) {
    const b = bridge(input.length);
    let view = null;
    if (b) {
      try {
        b.encode(input, wasm.inputUnits(input.length));
        view = viaInput(input.length);
      } catch (e) {
        if (broken) throw e;
      }
    }
    view ??= direct();
    if (b) {
      try {
        return b.decode(view);
      } catch {
        // (TextDecoder below has no length limit but the engine's)
      }
    }
    return utf16.decode(view);
  }

  function convert(input, config) {
    text(input, 'convert');
    ensureSync(config);
    const name = String(config);
    return converted(
      input,
      () => wasm.convertUtf16(input, input.length, name),
      (units) => wasm.convertInput(units, name),
    );
  }

  // A lone surrogate reaches the engine as U+FFFD (strings cross as UTF-8): as
  // a phrase it would replace every U+FFFD of a text, or put one in. Refused,
  // as highlight() leaves such a keyword out.
  // (No lookbehind: a syntax error in an engine without it would be the whole module's.)
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  function unpairedSurrogates(dictionary) {
    const bad = (where) => {
      throw coded('invalid-user-dictionary', `jingwen: the user dictionary has a lone UTF-16 surrogate (half of a character) in ${where}`);
    };
    if (typeof dictionary === 'string') {
      // Lines only when the text has one at all (a 100,000-line list is split
      // for nothing otherwise). A comment line is not read.
      const line = LONE.test(dictionary) ? dictionary.split('\n').findIndex((l) => !l.trimStart().startsWith('#') && LONE.test(l)) : -1;
      if (line >= 0) bad(`line ${line + 1}`);
    } else if (dictionary && typeof dictionary === 'object') {
      for (const [k, v] of Object.entries(dictionary)) if (LONE.test(k) || (typeof v === 'string' && LONE.test(v))) bad(`the phrase ${JSON.stringify(k)}`);
    }
  }

  class Converter {
    #inner;
    /**
     * @param {string} config OpenCC configuration name (s2t, t2s, s2twp, …)
     * @param {{dictionary?: Record<string,string>|string, includeTofuRisk?: boolean}} [options]
     */
    constructor(config, options) {
      ensureSync(config);
      // A Map of phrases as well as an object (Object.entries of a Map is empty).
      const dictionary = options?.dictionary instanceof Map ? Object.fromEntries(options.dictionary) : options?.dictionary;
      const opts = options && dictionary !== options.dictionary ? { ...options, dictionary } : options;
      unpairedSurrogates(dictionary);
      this.#inner = guard(() => new wasm.Converter(String(config), opts ?? undefined));
    }
    convert(input) {
      return guard(() => {
        const inner = alive(this.#inner, 'Converter');
        const t = text(input, 'Converter.convert');
        return converted(
          t,
          () => inner.convertUtf16(t, t.length),
          (units) => inner.convertInput(units),
        );
      });
    }
    get config() {
      return alive(this.#inner, 'Converter').config;
    }
    /** Frees the wasm memory now (otherwise done when garbage-collected); later calls are a no-op. */
    free() {
      this.#inner?.free();
      this.#inner = null;
    }
  }

  const api = { load, convert, Converter, version: () => wasm.version(), configs: () => wasm.configNames() };

  if (wasm.highlight) {
    const needsFold = (options) => options && options.foldScript;
    api.highlight = (input, keywords, options) => {
      text(input, 'highlight');
      if (needsFold(options)) ensureSync('highlight');
      return wasm.highlight(input, keywords, options ?? undefined);
    };
    api.highlightHtml = (input, keywords, options) => {
      text(input, 'highlightHtml');
      if (needsFold(options)) ensureSync('highlight');
      return wasm.highlightHtml(input, keywords, options ?? undefined);
    };
    api.Highlighter = class Highlighter {
      #inner;
      constructor(keywords, options) {
        if (needsFold(options)) ensureSync('highlight');
        this.#inner = guard(() => new wasm.Highlighter(keywords, options ?? undefined));
      }
      find(input) {
        return guard(() => alive(this.#inner, 'Highlighter').find(text(input, 'Highlighter.find')));
      }
      /** Matches as a flat Uint32Array [start, end, keyword, …] (UTF-16 offsets): fastest for many matches. */
      findFlat(input) {
        return guard(() => alive(this.#inner, 'Highlighter').findFlat(text(input, 'Highlighter.findFlat')));
      }
      toHtml(input) {
        return guard(() => alive(this.#inner, 'Highlighter').toHtml(text(input, 'Highlighter.toHtml')));
      }
      get keywordCount() {
        return alive(this.#inner, 'Highlighter').keywordCount;
      }
      /** Frees the wasm memory now (otherwise done when garbage-collected); later calls are a no-op. */
      free() {
        this.#inner?.free();
        this.#inner = null;
      }
    };
  }

  if (wasm.clean) {
    api.clean = (input, options) => {
      if (typeof input !== 'string' && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
        throw new TypeError(`jingwen.clean: input must be a string, Uint8Array or ArrayBuffer, got ${typeof input}`);
      }
      const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
      return wasm.clean(bytes, options ?? undefined);
    };
    api.cleanRules = () => wasm.cleanRules();
  }

  return api;
}

/**
 * A response's body as bytes, read chunk by chunk. Chromium's `arrayBuffer()`
 * finishes a 500 KB body in main-thread tasks that queue behind the wasm's
 * instantiation; read this way the bytes reach the page sooner (fresh pages,
 * s2t, three runs of 41 interleaved with `arrayBuffer()`: init() 1.4–3.5 ms
 * shorter, first result 0.2–3.6 ms sooner, of ~50). A body that comes in one
 * chunk, as a local one usually does, is returned as it is, with no copy.
 */
export async function bodyBytes(res) {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The browser side of an entry point: an `init` that loads the wasm once and can
 * preload, and dictionaries fetched from `urls` (data/urls.js: one URL per file,
 * written out so that bundlers copy the files and rewrite the URLs), or from
 * `init({ base })`, the folder the page copied the package's files to.
 * `wasmPath`: the entry's wasm file, relative to that folder.
 */
export function browserEntry(initWasm, wasm, { urls, wasmPath }, { configs = {}, files = {} } = {}) {
  let base = null;
  const urlOf = (name) => (base ? new URL(`data/${name}`, base) : urls[name]?.() ?? null);
  async function download(name) {
    const url = urlOf(name);
    const failed = (why) => coded('dictionary-download-failed', `jingwen: could not fetch dictionary ${name}${url ? ` from ${url}` : ''}: ${why}`);
    if (!url) throw failed('no such data file');
    let res;
    try {
      res = await fetch(url);
    } catch (e) {
      throw failed(e.message);
    }
    if (!res.ok) throw failed(`HTTP ${res.status}`);
    // A dev server answering every unknown path with its index page: say so, not
    // "the file has the wrong size".
    if (/^text\/html/i.test(res.headers.get('content-type') ?? '')) {
      throw failed('the server sent an HTML page, not the file (is the package\'s data/ folder served? see init({ base }))');
    }
    return bodyBytes(res);
  }
  // Downloads started by init() before the wasm was ready, taken by the first load().
  const early = new Map();
  async function fetchBytes(name) {
    const started = early.get(name);
    if (started) {
      early.delete(name);
      return started;
    }
    return download(name);
  }
  // Text to and from the wasm memory through the JS String Builtins, if the
  // engine has them (strings.js). Assembled and compiled when a conversion
  // first has a text long enough to gain from it, not in init(): that takes
  // ~2 ms, which a page converting a sentence would wait for, for nothing.
  let memory = null;
  let strings; // undefined: not tried yet; null: the engine lacks the builtins
  const bridge = (units) => {
    if (strings === undefined && memory && units >= BRIDGE_UNITS) strings = stringBridge(memory);
    return strings ?? null;
  };
  const api = createApi(wasm, { fetchBytes, files, bridge, ready: () => memory !== null });
  let ready = null;
  async function init(given) {
    const options = initOptions(given);
    if (!ready && options.base != null) {
      base = new URL(String(options.base), globalThis.location?.href);
      if (!base.pathname.endsWith('/')) base.pathname += '/';
    }
    const where = options.module ?? (base ? new URL(wasmPath, base) : undefined);
    ready ??= initWasm(where === undefined ? undefined : { module_or_path: where }).then(
      (exports) => {
        memory = exports.memory;
        return exports;
      },
      (e) => {
        ready = null; // a failed load can be retried
        const from = where instanceof URL || typeof where === 'string' ? ` from ${where}` : '';
        throw Object.assign(coded('wasm-load-failed', `jingwen: could not load the wasm module${from}: ${e.message}`), { cause: e });
      },
    );
    // A name or a list of them.
    const preload = [options.preload ?? []].flat();
    // Which files a configuration needs is known without the wasm (data/configs.js,
    // generated at build time), so its dictionaries download while the wasm compiles.
    for (const what of preload) {
      const key = String(what).toLowerCase().replace(/\.json$/, '');
      for (const name of Object.hasOwn(configs, key) ? configs[key] : []) {
        const file = fileOf(files, name);
        if (early.has(file)) continue;
        const p = download(file);
        p.catch(() => {}); // reported by the load() that takes it, not as unhandled
        early.set(file, p);
      }
    }
    try {
      await ready;
      if (preload.length) await api.load(...preload);
    } finally {
      early.clear(); // anything load() did not need (already registered), or all after a failure
    }
  }
  return { init, api };
}
