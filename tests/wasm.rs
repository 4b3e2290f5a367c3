//! The library compiled to wasm, through its JavaScript binding: run in Node
//! and in headless Chromium (`scripts/test` runs this file in both).
#![cfg(target_arch = "wasm32")]

use jingwen::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

macro_rules! dict {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/dicts/", $name, ".jwd")).as_slice()
    };
}

fn load_s2t() {
    for bytes in [
        dict!("CJK_Compatibility_Ideographs"),
        dict!("STCharacters"),
        dict!("STPhrases"),
        dict!("STPhrases_GeneratedFromRegionalPhrases"),
    ] {
        wasm::register_dictionary(bytes.to_vec()).unwrap();
    }
}

/// Converts through the binding, decoding its UTF-16 view as the JS side does
/// (which passes the string's length, in UTF-16 units).
fn convert(text: &str, config: &str) -> Result<String, JsValue> {
    convert_claiming(text, text.encode_utf16().count(), config)
}

/// The same, with the length the caller claims for the text.
fn convert_claiming(text: &str, units: usize, config: &str) -> Result<String, JsValue> {
    let view = wasm::convert_utf16(text, units, config)?;
    Ok(String::from_utf16(&view.to_vec()).expect("well-formed UTF-16"))
}

fn message(e: JsValue) -> String {
    js_sys::Error::from(e).message().into()
}

/// The `code` the binding puts on an error from the core (see `Error::code`).
fn code(e: &JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &"code".into()).ok()?.as_string()
}

#[wasm_bindgen_test]
fn conversion_needs_its_dictionaries_then_works() {
    if wasm::missing_dictionaries("t2jp").unwrap().is_empty() {
        panic!("no dictionary is embedded in the wasm build");
    }
    // What a page does while the files download (the embedded normalization
    // table opened, a conversion through it): harmless for names unknown or
    // not loaded, and the converters made later reuse what it opened.
    for name in ["t2jp", "s2t", "nonsense", ""] {
        wasm::prepare_conversion(name);
    }
    let e = convert("汉字", "t2jp").unwrap_err();
    assert_eq!(code(&e).as_deref(), Some("dictionary-not-loaded"));
    let err = message(e);
    assert!(err.contains("not loaded") && err.contains("t2jp"), "{err}");
    load_s2t();
    assert!(wasm::missing_dictionaries("s2t").unwrap().is_empty());
    assert_eq!(
        convert("汉字转换，头发发展", "s2t").unwrap(),
        "漢字轉換，頭髮發展"
    );
    // Astral characters (surrogate pairs in UTF-16), ASCII and empty text.
    assert_eq!(convert("𠀀a汉字é", "s2t").unwrap(), "𠀀a漢字é");
    assert_eq!(convert("", "s2t").unwrap(), "");
    // The length only sizes the output buffer: a wrong one (it comes from
    // JS) costs growing, never the result.
    let long = "头发发展，".repeat(3000);
    let expected = "頭髮發展，".repeat(3000);
    for claimed in [0, 7, usize::MAX] {
        assert_eq!(convert_claiming(&long, claimed, "s2t").unwrap(), expected);
    }
    let bad = message(convert("x", "s2x").unwrap_err());
    assert!(bad.contains("s2twp"), "{bad}");
    assert!(wasm::register_dictionary(b"garbage".to_vec()).is_err());
}

/// Writes `units` where the JS side writes a text's code units (strings.js).
fn write_input(units: &[u16]) {
    let at = wasm::input_units(units.len());
    // SAFETY: `input_units` answers room for that many initialised units.
    unsafe { std::slice::from_raw_parts_mut(at, units.len()) }.copy_from_slice(units);
}

#[wasm_bindgen_test]
fn text_written_as_utf16_converts_as_text_passed_as_a_string() {
    load_s2t();
    let long: Vec<u16> = "头发发展，𠀀a".repeat(5000).encode_utf16().collect();
    let short: Vec<u16> = "汉字".encode_utf16().collect();
    // Lone surrogates become U+FFFD, as TextEncoder makes them.
    let lone = [0x6C49, 0xD800, 0x61, 0xDC00, 0xDC00, 0xD800];
    let converter = wasm::JsConverter::new("s2t", JsValue::UNDEFINED).unwrap();
    for units in [&long[..], &short, &lone, &[], &long] {
        let want = convert(&String::from_utf16_lossy(units), "s2t").unwrap();
        write_input(units);
        let view = wasm::convert_input(units.len(), "s2t").unwrap();
        assert_eq!(String::from_utf16(&view.to_vec()).unwrap(), want);
        write_input(units);
        let view = converter.convert_input(units.len());
        assert_eq!(String::from_utf16(&view.to_vec()).unwrap(), want);
    }
    // A length beyond what was asked for reads only units that exist.
    write_input(&short);
    let view = wasm::convert_input(usize::MAX, "s2t").unwrap();
    assert!(view.length() as usize >= short.len());
    assert!(wasm::convert_input(2, "s2x").is_err());
}

#[wasm_bindgen_test]
fn highlight_offsets_are_utf16() {
    let kws = js_sys::Array::of2(&"疫情".into(), &"疫情防控".into());
    let h = wasm::JsHighlighter::new(kws.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(h.find_flat("𠀀疫情防控，疫情"), vec![2, 6, 1, 7, 9, 0]);
    assert_eq!(
        wasm::highlight_html("<b>", "b".into(), JsValue::UNDEFINED).unwrap(),
        "&lt;<mark data-keyword=\"0\">b</mark>&gt;"
    );
}

#[wasm_bindgen_test]
fn clean_a_seed_document_from_bytes() {
    let input = include_bytes!("data/seeds/002.input.txt");
    let gold = include_str!("data/seeds/002.gold.txt");
    let bytes = js_sys::Uint8Array::from(input.as_slice());
    let result = wasm::clean(bytes.into(), JsValue::UNDEFINED).unwrap();
    let text = js_sys::Reflect::get(&result, &"text".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(text, gold);
    let removed = js_sys::Reflect::get(&result, &"removed".into()).unwrap();
    assert!(js_sys::Array::from(&removed).length() > 5);
    let e = wasm::clean("x".into(), js_sys::JSON::parse("{\"colour\":1}").unwrap()).unwrap_err();
    assert_eq!(code(&e).as_deref(), Some("unknown-option"));
    let err = message(e);
    assert!(err.contains("colour") && err.contains("rules"), "{err}");
}
