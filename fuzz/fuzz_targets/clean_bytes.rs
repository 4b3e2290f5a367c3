//! Arbitrary bytes → `clean(Input::Bytes)`, with options from a header: the
//! format forced or detected, some rules off, sometimes an encoding override.
#![no_main]

use jingwen::clean::{clean, Input};
use jingwen_fuzz::{body, check_clean, clean_options, CLEAN_HEADER};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = clean_options(data);
    if let Ok(r) = clean(Input::Bytes(body(data, CLEAN_HEADER)), &options) {
        check_clean(&r);
    }
});
