//! Native conversion throughput on real text:
//! `cargo run --release --example convert_bench -- FILE [CONFIG…] [--once]`.
//! Configurations that read traditional text get FILE converted with s2t first.
//! `--once` converts once (for instruction counts under callgrind).
use jingwen::convert::{Config, Converter};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let once = args.iter().any(|a| a == "--once");
    let mut args = args.into_iter().filter(|a| a != "--once");
    let file = args.next().expect("FILE");
    let text = std::fs::read_to_string(&file).expect("read");
    let configs: Vec<Config> = args.map(|c| c.parse().expect("config")).collect();
    let configs = if configs.is_empty() {
        vec![Config::S2T, Config::T2S, Config::S2TWP]
    } else {
        configs
    };
    let traditional = Converter::new(Config::S2T).unwrap().convert(&text);
    let mb = text.len() as f64 / 1e6;
    for c in configs {
        let t = Instant::now();
        let conv = Converter::new(c).unwrap();
        let init = t.elapsed();
        let input = if c.name().starts_with('t') {
            &traditional
        } else {
            &text
        };
        let mut best = f64::MAX;
        for _ in 0..if once { 1 } else { 3 } {
            let t = Instant::now();
            let out = conv.convert(input);
            best = best.min(t.elapsed().as_secs_f64());
            std::hint::black_box(out);
        }
        println!(
            "{c}: init {:.1} ms, {:.1} MB/s",
            init.as_secs_f64() * 1e3,
            mb / best
        );
    }
}
