//! Rules that need the whole document, not one line: where the article is on
//! a page full of navigation, related-article lists that follow their heading,
//! a site name repeated from the breadcrumb, and a 摘要 that repeats the body.

use super::block::{hint, Block, Kind};
use super::chars::{self, han_count, has_clause_punct, is_space, squeeze, unbracket, visible_len};
use super::classify::{breadcrumb_items, is_list_item_like, is_related_heading};
use super::html::Elem;
use super::rules::{Rule, RuleSet};

/// How much article-like text a block carries (0 for short or link-heavy blocks).
fn content(b: &Block) -> f64 {
    let len = visible_len(&b.text);
    if len < 20 || !has_clause_punct(&b.text) || b.link_density() > 0.5 {
        return 0.0;
    }
    han_count(&b.text).saturating_sub(b.link_chars) as f64
}

fn ancestors(elements: &[Elem], start: usize) -> impl Iterator<Item = usize> + '_ {
    let mut cur = Some(start);
    std::iter::from_fn(move || {
        let c = cur?;
        cur = elements.get(c).and_then(|e| e.parent);
        Some(c)
    })
}

/// Elements that hold a paragraph's text, never a whole article (see
/// [`remove_outside_article`]).
const PARAGRAPH_LEVEL: &[&str] = &[
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "figcaption",
    "span",
    "font",
    "strong",
    "b",
    "em",
    "a",
    "label",
    "caption",
];

/// On HTML pages: finds the element holding the article (the one most article
/// text sits directly under, as Readability does) and removes blocks outside it.
/// Does nothing unless that element clearly holds most of the text.
pub fn remove_outside_article(blocks: &mut [Block], elements: &[Elem]) {
    if elements.is_empty() {
        return;
    }
    let mut score = vec![0.0f64; elements.len()];
    let mut subtree = vec![0.0f64; elements.len()];
    let mut total = 0.0;
    for b in blocks.iter().filter(|b| b.kept()) {
        let (Some(c), s) = (b.container, content(b)) else {
            continue;
        };
        if s == 0.0 {
            continue;
        }
        total += s;
        for (depth, e) in ancestors(elements, c).enumerate() {
            subtree[e] += s;
            if depth < 3 {
                score[e] += s / (1 << depth) as f64;
            }
        }
    }
    if total == 0.0 {
        return;
    }
    for (i, e) in elements.iter().enumerate() {
        if matches!(
            e.tag.as_str(),
            "nav" | "footer" | "aside" | "header" | "body" | "html"
        ) {
            score[i] *= 0.2;
        }
    }
    // A paragraph (or list item, cell, heading …) is never the article element,
    // however long: its parent is. (A long lead <p> scored over its <div>, and the
    // subheads, lists, tables and short paragraphs beside it went.)
    let block_level = |e: usize| PARAGRAPH_LEVEL.contains(&elements[e].tag.as_str());
    let Some(top) = (0..elements.len())
        .filter(|&e| !block_level(e))
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
    else {
        return;
    };
    if subtree[top] < 0.6 * total {
        return;
    }
    // Siblings of the article element that also carry article text belong to it.
    let parent = elements[top].parent;
    let included: Vec<usize> = (0..elements.len())
        .filter(|&e| {
            e == top
                || (parent.is_some()
                    && elements[e].parent == parent
                    && subtree[e] >= 0.2 * subtree[top])
        })
        .collect();
    let first_inside = blocks.iter().position(|b| {
        b.container
            .is_some_and(|c| ancestors(elements, c).any(|a| included.contains(&a)))
    });
    for (i, b) in blocks.iter_mut().enumerate() {
        if !b.kept() {
            continue;
        }
        let inside = b
            .container
            .is_some_and(|c| ancestors(elements, c).any(|a| included.contains(&a)));
        if inside {
            continue;
        }
        // The headline often sits outside the body's container, just before it.
        let before = first_inside.is_some_and(|f| i < f);
        if before
            && (matches!(b.kind, Kind::Heading(_)) || title_like(&b.text))
            && !b.has(hint::NAV)
            && b.link_density() < 0.5
        {
            continue;
        }
        b.remove(Rule::Boilerplate, "outside the page's main article block");
    }
}

