//! Highlighting, for JavaScript.

use super::{js_err, options, to_js};
use crate::error::Error;
use crate::highlight::{self, HighlightOptions};
use wasm_bindgen::prelude::*;

const HIGHLIGHT_OPTIONS: &[&str] = &[
    "caseInsensitive",
    "foldWidth",
    "foldScript",
    "wholeWord",
    "ignoreWhitespace",
];

/// A keyword as Rust text, or "" — skipped, and listed in `skipped` — if it
/// holds a lone surrogate: that would become U+FFFD and match every U+FFFD and
/// every lone surrogate in the text, which is not what it says.
fn keyword_text(value: &JsValue) -> Option<String> {
    let s = value.as_string()?;
    // (Checking the JS string itself costs a call per code unit: only when needed.)
    if s.contains('\u{FFFD}') && !value.unchecked_ref::<js_sys::JsString>().is_valid_utf16() {
        return Some(String::new());
    }
    Some(s)
}

/// Keywords: an array of strings (a single string is one keyword).
fn keywords(value: JsValue) -> Result<Vec<String>, JsValue> {
    if let Some(s) = keyword_text(&value) {
        return Ok(vec![s]);
    }
    if !js_sys::Array::is_array(&value) {
        return Err(js_err(Error::InvalidKeywords(
            "keywords must be an array of strings".into(),
        )));
    }
    let array: js_sys::Array = value.unchecked_into();
    let mut out = Vec::with_capacity(array.length() as usize);
    for (i, v) in array.iter().enumerate() {
        match keyword_text(&v) {
            Some(s) => out.push(s),
            None => {
                return Err(js_err(Error::InvalidKeywords(format!(
                    "keyword {i} is not a string"
                ))))
            }
        }
    }
    Ok(out)
}

/// The dictionaries simplified/traditional folding needs.
#[wasm_bindgen(js_name = foldDictionaries)]
pub fn fold_dictionaries() -> Vec<String> {
    highlight::script_fold_dictionaries()
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// A compiled keyword list.
#[wasm_bindgen(js_name = Highlighter)]
pub struct JsHighlighter {
    inner: highlight::Highlighter,
}

#[wasm_bindgen(js_class = Highlighter)]
impl JsHighlighter {
    /// `new Highlighter(keywords, options)`.
    #[wasm_bindgen(constructor)]
    pub fn new(keywords_value: JsValue, opts: JsValue) -> Result<JsHighlighter, JsValue> {
        let opts: HighlightOptions = options(opts, "highlight", HIGHLIGHT_OPTIONS)?;
        let inner =
            highlight::Highlighter::new(&keywords(keywords_value)?, &opts).map_err(js_err)?;
        Ok(JsHighlighter { inner })
    }

    /// `{ matches: [{start, end, keyword}], counts, skipped }`, offsets in UTF-16 units.
    pub fn find(&self, text: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.find(text))
    }

    /// The matches as a flat `Uint32Array` `[start, end, keyword, …]` (fast for many matches).
    #[wasm_bindgen(js_name = findFlat)]
    pub fn find_flat(&self, text: &str) -> Vec<u32> {
        let r = self.inner.find(text);
        let mut out = Vec::with_capacity(r.matches.len() * 3);
        for m in r.matches {
            out.extend([m.start as u32, m.end as u32, m.keyword as u32]);
        }
        out
    }

    /// HTML-escaped text with `<mark data-keyword="i">` around matches.
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(&self, text: &str) -> String {
        self.inner.to_html(text)
    }

    #[wasm_bindgen(getter, js_name = keywordCount)]
    pub fn keyword_count(&self) -> usize {
        self.inner.keyword_count()
    }
}

/// Finds keywords in text.
#[wasm_bindgen]
pub fn highlight(text: &str, keywords_value: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    JsHighlighter::new(keywords_value, opts)?.find(text)
}

/// Text as HTML with keywords marked.
#[wasm_bindgen(js_name = highlightHtml)]
pub fn highlight_html(
    text: &str,
    keywords_value: JsValue,
    opts: JsValue,
) -> Result<String, JsValue> {
    Ok(JsHighlighter::new(keywords_value, opts)?.to_html(text))
}
