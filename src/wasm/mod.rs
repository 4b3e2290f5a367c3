//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Everything here is a thin translation: strings and plain objects in, plain
//! objects out (via serde-wasm-bindgen where the shapes are rich), and every core [`crate::Error`]
//! becomes a JavaScript `Error` with the same message and its `code`. Text offsets that cross
//! this boundary are UTF-16 code units, which is what JS strings and DOM
//! Ranges use. The public API (`convert`, `Converter`, …) is assembled from
//! these exports by the package's JS entry files, which also fetch dictionary
//! data on demand.

use crate::convert::{self, Config, ConverterOptions, UserDict};
use crate::error::Error;
use wasm_bindgen::prelude::*;

#[cfg(feature = "clean")]
mod clean;
#[cfg(feature = "highlight")]
mod highlight;

#[cfg(feature = "clean")]
pub use clean::{clean, clean_rules};

// Rust's own allocator, noting what it could not allocate (see `failedAllocation`).
#[global_allocator]
static ALLOCATOR: crate::oom::NotingFailures<std::alloc::System> =
    crate::oom::NotingFailures(std::alloc::System);
#[cfg(feature = "highlight")]
pub use highlight::{fold_dictionaries, highlight, highlight_html, JsHighlighter};

/// A core error as a JavaScript `Error`: its message, and `code` (a stable id
/// of the kind of error, [`Error::code`]) so that callers can react to it, or say
/// it in their own language, without parsing English; for a file that is not
/// text, `kind` (`png`, `zip`, …), and for one that is too large, `size` and
/// `limit` in bytes.
fn js_err(e: Error) -> JsValue {
    let err = coded_err(e.code(), &e.to_string());
    match &e {
        Error::NotText { kind, .. } => set_prop(&err, "kind", JsValue::from_str(kind)),
        Error::TooLarge { size, limit } => {
            set_prop(&err, "size", JsValue::from_f64(*size as f64));
            set_prop(&err, "limit", JsValue::from_f64(*limit as f64));
        }
        _ => {}
    }
    err
}

/// A JavaScript `Error` with this message and `code` (one of [`Error::code`]'s).
fn coded_err(code: &str, message: &str) -> JsValue {
    let err: JsValue = js_sys::Error::new(message).into();
    set_prop(&err, "code", JsValue::from_str(code));
    err
}

fn set_prop(err: &JsValue, key: &str, value: JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(err, &JsValue::from_str(key), &value);
}

/// Unknown option keys are an error naming the valid ones: a misspelt option
/// silently ignored is a bug the user never finds.
fn check_keys(value: &JsValue, what: &str, valid: &[&str]) -> Result<(), JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(js_err(Error::InvalidOption {
            option: what.into(),
            value: value
                .as_string()
                .unwrap_or_else(|| "(not an object)".into()),
            valid: "an object".into(),
        }));
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
    Ok(())
}

/// Reads an options object with serde (serde-wasm-bindgen only reads the
/// declared fields, hence [`check_keys`] first).
#[cfg(any(feature = "highlight", feature = "clean"))]
fn options<T: for<'de> serde::Deserialize<'de> + Default>(
    value: JsValue,
    what: &str,
    valid: &[&str],
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    check_keys(&value, what, valid)?;
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let option = e.path().to_string();
        // serde-wasm-bindgen's message is a JS error's text ("Error: invalid type …").
        let reason = e.inner().to_string();
        let reason = reason.strip_prefix("Error: ").unwrap_or(&reason);
        coded_err(
            "invalid-option",
            &format!(
                "invalid {what} option {option}: {}",
                plain_type_error(reason)
            ),
        )
    })
}

/// serde's "invalid type: string \"3\", expected f64" in a JavaScript
/// programmer's words: "expected a number, got the string \"3\"".
#[cfg(any(feature = "highlight", feature = "clean"))]
fn plain_type_error(reason: &str) -> String {
    let Some((got, expected)) = reason
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    else {
        return reason.to_string();
    };
    let expected = match expected {
        "f64" | "f32" | "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a number",
        "a map" => "an object",
        e if e.starts_with("struct ") || e.starts_with("a sequence") => "an object or array",
        e => e,
    };
    let got = if got.starts_with("string ")
        || got.starts_with("integer ")
        || got.starts_with("floating point ")
    {
        format!("the {got}")
    } else {
        got.to_string()
    };
    format!("expected {expected}, got {got}")
}

/// Plain JS objects (maps as objects) from a result.
#[cfg(any(feature = "highlight", feature = "clean"))]
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// Is this dictionary file loaded (or embedded)?
#[wasm_bindgen(js_name = dictionaryLoaded)]
pub fn dictionary_loaded(name: &str) -> bool {
    convert::is_available(name)
}

