//! Exact multi-keyword highlighting that scales: thousands of keywords on
//! megabytes of text, in time linear in the text.
//!
//! ```
//! use jingwen::highlight::{highlight, highlight_html, HighlightOptions};
//! let opts = HighlightOptions { fold_script: true, ..Default::default() };
//! let r = highlight("疫情防控，頭髮", &["疫情", "疫情防控", "头发"], &opts).unwrap();
//! assert_eq!(r.counts, [0, 1, 1]);
//! assert_eq!((r.matches[1].start, r.matches[1].end, r.matches[1].keyword), (5, 7, 2));
//! let html = highlight_html("<b>", &["b"], &Default::default()).unwrap();
//! assert_eq!(html, "&lt;<mark data-keyword=\"0\">b</mark>&gt;");
//! ```
//!
//! How: all keywords go into one Aho-Corasick automaton (daachorse's charwise
//! double array), compiled once per [`Highlighter`]. Case, width and script
//! differences are removed by folding keywords and text alike, one character to
//! one character (`fold.rs`), so a match in the folded text maps back to exact
//! positions in the original (`text.rs`). Overlapping keywords resolve to the
//! leftmost-longest match, whatever their order in the list.
//!
//! Positions are UTF-16 code units, what JavaScript strings are indexed by.

mod fold;
mod html;
mod select;
mod text;

use crate::error::{Error, Result};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use fold::Folder;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::{Entry, HashMap};
use std::fmt;
use text::{FoldedText, Pos, PositionMap};

/// The keyword automaton (values: keyword indices).
type Automaton = CharwiseDoubleArrayAhoCorasick<u32>;

/// How keywords match. The defaults suit Chinese documents with some Latin
/// text: case- and width-insensitive, exact script, no word boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct HighlightOptions {
    /// Latin letters match regardless of case (simple 1:1 lowercase). Default `true`.
    pub case_insensitive: bool,
    /// Full-width ASCII (U+FF01–FF5E) matches ASCII, and the ideographic space
    /// U+3000 matches a space. Default `true`.
    pub fold_width: bool,
    /// Simplified and traditional forms match each other (头发 finds 頭髮 and
    /// vice versa), by OpenCC's single-character tables. Default `false`. In
    /// the wasm build the [`script_fold_dictionaries`] must be loaded first.
    pub fold_script: bool,
    /// A keyword that starts (ends) with an ASCII letter or digit matches only
    /// where the text has no ASCII letter or digit right before (after) it.
    /// Other keywords, such as Chinese ones, are unaffected. Default `false`.
    pub whole_word: bool,
    /// A match may contain whitespace and line breaks that the keyword lacks
    /// ("疫情\n防控" matches 疫情防控), but never a blank line: a whitespace
    /// run with two or more line breaks is a paragraph boundary. Whitespace in
    /// keywords is ignored too. Default `false`.
    pub ignore_whitespace: bool,
}

impl Default for HighlightOptions {
    fn default() -> Self {
        HighlightOptions {
            case_insensitive: true,
            fold_width: true,
            fold_script: false,
            whole_word: false,
            ignore_whitespace: false,
        }
    }
}

/// One match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Match {
    /// Where it starts in the original text, in UTF-16 code units.
    pub start: usize,
    /// Where it ends (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The index of the keyword in the caller's list.
    pub keyword: usize,
}

/// Everything found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HighlightResult {
    /// Non-overlapping matches, ordered by start.
    pub matches: Vec<Match>,
    /// Matches per keyword, one entry per keyword given. A duplicate keyword
    /// (equal to an earlier one after folding) counts 0: its matches count for
    /// the first.
    pub counts: Vec<usize>,
    /// Indexes of keywords that are empty or whitespace only (never matched).
    pub skipped: Vec<usize>,
}

/// The names of the OpenCC dictionaries `fold_script` needs. Native builds
/// embed them; in the browser, load them before building a highlighter with
/// `fold_script` (otherwise [`Highlighter::new`] returns
/// [`Error::DictionaryNotLoaded`]).
pub fn script_fold_dictionaries() -> &'static [&'static str] {
    fold::SCRIPT_DICTS
}

/// A compiled keyword list: build once, search many texts.
pub struct Highlighter {
    /// `None` when no keyword can match (all skipped, or none given).
    automaton: Option<Automaton>,
    folder: Folder,
    options: HighlightOptions,
    keyword_count: usize,
    skipped: Vec<usize>,
    /// The longest folded pattern, in UTF-8 bytes (bounds whole-word selection).
    max_len: usize,
}

impl fmt::Debug for Highlighter {
    // The automaton has no Debug of its own (and would be huge).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Highlighter")
            .field("options", &self.options)
            .field("keyword_count", &self.keyword_count)
            .field("skipped", &self.skipped)
            .finish_non_exhaustive()
    }
}

/// A match while scanning: positions in the original in bytes and in UTF-16.
struct Span {
    start: Pos,
    end: Pos,
    keyword: usize,
}

