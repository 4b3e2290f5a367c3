//! Character classes and small text measures the cleaning rules share.

/// A Han ideograph (CJK Unified Ideographs and extensions, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF | 0x3007)
}

/// Chinese punctuation (full-width forms included).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '～'
            | '﹏'
            | '．'
    )
}

/// Chinese text: a Han character or Chinese punctuation.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Punctuation that ends a sentence (a paragraph ending with one is complete).
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '…'
            | '”'
            | '’'
            | '」'
            | '』'
            | '.'
            | '；'
            | '：'
            | ';'
            | ':'
            | '）'
            | ')'
            | '】'
            | '〕'
            | '》'
            | '"'
    )
}

/// Whitespace, including the full-width space, no-break space and zero-width characters scrapers leave.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{3000}'
                | '\u{00A0}'
                | '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{FEFF}'
                | '\u{2060}'
        )
}

/// Punctuation that separates clauses inside a sentence (ASCII forms count: the
/// text may have been NFKC-folded).
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '、' | '！' | '？' | ',' | ';')
}

/// Non-space characters.
pub fn visible_len(s: &str) -> usize {
    // Hot in every rule: count characters from the bytes, and decode only where a
    // lead byte can start a non-ASCII space (U+00A0, U+1680, U+2000–U+206F, U+3000, U+FEFF).
    let b = s.as_bytes();
    let mut n = 0;
    for (i, &x) in b.iter().enumerate() {
        match x {
            0x80..=0xBF => {}
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => {}
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = s[i..].chars().next().unwrap_or(' ');
                if !is_space(c) {
                    n += 1;
                }
            }
            _ => n += 1,
        }
    }
    n
}

/// At most the first `max` bytes of `s`, cut back to a character boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Han characters.
pub fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// Does `s` contain clause or sentence punctuation?
pub fn has_clause_punct(s: &str) -> bool {
    s.chars().any(is_clause_punct)
}

/// Does `s` end with sentence-final punctuation?
pub fn ends_terminal(s: &str) -> bool {
    s.trim_end_matches(is_space)
        .chars()
        .last()
        .is_some_and(is_terminal)
}

/// `s` without its whitespace (for comparisons that must ignore spacing).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Dice similarity of the character bigrams of `a` and `b` (0..=1), ignoring spaces.
pub fn bigram_similarity(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let cs: Vec<char> = s.chars().filter(|c| !is_space(*c)).collect();
        let mut g: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return if squeeze(a) == squeeze(b) { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (ga.len() + gb.len()) as f64
}

/// Strips one pair of surrounding brackets: （…）, (…), 【…】, […], 〔…〕.
pub fn unbracket(s: &str) -> &str {
    let t = s.trim_matches(is_space);
    for (open, close) in [
        ('（', '）'),
        ('(', ')'),
        ('【', '】'),
        ('[', ']'),
        ('〔', '〕'),
        ('「', '」'),
    ] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim_matches(is_space);
        }
    }
    t
}

/// Strips a field separator (：, :, or spaces) after a label.
pub fn strip_colon(s: &str) -> Option<&str> {
    let t = s.trim_start_matches(is_space);
    t.strip_prefix('：')
        .or_else(|| t.strip_prefix(':'))
        .map(|r| r.trim_start_matches(is_space))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('汉') && is_han('𠀀') && !is_han('a') && !is_han('，'));
        assert!(is_cjk('，') && ends_terminal("好。 ") && !ends_terminal("情况"));
        assert_eq!(visible_len(" 汉\u{3000}字 "), 2);
        assert_eq!(
            visible_len("a\u{a0}b\u{200B}。\u{FEFF}\u{2028}é𠀀\u{1680}"),
            5
        );
        assert_eq!(unbracket("（責編:李志強）"), "責編:李志強");
        assert_eq!(strip_colon(" ：王蒙"), Some("王蒙"));
        assert_eq!(prefix("汉字", 4), "汉");
        assert_eq!(prefix("汉字", 100), "汉字");
    }

    #[test]
    fn similarity() {
        assert!(
            bigram_similarity(
                "蒿慧杰到西平县遂平县督导检查疫情防控工作",
                "蒿慧杰在西平县遂平县督导检查疫情防控工作时强调"
            ) > 0.7
        );
        assert!(
            bigram_similarity(
                "劉國中在調度疫情防控工作時強調",
                "咬緊牙關 持續從嚴 堅持就是勝利"
            ) < 0.2
        );
        assert_eq!(bigram_similarity("", ""), 1.0);
    }
}
