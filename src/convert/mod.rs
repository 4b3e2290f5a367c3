//! Simplified/traditional Chinese conversion, byte-identical to OpenCC 1.4.2.
//!
//! ```
//! use jingwen::convert::{convert, Config};
//! assert_eq!(convert("头发", Config::S2T).unwrap(), "頭髮");
//! ```
//!
//! A [`Converter`] is built once per configuration (cheap after the first: the
//! dictionary matchers are cached and shared) and converts text of any size in
//! linear time.

pub mod blocks;
mod config;
pub mod dictfile;
mod engine;
mod lazy;
mod output;
mod registry;
mod trie;
mod user_dict;
mod values;

pub use config::{dict_info, Config, ConfigSpec, DictInfo, GroupSpec, CONFIGS, DICTS};
pub use registry::{cached_bytes, is_available, load_dict, register_dictionary};
pub use trie::PrefixMap;
pub use user_dict::{Piece, UserDict};

use crate::error::Result;
use engine::{
    convert_segment, convert_two_steps, segment, segment_and_convert, two_steps_apply, Matcher,
};
use output::Output;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use trie::TwoStepTable;

/// Options of a [`Converter`].
#[derive(Debug, Clone)]
pub struct ConverterOptions {
    /// The user's own overrides, applied before (and protected from) the built-in dictionaries.
    pub user_dictionary: Option<UserDict>,
    /// Use dictionaries OpenCC marks `may_output_tofu` (characters that old fonts
    /// lack). OpenCC's default, and ours, is `true`.
    pub include_tofu_risk: bool,
}

impl Default for ConverterOptions {
    fn default() -> Self {
        ConverterOptions {
            user_dictionary: None,
            include_tofu_risk: true,
        }
    }
}

/// A ready-to-use conversion for one configuration.
#[derive(Debug)]
pub struct Converter {
    config: Config,
    normalization: Vec<Matcher>,
    segmentation: Option<Matcher>,
    chain: Vec<Matcher>,
    /// Segmentation is fused into the first step (see [`engine::segment_and_convert`]).
    fused: bool,
    user: Option<UserDict>,
    /// Bytes converted before the tries were built (see [`Converter::convert_to`]).
    unbuilt_bytes: AtomicUsize,
    built: AtomicBool,
    /// The table [`convert_two_steps`] runs the chain with, if it can (made
    /// once its maps are built).
    two_steps: OnceLock<Option<TwoStepTable>>,
}

/// A text this long builds the tries it needs before converting (below it,
/// looking positions up block by block is quicker than decoding everything and
/// building the trie: measured for s2t on news text, a 15 KB text took 22 ms
/// by blocks and 34 ms by building first in Node's wasm, 9 and 17 ms natively) …
const BUILD_AT_BYTES: usize = 16 * 1024;
/// … as do smaller texts once this much has been converted without them.
const BUILD_AFTER_BYTES: usize = 32 * 1024;

impl Converter {
    /// The converter for `config` with default options.
    pub fn new(config: Config) -> Result<Self> {
        Self::with_options(config, ConverterOptions::default())
    }

    /// The converter for `config`.
    pub fn with_options(config: Config, options: ConverterOptions) -> Result<Self> {
        let spec = config.spec();
        let name = config.name();
        let tofu = options.include_tofu_risk;
        let build = |g: &GroupSpec| registry::matcher(g, name, tofu);
        let chain: Vec<Matcher> = spec.chain.iter().map(build).collect::<Result<_>>()?;
        let fused = Self::can_fuse(spec, &chain, tofu)?;
        let normalization = spec
            .normalization
            .iter()
            .map(build)
            .collect::<Result<_>>()?;
        let segmentation = if fused {
            None
        } else {
            spec.segmentation.as_ref().map(build).transpose()?
        };
        let user = options.user_dictionary.filter(|u| !u.is_empty());
        Ok(Self::assemble(
            config,
            normalization,
            segmentation,
            chain,
            fused,
            user,
        ))
    }

    /// A converter of these steps, nothing converted yet.
    fn assemble(
        config: Config,
        normalization: Vec<Matcher>,
        segmentation: Option<Matcher>,
        chain: Vec<Matcher>,
        fused: bool,
        user: Option<UserDict>,
    ) -> Self {
        let mut conv = Converter {
            config,
            normalization,
            segmentation,
            chain,
            fused,
            user,
            unbuilt_bytes: AtomicUsize::new(0),
            built: AtomicBool::new(false),
            two_steps: OnceLock::new(),
        };
        // Tries another converter built are shared: nothing left to decide.
        let built = conv.matchers().all(Matcher::is_built);
        *conv.built.get_mut() = built;
        conv
    }

