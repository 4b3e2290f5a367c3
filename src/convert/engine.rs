//! OpenCC's conversion algorithm, reproduced exactly (OpenCC 1.4.2).
//!
//! The rules, established by reading OpenCC's source and confirmed by
//! differential tests against the official build:
//! - a dictionary *group* answers a prefix lookup by its match policy:
//!   `short_circuit` takes the first member with any match (a shorter match of
//!   an earlier member beats a longer one of a later member); `union` takes the
//!   longest match across members, earlier members winning ties;
//! - a *segment* is converted left to right: the matched key is replaced by its
//!   first value; where nothing matches, one *unit* is copied unchanged — a
//!   complete Ideographic Description Sequence (IDS) if one starts there, else
//!   one character;
//! - *segmentation* (mmseg) splits the text at maximal dictionary matches; runs
//!   of unmatched units form one segment; no conversion step matches across a
//!   segment boundary.
//!
//! One deliberate difference: OpenCC passes segments as C strings, so in
//! configurations with segmentation it silently drops everything after a NUL
//! character in a segment. We never lose text, so NUL is kept as any character.

use super::trie::PrefixMap;
use std::sync::Arc;

/// A resolved dictionary group, ready to match.
#[derive(Debug)]
pub enum Matcher {
    /// One dictionary, or a `union` of dictionaries merged into one map (first
    /// member wins a repeated key, which is exactly the union tie rule).
    Map(Arc<PrefixMap>),
    /// `short_circuit`: the first member with any match.
    ShortCircuit(Vec<Matcher>),
    /// `union` of members that cannot be merged into one map.
    Union(Vec<Matcher>),
}

impl Matcher {
    /// The longest match at the start of `text` under the group's policy:
    /// (matched length in bytes, replacement).
    #[inline]
    pub fn longest<'a>(&'a self, text: &str) -> Option<(usize, &'a str)> {
        match self {
            Matcher::Map(map) => map.longest(text).map(|(len, v)| (len, map.value(v))),
            Matcher::ShortCircuit(items) => items.iter().find_map(|m| m.longest(text)),
            Matcher::Union(items) => {
                let mut best: Option<(usize, &str)> = None;
                for m in items {
                    if let Some(hit) = m.longest(text) {
                        if best.is_none_or(|(len, _)| hit.0 > len) {
                            best = Some(hit);
                        }
                    }
                }
                best
            }
        }
    }

    /// Could any key start with `c`? (False positives allowed, no false negatives.)
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        match self {
            Matcher::Map(map) => map.may_start(c),
            Matcher::ShortCircuit(items) | Matcher::Union(items) => {
                items.iter().any(|m| m.may_start(c))
            }
        }
    }
}

/// How many operands an IDS operator takes (0: not an operator).
#[inline]
fn ids_arity(c: char) -> u32 {
    match c {
        '\u{2FF2}' | '\u{2FF3}' => 3,
        '\u{2FFE}' | '\u{2FFF}' => 1,
        '\u{2FF0}'..='\u{2FFD}' => 2,
        _ => 0,
    }
}

/// OpenCC's limits on an IDS: nesting depth and code points.
const IDS_MAX_DEPTH: u32 = 16;
const IDS_MAX_CHARS: u32 = 64;

/// The byte length of the unit at the start of `text` (non-empty): a complete
/// IDS if one starts here, otherwise one character.
#[inline]
pub fn unit_len(text: &str) -> usize {
    let first = text.chars().next().expect("unit_len on empty text");
    if ids_arity(first) == 0 {
        return first.len_utf8();
    }
    ids_len(text).unwrap_or(first.len_utf8())
}

/// Parses a complete IDS at the start of `text`, iteratively (no recursion, so
/// hostile input cannot exhaust the stack): its byte length, or `None` when it
/// is incomplete or exceeds OpenCC's limits.
fn ids_len(text: &str) -> Option<usize> {
    // Each stack entry: operands still to read, and the depth budget they get.
    let mut stack: Vec<(u32, u32)> = Vec::new();
    let mut budget = IDS_MAX_DEPTH;
    for (used, (i, c)) in text.char_indices().enumerate() {
        if budget == 0 || used as u32 >= IDS_MAX_CHARS {
            return None;
        }
        let arity = ids_arity(c);
        if arity > 0 {
            stack.push((arity, budget - 1));
        } else if stack.is_empty() {
            return None; // unreachable: the first char is an operator
        } else {
            // A plain operand completes; pop every operator it finishes.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Some(i + c.len_utf8());
                };
                top.0 -= 1;
                if top.0 > 0 {
                    break;
                }
                stack.pop();
            }
            if stack.is_empty() {
                return Some(i + c.len_utf8());
            }
        }
        budget = stack.last().map(|t| t.1).unwrap_or(0);
    }
    None
}

