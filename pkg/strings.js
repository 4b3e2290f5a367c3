// Moving text between JS strings and the wasm memory through the engine's
// JS String Builtins, where it has them.
//
// Text crosses into the wasm and back on every conversion, and in Chromium the
// usual ways cost a fifth of an s2t conversion (1 MB of Chinese: ~10 ms in
// all): TextEncoder.encodeInto writes a string's UTF-8 in ~1.25 ms, and
// TextDecoder('utf-16le') makes a string of the UTF-16 result in ~0.7 ms.
// With the builtins, a wasm function copies a string's code units into a GC
// array and on into the wasm memory (the Rust side makes the UTF-8: see
// src/utf16.rs), or the result's units into a GC array that the builtin
// `fromCharCodeArray` turns into a string, in a fraction of that. No
// toolchain here emits wasm GC code (Rust targets linear memory only), so the
// module is assembled below, byte by byte.
//
// Where the builtins are missing (older engines, Node 20), compiling or
// instantiating fails and the caller keeps TextEncoder and TextDecoder; the
// text is the same either way (lone surrogates become U+FFFD going in, as
// encodeInto makes them, and the result never holds one).

/** LEB128 of a non-negative integer (unsigned) / of an integer (signed). */
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n) => {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const name = (s) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];

const I32 = 0x7f;
const EXTERN = 0x6f;
const ARRAY_REF = [0x63, 0x00]; // (ref null $units): type 0 below
const EXTERN_REF = [0x64, 0x6f]; // (ref extern)
/**
 * An array per call would be a large allocation per conversion (1 MB of
 * text: +0.4 ms in Chromium; 10 MB: +3.6 ms, s2twp), so each function keeps
 * its last one, up to this many units (8 MB each: enough for 10 MB of
 * Chinese); longer texts get one each time, and the page keeps no more.
 */
const KEEP_UNITS = 1 << 22;

const get = (i) => [0x20, i];
const set = (i) => [0x21, i];

// Locals of both functions: $ptr 0 and $len 1 (parameters), then (after
// encode's $s) $a, the array, and $i, the loop's index.

/**
 * Code setting $a to an array of at least $len units: the kept one (global
 * `kept`) if long enough, else a new one, kept if not too long.
 *   (local.set $a (global.get $kept))
 *   (block $ok
 *     (if (i32.eqz (ref.is_null (local.get $a)))
 *       (then (br_if $ok (i32.ge_u (array.len (local.get $a)) (local.get $len)))))
 *     (local.set $a (array.new_default $units (local.get $len)))
 *     (if (i32.le_u (local.get $len) (i32.const KEEP_UNITS)) (then (global.set $kept (local.get $a)))))
 */
const arrayOfLen = (kept, a) => [
  0x23, kept, ...set(a),
  0x02, 0x40,
  ...get(a), 0xd1, 0x45, 0x04, 0x40,
  ...get(a), 0xfb, 0x0f, ...get(1), 0x4f, 0x0d, 0x01,
  0x0b,
  ...get(1), 0xfb, 0x07, 0x00, ...set(a),
  ...get(1), 0x41, ...sleb(KEEP_UNITS), 0x4d, 0x04, 0x40, ...get(a), 0x24, kept, 0x0b,
  0x0b,
];

/**
 * A loop over $i from 0 to $len, its body `body`:
 *   (block (loop (br_if 1 (i32.ge_u (local.get $i) (local.get $len)))
 *     body (local.set $i (i32.add (local.get $i) (i32.const 1))) (br 0)))
 */
const forEachUnit = (i, body) => [
  0x02, 0x40, 0x03, 0x40,
  ...get(i), ...get(1), 0x4f, 0x0d, 0x01,
  ...body,
  ...get(i), 0x41, 0x01, 0x6a, ...set(i),
  0x0c, 0x00, 0x0b, 0x0b,
];

/** (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 1))): the address of unit $i. */
const unitAddress = (i) => [...get(0), ...get(i), 0x41, 0x01, 0x74, 0x6a];

/**
 * Copies array $a's units to $ptr four at a time (one 8-byte store) while
 * four are left, advancing $i (the rest is left to a loop of one at a time):
 *   (block $done (loop $quad
 *     (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $len)))
 *     (i64.store align=1 unitAddress
 *       (i64.or (i64.extend_i32_u (i32.or unit(0) (i32.shl unit(1) (i32.const 16))))
 *               (i64.shl (i64.extend_i32_u (i32.or unit(2) (i32.shl unit(3) (i32.const 16)))) (i64.const 32))))
 *     (local.set $i (i32.add (local.get $i) (i32.const 4)))
 *     (br $quad)))
 * where unit(k) is (array.get_u $units (local.get $a) (i32.add (local.get $i) (i32.const k))).
 */
