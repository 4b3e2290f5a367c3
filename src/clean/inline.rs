//! Inline fixes inside a block: pinyin annotations, injected stock quotes,
//! link stubs, continuation markers and lossy re-encoding debris are taken
//! out of the text, each change recorded with its exact position.
//!
//! All fixes run in one left-to-right pass over the block's original text, so
//! every recorded position refers to the source the user sees.

use super::chars::{is_han, is_space};
use super::rules::{Rule, RuleSet};
use std::collections::HashMap;

/// One inline change: `before` at `start..end` (bytes, in the block's text) became `after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
    pub before: String,
    pub after: String,
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

fn has_tone_mark(s: &str) -> bool {
    s.chars()
        .any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c))
}

/// A plausible pinyin syllable: optional initial, then a final built from vowels and n/ng/r.
fn is_syllable(s: &str) -> bool {
    let n = s.chars().count();
    if n == 0 || n > 6 || !s.chars().all(is_pinyin_letter) {
        return false;
    }
    let initials = [
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w",
    ];
    let rest = initials.iter().find_map(|i| s.strip_prefix(i)).unwrap_or(s);
    let rest = rest
        .strip_suffix("ng")
        .or_else(|| rest.strip_suffix('n'))
        .or_else(|| rest.strip_suffix('r'))
        .unwrap_or(rest);
    !rest.is_empty()
        && rest
            .chars()
            .all(|c| !c.is_ascii_lowercase() || "aeiouv".contains(c))
        && rest.chars().count() <= 3
}

/// `(` `（` … `)` `）` at the start of `s`: (inner text, byte length of the whole group).
fn paren_group(s: &str) -> Option<(&str, usize)> {
    let open = s.chars().next()?;
    if !matches!(open, '(' | '（' | '〔') {
        return None;
    }
    let body = &s[open.len_utf8()..];
    let close = body.find([')', '）', '〕'])?;
    if close > 60 {
        return None;
    }
    let inner = &body[..close];
    if inner.contains(['(', '（']) {
        return None;
    }
    let close_len = body[close..].chars().next()?.len_utf8();
    Some((inner, open.len_utf8() + close + close_len))
}

/// Does the text before an annotation say it gives a reading (这个字念“曌(zhào)”,
/// 读作…, 拼音…)? Then the annotation is the article's, not injected. (Not 念 or
/// 读 alone: an injected annotation may follow them, 纪念(niàn), 阅读(dú).)
fn teaches_reading(before: &str) -> bool {
    // The few characters before the annotated one.
    let mut chars: Vec<char> = before.chars().rev().skip(1).take(6).collect();
    chars.reverse();
    let near: String = chars.into_iter().collect();
    [
        "念“", "念「", "读“", "讀「", "读作", "讀作", "念作", "读成", "讀成", "读音", "讀音",
        "拼音", "发音", "發音", "注音",
    ]
    .iter()
    .any(|w| near.contains(w))
}

fn is_number(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['+', '-']);
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// (431.2, 7.37, 1.74%) — a price, a change and a percentage.
fn is_stock_quote(inner: &str) -> bool {
    let parts: Vec<&str> = inner.split([',', '，']).collect();
    parts.len() == 3
        && is_number(parts[0])
        && is_number(parts[1])
        && parts[2].trim().strip_suffix('%').is_some_and(is_number)
}

fn is_link_stub(inner: &str) -> bool {
    matches!(
        inner.trim(),
        "微博"
            | "博客"
            | "官网"
            | "官網"
            | "图"
            | "圖"
            | "视频"
            | "視頻"
            | "组图"
            | "組圖"
            | "图文"
            | "圖文"
    )
}

