// Module Web Worker: all WebAssembly work (cleaning, conversion, keyword
// matching, decoding originals, building zips) runs here, off the page's
// main thread, so the tab never freezes.
//
// Protocol (page → worker):  { id, type, payload }
//   init      { module? }                      → { version, configs, rules }
//   clean     { bytes, options }               → clean() result
//   convert   { text, config, dictionary?, dictionaryVersion? } → { text }
//             dictionary: the user's phrases { phrase: replacement } (userdict.js),
//             dictionaryVersion: which version of them (the page counts its changes)
//   highlight { text, keywords, options }      → { flat, matches, counts, skipped }
//             flat: Uint32Array [paragraph, start, end, keyword, match, …]:
//             the pieces of each match, one per paragraph it touches (see
//             text.js), offsets relative to the paragraph; `match` numbers
//             the matches 0 … matches − 1 in text order
//   decode    { bytes, encoding }              → { text }
//   zip       { files: [{ name, text, config? }], dictionary?, dictionaryVersion? } → { blob }
//             a file with a `config` is converted first (with the user's phrases, if any)
// Worker → page: { id, progress: stage } while working, then
//   { id, ok: true, result } or { id, ok: false, error: { name, message }, fatal }
// `fatal` means the wasm instance trapped: its memory can no longer be
// trusted, so the pool replaces this worker.
import init, { clean, cleanRules, configs, convert, Converter, Highlighter, load, version } from './pkg/index.js';
import { paragraphBounds } from './text.js';
import { zipBlob } from './zip.js';

// Jobs that arrive before `init` wait for it.
let startEngine;
const ready = new Promise((resolve) => (startEngine = resolve));
let started = false;
let cached = { key: '', highlighter: null };
// Converters with the user's phrases, one per configuration, kept while the
// phrases stay the same (building one compiles their trie; a zip may hold
// documents of several configurations).
let userConverters = { version: null, byConfig: new Map() };
function dropUserConverters(version = null) {
  for (const c of userConverters.byConfig.values()) c.free();
  userConverters = { version, byConfig: new Map() };
}

/**
 * `text` converted with `config` (its dictionaries loaded), and with the user's
 * phrases when there are any (`dictionary`, named by `version`).
 */
function convertText(text, config, dictionary, version) {
  if (!dictionary) {
    // The phrases were emptied: their converters (tries of them) are not needed now.
    if (userConverters.byConfig.size) dropUserConverters();
    return convert(text, config);
  }
  if (userConverters.version !== version) dropUserConverters(version);
  let converter = userConverters.byConfig.get(config);
  if (!converter) {
    converter = new Converter(config, { dictionary });
    userConverters.byConfig.set(config, converter);
  }
  return converter.convert(text);
}

function progress(id, stage) {
  self.postMessage({ id, progress: stage });
}

const handlers = {
  async init(_id, { module }) {
    if (!started) {
      started = true;
      startEngine(init(module ? { module } : {}));
    }
    await ready;
    return { version: version(), configs: configs(), rules: cleanRules() };
  },

  clean(id, { bytes, options }) {
    progress(id, 'cleaning');
    return clean(bytes, options);
  },

  async convert(id, { text, config, dictionary, dictionaryVersion }) {
    progress(id, 'loading');
    await load(config);
    progress(id, 'converting');
    return { text: convertText(text, config, dictionary, dictionaryVersion) };
  },

  async highlight(id, { text, keywords, options }) {
    if (options.foldScript) {
      progress(id, 'loading');
      await load('highlight');
    }
    progress(id, 'matching');
    const key = JSON.stringify([keywords, options]);
    if (cached.key !== key) {
      cached.highlighter?.free();
      cached = { key: '', highlighter: null };
      cached = { key, highlighter: new Highlighter(keywords, options) };
    }
    const h = cached.highlighter;
    // The whole text in one pass, so that a match may run across a line break
    // (ignoreWhitespace: 疫情\n防控 is 疫情防控) or across the cut of a very long
    // line; each match is then split into the pieces the page paints, one per
    // paragraph it touches.
    const m = h.findFlat(text);
    const bounds = paragraphBounds(text);
    const paragraphs = bounds.length / 2;
    const counts = new Array(keywords.length).fill(0);
    // Calls piece(match number, its index in m, paragraph, from, to) for each
    // piece of each match, in text order. Run twice: to count the pieces, so
    // that a text with millions of matches allocates its result once, then to
    // write them.
    const eachPiece = (piece) => {
      let p = 0;
      for (let i = 0, match = 0; i < m.length; i += 3, match++) {
        const start = m[i];
        const end = m[i + 1];
        while (p < paragraphs && bounds[2 * p + 1] <= start) p++;
        for (let q = p; q < paragraphs && bounds[2 * q] < end; q++) {
          const from = Math.max(start, bounds[2 * q]);
          const to = Math.min(end, bounds[2 * q + 1]);
          if (from < to) piece(match, i, q, from, to);
        }
      }
    };
    let pieces = 0;
    eachPiece(() => pieces++);
    const flat = new Uint32Array(pieces * 5);
    let n = 0;
    eachPiece((match, i, q, from, to) => {
      flat[n++] = q;
      flat[n++] = from - bounds[2 * q];
      flat[n++] = to - bounds[2 * q];
      flat[n++] = m[i + 2];
      flat[n++] = match;
    });
    for (let i = 2; i < m.length; i += 3) counts[m[i]]++;
    const skipped = keywords.filter((k) => !k.trim()).length;
    return { result: { flat, matches: m.length / 3, counts, skipped, paragraphs }, transfer: [flat.buffer] };
  },

  decode(_id, { bytes, encoding }) {
    let label = encoding || 'utf-8';
    let decoder;
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    return { text: decoder.decode(bytes) };
  },

  async zip(_id, { files, dictionary, dictionaryVersion }) {
    const entries = [];
    for (const { name, text, config } of files) {
      if (config) await load(config);
      entries.push({ name, text: config ? convertText(text, config, dictionary, dictionaryVersion) : text });
    }
    return { blob: zipBlob(entries) };
  },
};

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  try {
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown job type ${type}`);
    if (type !== 'init') await ready;
    let out = await handler(id, payload || {});
    let transfer = [];
    if (out && out.transfer && 'result' in out) {
      transfer = out.transfer;
      out = out.result;
    }
    self.postMessage({ id, ok: true, result: out }, transfer);
  } catch (err) {
    // A trap: the RuntimeError itself, or (through the package's guard, which
    // turns it into a readable Error) its cause.
    const fatal = err instanceof WebAssembly.RuntimeError || err?.cause instanceof WebAssembly.RuntimeError;
    self.postMessage({
      id,
      ok: false,
      fatal,
      // code, kind, size, limit: what the engine says of its errors besides the
      // English message (the page words the ones it knows in its own language).
      error: { name: err?.name || 'Error', message: err?.message || String(err), code: err?.code, kind: err?.kind, size: err?.size, limit: err?.limit },
    });
  }
};
