//! Dictionary files ("JWD1") as the browser fetches them: arbitrary bytes →
//! `dictfile::decode`, with and without the base dictionary the header names.
//! A file that decodes must encode and decode back to the same entries. The
//! same bytes opened for block-by-block lookups (`blocks::BlockDict`, what a
//! first conversion uses) must never panic, and must answer like the full
//! decode whenever that succeeds.
#![no_main]

use jingwen::convert::blocks::{BlockDict, FileBytes};
use jingwen::convert::dictfile::{decode, encode, header, DictData};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data, None);
    let base = match header(data) {
        Ok((_, Some(base_name))) => Some(DictData::from_pairs(
            &base_name,
            [("发", "發"), ("后", "後"), ("干", ""), ("𠀀", "𠀀𠀀")],
        )),
        _ => None,
    };
    let full = decode(data, base.as_ref());
    if let Ok(dict) = &full {
        let again = decode(&encode(dict, base.as_ref()), base.as_ref()).expect("re-encoded");
        assert!(
            dict.iter().eq(again.iter()),
            "entries changed on a round trip"
        );
    }
    let base_file = base.as_ref().map(|b| {
        let bytes = FileBytes::Shared(Arc::new(encode(b, None)));
        Arc::new(BlockDict::open(bytes, None).expect("a valid base"))
    });
    let opened = BlockDict::open(FileBytes::Shared(Arc::new(data.to_vec())), base_file);
    // Both accept the files the encoder writes; the full decode checks more.
    assert!(
        full.is_err() || opened.is_ok(),
        "decodes but does not open: {:?}",
        opened.err()
    );
    let Ok(lazy) = opened else {
        return;
    };
    // Texts: the data itself from each line start, and (if it decodes) every key.
    let text = String::from_utf8_lossy(data);
    let mut texts: Vec<&str> = text
        .char_indices()
        .filter(|&(i, _)| i == 0 || text.as_bytes()[i - 1] == b'\n')
        .map(|(i, c)| &text[i + c.len_utf8()..])
        .collect();
    if let Ok(dict) = &full {
        texts.extend(dict.iter().map(|(k, _)| k));
    }
    for t in texts {
        let got = lazy.longest_prefix(t);
        if let Ok(dict) = &full {
            assert_eq!(got, dict.longest_prefix(t), "block lookup differs: {t:?}");
        }
    }
    // The same bytes as the base of a phrase file whose keys are all defaults:
    // their values are read from these bytes in place (`char_value`), which must
    // not panic, and must agree with the full decode's values when it succeeds.
    let Ok((name, None)) = header(data) else {
        return;
    };
    let mut chars: Vec<char> = text.chars().filter(|c| !matches!(c, '\t' | '\n')).collect();
    chars.sort_unstable();
    chars.dedup();
    chars.truncate(64);
    let mut phrases = format!("JWD1\nP\t{name}\t{}\n", chars.len());
    for c in &chars {
        phrases.push_str(&format!("0{c}\n"));
    }
    let Ok(with_base) = BlockDict::open(
        FileBytes::Shared(Arc::new(phrases.as_bytes().to_vec())),
        Some(Arc::new(lazy)),
    ) else {
        return;
    };
    let decoded = full
        .ok()
        .and_then(|d| decode(phrases.as_bytes(), Some(&d)).ok());
    for c in &chars {
        let t = c.to_string();
        let got = with_base.longest_prefix(&t);
        if let Some(d) = &decoded {
            assert_eq!(got, d.longest_prefix(&t), "a default value differs: {t:?}");
        }
    }
});
