//! A wasm-bindgen wrapper around zhconv for the benchmark (a peer, not part of jingwen).
use wasm_bindgen::prelude::*;
use zhconv::{zhconv, Variant};

/// Converts `text` to `target` ("zh-Hant", "zh-Hans", "zh-TW", "zh-HK").
#[wasm_bindgen]
pub fn convert(text: &str, target: &str) -> String {
    let v: Variant = target.parse().unwrap_or(Variant::ZhHant);
    zhconv(text, v)
}
