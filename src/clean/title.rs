//! The title: first, once. The article's own headline (with its kicker or
//! subtitle, in printed order) leads the output; a web/SEO title that repeats
//! or rewrites it is dropped, repeats later in the text are dropped, and when
//! the body has no headline the page's title (front matter, og:title, `<title>`)
//! is put first.

use super::block::{Block, Kind};
use super::chars::{bigram_similarity, has_clause_punct, is_space, squeeze, visible_len};
use super::rules::{Rule, RuleSet};
use super::structure::title_like;

/// Is the block the start of the body (a real paragraph)?
fn is_body(b: &Block) -> bool {
    let len = visible_len(&b.text);
    (len >= 40 && has_clause_punct(&b.text))
        || (len >= 15 && ends_sentence(&b.text) && has_clause_punct(&b.text))
}

/// Ends a sentence: 。！？… (possibly inside closing quotes) — a headline may end
/// with a quotation mark (古村修缮有了“数字档案”) but not with a full stop.
fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end_matches(is_space)
        .trim_end_matches(['”', '」', '’', '』', '"', '）', ')']);
    t.ends_with(['。', '！', '？', '!', '?', '…', '.'])
}

/// A page title without its site suffix: "标题_新浪财经" → "标题".
pub fn strip_site_suffix(title: &str) -> String {
    let t = title.trim_matches(is_space);
    let parts: Vec<&str> = t
        .split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split("--"))
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect();
    parts.first().map(|s| s.to_string()).unwrap_or_default()
}

/// A title with a page's decorations removed — a site suffix after `_`, `|`,
/// ` - `, or a forum tag such as 【转帖】 — and whether it had any.
fn page_title_core(t: &str) -> (String, bool) {
    let trimmed = t.trim_matches(is_space);
    let mut core = trimmed;
    let mut shaped = false;
    for (open, close) in [('【', '】'), ('[', ']')] {
        if let Some(rest) = core.strip_prefix(open) {
            if let Some((tag, after)) = rest.split_once(close) {
                if visible_len(tag) <= 4 {
                    core = after.trim_start_matches(is_space);
                    shaped = true;
                }
            }
        }
    }
    let stripped = strip_site_suffix(core);
    if stripped.len() < core.len()
        && (core.contains('_') || core.contains('|') || core.contains('｜') || core.contains(" - "))
    {
        shaped = true;
        return (stripped, shaped);
    }
    (core.to_string(), shaped)
}

/// What the title logic decided.
pub struct TitleOutcome {
    /// The headline (the first title line kept).
    pub title: Option<String>,
    /// A title to put first because the body has none.
    pub prepend: Option<String>,
}

