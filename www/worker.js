// Module Web Worker: all WebAssembly work (cleaning, conversion, keyword
// matching, decoding originals, building zips) runs here, off the page's
// main thread, so the tab never freezes.
//
// Protocol (page → worker):  { id, type, payload }
//   init      { module? }                      → { version, configs, rules }
//   clean     { bytes, options }               → clean() result
//   convert   { text, config }                 → { text }
//   highlight { text, keywords, options }      → { flat, counts, skipped }
//             flat: Uint32Array [paragraph, start, end, keyword, …], offsets
//             relative to the paragraph (see text.js), matched per paragraph
//   decode    { bytes, encoding }              → { text }
//   zip       { files: [{ name, text }] }      → { blob }
// Worker → page: { id, progress: stage } while working, then
//   { id, ok: true, result } or { id, ok: false, error: { name, message }, fatal }
// `fatal` means the wasm instance trapped: its memory can no longer be
// trusted, so the pool replaces this worker.
import init, { clean, cleanRules, configs, convert, Highlighter, load, version } from './pkg/index.js';
import { paragraphBounds } from './text.js';
import { zipBlob } from './zip.js';

// Jobs that arrive before `init` wait for it.
let startEngine;
const ready = new Promise((resolve) => (startEngine = resolve));
let started = false;
let cached = { key: '', highlighter: null };

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

  async convert(id, { text, config }) {
    progress(id, 'loading');
    await load(config);
    progress(id, 'converting');
    return { text: convert(text, config) };
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
    const bounds = paragraphBounds(text);
    const counts = new Array(keywords.length).fill(0);
    let flat = new Uint32Array(4096);
    let n = 0;
    for (let p = 0; p < bounds.length / 2; p++) {
      const s = bounds[2 * p];
      const e = bounds[2 * p + 1];
      if (s === e) continue;
      const m = h.findFlat(text.slice(s, e));
      if (m.length === 0) continue;
      if (n + (m.length / 3) * 4 > flat.length) {
        const bigger = new Uint32Array(Math.max(flat.length * 2, n + (m.length / 3) * 4));
        bigger.set(flat);
        flat = bigger;
      }
      for (let i = 0; i < m.length; i += 3) {
        flat[n++] = p;
        flat[n++] = m[i];
        flat[n++] = m[i + 1];
        flat[n++] = m[i + 2];
        counts[m[i + 2]]++;
      }
    }
    flat = flat.slice(0, n);
    const skipped = keywords.filter((k) => !k.trim()).length;
    return { result: { flat, counts, skipped, paragraphs: bounds.length / 2 }, transfer: [flat.buffer] };
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

  zip(_id, { files }) {
    return { blob: zipBlob(files) };
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
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({
      id,
      ok: false,
      fatal,
      error: { name: err?.name || 'Error', message: err?.message || String(err) },
    });
  }
};
