// Turning the wasm's UTF-16 output into a JS string, through the engine's
// JS String Builtins where it has them.
//
// A conversion's result is UTF-16 in the wasm memory. TextDecoder('utf-16le')
// makes a string of it at ~3 ns per character in Chromium: a tenth of a whole
// s2t conversion (measured, 1 MB of Chinese: 1.06 ms of ~10). A wasm function
// that copies the units into a GC array and hands it to the builtin
// `fromCharCodeArray` does the same in 0.30 ms. No toolchain here emits wasm
// GC code (Rust targets linear memory only), so the module is assembled below,
// byte by byte: it is 164 bytes.
//
// Where the builtins are missing (older engines, Node 20), compiling or
// instantiating fails and the caller keeps TextDecoder; the result is the same
// text either way (the wasm's output is made from UTF-8, so it never holds a
// lone surrogate, the only thing the two would treat differently).

/** LEB128 of a non-negative integer (unsigned) / a small integer (signed). */
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
/** The longest output whose array is kept for the next call (2 MB); longer ones get one each time. */
const KEEP_UNITS = 1 << 20;
const ARRAY_REF = [0x63, 0x00]; // (ref null $units): type 0 below
const EXTERN_REF = [0x64, 0x6f]; // (ref extern)

/**
 * The module's bytes:
 *   (type $units (array (mut i16)))
 *   (import "wasm:js-string" "fromCharCodeArray" (func $from (param (ref null $units) i32 i32) (result (ref extern))))
 *   (import "env" "memory" (memory 0))
 *   (global $kept (mut (ref null $units)) (ref.null $units))
 *   (func (export "decode") (param $ptr i32) (param $len i32) (result (ref extern))
 *     (local $a (ref null $units)) (local $i i32)
 *     ;; An array per call would be a large allocation per conversion (1 MB
 *     ;; of text: +0.4 ms in Chromium); the last one is kept instead.
 *     (local.set $a (global.get $kept))
 *     (block $ok
 *       (if (i32.eqz (ref.is_null (local.get $a)))
 *         (then (br_if $ok (i32.ge_u (array.len (local.get $a)) (local.get $len)))))
 *       (local.set $a (array.new_default $units (local.get $len)))
 *       (if (i32.le_u (local.get $len) (i32.const KEEP_UNITS)) (then (global.set $kept (local.get $a)))))
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $i) (local.get $len)))
 *       (array.set $units (local.get $a) (local.get $i)
 *         (i32.load16_u align=1 (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 1)))))
 *       (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *       (br 0)))
 *     (call $from (local.get $a) (i32.const 0) (local.get $len)))
 */
function decoderModule() {
  const get = (i) => [0x20, i];
  const set = (i) => [0x21, i];
  const types = [
    [0x5e, 0x77, 0x01], // array of mutable i16
    [0x60, ...vec([ARRAY_REF, [I32], [I32]]), ...vec([EXTERN_REF])], // fromCharCodeArray
    [0x60, ...vec([[I32], [I32]]), ...vec([EXTERN_REF])], // decode
  ];
  const imports = [
    [...name('wasm:js-string'), ...name('fromCharCodeArray'), 0x00, 1],
    [...name('env'), ...name('memory'), 0x02, 0x00, 0x00],
  ];
  const decode = [
    ...vec([[1, ...ARRAY_REF], [1, I32]]), // locals 2 ($a), 3 ($i)
    0x23, 0x00, ...set(2), // $a = $kept
    0x02, 0x40, // block $ok
    ...get(2), 0xd1, 0x45, 0x04, 0x40, // if $a is not null
    ...get(2), 0xfb, 0x0f, ...get(1), 0x4f, 0x0d, 0x01, // br_if $ok (array.len $a >= $len)
    0x0b,
    ...get(1), 0xfb, 0x07, 0x00, ...set(2), // $a = array.new_default $len
    ...get(1), 0x41, ...sleb(KEEP_UNITS), 0x4d, 0x04, 0x40, ...get(2), 0x24, 0x00, 0x0b, // kept if not too long
    0x0b,
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...get(3), ...get(1), 0x4f, 0x0d, 0x01, // i32.ge_u, br_if 1
    ...get(2), ...get(3),
    ...get(0), ...get(3), 0x41, 0x01, 0x74, 0x6a, 0x2f, 0x01, 0x00, // ptr + (i << 1), i32.load16_u
    0xfb, 0x0e, 0x00, // array.set
    ...get(3), 0x41, 0x01, 0x6a, ...set(3), // i += 1
    0x0c, 0x00, 0x0b, 0x0b, // br 0, end, end
    ...get(2), 0x41, 0x00, ...get(1), 0x10, 0x00, // call $from
    0x0b,
  ];
  const globals = [[...ARRAY_REF, 0x01, 0xd0, 0x00, 0x0b]]; // (mut (ref null $units)) = ref.null
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec([[2]])),
    ...section(6, vec(globals)),
    ...section(7, vec([[...name('decode'), 0x00, 1]])), // function 1 (0 is the import)
    ...section(10, vec([[...uleb(decode.length), ...decode]])),
  ]);
}

/**
 * A function turning a Uint16Array view of `memory` into a string, or null
 * where the engine has no JS String Builtins (or no wasm GC).
 */
export function fastUtf16Decoder(memory) {
  let decode;
  try {
    const module = new WebAssembly.Module(decoderModule(), { builtins: ['js-string'] });
    // An engine that ignores `builtins` fails here: the import is missing.
    decode = new WebAssembly.Instance(module, { env: { memory } }).exports.decode;
  } catch {
    return null;
  }
  return (units) => decode(units.byteOffset, units.length);
}

export const _decoderModuleForTests = decoderModule;