/// Short, no sentence-final punctuation, no field colon: could be a headline.
pub fn title_like(s: &str) -> bool {
    let t = s.trim_matches(is_space);
    let len = visible_len(t);
    (2..=60).contains(&len) && !chars::ends_terminal(t)
        || (len <= 60 && t.ends_with(['”', '」', '！', '？', '!', '?']) && !t.contains('。'))
}

/// Link-heavy blocks in HTML that are not headings: menus and link lists.
pub fn remove_link_lists(blocks: &mut [Block]) {
    for b in blocks.iter_mut().filter(|b| b.kept()) {
        if matches!(b.kind, Kind::Heading(_)) || b.link_chars == 0 {
            continue;
        }
        let len = visible_len(&b.text);
        if b.link_density() >= 0.7 && len <= 80 && !has_clause_punct(&b.text) {
            let rule = if b.has(hint::RELATED) {
                Rule::Related
            } else {
                Rule::Navigation
            };
            b.remove(rule, "link list");
        }
    }
}

/// A related-articles heading and the list items after it.
/// A list ends where the document's structure changes: at a blank line in a
/// text scrape, or (HTML) where the items' parent element changes — so the
/// article's own headline right after an e-paper's list of the page's
/// headlines is not taken for one more item.
pub fn remove_related_lists(blocks: &mut [Block], elements: &[Elem]) {
    // What holds the items: the nearest list-like ancestor (<ul>, <ol>, <table> …),
    // else the parent of the item's own element.
    let parent = |b: &Block| {
        let c = b.container?;
        ancestors(elements, c)
            .find(|&a| {
                matches!(
                    elements[a].tag.as_str(),
                    "ul" | "ol" | "dl" | "menu" | "table" | "tbody"
                )
            })
            .or_else(|| elements.get(c).and_then(|e| e.parent))
    };
    let mut in_list = false;
    let mut list_parent: Option<Option<usize>> = None;
    let mut items = 0;
    let mut tight = false; // the first items followed each other without a blank line
    for b in blocks.iter_mut() {
        if !b.kept() {
            // Items another rule already removed (e.g. outside the article) still
            // tell where the list is.
            if in_list && list_parent.is_none() && is_list_item_like(b) {
                list_parent = Some(parent(b));
                items = 1;
            }
            continue;
        }
        if is_related_heading(&b.text) {
            b.remove(Rule::Related, "related-articles heading");
            in_list = true;
            list_parent = None;
            items = 0;
            continue;
        }
        let same_list = match list_parent {
            None => true,
            Some(p) => !(tight && b.gap_before) && (elements.is_empty() || parent(b) == p),
        };
        if in_list && same_list && is_list_item_like(b) {
            list_parent.get_or_insert(parent(b));
            items += 1;
            if items == 2 {
                tight = !b.gap_before;
            }
            b.remove(Rule::Related, "item of a related-articles list");
            continue;
        }
        in_list = false;
        if b.has(hint::RELATED) && b.link_density() > 0.5 && visible_len(&b.text) <= 60 {
            b.remove(Rule::Related, "related-articles link");
        }
    }
}

const COMMENT_HEADS: &[&str] = &[
    "热门跟贴",
    "熱門跟貼",
    "跟贴",
    "跟貼",
    "网友评论",
    "網友評論",
    "热门评论",
    "熱門評論",
    "精彩评论",
    "精彩評論",
    "最新评论",
    "最新評論",
    "全部评论",
    "全部評論",
    "评论区",
    "評論區",
    "精选留言",
    "精選留言",
    "留言区",
    "留言區",
    "读者留言",
    "讀者留言",
    "网友留言",
    "網友留言",
    "评论",
    "評論",
    "留言",
];

