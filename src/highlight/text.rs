//! The folded copy of a text that the automaton searches, and the way back from
//! positions in that copy to positions in the original.
//!
//! The copy is built in one pass: each original character becomes its folded
//! character, except that with `ignore_whitespace` whitespace is dropped (one
//! `'\n'` stands in for a paragraph break, so no match can cross it). No
//! position table is stored, which would cost 4 bytes or more per character.
//! Instead, matches arrive in order and [`PositionMap`] walks the original and
//! the copy side by side, replaying the same per-character decision
//! ([`WhitespaceRun::step`]), so mapping all matches back is one more linear pass.

use super::fold::Folder;
use std::borrow::Cow;
use std::str::Chars;

/// What becomes of one original character in the folded copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Its folded form is copied.
    Keep,
    /// It is whitespace and left out.
    Drop,
    /// It completes a paragraph break and is replaced by [`SEPARATOR`].
    Separate,
}

/// Stands for a paragraph break in the folded copy. It is whitespace, which
/// keywords never contain when whitespace is ignored, so no match spans it.
pub(crate) const SEPARATOR: char = '\n';

/// Tracks the run of whitespace being skipped, to spot paragraph breaks: a run
/// holding two or more line breaks (a blank line).
#[derive(Debug, Default, Clone)]
pub(crate) struct WhitespaceRun {
    breaks: u8,
    after_cr: bool,
    separated: bool,
}

impl WhitespaceRun {
    /// The fate of the next character.
    #[inline]
    pub(crate) fn step(&mut self, c: char) -> Step {
        if !c.is_whitespace() {
            *self = WhitespaceRun::default();
            return Step::Keep;
        }
        let breaks = match c {
            // "\r\n" is one line break, as are a lone '\r' and '\n'.
            '\n' if self.after_cr => 0,
            '\n' | '\r' | '\u{85}' | '\u{2028}' => 1,
            // A paragraph separator or a form feed is a paragraph break by itself.
            '\u{2029}' | '\u{0C}' => 2,
            _ => 0,
        };
        self.after_cr = c == '\r';
        self.breaks = self.breaks.saturating_add(breaks);
        if self.breaks >= 2 && !self.separated {
            self.separated = true;
            Step::Separate
        } else {
            Step::Drop
        }
    }
}

/// The folded copy of a text.
#[derive(Debug)]
pub(crate) struct FoldedText<'a> {
    pub(crate) text: Cow<'a, str>,
    /// Bit `i` set: whitespace was dropped just before folded byte `i`. Only
    /// tracked when asked (whole-word matching with ignored whitespace needs
    /// it: in "foo bar" the "foo" is a whole word though the copy says "foobar").
    gaps: Vec<u64>,
}

impl<'a> FoldedText<'a> {
    /// Folds `text`; with `ignore_whitespace` drops whitespace (see the module
    /// doc); with `track_gaps` records where whitespace was dropped.
    pub(crate) fn new(
        text: &'a str,
        folder: &Folder,
        ignore_whitespace: bool,
        track_gaps: bool,
    ) -> Self {
        if folder.is_identity() && !ignore_whitespace {
            return FoldedText {
                text: Cow::Borrowed(text),
                gaps: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut gaps = Vec::new();
        if !ignore_whitespace {
            out.extend(text.chars().map(|c| folder.fold(c)));
        } else {
            if track_gaps {
                gaps = vec![0u64; text.len() / 64 + 1];
            }
            let mut run = WhitespaceRun::default();
            let mut dropped = false;
            for c in text.chars() {
                match run.step(c) {
                    Step::Keep => {
                        if dropped && track_gaps {
                            // The copy can be longer than the text (`Ⱥ`, 2
                            // bytes, lowercases to `ⱥ`, 3), so grow if needed.
                            let i = out.len();
                            if i / 64 >= gaps.len() {
                                gaps.resize(i / 64 + 1, 0);
                            }
                            gaps[i / 64] |= 1 << (i % 64);
                        }
                        dropped = false;
                        out.push(folder.fold(c));
                    }
                    Step::Drop => dropped = true,
                    Step::Separate => {
                        dropped = false;
                        out.push(SEPARATOR);
                    }
                }
            }
        }
        FoldedText {
            text: Cow::Owned(out),
            gaps,
        }
    }

    /// Was whitespace dropped just before folded byte `i`?
    #[inline]
    pub(crate) fn gap_at(&self, i: usize) -> bool {
        self.gaps
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// May the folded bytes `start..end` be a whole-word match? A match that
    /// begins (ends) with an ASCII letter or digit must not have one right
    /// before (after) it. Other matches — Chinese ones — always may. (The scan
    /// asks [`Self::inside_word`] at each end and start; the tests ask this.)
    #[cfg(test)]
    pub(crate) fn is_whole_word(&self, start: usize, end: usize) -> bool {
        !self.inside_word(start) && !self.inside_word(end)
    }

    /// Is folded byte `i` inside an ASCII word: a letter or digit on both
    /// sides, and no whitespace dropped between them? No whole-word match
    /// begins or ends there.
    #[inline]
    pub(crate) fn inside_word(&self, i: usize) -> bool {
        let t: &str = &self.text;
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        word(t[..i].chars().next_back()) && word(t[i..].chars().next()) && !self.gap_at(i)
    }
}

/// A position in the original text, in UTF-8 bytes and UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub(crate) byte: usize,
    pub(crate) unit: usize,
}

/// Maps increasing positions in the folded copy back to the original.
pub(crate) struct PositionMap<'a> {
    original: Chars<'a>,
    folded: Chars<'a>,
    /// Replays the whitespace decisions when whitespace is ignored.
    run: Option<WhitespaceRun>,
    /// Folded bytes consumed so far.
    folded_pos: usize,
    /// Original position after the characters consumed so far.
    pos: Pos,
}

impl<'a> PositionMap<'a> {
    pub(crate) fn new(original: &'a str, folded: &'a str, ignore_whitespace: bool) -> Self {
        PositionMap {
            original: original.chars(),
            folded: folded.chars(),
            run: ignore_whitespace.then(WhitespaceRun::default),
            folded_pos: 0,
            pos: Pos::default(),
        }
    }