/// Converts one segment with one matcher, appending to `out`.
pub fn convert_segment(m: &Matcher, seg: &str, out: &mut String) {
    let mut pos = 0;
    let bytes = seg.as_bytes();
    while pos < seg.len() {
        let rest = &seg[pos..];
        if let Some((len, value)) = m.longest(rest) {
            out.push_str(value);
            pos += len;
            continue;
        }
        // Copy the run of characters that can start no key in one go.
        let mut end = pos + unit_len(rest);
        while end < seg.len() {
            // ASCII never starts an OpenCC key; skip it without decoding.
            if bytes[end] < 0x80 {
                if m.may_start(bytes[end] as char) {
                    break;
                }
                end += 1;
                continue;
            }
            let c = seg[end..].chars().next().unwrap_or('\0');
            if m.may_start(c) || ids_arity(c) > 0 {
                break;
            }
            end += c.len_utf8();
        }
        out.push_str(&seg[pos..end]);
        pos = end;
    }
}

/// Splits `text` the way OpenCC's mmseg does, calling `f` on each segment.
pub fn segment(m: &Matcher, text: &str, mut f: impl FnMut(&str)) {
    let mut pos = 0;
    let mut pending = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        let c = rest.chars().next().unwrap_or('\0');
        if m.may_start(c) {
            if let Some((len, _)) = m.longest(rest) {
                if pos > pending {
                    f(&text[pending..pos]);
                }
                f(&text[pos..pos + len]);
                pos += len;
                pending = pos;
                continue;
            }
        }
        pos += unit_len(rest);
    }
    if pos > pending {
        f(&text[pending..pos]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> Matcher {
        Matcher::Map(Arc::new(PrefixMap::build(pairs.iter().copied())))
    }

    fn run(m: &Matcher, s: &str) -> String {
        let mut out = String::new();
        convert_segment(m, s, &mut out);
        out
    }

    #[test]
    fn group_policies_match_opencc() {
        // The custom-config experiment run against OpenCC 1.4.2.
        let d1 = || map(&[("AB", "x1"), ("A", "y1")]);
        let d2 = || map(&[("ABC", "x2"), ("A", "y2"), ("B", "b2")]);
        let d3 = || map(&[("ABCD", "x3"), ("C", "c3")]);
        assert_eq!(run(&Matcher::ShortCircuit(vec![d1(), d2()]), "ABC"), "x1C");
        assert_eq!(run(&Matcher::Union(vec![d1(), d2()]), "ABCD"), "x2D");
        assert_eq!(run(&Matcher::Union(vec![d1(), d2()]), "A"), "y1");
        let nested = Matcher::ShortCircuit(vec![Matcher::Union(vec![d1(), d2()]), d3()]);
        assert_eq!(run(&nested, "BC"), "b2c3");
        let nested = Matcher::Union(vec![Matcher::ShortCircuit(vec![d1(), d2()]), d3()]);
        assert_eq!(run(&nested, "ABCD"), "x3");
    }

    #[test]
    fn ids_units_are_copied_whole() {
        let m = map(&[("发", "發"), ("发展", "發展")]);
        assert_eq!(run(&m, "⿰发展发"), "⿰发展發");
        assert_eq!(run(&m, "⿰发"), "⿰發");
        assert_eq!(run(&m, "⿲发发发发"), "⿲发发发發");
        // Depth and length limits.
        let deep = "⿰".repeat(16) + &"发".repeat(17);
        assert_eq!(ids_len(&deep), None);
        let ok = "⿰".repeat(15) + &"发".repeat(16);
        assert_eq!(ids_len(&ok), Some(ok.len()));
        assert_eq!(unit_len("⿾发x"), "⿾发".len());
    }

    #[test]
    fn segmentation_buffers_unmatched_runs() {
        let m = map(&[("头发", ""), ("发展", "")]);
        let mut segs = Vec::new();
        segment(&m, "我的头发在发展中", |s| segs.push(s.to_string()));
        assert_eq!(segs, ["我的", "头发", "在", "发展", "中"]);
    }
}