/// Applies the title rules to the kept blocks; `page_title` comes from metadata.
pub fn apply(
    blocks: &mut [Block],
    page_title: Option<&str>,
    original_title: Option<&str>,
    rules: &RuleSet,
) -> TitleOutcome {
    let page_title = page_title
        .map(strip_site_suffix)
        .filter(|t| visible_len(t) >= 2);
    // The head: kept title-like blocks before the first body paragraph.
    let mut head: Vec<usize> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if !b.kept() {
            continue;
        }
        if is_body(b) {
            break;
        }
        if title_like(&b.text) || matches!(b.kind, Kind::Heading(_)) {
            head.push(i);
        }
        if head.len() >= 6 {
            break;
        }
    }
    if rules.on(Rule::DuplicateTitle) {
        // The 原标题 names the printed headline: title lines before it — other
        // than its own kicker, printed right above it — are a web title.
        if let Some(orig) = original_title.map(squeeze).filter(|o| !o.is_empty()) {
            if let Some(&h) = head.iter().find(|&&i| squeeze(&blocks[i].text) == orig) {
                let mut group_start = h;
                while group_start > 0
                    && blocks[group_start - 1].kept()
                    && title_like(&blocks[group_start - 1].text)
                {
                    group_start -= 1;
                }
                for &i in head.iter().filter(|&&i| i < group_start) {
                    blocks[i].remove(
                        Rule::DuplicateTitle,
                        "web title (the 原标题 names the printed headline)",
                    );
                }
                head.retain(|&i| blocks[i].kept());
            }
        }
        // A web title that rewrites the printed headline below it: drop the earlier one.
        let mut dropped = vec![false; head.len()];
        for a in 0..head.len() {
            for bi in a + 1..head.len() {
                if dropped[a] || dropped[bi] {
                    continue;
                }
                let (ta, tb) = (&blocks[head[a]].text, &blocks[head[bi]].text);
                // A page or thread title ("…_湘潭站_红网", "【转帖】…") is itself a sign
                // of a web title: compare without its decorations, with a lower bar.
                let (core_a, shaped) = page_title_core(ta);
                let threshold = if shaped { 0.35 } else { 0.55 };
                if squeeze(ta) == squeeze(tb) {
                    dropped[bi] = true;
                } else if bigram_similarity(&core_a, tb) >= threshold
                    || (visible_len(ta) >= 6 && squeeze(tb).contains(&squeeze(ta)))
                    || (visible_len(tb) >= 6 && squeeze(ta).contains(&squeeze(tb)))
                {
                    dropped[a] = true;
                }
            }
        }
        for (k, &i) in head.iter().enumerate() {
            if dropped[k] {
                blocks[i].remove(Rule::DuplicateTitle, "web title or repeat of the headline");
            }
        }
        head.retain(|&i| blocks[i].kept());
        // Later repeats of a headline line.
        let heads: Vec<String> = head.iter().map(|&i| squeeze(&blocks[i].text)).collect();
        let last_head = head.last().copied().unwrap_or(0);
        for b in blocks.iter_mut().skip(last_head + 1).filter(|b| b.kept()) {
            if heads.contains(&squeeze(&b.text)) {
                b.remove(Rule::DuplicateTitle, "repeat of the headline");
            }
        }
    }
    let title = head.first().map(|&i| blocks[i].text.clone());
    match (title, page_title) {
        (Some(t), _) => TitleOutcome {
            title: Some(t),
            prepend: None,
        },
        (None, Some(p)) => {
            // The page title goes first; drop a body line that repeats it.
            for b in blocks.iter_mut().filter(|b| b.kept()) {
                if squeeze(&b.text) == squeeze(&p) {
                    b.remove(Rule::DuplicateTitle, "repeat of the page title");
                }
            }
            TitleOutcome {
                title: Some(p.clone()),
                prepend: Some(p),
            }
        }
        (None, None) => TitleOutcome {
            title: None,
            prepend: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[&str]) -> Vec<Block> {
        Block::paragraphs(lines)
    }

    fn kept(v: &[Block]) -> Vec<&str> {
        v.iter()
            .filter(|b| b.kept())
            .map(|b| b.text.as_str())
            .collect()
    }

    #[test]
    fn web_title_rewriting_the_headline_is_dropped() {
        let mut v = blocks(&[
            "蒿慧杰到西平县遂平县督导检查疫情防控工作",
            "蒿慧杰在西平县遂平县督导检查疫情防控工作时强调",
            "以硬核防控把牢外防输入关口守住内防扩散防线",
            "驻马店网讯（记者 刘华山）8月5日下午，市委书记蒿慧杰到西平县、遂平县督导检查疫情防控工作，强调要以习近平总书记关于疫情防控的重要指示批示精神为根本遵循。",
        ]);
        let out = apply(&mut v, None, None, &RuleSet::all());
        assert_eq!(
            kept(&v)[..2],
            [
                "蒿慧杰在西平县遂平县督导检查疫情防控工作时强调",
                "以硬核防控把牢外防输入关口守住内防扩散防线"
            ]
        );
        assert_eq!(
            out.title.as_deref(),
            Some("蒿慧杰在西平县遂平县督导检查疫情防控工作时强调")
        );
    }

    #[test]
    fn page_and_thread_titles_go_when_the_printed_headline_follows() {
        let mut v = blocks(&["湘潭湘莲产业提质行动启动_湘潭站_红网", "湘潭启动湘莲产业提质行动 今年新增种植面积3万亩", "红网时刻新闻5月13日讯（记者 周敏）5月12日，2024年湘潭湘莲产业提质行动启动仪式在湘潭县花石镇举行。"]);
        apply(&mut v, None, None, &RuleSet::all());
        assert!(!v[0].kept() && v[1].kept());
        let mut v = blocks(&[
            "【转帖】洛阳今年新增1.2万个公办学位 家门口上学更方便了",
            "洛阳今年将新增公办中小学学位1.2万个",
            "本报讯 5月12日，记者从洛阳市教育局获悉，今年我市将新建、改扩建公办中小学18所。",
        ]);
        apply(&mut v, None, None, &RuleSet::all());
        assert!(!v[0].kept() && v[1].kept());
    }

    #[test]
    fn kicker_and_title_both_stay_and_repeats_go() {
        let mut v = blocks(&["劉國中在調度疫情防控工作時強調", "咬緊牙關 持續從嚴 堅持就是勝利", "本報訊 12月28日，省委書記劉國中在西安市疫情防控指揮部調度疫情防控和物資保障工作，他強調了三點。", "咬緊牙關 持續從嚴 堅持就是勝利"]);
        apply(&mut v, None, None, &RuleSet::all());
        assert_eq!(kept(&v).len(), 3);
    }

    #[test]
    fn page_title_goes_first_when_the_body_has_none() {
        let mut v = blocks(&[
            "陕西连续三天本土确诊病例破百，自12月9日以来，全省累计报告本土确诊病例831例。",
        ]);
        let out = apply(
            &mut v,
            Some("市委书记深夜暗访_新浪财经"),
            None,
            &RuleSet::all(),
        );
        assert_eq!(out.prepend.as_deref(), Some("市委书记深夜暗访"));
        let mut v = blocks(&["正文开头，没有标题，说明情况并给出结论。这里还有更多的文字内容。"]);
        assert!(apply(&mut v, None, None, &RuleSet::all()).prepend.is_none());
    }
}
