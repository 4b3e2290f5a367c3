//! Dictionary files ("JWD1") as the browser fetches them: arbitrary bytes →
//! `dictfile::decode`, with and without the base dictionary the header names.
//! A file that decodes must encode and decode back to the same entries.
#![no_main]

use jingwen::convert::dictfile::{decode, encode, header, DictData};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data, None);
    let base = match header(data) {
        Ok((_, Some(base_name))) => Some(DictData::from_pairs(
            &base_name,
            [("发", "發"), ("后", "後"), ("干", ""), ("𠀀", "𠀀𠀀")],
        )),
        _ => None,
    };
    if let Ok(dict) = decode(data, base.as_ref()) {
        let again = decode(&encode(&dict, base.as_ref()), base.as_ref()).expect("re-encoded");
        assert!(
            dict.iter().eq(again.iter()),
            "entries changed on a round trip"
        );
    }
});