const fourUnitsAtATime = (a, i) => {
  const unit = (k) => [...get(a), ...get(i), ...(k ? [0x41, k, 0x6a] : []), 0xfb, 0x0d, 0x00];
  const pair = (k) => [...unit(k), ...unit(k + 1), 0x41, 0x10, 0x74, 0x72, 0xad];
  return [
    0x02, 0x40, 0x03, 0x40,
    ...get(i), 0x41, 0x04, 0x6a, ...get(1), 0x4b, 0x0d, 0x01,
    ...unitAddress(i),
    ...pair(0), ...pair(2), 0x42, 0x20, 0x86, 0x84,
    0x37, 0x00, 0x00,
    ...get(i), 0x41, 0x04, 0x6a, ...set(i),
    0x0c, 0x00, 0x0b, 0x0b,
  ];
};

/**
 * The module's bytes:
 *   (type $units (array (mut i16)))
 *   (import "wasm:js-string" "fromCharCodeArray" (func $from (param (ref null $units) i32 i32) (result (ref extern))))
 *   (import "wasm:js-string" "intoCharCodeArray" (func $into (param externref (ref null $units) i32) (result i32)))
 *   (import "env" "memory" (memory 0))
 *   (global $keptOut (mut (ref null $units)) (ref.null $units))
 *   (global $keptIn (mut (ref null $units)) (ref.null $units))
 *   ;; The string of the $len units at $ptr.
 *   (func (export "decode") (param $ptr i32) (param $len i32) (result (ref extern))
 *     (local $a (ref null $units)) (local $i i32)
 *     arrayOfLen($keptOut)
 *     forEachUnit((array.set $units (local.get $a) (local.get $i) (i32.load16_u align=1 unitAddress)))
 *     (call $from (local.get $a) (i32.const 0) (local.get $len)))
 *   ;; Writes the $len units of string $s at $ptr.
 *   (func (export "encode") (param $ptr i32) (param $len i32) (param $s externref)
 *     (local $a (ref null $units)) (local $i i32)
 *     arrayOfLen($keptIn)
 *     (drop (call $into (local.get $s) (local.get $a) (i32.const 0)))
 *     fourUnitsAtATime
 *     forEachUnit((i32.store16 align=1 unitAddress (array.get_u $units (local.get $a) (local.get $i)))))
 */
function bridgeModule() {
  const types = [
    [0x5e, 0x77, 0x01], // 0: array of mutable i16
    [0x60, ...vec([ARRAY_REF, [I32], [I32]]), ...vec([EXTERN_REF])], // 1: fromCharCodeArray
    [0x60, ...vec([[EXTERN], ARRAY_REF, [I32]]), ...vec([[I32]])], // 2: intoCharCodeArray
    [0x60, ...vec([[I32], [I32]]), ...vec([EXTERN_REF])], // 3: decode
    [0x60, ...vec([[I32], [I32], [EXTERN]]), ...vec([])], // 4: encode
  ];
  const imports = [
    [...name('wasm:js-string'), ...name('fromCharCodeArray'), 0x00, 1], // function 0
    [...name('wasm:js-string'), ...name('intoCharCodeArray'), 0x00, 2], // function 1
    [...name('env'), ...name('memory'), 0x02, 0x00, 0x00],
  ];
  const nullArray = [...ARRAY_REF, 0x01, 0xd0, 0x00, 0x0b]; // (mut (ref null $units)) = ref.null
  const locals = vec([[1, ...ARRAY_REF], [1, I32]]); // $a, $i
  const decode = [ // $a 2, $i 3
    ...locals,
    ...arrayOfLen(0, 2),
    ...forEachUnit(3, [...get(2), ...get(3), ...unitAddress(3), 0x2f, 0x00, 0x00, 0xfb, 0x0e, 0x00]),
    ...get(2), 0x41, 0x00, ...get(1), 0x10, 0x00, // call $from
    0x0b,
  ];
  const encode = [ // $s 2, $a 3, $i 4
    ...locals,
    ...arrayOfLen(1, 3),
    ...get(2), ...get(3), 0x41, 0x00, 0x10, 0x01, 0x1a, // call $into, drop
    ...fourUnitsAtATime(3, 4),
    ...forEachUnit(4, [...unitAddress(4), ...get(3), ...get(4), 0xfb, 0x0d, 0x00, 0x3b, 0x00, 0x00]),
    0x0b,
  ];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec([[3], [4]])),
    ...section(6, vec([nullArray, nullArray])),
    ...section(7, vec([[...name('decode'), 0x00, 2], [...name('encode'), 0x00, 3]])),
    ...section(10, vec([decode, encode].map((body) => [...uleb(body.length), ...body]))),
  ]);
}

/**
 * Functions moving text through `memory`, or null where the engine has no
 * JS String Builtins (or no wasm GC):
 *   decode(units): the string of a Uint16Array view of `memory`;
 *   encode(text, ptr): writes the text's UTF-16 code units at byte address `ptr`.
 */
export function stringBridge(memory) {
  let exports;
  try {
    const module = new WebAssembly.Module(bridgeModule(), { builtins: ['js-string'] });
    // An engine that ignores `builtins` fails here: the imports are missing.
    exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  } catch {
    return null;
  }
  const { decode, encode } = exports;
  return {
    decode: (units) => decode(units.byteOffset, units.length),
    encode: (text, ptr) => encode(ptr, text.length, text),
  };
}
