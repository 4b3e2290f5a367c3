//! Before a converter builds its tries it answers from the dictionary files,
//! decoding one first-character block at a time, which is what a first, short
//! conversion uses. This runs
//! every configuration on short lines of the official OpenCC's differential
//! inputs while staying under the build thresholds, so that every answer comes
//! from that path, and compares each line with OpenCC's. (Its own test binary:
//! the tries, once built, are shared by the whole process.)

mod common;

use common::reference_cases;
use jingwen::convert::Converter;

/// Less than the total a converter converts before building its tries (32 KB).
const BUDGET: usize = 28 * 1024;

#[test]
fn short_texts_before_the_tries_are_built_match_official_opencc() {
    let mut failures = Vec::new();
    let mut lines_checked = 0;
    for (config, input, text, expected) in reference_cases() {
        // A converter per input (each spends at most half the budget), made
        // after `prepare` as a page makes it (which shares what that opened).
        Converter::prepare(config);
        let conv = Converter::new(config).unwrap();
        let mut spent = 0;
        // Lines of every length up to a few hundred bytes, from the whole file.
        for (line, want) in text.lines().zip(expected.lines()).step_by(7) {
            if line.len() > 600 || spent + line.len() > BUDGET / 2 {
                continue;
            }
            spent += line.len();
            lines_checked += 1;
            let got = conv.convert(line);
            if got != want {
                failures.push(format!(
                    "{config} {input}: {line:?} → {got:?}, OpenCC {want:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(10)].join("\n")
    );
    assert!(lines_checked > 500, "only {lines_checked} lines checked");
}
