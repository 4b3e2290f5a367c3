//! Cleans files from the command line (for trying rules and for benchmarks):
//! `cargo run --example clean -- [--report] FILE... [--out DIR]`
//! Prints the cleaned text, or writes DIR/<stem>.txt; `--report` prints every
//! removal and change with its rule.

use jingwen::clean::{clean, CleanOptions, Input};
use std::path::PathBuf;

fn main() {
    let mut files = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut report = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--report" => report = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let r = match clean(Input::Bytes(&bytes), &CleanOptions::default()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                continue;
            }
        };
        if report {
            eprintln!(
                "== {} ({:?}, {:?})",
                f.display(),
                r.format,
                r.encoding.as_ref().map(|e| e.name)
            );
            for x in &r.removed {
                eprintln!(
                    "  - [{}] {}: {}",
                    x.rule,
                    x.reason,
                    x.text
                        .chars()
                        .take(60)
                        .collect::<String>()
                        .replace('\n', "⏎")
                );
            }
            for c in &r.changed {
                eprintln!(
                    "  ~ [{}] {:?} -> {:?}",
                    c.rule,
                    c.before.chars().take(30).collect::<String>(),
                    c.after.chars().take(30).collect::<String>()
                );
            }
            eprintln!("  metadata: {:?}", r.metadata);
        }
        match &out {
            Some(dir) => {
                std::fs::create_dir_all(dir).unwrap();
                let stem = f.file_name().unwrap().to_string_lossy();
                let stem = stem.split('.').next().unwrap();
                std::fs::write(dir.join(format!("{stem}.txt")), &r.text).unwrap();
            }
            None => print!("{}", r.text),
        }
    }
}