    /// Readies what a first conversion with `config` needs and has at hand
    /// before its dictionaries arrive (a browser calls this while they
    /// download): the normalization table, which is embedded (opened now and
    /// kept for the converter made later), and the conversion code itself. A
    /// fresh wasm module compiles each function on its first call, on the main
    /// thread (Chromium: ~5 ms of a first s2t converter and conversion), so
    /// a real conversion of one compatibility ideograph runs through that
    /// table alone, its result dropped. Does nothing if the table is missing.
    pub fn prepare(config: Config) {
        let normalize = |g: &GroupSpec| registry::matcher(g, config.name(), true);
        let Ok(chain) = config.spec().normalization.iter().map(normalize).collect() else {
            return;
        };
        let conv = Self::assemble(config, Vec::new(), None, chain, false, None);
        conv.convert_utf16("\u{F900}", &mut Vec::new());
    }

    /// Can segmentation run fused with the first step? Only when the segmentation
    /// dictionaries are exactly the first step's phrase dictionaries (keys of two
    /// or more characters), followed in that step only by single-character
    /// dictionaries, and no key starts with an IDS operator.
    fn can_fuse(spec: &ConfigSpec, chain: &[Matcher], tofu: bool) -> Result<bool> {
        let (Some(seg), Some(first), Some(map)) = (
            &spec.segmentation,
            spec.chain.first(),
            chain.first().filter(|m| m.is_map()),
        ) else {
            return Ok(false);
        };
        let (Some(seg_tiers), Some(step_tiers)) =
            (registry::tiers(seg, tofu)?, registry::tiers(first, tofu)?)
        else {
            return Ok(false);
        };
        let ([seg_names], [step_names]) = (seg_tiers.as_slice(), step_tiers.as_slice()) else {
            return Ok(false);
        };
        let Some(rest) = step_names.strip_prefix(seg_names.as_slice()) else {
            return Ok(false);
        };
        let phrases = seg_names
            .iter()
            .map(|n| registry::key_lengths(n))
            .collect::<Result<Vec<_>>>()?;
        let chars = rest
            .iter()
            .map(|n| registry::key_lengths(n))
            .collect::<Result<Vec<_>>>()?;
        let no_ids = ('\u{2FF0}'..='\u{2FFF}').all(|c| !map.may_start(c));
        Ok(
            phrases.iter().all(|&(lo, _)| lo >= 2)
                && chars.iter().all(|&(_, hi)| hi <= 1)
                && no_ids,
        )
    }

    /// Builds every trie this conversion needs now (otherwise built when the
    /// texts converted make it worth it; see the `lazy` module). Idempotent. A
    /// dictionary file that turns out corrupt when decoded in full keeps being
    /// looked up block by block (a safe result; see [`blocks`]).
    pub fn build(&self) {
        self.matchers().for_each(Matcher::build);
        self.built.store(true, Ordering::Relaxed);
    }

    fn matchers(&self) -> impl Iterator<Item = &Matcher> {
        self.normalization
            .iter()
            .chain(&self.segmentation)
            .chain(&self.chain)
    }

