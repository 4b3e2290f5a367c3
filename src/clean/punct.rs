//! Restoring punctuation that NFKC folding turned into ASCII.
//!
//! Some scrapes pass text through NFKC, which turns ，：；？！（） into
//! , : ; ? ! ( ) while leaving 。“” alone. Such a document is recognized by
//! ASCII marks sitting next to Chinese characters, and only then repaired:
//! , : ; ? ! beside a Chinese character become full width, and ( ) become （ ）
//! only when they enclose Chinese — so "(1)", "(★★★★★)" and "93(01)" stay.
//! HTML keeps exactly the punctuation of its source.

use super::chars::{is_cjk, is_han};

fn full(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// Does the document look NFKC-folded? (More ASCII marks beside Chinese than full-width ones.)
pub fn looks_folded<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut ascii, mut fullwidth) = (0usize, 0usize);
    for line in lines {
        let cs: Vec<char> = line.chars().collect();
        for (i, &c) in cs.iter().enumerate() {
            if matches!(c, '，' | '：' | '；' | '？' | '！' | '（' | '）') {
                fullwidth += 1;
            } else if matches!(c, ',' | ':' | ';' | '(' | ')') {
                let left = i > 0 && is_han(cs[i - 1]);
                let right = cs.get(i + 1).is_some_and(|n| is_han(*n));
                if left || right {
                    ascii += 1;
                }
            }
        }
    }
    ascii >= 3 && ascii > fullwidth
}

/// One restored mark: the characters `start..end` of the line (char indices: the
/// mark, and a space beside it that a full-width mark no longer needs) became `after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub after: char,
}

/// Restores full-width punctuation in one line; returns the line and each mark restored.
pub fn restore(line: &str) -> (String, Vec<Fix>) {
    let cs: Vec<char> = line.chars().collect();
    let mut out: Vec<char> = cs.clone();
    // Neighbours skip spaces: "好, 我们".
    let neighbour = |i: usize, step: isize| -> Option<char> {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < cs.len() {
            let c = cs[j as usize];
            if c != ' ' {
                return Some(c);
            }
            j += step;
        }
        None
    };
    for i in 0..cs.len() {
        if let Some(f) = full(cs[i]) {
            let cjk_side =
                neighbour(i, -1).is_some_and(is_cjk) || neighbour(i, 1).is_some_and(is_cjk);
            // "3:00" and "1,000" are not sentences.
            let digits = neighbour(i, -1).is_some_and(|c| c.is_ascii_digit())
                && neighbour(i, 1).is_some_and(|c| c.is_ascii_digit());
            if cjk_side && !digits {
                out[i] = f;
            }
        }
    }
    // Parentheses: a matched pair enclosing Chinese.
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..cs.len() {
        match cs[i] {
            '(' => stack.push(i),
            ')' => {
                if let Some(open) = stack.pop() {
                    if cs[open + 1..i].iter().any(|c| is_han(*c)) {
                        out[open] = '（';
                        out[i] = '）';
                    }
                }
            }
            _ => {}
        }
    }
    // Only marks are ever replaced, and only by their full-width forms.
    let restored = |i: usize| out[i] != cs[i];
    let mut fixes: Vec<Fix> = (0..cs.len())
        .filter(|&i| restored(i))
        .map(|i| Fix {
            start: i,
            end: i + 1,
            after: out[i],
        })
        .collect();
    // A full-width mark needs no space next to it ("，我们" not "， 我们"): the
    // space goes, as part of the mark's fix (the one before it, if both border it).
    let mut fix_at = vec![usize::MAX; cs.len()];
    for (k, f) in fixes.iter().enumerate() {
        fix_at[f.start] = k;
    }
    let mut s = String::with_capacity(line.len());
    for (i, c) in out.iter().enumerate() {
        if *c == ' ' {
            if i > 0 && restored(i - 1) {
                fixes[fix_at[i - 1]].end = i + 1;
                continue;
            }
            if i + 1 < cs.len() && restored(i + 1) {
                fixes[fix_at[i + 1]].start = i;
                continue;
            }
        }
        s.push(*c);
    }
    (s, fixes)
}

/// Where each character of `text` lies in `src` (byte offsets), when `text` is
/// `src` with characters left out (pinyin annotations, surplus and zero-width
/// spaces); a space in `text` stands for any whitespace (a tab, U+3000).
/// `None` when it is not (a line rewritten, or `src` cut short).
pub fn align(text: &str, src: &str) -> Option<Vec<usize>> {
    let mut at = Vec::with_capacity(text.len() / 2);
    let mut rest = src.char_indices();
    'text: for c in text.chars() {
        for (i, s) in rest.by_ref() {
            if s == c || (c == ' ' && s.is_whitespace()) {
                at.push(i);
                continue 'text;
            }
        }
        return None;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_only_beside_chinese() {
        assert_eq!(
            restore("8月28日,运城市委书记强调,要深入贯彻").0,
            "8月28日，运城市委书记强调，要深入贯彻"
        );
        assert_eq!(restore("各县(市、区)要协同").0, "各县（市、区）要协同");
        assert_eq!(
            restore("(1)首先 (★★★★★) 93(01) 3:00 1,000").0,
            "(1)首先 (★★★★★) 93(01) 3:00 1,000"
        );
        assert_eq!(restore("采取了什么措施?”针对").0, "采取了什么措施？”针对");
        assert_eq!(
            restore("驻马店网讯(记者 刘华山 周由/文 弓华静/图)8月5日下午,市委").0,
            "驻马店网讯（记者 刘华山 周由/文 弓华静/图）8月5日下午，市委"
        );
        assert_eq!(
            restore("“落地核酸+点对点转运”全链条").0,
            "“落地核酸+点对点转运”全链条"
        );
    }

    #[test]
    fn each_restored_mark_is_reported_with_the_space_it_drops() {
        let (out, fixes) = restore("他说, 要(先)做,再 (想)");
        assert_eq!(out, "他说，要（先）做，再（想）");
        let line: Vec<char> = "他说, 要(先)做,再 (想)".chars().collect();
        let spans: Vec<(String, char)> = fixes
            .iter()
            .map(|f| (line[f.start..f.end].iter().collect(), f.after))
            .collect();
        let expected = [
            (", ", '，'),
            ("(", '（'),
            (")", '）'),
            (",", '，'),
            (" (", '（'),
            (")", '）'),
        ];
        let expected: Vec<(String, char)> =
            expected.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(spans, expected);
        // Nothing to restore, nothing reported.
        assert_eq!(restore("3:00 1,000 (1)").1, vec![]);
    }

    #[test]
    fn text_is_lined_up_with_its_source() {
        let src = "教(jiāo)育,\t很好\u{200B}!";
        let text = "教育, 很好!";
        let at = align(text, src).unwrap();
        let found: String = at
            .iter()
            .map(|&i| src[i..].chars().next().unwrap())
            .collect();
        assert_eq!(found, "教育,\t很好!");
        // Not a subsequence (more text than the source has).
        assert_eq!(align("教育,很好。下一段", src), None);
    }

    #[test]
    fn detection() {
        assert!(looks_folded(
            ["他强调,要深入贯彻,坚持(外防输入)"].into_iter()
        ));
        assert!(!looks_folded(
            ["他强调，要深入贯彻，坚持（外防输入）, ok"].into_iter()
        ));
    }
}
