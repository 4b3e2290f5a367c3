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

/// Restores full-width punctuation in one line; returns the line and how many marks changed.
pub fn restore(line: &str) -> (String, usize) {
    let cs: Vec<char> = line.chars().collect();
    let mut out: Vec<char> = cs.clone();
    let mut changed = 0;
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
                changed += 1;
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
                        changed += 2;
                    }
                }
            }
            _ => {}
        }
    }
    // A full-width mark needs no space next to it ("，我们" not "， 我们").
    let mut s = String::with_capacity(line.len());
    for (i, c) in out.iter().enumerate() {
        if *c == ' ' && changed > 0 {
            let prev_full = i > 0
                && matches!(out[i - 1], '，' | '：' | '；' | '？' | '！' | '（' | '）')
                && out[i - 1] != cs[i - 1];
            let next_full = out
                .get(i + 1)
                .is_some_and(|n| matches!(n, '，' | '：' | '；' | '？' | '！' | '（' | '）'))
                && out[i + 1] != cs[i + 1];
            if prev_full || next_full {
                continue;
            }
        }
        s.push(*c);
    }
    (s, changed)
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
    fn detection() {
        assert!(looks_folded(
            ["他强调,要深入贯彻,坚持(外防输入)"].into_iter()
        ));
        assert!(!looks_folded(
            ["他强调，要深入贯彻，坚持（外防输入）, ok"].into_iter()
        ));
    }
}