/// Is this a comment-section heading ("热门跟贴", "网友评论（12）", "评论 32条")?
fn is_comment_heading(s: &str) -> bool {
    let t = unbracket(s.trim_matches(is_space));
    let head: String = t
        .chars()
        .take_while(|c| {
            !c.is_ascii_digit() && !is_space(*c) && !matches!(c, '（' | '(' | ':' | '：')
        })
        .collect();
    let rest = &t[head.len()..];
    let rest_ok = rest
        .chars()
        .all(|c| c.is_ascii_digit() || is_space(c) || "（）()条條:：".contains(c));
    COMMENT_HEADS.contains(&head.as_str()) && rest_ok && visible_len(t) <= 16
}

/// Does `t` hold two digits, `sep`, two digits (10:12, 05-16)?
fn digits_around(t: &str, sep: u8) -> bool {
    t.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == sep
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    })
}

/// A line of a comment's furniture: who and when ("网易河南省郑州市网友 05-16 10:12",
/// "IP属地：北京"), or a like/reply count alone.
fn is_comment_furniture(s: &str) -> bool {
    let t = s.trim_matches(is_space);
    let time = digits_around(t, b':');
    let counts = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || is_space(c) || "赞讚回复覆楼樓条條".contains(c));
    // A date as comments show it (北京 05-16), or a commenter (王先生, 李女士).
    let day = digits_around(t, b'-');
    let who = visible_len(t) <= 6
        && ["先生", "女士", "网友", "網友", "读者", "讀者"]
            .iter()
            .any(|w| t.ends_with(w));
    time || counts
        || day
        || who
        || [
            "网友",
            "網友",
            "IP属地",
            "IP屬地",
            "楼主",
            "樓主",
            "用户",
            "用戶",
            "发表于",
            "發表於",
        ]
        .iter()
        .any(|w| t.contains(w))
            // (a commenter's line, not a sentence mentioning 网友)
            && visible_len(t) <= 24
            && !has_clause_punct(t)
}

/// A comment section: its heading and the comments after it (short blocks:
/// user names, dates, vote counts, one- or two-sentence remarks), up to the
/// next long paragraph.
pub fn remove_comment_sections(blocks: &mut [Block]) {
    // The kept blocks, and headings a line rule already removed (网友评论 reads as
    // interface text): the comments after such a heading are still to go.
    let kept: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].kept() || is_comment_heading(&blocks[i].text))
        .collect();
    let mut inside = false;
    for (k, &i) in kept.iter().enumerate() {
        let b = &blocks[i];
        // A heading an article's own text may have (留言, 网友留言： before the
        // message it reports on) starts a section only if comments' furniture
        // follows — a user, a time, a like count. 热门跟贴, 评论区 … always do.
        let t = unbracket(b.text.trim_matches(is_space));
        let plain = [
            "留言",
            "网友留言",
            "網友留言",
            "读者留言",
            "讀者留言",
            "评论",
            "評論",
            "网友评论",
            "網友評論",
        ]
        .iter()
        .any(|h| t.trim_end_matches([':', '：']) == *h);
        // (A heading a line rule removed needs the furniture too: it may have been
        // text of the article's that reads like a heading.)
        let needs_furniture = plain || !b.kept();
        let heading = is_comment_heading(&b.text)
            && (!needs_furniture
                || kept[k + 1..]
                    .iter()
                    .take(4)
                    .any(|&j| is_comment_furniture(&blocks[j].text)));
        let b = &mut blocks[i];
        if heading || b.kept() && b.has(hint::COMMENT) && visible_len(&b.text) <= 100 {
            if b.kept() {
                b.remove(Rule::Comments, "reader comments");
            }
            inside = true;
            continue;
        }
        if !b.kept() {
            continue;
        }
        // (Reporting picks up again: 据介绍，… 对此，… is the article's.)
        let reporting = [
            "据介绍",
            "據介紹",
            "据了解",
            "據了解",
            "据悉",
            "據悉",
            "对此",
            "對此",
            "记者",
            "記者",
            "此外",
            "另外",
        ]
        .iter()
        .any(|w| b.text.trim_start_matches(is_space).starts_with(w));
        if inside && visible_len(&b.text) <= 100 && !is_related_heading(&b.text) && !reporting {
            b.remove(Rule::Comments, "reader comments");
            continue;
        }
        inside = false;
    }
}

