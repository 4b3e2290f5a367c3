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
