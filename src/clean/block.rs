//! The unit the cleaner works on: a block of text (a paragraph, heading, list
//! item, line …) with where it came from and what happened to it.

use super::rules::Rule;
use std::ops::Range;

/// What kind of block the document made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    /// `<h1>`…`<h6>` (level), or a Markdown `#` heading.
    Heading(u8),
    ListItem,
    /// `<figcaption>` and caption-like containers.
    Caption,
    Preformatted,
}

/// Structural hints from the HTML around a block (ancestors' elements, classes and ids).
pub mod hint {
    pub const NAV: u32 = 1;
    pub const FOOTER: u32 = 1 << 1;
    pub const ASIDE: u32 = 1 << 2;
    pub const HEADER: u32 = 1 << 3;
    pub const SHARE: u32 = 1 << 4;
    pub const RELATED: u32 = 1 << 5;
    pub const COMMENT: u32 = 1 << 6;
    pub const CAPTION: u32 = 1 << 7;
    pub const EDITOR: u32 = 1 << 9;
    pub const AD: u32 = 1 << 10;
    pub const BREADCRUMB: u32 = 1 << 11;
    pub const ARTICLE: u32 = 1 << 12;
    pub const PAGINATION: u32 = 1 << 13;
    /// Inside a link.
    pub const LINK: u32 = 1 << 14;
}

/// What happens to a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    Keep,
    /// Removed by `rule`, with a reason for the user.
    Removed(Rule, String),
    /// Joined onto the previous kept block (rule [`Rule::Join`]).
    Joined,
}

/// A block of the document.
#[derive(Debug, Clone)]
pub struct Block {
    /// Where the block's text is in the result's `source`.
    pub src: Range<usize>,
    /// The working text (inline fixes applied as rules run).
    pub text: String,
    pub kind: Kind,
    /// Characters inside links.
    pub link_chars: usize,
    /// [`hint`] bits.
    pub hints: u32,
    /// The id of the HTML element that contains it (for finding the article), if HTML.
    pub container: Option<usize>,
    /// Text input: a blank line precedes it (a section break in the scrape).
    pub gap_before: bool,
    pub fate: Fate,
}

impl Block {
    pub fn new(src: Range<usize>, text: String, kind: Kind) -> Self {
        Block {
            src,
            text,
            kind,
            link_chars: 0,
            hints: 0,
            container: None,
            gap_before: false,
            fate: Fate::Keep,
        }
    }

    /// Paragraph blocks of the given lines, for unit tests of the document rules.
    #[cfg(test)]
    pub fn paragraphs(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|l| Block::new(0..0, l.to_string(), Kind::Paragraph))
            .collect()
    }

    pub fn kept(&self) -> bool {
        self.fate == Fate::Keep
    }

    pub fn has(&self, hint: u32) -> bool {
        self.hints & hint != 0
    }

    /// Share of the visible characters that are link text.
    pub fn link_density(&self) -> f64 {
        let n = super::chars::visible_len(&self.text);
        if n == 0 {
            0.0
        } else {
            (self.link_chars as f64 / n as f64).min(1.0)
        }
    }

    pub fn remove(&mut self, rule: Rule, reason: impl Into<String>) {
        self.fate = Fate::Removed(rule, reason.into());
    }
}
