//! The bad-input suite: empty and whitespace-only input, invalid UTF-8,
//! binary files, 100 MB of text, a 10 MB line, HTML nested 100,000 deep,
//! 100,000 keywords, regex metacharacters, unknown names. Every entry point
//! must answer with a result or a clear error — never a panic (which would
//! kill a wasm instance), never lost text.
#![cfg(not(target_arch = "wasm32"))]

use jingwen::clean::{clean, CleanOptions, Input, Rule};
use jingwen::convert::{convert, Config, Converter, ConverterOptions, UserDict};
use jingwen::highlight::{highlight, HighlightOptions, Highlighter};

const SEED: &str = include_str!("data/seeds/003.gold.txt");

#[test]
fn empty_and_whitespace_only() {
    for input in ["", " ", "\n\n\n", "\u{3000}\u{3000}\n\t \r\n", "\u{FEFF}"] {
        let r = clean(Input::Text(input), &CleanOptions::default()).unwrap();
        assert_eq!(r.text, "", "{input:?}");
        assert!(clean(Input::Bytes(input.as_bytes()), &CleanOptions::default()).is_ok());
        for &c in Config::ALL {
            assert_eq!(convert(input, c).unwrap(), input);
        }
        assert!(
            highlight(input, &["疫情", ""], &HighlightOptions::default())
                .unwrap()
                .matches
                .is_empty()
        );
    }
    assert!(clean(Input::Bytes(b""), &CleanOptions::default())
        .unwrap()
        .text
        .is_empty());
}

#[test]
fn invalid_utf8_is_decoded_with_its_errors_reported() {
    let mut bytes = SEED.as_bytes()[..3000].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xC3, 0x28, 0xE2, 0x82]);
    bytes.extend_from_slice("结尾的一段文字，说明情况。".as_bytes());
    let r = clean(Input::Bytes(&bytes), &CleanOptions::default()).unwrap();
    let enc = r.encoding.unwrap();
    assert_eq!(enc.name, "UTF-8");
    assert!(enc.error_count >= 2, "{enc:?}");
    assert!(r.text.contains('\u{FFFD}') && r.text.contains("结尾的一段文字"));
}

#[test]
fn binary_files_are_refused_clearly() {
    let png = include_bytes!("../www/icons/icon-192.png");
    let e = clean(Input::Bytes(png), &CleanOptions::default()).unwrap_err();
    // A stable code and kind for callers that say it in their own words.
    assert_eq!(e.code(), "not-text");
    assert!(
        matches!(e, jingwen::Error::NotText { kind: "png", .. }),
        "{e:?}"
    );
    let err = e.to_string();
    assert!(
        err.contains("not a text document") && err.contains("PNG"),
        "{err}"
    );
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00";
    assert!(clean(Input::Bytes(zip), &CleanOptions::default())
        .unwrap_err()
        .to_string()
        .contains("ZIP"));
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    assert!(clean(Input::Bytes(&random), &CleanOptions::default()).is_err());
}

/// Every real document of the repository, saved as UTF-16 without a byte order
/// mark in either byte order, still reads as text (the checks that refuse binary
/// data taken for UTF-16 must not refuse these).
#[test]
fn real_texts_in_utf16_without_a_bom_are_read() {
    let mut seen = 0;
    for dir in [
        "tests/data/seeds",
        "tests/data/cases",
        "tests/data/holdout",
        "tests/data/holdout2",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".gold.txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
                let r = clean(Input::Bytes(&bytes), &CleanOptions::default())
                    .unwrap_or_else(|e| panic!("{}: {name}: {e}", path.display()));
                assert_eq!(r.encoding.map(|e| e.name), Some(name), "{}", path.display());
            }
            seen += 1;
        }
    }
    assert!(seen >= 50, "{seen} documents");
}

#[test]
fn one_hundred_megabytes_of_text() {
    let big = SEED.repeat(100 * 1024 * 1024 / SEED.len() + 1);
    assert!(big.len() >= 100 << 20);
    let r = clean(Input::Text(&big), &CleanOptions::default()).unwrap();
    assert!(
        r.text.len() > big.len() / 2,
        "text was lost: {} of {} bytes kept",
        r.text.len(),
        big.len()
    );
    let t = Converter::new(Config::S2T).unwrap().convert(&big);
    assert_eq!(t.chars().count(), big.chars().count());
    // The size limit gives a clear error, not an out-of-memory crash.
    let small = CleanOptions {
        max_bytes: 1 << 20,
        ..CleanOptions::default()
    };
    assert!(clean(Input::Text(&big), &small)
        .unwrap_err()
        .to_string()
        .contains("too large"));
}

