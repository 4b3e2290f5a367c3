//! Text (with IDS operators, NUL, variation selectors, astral and compatibility
//! ideographs …) → `Converter::convert` for a configuration from `Config::ALL`,
//! sometimes with a user dictionary built from the input.
//!
//! Input: byte 0 the config, byte 1 flags (bit 0: no tofu-risk dictionaries,
//! bit 1: user dictionary from pairs, bit 2: user dictionary parsed from
//! OpenCC's text format; bit 3: build the tries of a converter made for this
//! input); then segments separated by 0xFF: the text, then the
//! dictionary (pairs: key, value, key, value …; text format: one segment).
#![no_main]

use jingwen::convert::{cached, Config, Converter, ConverterOptions, UserDict};
use jingwen_fuzz::{body, byte, segments, CHAR_FRAGMENTS};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let config = Config::ALL[byte(data, 0) as usize % Config::ALL.len()];
    let flags = byte(data, 1);
    let segs = segments(body(data, 2), CHAR_FRAGMENTS);
    let text = &segs[0];
    let user = if flags & 2 != 0 {
        let pairs: Vec<(&str, &str)> = segs[1..]
            .chunks(2)
            .take(64)
            .map(|p| (p[0].as_str(), p.get(1).map_or("", |v| v.as_str())))
            .collect();
        UserDict::from_pairs(&pairs).ok()
    } else if flags & 4 != 0 {
        segs.get(1).and_then(|s| UserDict::parse(s).ok())
    } else {
        None
    };
    let conv = if user.is_none() && flags & 1 == 0 {
        cached(config).unwrap()
    } else {
        let options = ConverterOptions {
            user_dictionary: user,
            include_tofu_risk: flags & 1 == 0,
        };
        let conv = Converter::with_options(config, options).unwrap();
        if flags & 8 != 0 {
            // Its tries now, as a big text would: the paths short texts
            // take only once 32 KB have gone by (e.g. the one-pass two steps).
            conv.build();
        }
        Arc::new(conv)
    };
    let out = conv.convert(text);
    // Where two steps run in one pass (s2tw, s2twp, s2hk, s2hkp, once built), the
    // same as running them one after another.
    assert_eq!(out, conv.convert_step_by_step(text), "one pass differs");
    // What JavaScript gets (UTF-16, written as converted) is the same text.
    let mut utf16 = Vec::new();
    conv.convert_utf16(text, &mut utf16);
    assert!(
        utf16.iter().copied().eq(out.encode_utf16()),
        "UTF-16 output differs"
    );
    // No dictionary key holds a line break, so no match crosses one: converting
    // line by line gives the same text (unless a user key holds one). An IDS
    // is the exception: it is copied as one unit whatever its operands, line
    // breaks included, exactly as OpenCC does ("⿲\n国X" stays as it is).
    let keys_without_breaks =
        flags & 2 == 0 || !segs[1..].iter().step_by(2).any(|k| k.contains('\n'));
    let ids = text.contains(|c| ('\u{2FF0}'..='\u{2FFF}').contains(&c));
    if keys_without_breaks && !ids && text.contains('\n') {
        let by_line: Vec<String> = text.split('\n').map(|line| conv.convert(line)).collect();
        assert_eq!(
            out,
            by_line.join("\n"),
            "conversion depends on text across a line break"
        );
    }
    if text.is_empty() {
        assert!(out.is_empty());
    }
    // Line breaks are never in a dictionary (nor, in these inputs, in user keys
    // or values, except through the text format's own lines): they survive.
    if flags & 6 == 0 {
        assert_eq!(
            text.matches('\n').count(),
            out.matches('\n').count(),
            "line breaks changed"
        );
    }
});
