// Child process of bench/startup.mjs and bench/memory.mjs (not a benchmark by itself).
//
//   node bench/startup_child.mjs first PEER CONFIG
//     Time to first conversion in this fresh process: from the start of this
//     script to the first result of converting a short string, i.e. module load
//     + wasm compile/instantiate + dictionary loading/automaton building + one
//     convert. Prints JSON { first_ms, since_process_start_ms }.
//   node bench/startup_child.mjs memory PEER CONFIG FILE
//     Converts FILE (the 10 MB input) once in this fresh process; prints JSON
//     { max_rss_kb, rss_after_kb, wasm_memory_bytes, heap_used_bytes }.
//     PEER 'baseline' only reads the file (what Node + the input cost alone).
// PEER: jingwen | opencc-js | zhconv. No static imports of libraries here, so
// the timer starts before any of them is loaded.
const t0 = performance.now();
const [mode, peer, config, file] = process.argv.slice(2);

const ZH = { s2t: 'zh-Hant', t2s: 'zh-Hans', s2twp: 'zh-TW' };
const OC = { s2t: { from: 'cn', to: 't' }, t2s: { from: 't', to: 'cn' }, s2twp: { from: 'cn', to: 'twp' } };
const BUNDLE = { s2t: 'cn2t', t2s: 't2cn', s2twp: 'cn2t' };
const SAMPLE = config === 't2s' ? '漢字轉換測試：頭髮和發展，著名的軟體。' : '汉字转换测试：头发和发展，著名的软件。';

let wasmMemory = null; // () => bytes of the peer's wasm memory

/** Loads the peer the way a Node user would; returns convert(text). */
async function load() {
  if (peer === 'jingwen') {
    // jingwen/convert, as a Node user who converts imports it (pkg/node-convert.js:
    // the lean wasm), as opencc-js is loaded through its per-locale bundle.
    if (mode === 'memory') {
      // The entry is one bundled module, its wasm instance out of reach: note the
      // memory of the instance it makes (the glue's initSync calls new Instance).
      const Instance = WebAssembly.Instance;
      let memory = null;
      WebAssembly.Instance = function (module, imports) {
        const instance = new Instance(module, imports);
        memory ??= instance.exports.memory;
        return instance;
      };
      wasmMemory = () => {
        if (!memory) throw new Error('jingwen made no WebAssembly.Instance (did its glue change how it instantiates?)');
        return memory.buffer.byteLength;
      };
    }
    const m = await import('../pkg/node-convert.js');
    const c = new m.Converter(config);
    return (t) => c.convert(t);
  }
  if (peer === 'opencc-js') {
    const m = await import(`opencc-js/${BUNDLE[config]}`);
    const c = m.Converter(OC[config]);
    return (t) => c(t);
  }
  if (peer === 'zhconv') {
    if (mode === 'memory') {
      // The web build exposes its memory; the bytes are the same module.
      const { readFileSync } = await import('node:fs');
      const w = await import('./.work/zhconv-web/zhconv_wasm.js');
      const exports = w.initSync({ module: readFileSync(new URL('./.work/zhconv-web/zhconv_wasm_bg.wasm', import.meta.url)) });
      wasmMemory = () => exports.memory.buffer.byteLength;
      return (t) => w.convert(t, ZH[config]);
    }
    const { createRequire } = await import('node:module');
    const z = createRequire(import.meta.url)('./.work/zhconv-node/zhconv_wasm.js');
    return (t) => z.convert(t, ZH[config]);
  }
  if (peer === 'baseline') return (t) => t;
  throw new Error(`unknown peer ${peer}`);
}

if (mode === 'first') {
  const convert = await load();
  const out = convert(SAMPLE);
  const t1 = performance.now();
  if (!out || out === SAMPLE) throw new Error(`${peer} ${config}: no conversion (${out})`);
  console.log(JSON.stringify({ first_ms: t1 - t0, since_process_start_ms: t1 }));
} else if (mode === 'memory') {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'utf8');
  const convert = await load();
  let out = convert(text);
  const rss = process.memoryUsage();
  console.log(
    JSON.stringify({
      max_rss_kb: process.resourceUsage().maxRSS,
      rss_after_kb: Math.round(rss.rss / 1024),
      heap_used_bytes: rss.heapUsed,
      wasm_memory_bytes: wasmMemory ? wasmMemory() : null,
      out_length: out.length,
    }),
  );
  out = null;
} else {
  throw new Error('usage: startup_child.mjs first|memory PEER CONFIG [FILE]');
}
