//! UTF-16 code units as the browser writes them into wasm memory (any
//! units: lone surrogates included) → `utf16::push_utf8`, which skips
//! re-validating the UTF-8 it writes: it must equal `String::from_utf16_lossy`
//! (its debug assertion checks the UTF-8 itself, and fuzz builds keep it).
#![no_main]

use jingwen::utf16::push_utf8;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    // Appended after text already there, as the binding reuses its buffer.
    let mut out = String::from("前");
    push_utf8(&units, &mut out);
    assert_eq!(out, format!("前{}", String::from_utf16_lossy(&units)));
});
