//! Text + a keyword list + options → `Highlighter::find` and `to_html`, checking
//! the result's invariants.
//!
//! Input: byte 0 the options (bit 0 case_insensitive, 1 fold_width, 2
//! fold_script, 3 whole_word, 4 ignore_whitespace; bit 5 inverts 0 and 1, so
//! the all-zero header means the defaults); then segments separated by 0xFF:
//! the text, then the keywords.
#![no_main]

use jingwen::highlight::{HighlightOptions, Highlighter, Match};
use jingwen_fuzz::{body, byte, segments, CHAR_FRAGMENTS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let b = byte(data, 0);
    let defaults = b & 0x20 == 0;
    let options = HighlightOptions {
        case_insensitive: (b & 1 != 0) != defaults,
        fold_width: (b & 2 != 0) != defaults,
        fold_script: b & 4 != 0,
        whole_word: b & 8 != 0,
        ignore_whitespace: b & 16 != 0,
    };
    let segs = segments(body(data, 1), CHAR_FRAGMENTS);
    let text = &segs[0];
    let keywords: Vec<&str> = segs[1..].iter().take(256).map(String::as_str).collect();
    let h = Highlighter::new(&keywords, &options).expect("native builds embed the dictionaries");
    let r = h.find(text);

    // UTF-16 boundaries of the text.
    let units: Vec<u16> = text.encode_utf16().collect();
    let boundary =
        |u: usize| u == units.len() || (u < units.len() && !(0xDC00..0xE000).contains(&units[u]));

    assert_eq!(r.counts.len(), keywords.len());
    assert_eq!(
        r.counts.iter().sum::<usize>(),
        r.matches.len(),
        "counts do not sum to matches"
    );
    let skipped: Vec<usize> = (0..keywords.len())
        .filter(|&i| keywords[i].chars().all(char::is_whitespace))
        .collect();
    assert_eq!(r.skipped, skipped);
    for (i, m) in r.matches.iter().enumerate() {
        assert!(m.start < m.end, "empty match {m:?}");
        assert!(m.end <= units.len(), "match past the end {m:?}");
        assert!(
            boundary(m.start) && boundary(m.end),
            "match splits a character {m:?}"
        );
        assert!(m.keyword < keywords.len() && !skipped.contains(&m.keyword));
        if i > 0 {
            assert!(
                r.matches[i - 1].end <= m.start,
                "matches overlap or are out of order"
            );
        }
    }
    for (k, &n) in r.counts.iter().enumerate() {
        assert_eq!(n, r.matches.iter().filter(|m| m.keyword == k).count());
    }
    // Without script folding and whitespace skipping, the matches are exactly
    // what a naive leftmost-longest search of the (documented) folding finds.
    if !options.fold_script && !options.ignore_whitespace {
        let chars = text.chars().count();
        let work: usize = keywords.iter().map(|k| k.len()).sum::<usize>() * chars;
        if work <= 1 << 22 {
            assert_eq!(
                r.matches,
                naive(text, &keywords, &options),
                "differs from a naive search"
            );
        }
    }

    // HTML: with the marks taken out and the entities decoded, exactly the text,
    // marked exactly where `find` found the matches.
    let html = h.to_html(text);
    let (plain, marks) = unmark(&html);
    assert_eq!(&plain, text, "to_html changed the text");
    assert_eq!(marks, r.matches, "to_html marked other spans than find");
});

/// Undoes `to_html`: the text, and the marks (positions in UTF-16 units).
fn unmark(html: &str) -> (String, Vec<Match>) {
    let mut plain = String::with_capacity(html.len());
    let mut marks = Vec::new();
    let mut units = 0;
    let mut open: Option<(usize, usize)> = None;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("<mark data-keyword=\"") {
            let q = r.find("\">").expect("mark tag closes");
            let keyword = r[..q].parse().expect("keyword index");
            assert!(open.is_none(), "nested mark");
            open = Some((units, keyword));
            rest = &r[q + 2..];
            continue;
        }
        if let Some(r) = rest.strip_prefix("</mark>") {
            let (start, keyword) = open.take().expect("</mark> without <mark>");
            marks.push(Match {
                start,
                end: units,
                keyword,
            });
            rest = r;
            continue;
        }
        assert!(
            c != '<' && c != '>' && c != '"' && c != '\'',
            "unescaped {c:?} in HTML"
        );
        let (decoded, len) = if c == '&' {
            let entities = [
                ("&amp;", '&'),
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&quot;", '"'),
                ("&#39;", '\''),
            ];
            let (e, d) = entities
                .iter()
                .find(|(e, _)| rest.starts_with(e))
                .expect("known entity");
            (*d, e.len())
        } else {
            (c, c.len_utf8())
        };
        plain.push(decoded);
        units += decoded.len_utf16();
        rest = &rest[len..];
    }
    assert!(open.is_none(), "unclosed mark");
    (plain, marks)
}

/// The documented folding: full-width ASCII and U+3000 to ASCII; simple 1:1
/// lowercase of ASCII and of the Latin blocks.
fn fold(c: char, o: &HighlightOptions) -> char {
    let mut c = c;
    if o.fold_width {
        c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
            '\u{3000}' => ' ',
            _ => c,
        };
    }
    if o.case_insensitive {
        let latin = matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' | '\u{FF21}'..='\u{FF3A}');
        if c.is_ascii() {
            c = c.to_ascii_lowercase();
        } else if latin {
            let mut l = c.to_lowercase();
            if let (Some(l), None) = (l.next(), l.next()) {
                c = l;
            }
        }
    }
    c
}

/// Leftmost-longest, non-overlapping, by brute force (positions in UTF-16 units).
fn naive(text: &str, keywords: &[&str], o: &HighlightOptions) -> Vec<Match> {
    let t: Vec<char> = text.chars().map(|c| fold(c, o)).collect();
    let mut units = vec![0];
    for c in text.chars() {
        units.push(units.last().unwrap() + c.len_utf16());
    }
    let mut patterns: Vec<(Vec<char>, usize)> = Vec::new();
    for (i, k) in keywords.iter().enumerate() {
        if k.chars().all(char::is_whitespace) {
            continue;
        }
        let p: Vec<char> = k.chars().map(|c| fold(c, o)).collect();
        if !patterns.iter().any(|(q, _)| *q == p) {
            patterns.push((p, i));
        }
    }
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let mut best: Option<(usize, usize)> = None;
        for (p, k) in &patterns {
            let end = i + p.len();
            if end > t.len() || t[i..end] != p[..] {
                continue;
            }
            if o.whole_word {
                let before = word(p.first()) && i > 0 && word(t.get(i - 1));
                let after = word(p.last()) && word(t.get(end));
                if before || after {
                    continue;
                }
            }
            if best.is_none_or(|(e, _)| end > e) {
                best = Some((end, *k));
            }
        }
        match best {
            Some((end, keyword)) => {
                out.push(Match {
                    start: units[i],
                    end: units[end],
                    keyword,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}
