//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Everything here is a thin translation: strings and plain objects in, plain
//! objects out (via serde-wasm-bindgen), and every core [`crate::Error`]
//! becomes a JavaScript `Error` with the same message. Text offsets that cross
//! this boundary are UTF-16 code units, which is what JS strings and DOM
//! Ranges use. The public API (`convert`, `Converter`, …) is assembled from
//! these exports by the package's JS entry files, which also fetch dictionary
//! data on demand.

use crate::convert::{self, Config, ConverterOptions, UserDict};
use crate::error::Error;
use serde::Deserialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

fn js_err(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Reads an options object. Unknown keys are an error naming the valid ones
/// (serde-wasm-bindgen only reads the declared fields, so we check ourselves):
/// a misspelt option silently ignored is a bug the user never finds.
fn options<T: for<'de> Deserialize<'de> + Default>(
    value: JsValue,
    what: &str,
    valid: &[&str],
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new(&format!("{what} options must be an object")));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !valid.contains(&key.as_str()) {
            return Err(js_err(Error::UnknownOption {
                option: format!("{what}.{key}"),
                valid: valid.join(", "),
            }));
        }
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid {what} options: {e}")))
}

fn config(name: &str) -> Result<Config, JsError> {
    name.parse().map_err(js_err)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// Hands a dictionary file (`<name>.jwd`) to the converter; returns its name.
#[wasm_bindgen(js_name = registerDictionary)]
pub fn register_dictionary(bytes: &[u8]) -> Result<String, JsError> {
    convert::register_dictionary(bytes).map_err(js_err)
}

/// The dictionary files a configuration needs that are not loaded yet.
#[wasm_bindgen(js_name = missingDictionaries)]
pub fn missing_dictionaries(config_name: &str) -> Result<Vec<String>, JsError> {
    let c = config(config_name)?;
    Ok(c.dicts()
        .into_iter()
        .filter(|d| !convert::is_available(d))
        .map(str::to_string)
        .collect())
}

/// Every configuration name.
#[wasm_bindgen(js_name = configNames)]
pub fn config_names() -> Vec<String> {
    Config::ALL.iter().map(|c| c.name().to_string()).collect()
}

/// Converts `text` with an OpenCC configuration.
#[wasm_bindgen]
pub fn convert(text: &str, config_name: &str) -> Result<String, JsError> {
    convert::convert(text, config(config_name)?).map_err(js_err)
}

#[derive(Deserialize, Default)]
#[serde(untagged)]
enum UserDictInput {
    #[default]
    None,
    Text(String),
    Pairs(BTreeMap<String, String>),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ConverterOpts {
    dictionary: UserDictInput,
    include_tofu_risk: bool,
}

impl Default for ConverterOpts {
    fn default() -> Self {
        ConverterOpts {
            dictionary: UserDictInput::None,
            include_tofu_risk: true,
        }
    }
}

/// A converter for one configuration, with the user's own dictionary.
#[wasm_bindgen(js_name = Converter)]
pub struct JsConverter {
    inner: convert::Converter,
}

#[wasm_bindgen(js_class = Converter)]
impl JsConverter {
    /// `new Converter(config, { dictionary, includeTofuRisk })`.
    #[wasm_bindgen(constructor)]
    pub fn new(config_name: &str, opts: JsValue) -> Result<JsConverter, JsError> {
        let c = config(config_name)?;
        let opts: ConverterOpts = options(opts, "Converter", &["dictionary", "includeTofuRisk"])?;
        let user_dictionary = match opts.dictionary {
            UserDictInput::None => None,
            UserDictInput::Text(t) => Some(UserDict::parse(&t).map_err(js_err)?),
            UserDictInput::Pairs(p) => {
                Some(UserDict::from_pairs(&p.into_iter().collect::<Vec<_>>()).map_err(js_err)?)
            }
        };
        let inner = convert::Converter::with_options(
            c,
            ConverterOptions {
                user_dictionary,
                include_tofu_risk: opts.include_tofu_risk,
            },
        )
        .map_err(js_err)?;
        Ok(JsConverter { inner })
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        self.inner.convert(text)
    }

    /// The configuration's OpenCC name.
    #[wasm_bindgen(getter)]
    pub fn config(&self) -> String {
        self.inner.config().name().to_string()
    }
}

// ---- highlighting ----

use crate::highlight::{self, HighlightOptions};
use serde::Serialize;

const HIGHLIGHT_OPTIONS: &[&str] = &[
    "caseInsensitive",
    "foldWidth",
    "foldScript",
    "wholeWord",
    "ignoreWhitespace",
];

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Keywords: an array of strings (a single string is one keyword).
fn keywords(value: JsValue) -> Result<Vec<String>, JsError> {
    if let Some(s) = value.as_string() {
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
        match v.as_string() {
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

/// Is this dictionary file loaded (or embedded)?
#[wasm_bindgen(js_name = dictionaryLoaded)]
pub fn dictionary_loaded(name: &str) -> bool {
    convert::is_available(name)
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
    pub fn new(keywords_value: JsValue, opts: JsValue) -> Result<JsHighlighter, JsError> {
        let opts: HighlightOptions = options(opts, "highlight", HIGHLIGHT_OPTIONS)?;
        let inner =
            highlight::Highlighter::new(&keywords(keywords_value)?, &opts).map_err(js_err)?;
        Ok(JsHighlighter { inner })
    }

    /// `{ matches: [{start, end, keyword}], counts, skipped }`, offsets in UTF-16 units.
    pub fn find(&self, text: &str) -> Result<JsValue, JsError> {
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
pub fn highlight(text: &str, keywords_value: JsValue, opts: JsValue) -> Result<JsValue, JsError> {
    JsHighlighter::new(keywords_value, opts)?.find(text)
}

/// Text as HTML with keywords marked.
#[wasm_bindgen(js_name = highlightHtml)]
pub fn highlight_html(
    text: &str,
    keywords_value: JsValue,
    opts: JsValue,
) -> Result<String, JsError> {
    Ok(JsHighlighter::new(keywords_value, opts)?.to_html(text))
}

// ---- cleaning ----

#[cfg(feature = "clean")]
pub use clean_binding::{clean, clean_rules};

#[cfg(feature = "clean")]
mod clean_binding {
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
        reason: &'a str,
        before: &'a str,
        after: &'a str,
        start: usize,
        end: usize,
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
    pub fn clean(input: JsValue, opts: JsValue) -> Result<JsValue, JsError> {
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
            co.max_bytes = m.max(0.0) as usize;
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
        let mut at: Vec<usize> =
            Vec::with_capacity((result.removed.len() + result.changed.len()) * 2);
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
                    reason: &c.reason,
                    before: &c.before,
                    after: &c.after,
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
    pub fn clean_rules() -> Result<JsValue, JsError> {
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
}