    /// The configuration.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_to(text, &mut out, true);
        out
    }

    /// The same conversion with each segment's steps run one after another,
    /// never in one pass ([`convert_two_steps`]): the reference that path is
    /// held to by tests and fuzzing. Not for use: it is slower.
    #[doc(hidden)]
    pub fn convert_step_by_step(&self, text: &str) -> String {
        let mut out = String::new();
        self.convert_to(text, &mut out, false);
        out
    }

    /// Converts `text`, appending the result to `out` as UTF-16 code units
    /// (for JavaScript, whose strings are UTF-16: written as it is converted,
    /// with no second pass). `out` grows as needed; a caller that knows the
    /// text's length in UTF-16 (a JS string's length) saves the growing by
    /// reserving that much and a little more first.
    pub fn convert_utf16(&self, text: &str, out: &mut Vec<u16>) {
        self.convert_to(text, out, true);
    }

    /// `one_pass`: may two steps run in one pass (see [`Converter::convert_step_by_step`])?
    fn convert_to(&self, text: &str, out: &mut impl Output, one_pass: bool) {
        // A first, short text is answered from the dictionary files block by
        // block, which is quicker than building the tries first: it keeps the time to a
        // first conversion down. Big texts, and many small ones, get the tries.
        if !self.built.load(Ordering::Relaxed) {
            let before = self.unbuilt_bytes.fetch_add(text.len(), Ordering::Relaxed);
            if text.len() >= BUILD_AT_BYTES || before + text.len() >= BUILD_AFTER_BYTES {
                self.build();
            }
        }
        match &self.user {
            None => self.convert_into(text, out, one_pass),
            Some(user) => user.split(text, |piece| match piece {
                Piece::Plain(plain) => self.convert_into(plain, out, one_pass),
                Piece::Replacement(value) => out.push_str(value),
            }),
        }
    }

    /// The two maps of a fused two-step chain and their table, when
    /// [`convert_two_steps`] can run them (built; see [`two_steps_apply`],
    /// asked once).
    fn two_steps(&self) -> Option<(&PrefixMap, &PrefixMap, &TwoStepTable)> {
        let [first, next] = &self.chain[..] else {
            return None;
        };
        let (first, next) = (first.as_map()?, next.as_map()?);
        let table = self.two_steps.get_or_init(|| {
            let mut table = two_steps_apply(first, next)
                .then(|| first.two_step_table(next))
                .flatten()?;
            table.compose_values(first, |value, out| {
                convert_segment(&self.chain[1], value, out)
            });
            Some(table)
        });
        Some((first, next, table.as_ref()?))
    }

    /// Converts `text` with the built-in dictionaries only, appending to `out`.
    fn convert_into<O: Output>(&self, text: &str, out: &mut O, one_pass: bool) {
        let mut normalized = std::borrow::Cow::Borrowed(text);
        for m in &self.normalization {
            // Compatibility ideographs are rare: usually one scan proves there are none.
            if !m.may_match(&normalized) {
                continue;
            }
            let mut next = String::with_capacity(normalized.len());
            convert_segment(m, &normalized, &mut next);
            normalized = std::borrow::Cow::Owned(next);
        }
        if self.fused {
            return self.convert_fused(&normalized, out, one_pass);
        }
        // Scratch for the steps between a segment's first and last (see run_steps).
        let (mut a, mut b) = (String::new(), String::new());
        let mut run_chain =
            |seg: &str, out: &mut O| run_steps(&self.chain, seg, &mut a, &mut b, out);
        match &self.segmentation {
            None => run_chain(&normalized, out),
            Some(seg) => segment(seg, &normalized, |s| run_chain(s, out)),
        }
    }

    /// [`Converter::convert_into`] for a configuration whose segmentation runs
    /// fused with its first step. A function of its own so that a first,
    /// short s2t or t2s conversion does not compile it: a fresh wasm module
    /// compiles each function on its first call, and this one is most of
    /// the conversion code (in Chromium the first s2t conversion had spent
    /// ~2 ms compiling it).
    #[inline(never)]
    fn convert_fused<O: Output>(&self, text: &str, out: &mut O, one_pass: bool) {
        // Scratch for the steps between a segment's first and last (see run_steps).
        let (mut a, mut b) = (String::new(), String::new());
        // The first step ran during segmentation; each segment continues with the rest.
        let rest = &self.chain[1..];
        if let Some((first, next, table)) = self.two_steps().filter(|_| one_pass) {
            // Phrases are written from the table; the rest (one-character
            // values) are rare, and go through the chain.
            convert_two_steps(first, next, table, text, out, |seg, out| {
                run_steps(rest, seg, &mut a, &mut b, out)
            });
            return;
        }
        // A phrase is a segment of its own, and phrases repeat (10 MB of
        // news has ~190k phrase segments of a few thousand distinct
        // phrases): the rest of the chain runs once per phrase, its output
        // kept in `done` by value id. Only for texts big enough to repay
        // the table (a slot per phrase value of the first step).
        let values = self.chain[0].as_map().map_or(0, PrefixMap::len);
        let mut memo = if rest.is_empty() || text.len() < 32 * 1024 {
            Vec::new()
        } else {
            vec![(u32::MAX, 0u32); values]
        };
        let mut done = O::default();
        segment_and_convert(&self.chain[0], text, |seg, phrase| {
            let Some(slot) = phrase.and_then(|id| memo.get_mut(id as usize)) else {
                return run_steps(rest, seg, &mut a, &mut b, out);
            };
            if slot.0 == u32::MAX {
                let start = done.len();
                run_steps(rest, seg, &mut a, &mut b, &mut done);
                *slot = (start as u32, done.len() as u32);
            }
            out.push_from(&done, slot.0 as usize..slot.1 as usize);
        });
    }
}

/// Conversion `steps` in turn on one segment, the last writing to `out`
/// (`a` and `b` hold the steps in between).
fn run_steps<O: Output>(steps: &[Matcher], seg: &str, a: &mut String, b: &mut String, out: &mut O) {
    match steps {
        [] => out.push_str(seg),
        [only] => convert_segment(only, seg, out),
        [first, middle @ .., last] => {
            a.clear();
            convert_segment(first, seg, a);
            for m in middle {
                b.clear();
                convert_segment(m, a, b);
                std::mem::swap(a, b);
            }
            convert_segment(last, a, out);
        }
    }
}

/// Converts `text` with `config` (converters are cached per configuration).
pub fn convert(text: &str, config: Config) -> Result<String> {
    Ok(cached(config)?.convert(text))
}

/// The shared default converter for `config`.
pub fn cached(config: Config) -> Result<Arc<Converter>> {
    static CACHE: OnceLock<Mutex<HashMap<Config, Arc<Converter>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(c) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&config) {
        return Ok(c.clone());
    }
    let conv = Arc::new(Converter::new(config)?);
    Ok(cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(config)
        .or_insert(conv)
        .clone())
}