#[test]
fn a_ten_megabyte_line() {
    let joined: String = SEED.lines().collect::<Vec<_>>().concat();
    let line = joined.repeat(10 * 1024 * 1024 / joined.len() + 1);
    assert!(!line.contains('\n') && line.len() >= 10 << 20);
    let r = clean(Input::Text(&line), &CleanOptions::default()).unwrap();
    assert!(r.text.len() >= line.len() - 16);
    let out = convert(&line, Config::S2TWP).unwrap();
    assert!(out.len() > line.len() * 9 / 10 && !out.contains('\n'));
    let h = highlight(
        &line,
        &["疫情", "防控", "疫情防控"],
        &HighlightOptions::default(),
    )
    .unwrap();
    assert!(h.matches.len() > 10_000);
}

#[test]
fn html_nested_one_hundred_thousand_levels_deep() {
    for tag in ["div", "span", "b", "table", "li", "p"] {
        let html = format!(
            "<html><body>{}深处的文字，说明情况。{}</body></html>",
            format!("<{tag}>").repeat(100_000),
            format!("</{tag}>").repeat(100_000)
        );
        let r = clean(Input::Text(&html), &CleanOptions::default()).unwrap();
        assert!(r.text.contains("深处的文字"), "{tag}: {:?}", r.text);
    }
    // Unclosed, deeply nested formatting elements (adoption-agency stress).
    let html = "<p>".to_string() + &"<b><i><u>字".repeat(20_000);
    assert!(clean(Input::Text(&html), &CleanOptions::default())
        .unwrap()
        .text
        .contains('字'));
}

#[test]
fn one_hundred_thousand_keywords_and_metacharacters() {
    let keywords: Vec<String> = (0..100_000).map(|i| format!("词{i}")).collect();
    let h = Highlighter::new(&keywords, &HighlightOptions::default()).unwrap();
    let r = h.find("这里有词7和词99999，还有词100000。");
    assert_eq!(r.matches.len(), 3);
    let meta = [
        ".*", "+", "?", "[", "]", "(", ")", "{", "}", "|", "\\", "^", "$", "(?i)a", "\\d",
    ];
    let r = highlight(
        "a.*b+c?[x](y){z}|w\\^$ (?i)a \\d",
        &meta,
        &HighlightOptions::default(),
    )
    .unwrap();
    assert_eq!(r.counts.iter().sum::<usize>(), r.matches.len());
    assert!(r.counts.iter().all(|&c| c >= 1), "{:?}", r.counts);
}

#[test]
fn unknown_names_are_clear_errors() {
    let e = "s2x".parse::<Config>().unwrap_err().to_string();
    assert!(e.contains("s2x") && e.contains("s2twp"), "{e}");
    let e = "editr".parse::<Rule>().unwrap_err().to_string();
    assert!(e.contains("editr") && e.contains("editor"), "{e}");
    let bad_encoding = CleanOptions {
        encoding: Some("klingon".into()),
        ..CleanOptions::default()
    };
    assert!(clean(Input::Bytes(b"x"), &bad_encoding)
        .unwrap_err()
        .to_string()
        .contains("klingon"));
    assert!("fmt".parse::<jingwen::clean::Format>().is_err());
    assert!(UserDict::parse("no tab").is_err());
}

#[test]
fn control_characters_nul_and_odd_unicode() {
    let odd = "\0\u{1}\u{7F}\u{200B}\u{202E}\u{FFFD}\u{FEFF}⿰⿱⿲⿳\u{E0100}\u{10FFFF}头发\u{0301}\r\n\u{2028}\u{2029}";
    for &c in Config::ALL {
        let out = convert(odd, c).unwrap();
        assert!(
            out.contains('\0'),
            "{c}: NUL must not truncate the text (OpenCC's C-string behaviour)"
        );
    }
    let r = clean(Input::Text(odd), &CleanOptions::default()).unwrap();
    assert!(r.text.contains("头发"));
    let opts = HighlightOptions {
        fold_script: true,
        ignore_whitespace: true,
        whole_word: true,
        ..HighlightOptions::default()
    };
    assert_eq!(highlight(odd, &["頭髮"], &opts).unwrap().matches.len(), 1);
    let user = UserDict::from_pairs(&[("\0", "x"), ("⿰", "y")]).unwrap();
    let conv = Converter::with_options(
        Config::S2T,
        ConverterOptions {
            user_dictionary: Some(user),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(conv.convert(odd).starts_with('x'));
}
