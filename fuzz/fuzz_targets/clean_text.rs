//! UTF-8 documents built from text and fragments (tags, entities, noise lines
//! such as 责任编辑：, pinyin annotations, stock quotes, front matter …) →
//! `clean(Input::Text)`, with options from a header.
#![no_main]

use jingwen::clean::{clean, Input};
use jingwen_fuzz::{
    body, check_clean, check_no_invented_text, clean_options, expand, CLEAN_FRAGMENTS, CLEAN_HEADER,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = clean_options(data);
    // An override only applies to bytes; keep it anyway (it must be ignored).
    let text = expand(body(data, CLEAN_HEADER), CLEAN_FRAGMENTS);
    let r = clean(Input::Text(&text), &options).expect("text input within the size limit");
    check_clean(&r);
    check_no_invented_text(&text, &r);
    // The same text, refused when over a limit.
    options.max_bytes = text.len() / 2;
    if !text.is_empty() {
        assert!(clean(Input::Text(&text), &options).is_err());
    }
});