/// Reply lists of a forum thread after the article: short posts between
/// "回复 举报" action lines. Only when such action lines repeat after the last
/// real paragraph.
pub fn remove_reply_tail(blocks: &mut [Block]) {
    let Some(last_long) = blocks
        .iter()
        .rposition(|b| b.kept() && visible_len(&b.text) >= 80)
    else {
        return;
    };
    let is_reply_ui = |b: &Block| {
        matches!(&b.fate, super::block::Fate::Removed(Rule::Interface, _))
            && ["回复", "回覆", "举报", "舉報", "引用"]
                .iter()
                .any(|t| b.text.contains(t))
    };
    let replies: Vec<usize> = (last_long + 1..blocks.len())
        .filter(|&i| is_reply_ui(&blocks[i]))
        .collect();
    if replies.len() < 2 {
        return;
    }
    for b in blocks[replies[0]..]
        .iter_mut()
        .filter(|b| b.kept() && visible_len(&b.text) <= 100)
    {
        b.remove(Rule::Comments, "forum reply");
    }
}

/// Portal brands whose channel names ("新浪财经", "腾讯科技") are site names, not headlines.
const PORTALS: &[&str] = &[
    "新浪",
    "腾讯",
    "騰訊",
    "网易",
    "網易",
    "搜狐",
    "凤凰",
    "鳳凰",
    "澎湃",
    "新华",
    "新華",
    "人民",
    "央视",
    "央視",
    "中新",
    "环球",
    "環球",
    "界面",
    "观察者",
    "觀察者",
    "雅虎",
    "Yahoo",
    "MSN",
];

/// Outlet names: a short line ending like these, before the headline, is the site's name.
const OUTLET_ENDINGS: &[&str] = &[
    "新闻网",
    "新聞網",
    "网",
    "網",
    "日报",
    "日報",
    "时报",
    "時報",
    "早报",
    "早報",
    "晚报",
    "晚報",
    "晨报",
    "晨報",
    "报",
    "報",
    "通讯社",
    "通訊社",
    "社",
    "新闻",
    "新聞",
    "电视台",
    "電視台",
    "广播",
    "廣播",
    "频道",
    "頻道",
];

/// Words ending like an outlet's name that are not one (a headline's 喜报, 防护网).
const NOT_OUTLETS: &[&str] = &[
    "喜报",
    "喜報",
    "捷报",
    "捷報",
    "简报",
    "簡報",
    "通报",
    "通報",
    "海报",
    "海報",
    "快报",
    "快報",
    "情报",
    "情報",
    "预报",
    "預報",
    "举报",
    "舉報",
    "汇报",
    "匯報",
    "战报",
    "戰報",
    "电报",
    "電報",
    "防护网",
    "防護網",
    "保障网",
    "保障網",
    "安全网",
    "安全網",
    "关系网",
    "關係網",
    "互联网",
    "互聯網",
    "物联网",
    "物聯網",
    "电网",
    "電網",
    "天网",
    "天網",
    "法网",
    "法網",
    "合作社",
    "供销社",
    "供銷社",
    "旅行社",
    "出版社",
    "结社",
    "結社",
];

/// Is `name` (a short line) an outlet's name? One of [`OUTLET_ENDINGS`], and for the
/// one-character endings (网, 报, 社) short, as names are (人民网, 新华社, 中国新闻网),
/// and not a word that merely ends that way.
fn outlet_name(name: &str) -> bool {
    let Some(ending) = OUTLET_ENDINGS.iter().find(|e| name.ends_with(*e)) else {
        return false;
    };
    let generic = ending.chars().count() == 1;
    let long = generic && visible_len(name) > 8;
    !long && !NOT_OUTLETS.iter().any(|w| name.ends_with(w))
}