    /// Consumes one original character; returns where it began and whether it
    /// produced a folded character (then `folded_pos` has moved past that).
    #[inline]
    fn advance(&mut self) -> Option<(Pos, bool)> {
        let c = self.original.next()?;
        let at = self.pos;
        self.pos.byte += c.len_utf8();
        self.pos.unit += c.len_utf16();
        let produced = self.run.as_mut().is_none_or(|r| r.step(c) != Step::Drop);
        if produced {
            self.folded_pos += self.folded.next().map_or(0, char::len_utf8);
        }
        Some((at, produced))
    }

    /// Where the original character that produced folded byte `start` begins.
    /// Calls must not go backwards.
    pub(crate) fn start(&mut self, start: usize) -> Pos {
        loop {
            let before = self.folded_pos;
            match self.advance() {
                None => return self.pos,
                Some((at, true)) if before >= start => return at,
                Some(_) => {}
            }
        }
    }

    /// Where the original character that produced the folded character ending
    /// at byte `end` ends (whitespace after it is not included).
    pub(crate) fn end(&mut self, end: usize) -> Pos {
        while self.folded_pos < end {
            if self.advance().is_none() {
                break;
            }
        }
        self.pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(s: &str) -> String {
        let mut run = WhitespaceRun::default();
        s.chars()
            .map(|c| match run.step(c) {
                Step::Keep => 'K',
                Step::Drop => '.',
                Step::Separate => 'S',
            })
            .collect()
    }

    #[test]
    fn paragraph_breaks_need_two_line_breaks() {
        assert_eq!(steps("a b\nc"), "K.K.K");
        assert_eq!(steps("a\n\nb"), "K.SK");
        assert_eq!(steps("a \n \n \n b"), "K...S...K", "one separator per run");
        assert_eq!(steps("a\r\nb"), "K..K", "CRLF is one line break");
        assert_eq!(steps("a\r\n\r\nb"), "K..S.K");
        assert_eq!(steps("a\r\rb"), "K.SK", "old Mac line ends");
        assert_eq!(steps("a\u{2029}b"), "KSK");
        assert_eq!(steps("a\n\u{3000}\n"), "K..S");
    }

    fn folded(text: &str, ignore: bool, gaps: bool) -> FoldedText<'_> {
        let f = Folder::new(true, true, false).unwrap();
        FoldedText::new(text, &f, ignore, gaps)
    }

    #[test]
    fn folded_copy() {
        assert_eq!(folded("ＡＢ c\n\nD", false, false).text, "ab c\n\nd");
        assert_eq!(folded("ＡＢ c\n\nD", true, false).text, "abc\nd");
        assert_eq!(folded("", true, true).text, "");
        let none = Folder::new(false, false, false).unwrap();
        assert!(matches!(
            FoldedText::new("x", &none, false, false).text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn whole_word_boundaries_see_dropped_whitespace() {
        let t = folded("foo bar", true, true);
        assert_eq!(t.text, "foobar");
        assert!(t.is_whole_word(0, 3));
        assert!(t.is_whole_word(3, 6));
        assert!(!t.is_whole_word(0, 2));
        let t = folded("foobar", true, true);
        assert!(!t.is_whole_word(0, 3));
        let t = folded("中foo中", false, false);
        assert!(t.is_whole_word(3, 6));
    }

    /// Maps folded (start, end) byte pairs back to UTF-16 positions.
    fn map(text: &str, ignore: bool, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let f = folded(text, ignore, false);
        let mut m = PositionMap::new(text, &f.text, ignore);
        spans
            .iter()
            .map(|&(s, e)| (m.start(s).unit, m.end(e).unit))
            .collect()
    }

    #[test]
    fn positions_map_back() {
        // "𠀀" is 4 bytes and 2 UTF-16 units; "Ａ" is 3 bytes folding to 1.
        assert_eq!(map("𠀀ＡＢ𠀀", false, &[(4, 6), (6, 10)]), [(2, 4), (4, 6)]);
        // Whitespace inside a match is covered, around it is not.
        assert_eq!(map(" a \n b c ", true, &[(0, 2), (2, 3)]), [(1, 6), (7, 8)]);
        // Across the separator of a paragraph break.
        assert_eq!(map("a\n\nb", true, &[(2, 3)]), [(3, 4)]);
        // Positions past the end do not panic.
        assert_eq!(map("ab", false, &[(5, 9)]), [(2, 2)]);
    }
}
