//! Native timings for the benchmark suite (`scripts/bench`; not a test).
//! Each command prints one JSON object on stdout; times are in milliseconds,
//! measured inside the process (start-up and file reading excluded).
//!
//! ```text
//! bench_native convert FILE CONFIG RUNS [OUT]   init + RUNS conversions (OUT: write the output;
//!                                               with UTF16=1 in the environment, into UTF-16 as
//!                                               the wasm binding does, and OUT is not written)
//! bench_native clean FILE... --runs RUNS        RUNS rounds of cleaning every FILE (bytes input)
//! bench_native highlight TEXT KEYWORDS RUNS     compile (keywords: one per line) + RUNS finds
//! ```
use jingwen::clean::{clean, CleanOptions, Input};
use jingwen::convert::{Config, Converter};
use jingwen::highlight::{HighlightOptions, Highlighter};
use std::hint::black_box;
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn list(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x:.3}")).collect();
    format!("[{}]", items.join(","))
}

fn usage() -> ! {
    eprintln!("usage: bench_native convert FILE CONFIG RUNS [OUT] | clean FILE... --runs RUNS | highlight TEXT KEYWORDS RUNS");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("convert") if args.len() >= 4 => {
            let text = std::fs::read_to_string(&args[1]).expect("read FILE");
            let config: Config = args[2].parse().expect("CONFIG");
            let runs: usize = args[3].parse().expect("RUNS");
            let t = Instant::now();
            let conv = Converter::new(config).expect("converter");
            let init = ms(t);
            let mut times = Vec::new();
            let mut last = String::new();
            // The path the wasm binding takes (profiling it natively is easier).
            let utf16 = std::env::var_os("UTF16").is_some();
            let mut units: Vec<u16> = Vec::new();
            for _ in 0..runs {
                let t = Instant::now();
                if utf16 {
                    units.clear();
                    conv.convert_utf16(&text, &mut units);
                    black_box(&units);
                } else {
                    last = black_box(conv.convert(&text));
                }
                times.push(ms(t));
            }
            if let Some(out) = args.get(4) {
                std::fs::write(out, &last).expect("write OUT");
            }
            println!(
                "{{\"bytes\":{},\"init_ms\":{init:.3},\"times_ms\":{}}}",
                text.len(),
                list(&times)
            );
        }
        Some("clean") => {
            let runs_at = args
                .iter()
                .position(|a| a == "--runs")
                .unwrap_or_else(|| usage());
            let runs: usize = args
                .get(runs_at + 1)
                .and_then(|r| r.parse().ok())
                .unwrap_or_else(|| usage());
            let files: Vec<Vec<u8>> = args[1..runs_at]
                .iter()
                .map(|f| std::fs::read(f).expect("read FILE"))
                .collect();
            let bytes: usize = files.iter().map(Vec::len).sum();
            let opts = CleanOptions::default();
            let mut times = Vec::new();
            let mut out_bytes = 0;
            let mut removed = 0;
            for _ in 0..runs {
                let t = Instant::now();
                out_bytes = 0;
                removed = 0;
                for f in &files {
                    let r = clean(Input::Bytes(f), &opts).expect("clean");
                    out_bytes += r.text.len();
                    removed += r.removed.len();
                    black_box(r);
                }
                times.push(ms(t));
            }
            println!(
                "{{\"bytes\":{bytes},\"out_bytes\":{out_bytes},\"removed\":{removed},\"times_ms\":{}}}",
                list(&times)
            );
        }
        Some("highlight") if args.len() >= 4 => {
            let text = std::fs::read_to_string(&args[1]).expect("read TEXT");
            let keywords: Vec<String> = std::fs::read_to_string(&args[2])
                .expect("read KEYWORDS")
                .lines()
                .map(str::to_string)
                .collect();
            let runs: usize = args[3].parse().expect("RUNS");
            let t = Instant::now();
            let h = Highlighter::new(&keywords, &HighlightOptions::default()).expect("compile");
            let compile = ms(t);
            let mut times = Vec::new();
            let mut matches = 0;
            for _ in 0..runs {
                let t = Instant::now();
                let r = h.find(&text);
                times.push(ms(t));
                matches = r.matches.len();
                black_box(r);
            }
            println!(
                "{{\"bytes\":{},\"keywords\":{},\"matches\":{matches},\"compile_ms\":{compile:.3},\"times_ms\":{}}}",
                text.len(),
                keywords.len(),
                list(&times)
            );
        }
        _ => usage(),
    }
}