/// Lines at the top that are the site's furniture, not the article: a run of
/// three or more very short lines (a menu split one item per line), and an
/// outlet name standing alone before the headline ("中国新闻网", "中央社 CNA").
pub fn remove_head_furniture(blocks: &mut [Block]) {
    let kept: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kept())
        .map(|(i, _)| i)
        .take(12)
        .collect();
    let tiny = |b: &Block| visible_len(&b.text) <= 6 && !has_clause_punct(&b.text);
    let mut run = kept.iter().take_while(|&&i| tiny(&blocks[i])).count();
    // The headline itself may be short: it is the last tiny line if nothing longer follows.
    if run == kept.len() || kept.get(run).is_some_and(|&i| !title_like(&blocks[i].text)) {
        run = run.saturating_sub(1);
    }
    if run >= 3 {
        for &i in &kept[..run] {
            blocks[i].remove(Rule::Navigation, "menu (one short item per line)");
        }
    }
    let kept: Vec<usize> = kept.into_iter().filter(|&i| blocks[i].kept()).collect();
    for (k, &i) in kept.iter().enumerate().take(3) {
        let t = blocks[i].text.trim_matches(is_space);
        // The name, optionally followed by a Latin abbreviation ("中央社 CNA").
        let name = t.trim_end_matches(|c: char| c.is_ascii_uppercase() || is_space(c));
        let portal_channel = PORTALS.iter().any(|p| name.starts_with(p)) && visible_len(name) <= 6;
        let outlet = visible_len(t) <= 10
            && !has_clause_punct(t)
            && !name.is_empty()
            && (outlet_name(name) || portal_channel);
        let headline_follows = kept[k + 1..]
            .iter()
            .take(5)
            .any(|&j| visible_len(&blocks[j].text) >= 6 && title_like(&blocks[j].text));
        // A line followed by a "——" subtitle is that subtitle's headline (织密民生保障网).
        let subtitle_next = kept.get(k + 1).is_some_and(|&j| {
            blocks[j]
                .text
                .trim_start_matches(is_space)
                .starts_with(['—', '─', '-'])
        });
        if outlet && headline_follows && !subtitle_next {
            blocks[i].remove(Rule::Navigation, "site name");
        }
    }
}

/// A short line at the top that is the site name of the breadcrumb (人民網 / 人民網>>陜西頻道).
pub fn remove_site_names(blocks: &mut [Block]) {
    let head = blocks.len().min(10);
    let firsts: Vec<String> = blocks[..head]
        .iter()
        .filter_map(|b| breadcrumb_items(&b.text))
        .filter_map(|items| items.first().map(|f| squeeze(f)))
        .collect();
    if firsts.is_empty() {
        return;
    }
    for b in blocks[..head].iter_mut().filter(|b| b.kept()) {
        if visible_len(&b.text) <= 16 && firsts.contains(&squeeze(&b.text)) {
            b.remove(Rule::Navigation, "site name (repeats the breadcrumb)");
        }
    }
}

const SUMMARY_LABELS: &[&str] = &[
    "内容摘要",
    "內容摘要",
    "内容提要",
    "內容提要",
    "核心提示",
    "摘要",
    "导读",
    "導讀",
    "提要",
];

/// The text of a 摘要 line after its label (`摘要：…`, `【摘要】…`), if it is one.
pub fn summary_body(s: &str) -> Option<&str> {
    let t = s.trim_matches(is_space);
    for l in SUMMARY_LABELS {
        for (open, close) in [("【", "】"), ("[", "]")] {
            if let Some(r) = t
                .strip_prefix(open)
                .and_then(|r| r.trim_start().strip_prefix(l))
                .and_then(|r| r.trim_start().strip_prefix(close))
            {
                return Some(r.trim_start_matches(|c: char| is_space(c) || c == ':' || c == '：'));
            }
        }
        if let Some(v) = t.strip_prefix(l).and_then(chars::strip_colon) {
            return Some(v);
        }
    }
    None
}

