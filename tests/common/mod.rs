//! Shared by the OpenCC differential tests: the official OpenCC's outputs on
//! real text, made once per checkout.

use jingwen::convert::Config;
use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("JINGWEN_PYTHON") {
        return p.into();
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    if venv.exists() {
        venv
    } else {
        "python3".into()
    }
}

/// Where the official outputs are (`{config}.{news,keys}.{in,out}`), made if missing.
pub fn reference_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/opencc-reference");
    if !dir.join("STAMP").exists() {
        let py = python();
        for script in ["scripts/fetch_corpus.py", "tests/tools/opencc_reference.py"] {
            let mut cmd = Command::new(&py);
            cmd.arg(root.join(script));
            if script.ends_with("reference.py") {
                cmd.arg(&dir);
            }
            let status = cmd
                .status()
                .unwrap_or_else(|e| panic!("{}: {e}", py.display()));
            assert!(
                status.success(),
                "{script} failed; it needs the official OpenCC: `{} -m pip install opencc==1.4.2` (scripts/test sets this up)",
                py.display()
            );
        }
    }
    dir
}

/// Every configuration's reference inputs with the official outputs:
/// (config, input name — "news" or "keys" —, input text, OpenCC's output).
pub fn reference_cases() -> impl Iterator<Item = (Config, &'static str, String, String)> {
    let dir = reference_dir();
    Config::ALL.iter().flat_map(move |&config| {
        let dir = dir.clone();
        ["news", "keys"].into_iter().map(move |input| {
            let read = |ext: &str| {
                std::fs::read_to_string(dir.join(format!("{config}.{input}.{ext}"))).unwrap()
            };
            (config, input, read("in"), read("out"))
        })
    })
}