fn is_continuation(inner: &str) -> bool {
    let t: String = inner.chars().filter(|c| !is_space(*c)).collect();
    let Some(rest) = [
        "上接", "下转", "下轉", "紧接", "緊接", "接", "转", "轉", "上承", "续", "續", "转自",
        "轉自",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p)) else {
        return false;
    };
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let Some(num) = rest
        .strip_suffix('版')
        .or_else(|| rest.strip_suffix("版)"))
        .or_else(|| rest.strip_suffix('页'))
        .or_else(|| rest.strip_suffix('頁'))
    else {
        return false;
    };
    let n = num.chars().count();
    (1..=4).contains(&n)
        && num
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十百零〇".contains(c))
}

/// What the whole document says about its pinyin annotations: whether it has
/// them at all, and which character each syllable annotates (to repair debris).
#[derive(Debug, Default)]
pub struct PinyinProfile {
    /// Annotations with tone marks seen.
    pub marked: usize,
    /// syllable → the characters seen annotated with it.
    pub chars: HashMap<String, Vec<char>>,
}

impl PinyinProfile {
    pub fn scan(text: &str) -> Self {
        let mut p = PinyinProfile::default();
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            if matches!(c, '(' | '（') {
                if let (Some(h), Some((inner, _))) =
                    (prev.filter(|h| is_han(*h)), paren_group(&text[i..]))
                {
                    if has_tone_mark(inner) && is_syllable(inner) {
                        p.marked += 1;
                        let e = p.chars.entry(inner.to_string()).or_default();
                        if !e.contains(&h) {
                            e.push(h);
                        }
                    }
                }
            }
            prev = Some(c);
        }
        p
    }
}

/// Applies the inline fixes to `text`; returns the new text and the edits.
pub fn fix(text: &str, rules: &RuleSet, pinyin: &PinyinProfile) -> (String, Vec<Edit>) {
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let mut edit: Option<(Rule, usize, String)> = None;
        if let Some((inner, len)) = paren_group(rest) {
            let after_han = prev.is_some_and(is_han);
            if rules.on(Rule::Pinyin)
                && after_han
                && is_syllable(inner)
                && (has_tone_mark(inner) || pinyin.marked >= 3)
                && !teaches_reading(&text[..i])
            {
                edit = Some((Rule::Pinyin, len, String::new()));
            } else if rules.on(Rule::StockQuote)
                && is_stock_quote(inner)
                // A quote follows a stock's name; numbers after 为/是/达 … are the sentence's.
                && !prev.is_some_and(|p| "为為是至到约約了".contains(p))
            {
                edit = Some((Rule::StockQuote, len, String::new()));
            } else if rules.on(Rule::LinkStub)
                && prev.is_some_and(|p| !is_space(p))
                && is_link_stub(inner)
                // 如上所示(图), 见(图): a figure the text points at.
                && !["所示", "见", "見", "如"].iter().any(|w| text[..i].ends_with(w))
            {
                edit = Some((Rule::LinkStub, len, String::new()));
            } else if rules.on(Rule::Continuation) && is_continuation(inner) {
                // Also drop one space after the marker: "(上接1版) 为了…".
                let extra = rest[len..]
                    .chars()
                    .next()
                    .filter(|c| is_space(*c))
                    .map_or(0, char::len_utf8);
                edit = Some((Rule::Continuation, len + extra, String::new()));
            }
        } else if c == '?' && rules.on(Rule::Mojibake) {
            // "?bào)": an annotated character lost to re-encoding, its "(" swallowed.
            let body = &rest[1..];
            if let Some(close) = body.find([')', '）']) {
                let syl = &body[..close];
                if has_tone_mark(syl) && is_syllable(syl) {
                    if let Some([only]) = pinyin.chars.get(syl).map(Vec::as_slice) {
                        let close_len = body[close..].chars().next().map_or(1, char::len_utf8);
                        edit = Some((Rule::Mojibake, 1 + close + close_len, only.to_string()));
                    }
                }
            }
        }
        match edit {
            Some((rule, len, after)) => {
                edits.push(Edit {
                    rule,
                    start: i,
                    end: i + len,
                    before: text[i..i + len].to_string(),
                    after: after.clone(),
                });
                out.push_str(&after);
                if let Some(last) = after.chars().last() {
                    prev = Some(last);
                }
                i += len;
            }
            None => {
                out.push(c);
                prev = Some(c);
                i += c.len_utf8();
            }
        }
    }
    (out, edits)
}

