//! Differential test against the official OpenCC 1.4.2 (PyPI `opencc`): ~400 KB
//! of real news prose and every dictionary key, through every configuration,
//! must come out byte-identical.
//!
//! The reference outputs are produced by `tests/tools/opencc_reference.py`
//! (run here; it needs `pip install opencc==1.4.2`, which `scripts/test` does in
//! `.venv`). Set `JINGWEN_PYTHON` to use another interpreter.

mod common;

use common::reference_cases;
use jingwen::convert::Converter;

/// The first differing line, for a readable failure.
fn first_difference(ours: &str, theirs: &str) -> String {
    for (i, (a, b)) in ours.lines().zip(theirs.lines()).enumerate() {
        if a != b {
            let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            let ctx = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(8))
                    .take(24)
                    .collect::<String>()
            };
            return format!("line {}: ours …{}… vs OpenCC …{}…", i + 1, ctx(a), ctx(b));
        }
    }
    format!("lengths differ: {} vs {} bytes", ours.len(), theirs.len())
}

#[test]
fn identical_to_official_opencc_on_every_config() {
    let mut failures = Vec::new();
    let mut bytes = 0;
    for (config, input, text, expected) in reference_cases() {
        let conv = Converter::new(config).unwrap();
        bytes += text.len();
        let got = conv.convert(&text);
        // The UTF-16 output (what JavaScript gets) is the same text.
        let mut utf16 = Vec::new();
        conv.convert_utf16(&text, &mut utf16);
        if !utf16.iter().copied().eq(got.encode_utf16()) {
            failures.push(format!(
                "{config} {input}: UTF-16 output differs from UTF-8"
            ));
        }
        if got != expected {
            failures.push(format!(
                "{config} {input}: {}",
                first_difference(&got, &expected)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        bytes > 16 * 2 * 300_000,
        "the inputs are real-sized ({bytes} bytes)"
    );
}