fn config(name: &str) -> Result<Config, JsValue> {
    name.parse().map_err(js_err)
}

/// After a trap: the size in bytes of the allocation that failed (0 if none
/// has, so the trap was a bug; for a reallocation, the new size), and the
/// memory the module has. Neither touches
/// the stack or allocates, so both still answer once the instance has trapped.
#[wasm_bindgen(js_name = failedAllocation)]
pub fn failed_allocation() -> f64 {
    crate::oom::failed_allocation() as f64
}

/// The module's memory in bytes (it never shrinks). In `f64`: at the full
/// 65,536 pages, 4 GiB does not fit a wasm32 `usize`.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    core::arch::wasm32::memory_size::<0>() as f64 * 65536.0
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// Hands an encoded dictionary (a `.jwd` file, or one dictionary's slice of a
/// data file that holds several) to the converter; returns its name. Taken by
/// value: the copy wasm-bindgen makes into the wasm memory is the one kept.
#[wasm_bindgen(js_name = registerDictionary)]
pub fn register_dictionary(bytes: Vec<u8>) -> Result<String, JsValue> {
    convert::register_dictionary(bytes).map_err(js_err)
}

/// The dictionary files a configuration needs that are not loaded yet.
#[wasm_bindgen(js_name = missingDictionaries)]
pub fn missing_dictionaries(config_name: &str) -> Result<Vec<String>, JsValue> {
    let c = config(config_name)?;
    Ok(c.dicts()
        .into_iter()
        .filter(|d| !convert::is_available(d))
        .map(str::to_string)
        .collect())
}

/// Readies what a first conversion with `config_name` needs before its
/// dictionaries arrive (see `Converter::prepare`); an unknown name does nothing.
#[wasm_bindgen(js_name = prepareConversion)]
pub fn prepare_conversion(config_name: &str) {
    if let Ok(c) = config_name.parse() {
        convert::Converter::prepare(c);
    }
}

/// Every configuration name.
#[wasm_bindgen(js_name = configNames)]
pub fn config_names() -> Vec<String> {
    Config::ALL.iter().map(|c| c.name().to_string()).collect()
}

/// Converts `text` (`units` long in UTF-16: the JS string's length) with an
/// OpenCC configuration; the result as a UTF-16 view (see `utf16_view`).
#[wasm_bindgen(js_name = convertUtf16)]
pub fn convert_utf16(
    text: &str,
    units: usize,
    config_name: &str,
) -> Result<js_sys::Uint16Array, JsValue> {
    let conv = convert::cached(config(config_name)?).map_err(js_err)?;
    Ok(utf16_view(&conv, text, units))
}

/// Converts the text the JS side wrote at [`input_units`] (`units` UTF-16
/// code units) with an OpenCC configuration; the result as a UTF-16 view.
#[wasm_bindgen(js_name = convertInput)]
pub fn convert_input(units: usize, config_name: &str) -> Result<js_sys::Uint16Array, JsValue> {
    let conv = convert::cached(config(config_name)?).map_err(js_err)?;
    Ok(with_input(units, |text| utf16_view(&conv, text, units)))
}