/// Trims the block and collapses whitespace runs to one space (zero-width characters go).
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{2060}'
        ) {
            continue;
        }
        if is_space(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, Vec<Rule>) {
        let p = PinyinProfile::scan(s);
        let (out, edits) = fix(s, &RuleSet::all(), &p);
        (out, edits.iter().map(|e| e.rule).collect())
    }

    #[test]
    fn pinyin_annotations() {
        assert_eq!(run("人民網(wǎng)>>陜西頻道").0, "人民網>>陜西頻道");
        assert_eq!(run("劉國(guó)中在調(diào)度").0, "劉國中在調度");
        // Not pinyin: English, uppercase, numbers, after non-Han.
        for keep in [
            "世卫组织(WHO)宣布",
            "使用app(应用)",
            "93(01)",
            "(1)首先",
            "组织(who)",
            "the (mǎ) thing",
            // A reading the article gives.
            "这个字念“曌(zhào)”，意思是日月当空。",
            "“行”在这里读作行(háng)。",
        ] {
            assert_eq!(run(keep).0, keep, "{keep}");
        }
        for keep in [
            "全年CPI、PPI和失业率分别为(2.1, -1.5, 5.2%)。",
            "如上所示(图)，两条曲线在第三季度出现交叉。",
        ] {
            assert_eq!(run(keep).0, keep, "{keep}");
        }
        assert_eq!(run("贵州茅台(1700.5, 12.3, 0.73%)上涨").0, "贵州茅台上涨");
        // … but 念 or 读 alone is no such sign.
        for (injected, clean) in [
            ("纪念(niàn)馆开放", "纪念馆开放"),
            ("阅读材料(liào)", "阅读材料"),
        ] {
            assert_eq!(run(injected).0, clean, "{injected}");
        }
    }

    #[test]
    fn debris_is_repaired_only_when_certain() {
        // The document shows 報 annotated as bào, so "?bào)" is certainly 報.
        assert_eq!(run("本報(bào)訊，陜西日?bào)").0, "本報訊，陜西日報");
        // No evidence for qǐng: left as it is.
        assert_eq!(run("本報(bào)訊，日?qǐng)").0, "本報訊，日?qǐng)");
    }

    #[test]
    fn quotes_stubs_continuations() {
        let (out, rules) = run("贵州茅台(431.2, 7.37, 1.74%)今日上涨，张三(微博)表示");
        assert_eq!(out, "贵州茅台今日上涨，张三表示");
        assert_eq!(rules, vec![Rule::StockQuote, Rule::LinkStub]);
        assert_eq!(run("(上接1版) 为了提高").0, "为了提高");
        assert_eq!(run("（下转第三版）").0, "");
        assert_eq!(run("（接上页）").0, "（接上页）");
        assert_eq!(run("增长(1.5, 2.5)").0, "增长(1.5, 2.5)");
    }

    #[test]
    fn whitespace() {
        assert_eq!(
            normalize_space("\u{3000}\u{3000}三门峡市委常委。\u{3000}\u{3000}"),
            "三门峡市委常委。"
        );
        assert_eq!(
            normalize_space("黄河新闻网 >  运城频道\u{200B}"),
            "黄河新闻网 > 运城频道"
        );
        assert_eq!(
            normalize_space("被动局面。 要管住人"),
            "被动局面。 要管住人"
        );
    }

    #[test]
    fn rules_can_be_turned_off() {
        let p = PinyinProfile::default();
        let (out, _) = fix("網(wǎng)", &RuleSet::all().without(Rule::Pinyin), &p);
        assert_eq!(out, "網(wǎng)");
    }
}
