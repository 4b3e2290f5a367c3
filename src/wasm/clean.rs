//! Cleaning, for JavaScript.

use super::{js_err, options, to_js};
use crate::clean::{self, CleanOptions, Format, Input, Rule};
use crate::error::Error;
use crate::offsets::utf16_offsets;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Opts {
    rules: BTreeMap<String, bool>,
    encoding: Option<String>,
    format: Option<String>,
    max_bytes: Option<f64>,
}

#[derive(Serialize)]
struct Span<'a> {
    rule: Rule,
    reason: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Edit<'a> {
    rule: Rule,
    reason: Shared<'a>,
    before: Shared<'a>,
    after: Shared<'a>,
    start: usize,
    end: usize,
}

/// A string many changes repeat: a restored mark's reason, the marks themselves.
/// serde-wasm-bindgen makes the JS string of a unit variant's name once per page
/// (it caches them by address), so these go through that: a 10 MB folded text's
/// 190,000 per-mark changes then share three JS strings instead of holding
/// 570,000.
struct Shared<'a>(&'a str);

const SHARED: &[&str] = &[
    clean::PUNCTUATION_REASON,
    ",",
    "，",
    ", ",
    ":",
    "：",
    ": ",
    ";",
    "；",
    "; ",
    "?",
    "？",
    "!",
    "！",
    "(",
    "（",
    ")",
    "）",
];

impl Serialize for Shared<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match SHARED.iter().find(|c| **c == self.0) {
            Some(c) => s.serialize_unit_variant("", 0, c),
            None => s.serialize_str(self.0),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Out<'a> {
    text: &'a str,
    title: Option<&'a str>,
    metadata: &'a clean::Metadata,
    encoding: Option<&'a clean::EncodingInfo>,
    format: Format,
    source: &'a str,
    removed: Vec<Span<'a>>,
    changed: Vec<Edit<'a>>,
    markup_dropped: usize,
}

/// Cleans a document: `input` is a string or a Uint8Array (any common encoding).
#[wasm_bindgen]
pub fn clean(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let o: Opts = options(opts, "clean", &["rules", "encoding", "format", "maxBytes"])?;
    let mut co = CleanOptions::default();
    for (id, on) in &o.rules {
        co.rules.set(id.parse::<Rule>().map_err(js_err)?, *on);
    }
    co.encoding = o.encoding;
    if let Some(f) = o.format {
        co.format = f.parse::<Format>().map_err(js_err)?;
    }
    if let Some(m) = o.max_bytes {
        // A negative or NaN limit had read as 0: every input "too large".
        if m.is_nan() || m < 0.0 {
            return Err(js_err(Error::InvalidOption {
                option: "clean.maxBytes".into(),
                value: m.to_string(),
                valid: "a number of bytes, 0 or more".into(),
            }));
        }
        co.max_bytes = m as usize;
    }
    let result = if let Some(s) = input.as_string() {
        clean::clean(Input::Text(&s), &co)
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        let bytes = js_sys::Uint8Array::from(input).to_vec();
        clean::clean(Input::Bytes(&bytes), &co)
    } else {
        return Err(js_err(Error::InvalidOption {
            option: "input".into(),
            value: "(not text)".into(),
            valid: "a string or a Uint8Array".into(),
        }));
    }
    .map_err(js_err)?;
    // Positions cross into JS as UTF-16 offsets into `source`.
    let mut at: Vec<usize> = Vec::with_capacity((result.removed.len() + result.changed.len()) * 2);
    for r in &result.removed {
        at.extend([r.start, r.end]);
    }
    for c in &result.changed {
        at.extend([c.start, c.end]);
    }
    let units = utf16_offsets(&result.source, &at);
    let n = result.removed.len();
    let out = Out {
        text: &result.text,
        title: result.title.as_deref(),
        metadata: &result.metadata,
        encoding: result.encoding.as_ref(),
        format: result.format,
        source: &result.source,
        removed: result
            .removed
            .iter()
            .enumerate()
            .map(|(i, r)| Span {
                rule: r.rule,
                reason: &r.reason,
                text: &r.text,
                start: units[2 * i],
                end: units[2 * i + 1],
            })
            .collect(),
        changed: result
            .changed
            .iter()
            .enumerate()
            .map(|(i, c)| Edit {
                rule: c.rule,
                reason: Shared(&c.reason),
                before: Shared(&c.before),
                after: Shared(&c.after),
                start: units[2 * (n + i)],
                end: units[2 * (n + i) + 1],
            })
            .collect(),
        markup_dropped: result.markup_dropped,
    };
    to_js(&out)
}

#[derive(Serialize)]
struct RuleInfo {
    id: &'static str,
    description: &'static str,
}

/// Every cleaning rule: `[{ id, description }]`.
#[wasm_bindgen(js_name = cleanRules)]
pub fn clean_rules() -> Result<JsValue, JsValue> {
    to_js(
        &Rule::ALL
            .iter()
            .map(|r| RuleInfo {
                id: r.id(),
                description: r.description(),
            })
            .collect::<Vec<_>>(),
    )
}