/// Punctuation-insensitive comparison form.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !is_space(*c))
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '？' => '?',
            '！' => '!',
            c => c,
        })
        .collect()
}

/// How far from a 摘要 line the body it repeats is looked for: the kept blocks
/// nearest it on each side, until this many bytes of their folded text (~10,000
/// Chinese characters, a long article). A summary repeats its own article, which
/// is around it; comparing each 摘要 line with the whole document made the rule
/// quadratic (a file of 8,000 concatenated articles, 1.6 MB, took 47 s natively).
const SUMMARY_REACH: usize = 30_000;
/// A 摘要 line longer than this (characters) is not compared: an abstract is a
/// paragraph, and each of its sentences is searched for around it.
const SUMMARY_MAX_CHARS: usize = 2_000;
/// The rule's work (bytes searched) is about this many times the document's
/// size at most, plus [`SUMMARY_BUDGET_BASE`]: a document of thousands of 摘要
/// lines none of which repeats its body would otherwise search 60 KB for each.
/// Lines after the budget is spent are kept (a summary kept is text shown, never
/// text lost).
const SUMMARY_BUDGET_FACTOR: usize = 16;
const SUMMARY_BUDGET_BASE: usize = 4 << 20;

/// A 摘要 line whose sentences all occur in the body repeats it; an authored abstract stays.
pub fn remove_duplicate_summaries(blocks: &mut [Block]) -> Option<String> {
    let mut found = None;
    // Each block's comparison form, made when first needed.
    let mut folded: Vec<Option<String>> = vec![None; blocks.len()];
    let size: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut budget = size
        .saturating_mul(SUMMARY_BUDGET_FACTOR)
        .saturating_add(SUMMARY_BUDGET_BASE);
    for i in 0..blocks.len() {
        if !blocks[i].kept() {
            continue;
        }
        let Some(body) = summary_body(&blocks[i].text).map(str::to_string) else {
            continue;
        };
        if body.chars().count() > SUMMARY_MAX_CHARS {
            continue;
        }
        let sentences: Vec<String> = body
            .split(['。', '！', '？', '!', '?', '；', ';'])
            .map(fold)
            .filter(|s| s.chars().count() >= 6)
            .collect();
        if sentences.is_empty() {
            continue;
        }
        if budget == 0 {
            break;
        }
        // Searched for in the kept blocks after it, then before it (an article's
        // summary comes first), nearest first, up to SUMMARY_REACH bytes on each
        // side; every block looked at is charged to the budget. (A folded
        // sentence has no white space, so it never spans two blocks.)
        let mut occurs = |s: &str| {
            let kept = |j: &usize| blocks[*j].kept();
            for side in [
                &mut (i + 1..blocks.len()).filter(kept) as &mut dyn Iterator<Item = usize>,
                &mut (0..i).rev().filter(kept),
            ] {
                let mut reach = 0;
                for j in side {
                    let f = folded[j].get_or_insert_with(|| fold(&blocks[j].text));
                    budget = budget.saturating_sub(f.len().max(1));
                    if f.contains(s) {
                        return true;
                    }
                    reach += f.len();
                    if reach >= SUMMARY_REACH {
                        break;
                    }
                }
            }
            false
        };
        let total: usize = sentences.iter().map(|s| s.chars().count()).sum();
        let covered: usize = sentences
            .iter()
            .filter(|s| occurs(s))
            .map(|s| s.chars().count())
            .sum();
        if covered * 10 >= total * 6 {
            blocks[i].remove(Rule::Summary, "摘要 line repeating the body");
            found = Some(body);
        }
    }
    found
}