thread_local! {
    /// The last result in UTF-16, reused by the next call.
    static UTF16_OUT: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Input text as the JS side writes it (see [`input_units`]), and its UTF-8.
    static UTF16_IN: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
    static UTF8_IN: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Room for `units` UTF-16 code units of input, which the JS side writes
/// there (strings.js: copying a string's units with the engine's String
/// Builtins is faster than `TextEncoder`'s UTF-8) before calling
/// [`convert_input`]; the room's address in wasm memory.
#[wasm_bindgen(js_name = inputUnits)]
pub fn input_units(units: usize) -> *mut u16 {
    UTF16_IN.with(|buf| {
        let mut buf = buf.borrow_mut();
        if buf.len() > units.saturating_mul(4).saturating_add(65_536) {
            *buf = Vec::new(); // (as in `utf16_view`: freed memory is reused)
        }
        // Initialised, so that whatever the JS side writes (or fails to) is
        // only ever read as code units.
        if buf.len() < units {
            buf.resize(units, 0);
        }
        buf.as_mut_ptr()
    })
}

/// Calls `f` with the first `units` code units written at [`input_units`], as UTF-8.
fn with_input<R>(units: usize, f: impl FnOnce(&str) -> R) -> R {
    UTF16_IN.with(|input| {
        UTF8_IN.with(|text| {
            let input = input.borrow();
            let mut text = text.borrow_mut();
            if text.capacity() > units.saturating_mul(12).saturating_add(65_536) {
                *text = String::new();
            }
            text.clear();
            crate::utf16::push_utf8(&input[..units.min(input.len())], &mut text);
            f(&text)
        })
    })
}

/// `conv`'s conversion of `text` (`units` UTF-16 code units long) in a
/// UTF-16 buffer, returned as a view of wasm memory (no copy)
/// that the JS side decodes at once (through the String Builtins where the
/// engine has them, see pkg/strings.js; else `TextDecoder('utf-16le')`; in
/// Node, `Buffer`). A conversion rarely changes the length much: the buffer
/// gets room for the input's length and a little more, which the JS side
/// knows for free (a count here would be another pass over the text, ~2% of
/// an s2t conversion).
///
/// Why: a JS string is UTF-16. Decoding UTF-8 Chinese into one costs V8 about
/// 6 ms per MB, a fifth of a whole s2t conversion (measured in Node); decoding
/// UTF-16 is close to a copy, and the converter writes UTF-16 as it goes. The
/// view is valid until the next call into the module (which may grow or reuse
/// the buffer): the JS wrapper decodes it before making any.
fn utf16_view(conv: &convert::Converter, text: &str, units: usize) -> js_sys::Uint16Array {
    let input_len = text.len();
    UTF16_OUT.with(|buf| {
        let mut buf = buf.borrow_mut();
        // Give a big buffer back to the allocator once results are small again
        // (wasm memory never shrinks, but freed memory is reused).
        if buf.capacity() > 4 * input_len + 65_536 {
            *buf = Vec::new();
        }
        buf.clear();
        // A wrong `units` (it comes from JS) only costs the buffer growing.
        buf.reserve(units.min(input_len) + 64);
        conv.convert_utf16(text, &mut buf);
        // SAFETY: the view is read by the caller before any other call into
        // the module could touch or move the buffer (see above).
        unsafe { js_sys::Uint16Array::view(&buf) }
    })
}

/// A JS value as an error message shows it: a string as it is, else as JSON, else
/// its type. (JSON.stringify formats numbers: Rust's float formatting would add
/// ~20 KB to the lean wasm.)
fn describe(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| value.js_typeof().as_string().unwrap_or_default())
}

/// `{ dictionary, includeTofuRisk }` read by hand, so the lean converter
/// build needs no serde at the boundary.
fn converter_options(value: JsValue) -> Result<ConverterOptions, JsValue> {
    let mut out = ConverterOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(out);
    }
    check_keys(&value, "Converter", &["dictionary", "includeTofuRisk"])?;
    let get =
        |k: &str| js_sys::Reflect::get(&value, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let dict = get("dictionary");
    if let Some(text) = dict.as_string() {
        out.user_dictionary = Some(UserDict::parse(&text).map_err(js_err)?);
    } else if dict.is_object() && !js_sys::Array::is_array(&dict) {
        let mut pairs = Vec::new();
        for entry in js_sys::Object::entries(dict.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let (k, v) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
            let v = v.as_string().ok_or_else(|| {
                js_err(Error::InvalidUserDictionary(format!(
                    "the value of {k:?} is not a string"
                )))
            })?;
            pairs.push((k, v));
        }
        out.user_dictionary = Some(UserDict::from_pairs(&pairs).map_err(js_err)?);
    } else if !dict.is_undefined() && !dict.is_null() {
        return Err(js_err(Error::InvalidUserDictionary(
            "Converter.dictionary must be an object of strings or text in OpenCC's format".into(),
        )));
    }
    let tofu = get("includeTofuRisk");
    if !tofu.is_undefined() {
        out.include_tofu_risk = tofu.as_bool().ok_or_else(|| {
            js_err(Error::InvalidOption {
                option: "Converter.includeTofuRisk".into(),
                value: describe(&tofu),
                valid: "true, false".into(),
            })
        })?;
    }
    Ok(out)
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
    pub fn new(config_name: &str, opts: JsValue) -> Result<JsConverter, JsValue> {
        let c = config(config_name)?;
        let inner =
            convert::Converter::with_options(c, converter_options(opts)?).map_err(js_err)?;
        Ok(JsConverter { inner })
    }

    /// Converts `text` (`units` long in UTF-16: the JS string's length); the
    /// result as a UTF-16 view (see [`utf16_view`]).
    #[wasm_bindgen(js_name = convertUtf16)]
    pub fn convert_utf16(&self, text: &str, units: usize) -> js_sys::Uint16Array {
        utf16_view(&self.inner, text, units)
    }

    /// Converts the text the JS side wrote at [`input_units`] (`units` code
    /// units); the result as a UTF-16 view (see [`utf16_view`]).
    #[wasm_bindgen(js_name = convertInput)]
    pub fn convert_input(&self, units: usize) -> js_sys::Uint16Array {
        with_input(units, |text| utf16_view(&self.inner, text, units))
    }

    /// The configuration's OpenCC name.
    #[wasm_bindgen(getter)]
    pub fn config(&self) -> String {
        self.inner.config().name().to_string()
    }
}