impl Highlighter {
    /// Compiles `keywords`. Empty and whitespace-only keywords are skipped
    /// (listed in [`HighlightResult::skipped`]); duplicates are compiled once.
    ///
    /// Errors: [`Error::DictionaryNotLoaded`] with `fold_script` when the
    /// dictionaries are not loaded (wasm); [`Error::InvalidKeywords`] when the
    /// list is too large for the automaton (billions of characters).
    pub fn new<S: AsRef<str>>(keywords: &[S], options: &HighlightOptions) -> Result<Self> {
        let folder = Folder::new(
            options.case_insensitive,
            options.fold_width,
            options.fold_script,
        )?;
        let mut skipped = Vec::new();
        // Folded pattern → the first keyword that folds to it.
        let mut patterns: HashMap<String, u32> = HashMap::with_capacity(keywords.len());
        let mut max_len = 0;
        for (i, keyword) in keywords.iter().enumerate() {
            let keyword = keyword.as_ref();
            if keyword.chars().all(char::is_whitespace) {
                skipped.push(i);
                continue;
            }
            let folded: String = keyword
                .chars()
                .filter(|c| !(options.ignore_whitespace && c.is_whitespace()))
                .map(|c| folder.fold(c))
                .collect();
            if let Entry::Vacant(e) = patterns.entry(folded) {
                let index = u32::try_from(i).map_err(|_| {
                    Error::InvalidKeywords(format!("more than {} keywords", u32::MAX))
                })?;
                max_len = max_len.max(e.key().len());
                e.insert(index);
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            // In list order, so the automaton does not depend on hash order.
            let mut patterns: Vec<(String, u32)> = patterns.into_iter().collect();
            patterns.sort_unstable_by_key(|p| p.1);
            // Whole-word matching needs every candidate, which only the standard
            // (overlapping) search reports; it then picks leftmost-longest itself.
            let kind = if options.whole_word {
                MatchKind::Standard
            } else {
                MatchKind::LeftmostLongest
            };
            let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(kind)
                .build_with_values(patterns)
                .map_err(|e| Error::InvalidKeywords(e.to_string()))?;
            Some(automaton)
        };
        Ok(Highlighter {
            automaton,
            folder,
            options: options.clone(),
            keyword_count: keywords.len(),
            skipped,
            max_len,
        })
    }

    /// The number of keywords given (the length of [`HighlightResult::counts`]).
    pub fn keyword_count(&self) -> usize {
        self.keyword_count
    }

    /// The options it was built with.
    pub fn options(&self) -> &HighlightOptions {
        &self.options
    }

    /// Finds every match in `text`.
    pub fn find(&self, text: &str) -> HighlightResult {
        let mut result = HighlightResult {
            matches: Vec::new(),
            counts: vec![0; self.keyword_count],
            skipped: self.skipped.clone(),
        };
        self.scan(text, |span| {
            result.counts[span.keyword] += 1;
            result.matches.push(Match {
                start: span.start.unit,
                end: span.end.unit,
                keyword: span.keyword,
            });
        });
        result
    }

    /// `text` as HTML: escaped, each match wrapped in
    /// `<mark data-keyword="i">…</mark>` (`i` the keyword's index). Neither the
    /// text nor the keywords can inject markup.
    pub fn to_html(&self, text: &str) -> String {
        let mut writer = html::HtmlWriter::new(text);
        self.scan(text, |span| {
            writer.mark(span.start.byte, span.end.byte, span.keyword)
        });
        writer.finish()
    }

    /// Calls `on` for each match, in order.
    fn scan(&self, text: &str, mut on: impl FnMut(Span)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let ignore_ws = self.options.ignore_whitespace;
        let whole_word = self.options.whole_word;
        let folded = FoldedText::new(text, &self.folder, ignore_ws, whole_word && ignore_ws);
        let mut positions = PositionMap::new(text, &folded.text, ignore_ws);
        let mut emit = |start: usize, end: usize, keyword: u32| {
            on(Span {
                start: positions.start(start),
                end: positions.end(end),
                keyword: keyword as usize,
            })
        };
        if whole_word {
            whole_words(automaton, &folded, self.max_len, &mut emit);
        } else {
            for m in automaton.leftmost_find_iter(&*folded.text) {
                emit(m.start(), m.end(), m.value());
            }
        }
    }
}

/// The leftmost-longest whole-word matches in `folded` (byte offsets in it).
///
/// A rejected candidate may not hide a valid one it overlaps, so the automaton
/// reports every candidate and [`select::Selector`] chooses among the valid
/// ones. But they are asked for only where a whole word can end: keywords that
/// extend each other (a, aa, aaa …) inside one long word had made millions of
/// candidates, all rejected (2,000 such keywords on a 400,000-letter word:
/// 14 s; now linear in the text plus the candidates at word ends).
fn whole_words(
    automaton: &Automaton,
    folded: &FoldedText,
    max_len: usize,
    emit: &mut impl FnMut(usize, usize, u32),
) {
    let mut selector = select::Selector::new(max_len);
    let mut stepper = automaton.find_overlapping_stepper();
    let mut chars = folded.text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        stepper.consume(c);
        // `folded.inside_word(end)`, from the characters at hand.
        let end = i + c.len_utf8();
        let glued = chars
            .peek()
            .is_some_and(|&(_, n)| n.is_ascii_alphanumeric());
        if glued && c.is_ascii_alphanumeric() && !folded.gap_at(end) {
            continue;
        }
        for m in stepper.matches() {
            if !folded.inside_word(m.start()) {
                selector.push(m.start(), m.end(), m.value(), emit);
            }
        }
    }
    selector.finish(emit);
}

/// Finds `keywords` in `text` (compiles a [`Highlighter`] for one use).
pub fn highlight<S: AsRef<str>>(
    text: &str,
    keywords: &[S],
    options: &HighlightOptions,
) -> Result<HighlightResult> {
    Ok(Highlighter::new(keywords, options)?.find(text))
}

/// `text` as HTML with `keywords` marked (see [`Highlighter::to_html`]).
pub fn highlight_html<S: AsRef<str>>(
    text: &str,
    keywords: &[S],
    options: &HighlightOptions,
) -> Result<String> {
    Ok(Highlighter::new(keywords, options)?.to_html(text))
}

#[cfg(test)]
mod tests;