/// Runs every structural rule that is on.
pub fn apply(
    blocks: &mut [Block],
    elements: &[Elem],
    html: bool,
    rules: &RuleSet,
) -> Option<String> {
    if html && rules.on(Rule::Boilerplate) {
        remove_outside_article(blocks, elements);
    }
    if html && rules.on(Rule::Navigation) {
        remove_link_lists(blocks);
    }
    if rules.on(Rule::Related) {
        remove_related_lists(blocks, elements);
    }
    if rules.on(Rule::Comments) {
        remove_comment_sections(blocks);
        remove_reply_tail(blocks);
    }
    if rules.on(Rule::Navigation) {
        remove_site_names(blocks);
        remove_head_furniture(blocks);
    }
    if rules.on(Rule::Summary) {
        remove_duplicate_summaries(blocks)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> Block {
        Block::new(0..0, s.to_string(), Kind::Paragraph)
    }

    #[test]
    fn summary_repeating_the_body_goes_but_an_abstract_stays() {
        let mut v = vec![
            b("摘要:就进一步做好疫情防控工作,蒿慧杰强调,一是思想要紧。做出的决策、制定的任何措施,都要第一时间落实。"),
            b("就进一步做好疫情防控工作，蒿慧杰强调，一是思想要紧。当前正处于关键期。做出的决策、制定的任何措施，都要第一时间落实，决不能犹豫。"),
        ];
        remove_duplicate_summaries(&mut v);
        assert!(!v[0].kept() && v[1].kept());
        let mut v = vec![
            b("摘要：本文研究了城市社区防控的组织方式，提出三条建议。"),
            b("正文讨论其他内容，与摘要无关。"),
        ];
        remove_duplicate_summaries(&mut v);
        assert!(v[0].kept());
    }

    /// Each of many concatenated articles' summaries is compared with its own
    /// article (nearby), not the whole file; each still goes.
    #[test]
    fn every_summary_of_concatenated_articles_goes() {
        let mut v = Vec::new();
        for i in 0..400 {
            v.push(b(&format!(
                "摘要：第{i}届城市论坛开幕，各方代表共商发展大计。"
            )));
            v.push(b(&format!(
                "第{i}届城市论坛开幕，各方代表共商发展大计。会议为期两天。"
            )));
            for k in 0..3 {
                v.push(b(&format!(
                    "论坛第{k}项议程讨论了交通、住房和教育等民生话题，与会者各抒己见。"
                )));
            }
        }
        remove_duplicate_summaries(&mut v);
        assert!(
            v.iter().step_by(5).all(|b| !b.kept()),
            "every summary removed"
        );
        assert_eq!(v.iter().filter(|b| b.kept()).count(), 400 * 4);
    }

    #[test]
    fn related_list_after_its_heading() {
        let mut v = vec![
            b("正文最后一段，说明情况。"),
            b("相关新闻："),
            b("某地召开会议"),
            b("另一条新闻标题"),
            b("这是一个很长的正文段落，它包含完整的句子，所以不是列表项目，应当保留下来。"),
        ];
        remove_related_lists(&mut v, &[]);
        let kept: Vec<bool> = v.iter().map(|b| b.kept()).collect();
        assert_eq!(kept, vec![true, false, false, false, true]);
    }

    #[test]
    fn quotes_after_a_related_like_heading_are_not_its_items() {
        let mut v = vec![
            b("正文最后一段，说明情况。"),
            b("代表委员发言精选"),
            b("“我们要把家乡建设得更美”"),
            b("“乡村振兴，人才是关键”"),
            b("这是一个很长的正文段落，它包含完整的句子，所以不是列表项目，应当保留下来。"),
        ];
        remove_related_lists(&mut v, &[]);
        assert!(v[2].kept() && v[3].kept() && v[4].kept());
    }

    #[test]
    fn comments_and_head_furniture() {
        let mut v = vec![
            b("正文最后一段，说明情况，内容很长。"),
            b("热门跟贴"),
            b("网易河南省郑州市网友 05-16 10:12"),
            b("家乡的企业越来越好了，点赞！"),
            b("12"),
        ];
        remove_comment_sections(&mut v);
        assert_eq!(v.iter().filter(|b| b.kept()).count(), 1);
        let mut v = vec![
            b("热门"),
            b("视频"),
            b("发现"),
            b("游戏"),
            b("标题在这里"),
            b("正文。"),
        ];
        remove_head_furniture(&mut v);
        assert_eq!(
            v.iter()
                .filter(|b| b.kept())
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>(),
            ["标题在这里", "正文。"]
        );
        let mut v = vec![b("中国新闻网"), b("某地举行活动庆祝节日"), b("正文。")];
        remove_head_furniture(&mut v);
        assert!(!v[0].kept() && v[1].kept());
        // A short headline ending in 网 with no other headline after it stays.
        let mut v = vec![
            b("织密防护网"),
            b("正文第一段，内容很长很长，说明了很多事情。"),
        ];
        remove_head_furniture(&mut v);
        assert!(v[0].kept());
        // … and so does one with a subtitle or a subhead after it.
        for title in [
            "织密民生保障网",
            "筑牢安全生产防护网",
            "年终捷报",
            "春耕喜报",
            "走进新时代的供销社",
        ] {
            for next in ["——记全市民生工作", "一、全面推进各项工作落实"] {
                let mut v = vec![
                    b(title),
                    b(next),
                    b("正文第一段，内容很长很长，说明了很多事情。"),
                ];
                remove_head_furniture(&mut v);
                assert!(v[0].kept(), "{title} / {next}");
            }
        }
        let mut v = vec![b("人民网"), b("某地举行活动庆祝节日"), b("正文。")];
        remove_head_furniture(&mut v);
        assert!(!v[0].kept());
    }

    #[test]
    fn comments_after_a_heading_another_rule_removed_go_too() {
        let mut v = vec![
            b("正文最后一段，说明情况，内容很长。"),
            b("网友评论（12）"),
            b("北京网友 05-16 10:12"),
            b("这个政策好，支持！"),
            b("上海网友 05-16 11:02"),
            b("希望尽快落实。"),
        ];
        v[1].remove(Rule::Interface, "interface text");
        remove_comment_sections(&mut v);
        assert!(v[0].kept() && v[2..].iter().all(|b| !b.kept()));
        assert!(matches!(
            &v[1].fate,
            super::super::block::Fate::Removed(Rule::Interface, _)
        ));
        // The section ends where reporting picks up again.
        let mut v = vec![
            b("热门跟贴"),
            b("北京网友 05-16 10:12"),
            b("写得真好，为家乡点赞！"),
            b("据介绍，今年以来全市已累计举办各类招聘活动86场。"),
        ];
        remove_comment_sections(&mut v);
        assert!(!v[2].kept() && v[3].kept());
    }

    #[test]
    fn a_comment_heading_in_the_text_needs_comments_after_it() {
        let mut v = vec![
            b("正文第一段，说明情况，内容很长。"),
            b("网友留言："),
            b("小区路灯坏了一个多月，晚上出行很不方便，希望有关部门尽快修好。"),
            b("接到留言后，街道工作人员第二天就上门查看，并联系供电部门完成了维修。"),
            b("居民纷纷表示满意。"),
        ];
        remove_comment_sections(&mut v);
        assert!(v.iter().all(|b| b.kept()));
        // The same with a heading a line rule already took for interface text.
        let mut v = vec![
            b("正文第一段，说明情况，内容很长。"),
            b("网友评论："),
            b("“这个政策太及时了！”"),
            b("对此，市发改委相关负责人表示，将认真研究网友意见，进一步完善政策细节。"),
        ];
        v[1].remove(Rule::Interface, "interface text");
        remove_comment_sections(&mut v);
        assert!(v[2].kept() && v[3].kept());
    }

    #[test]
    fn site_name_from_breadcrumb() {
        let mut v = vec![b("人民網"), b("人民網>>陜西頻道"), b("標題")];
        remove_site_names(&mut v);
        assert!(!v[0].kept() && v[2].kept());
    }
}
