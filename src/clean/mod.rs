//! Cleaning: turn a scraped Chinese news document (HTML, Markdown with front
//! matter, or text; any common encoding) into exactly the article, and explain
//! every removal and change.
//!
//! ```
//! use jingwen::clean::{clean, CleanOptions, Input};
//! let r = clean(Input::Text("人民网 > 国内\n标题\n正文第一段，内容很长很长，说明了很多事情。\n责任编辑：王蒙"), &CleanOptions::default()).unwrap();
//! assert_eq!(r.text, "标题\n正文第一段，内容很长很长，说明了很多事情。\n");
//! assert_eq!(r.metadata.editor.as_deref(), Some("王蒙"));
//! assert_eq!(r.removed.len(), 2);
//! ```
//!
//! The pipeline (each step a module): decode bytes → split front matter →
//! blocks (HTML through html5ever, or lines) → inline fixes → line rules →
//! document rules (article region, related lists, 摘要, title) → paragraph
//! joins → punctuation → output. What the default rules consider "clean" is
//! specified in the project's cleaning rules (title first once; body, subheads,
//! reporter notes and bylines kept; navigation, footers, editor lines,
//! captions, UI, promotions, lists, pagination, spam and metadata lines
//! dropped; inline debris fixed).

mod block;
mod chars;
mod classify;
mod decode;
mod dom;
mod fields;
mod frontmatter;
mod html;
mod inline;
mod join;
mod punct;
mod rules;
mod short_text;
mod structure;
mod text;
mod title;

pub use decode::{DecodeError, Detection};
pub use rules::{Rule, RuleSet};

use crate::error::{Error, Result};
use block::{Block, Fate};
use classify::Verdict;
use fields::Field;
use serde::Serialize;
use std::collections::BTreeMap;

/// The reason of each restored punctuation mark (there can be hundreds of
/// thousands: the binding shares one copy of it with JavaScript).
pub const PUNCTUATION_REASON: &str = "punctuation mark restored to full width";

/// What to clean.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Text that is already decoded.
    Text(&'a str),
    /// Raw bytes in any common encoding (detected).
    Bytes(&'a [u8]),
}

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Detect HTML, Markdown or text.
    #[default]
    Auto,
    Html,
    Markdown,
    Text,
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "html" | "htm" => Ok(Format::Html),
            "markdown" | "md" => Ok(Format::Markdown),
            "text" | "txt" => Ok(Format::Text),
            _ => Err(Error::InvalidOption {
                option: "format".into(),
                value: s.into(),
                valid: "auto, html, markdown, text".into(),
            }),
        }
    }
}

/// Options of [`clean`].
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Which rules run (all by default).
    pub rules: RuleSet,
    /// An encoding label that overrides detection (bytes input only).
    pub encoding: Option<String>,
    pub format: Format,
    /// Inputs larger than this many bytes are refused (default 256 MiB).
    pub max_bytes: usize,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            rules: RuleSet::all(),
            encoding: None,
            format: Format::Auto,
            max_bytes: 256 << 20,
        }
    }
}

/// Metadata found in the document (instead of being silently dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    pub original_title: Option<String>,
    pub summary: Option<String>,
    pub keywords: Option<String>,
    /// Anything else (front matter fields, page meta tags).
    pub extra: BTreeMap<String, String>,
}

impl Metadata {
    fn set(slot: &mut Option<String>, value: &str) {
        let v = value.trim();
        if slot.is_none() && !v.is_empty() {
            *slot = Some(v.to_string());
        }
    }

    fn add_field(&mut self, field: Field, value: &str) {
        match field {
            Field::Date => Self::set(&mut self.date, value),
            Field::Source => Self::set(&mut self.source, value),
            Field::Author => Self::set(&mut self.author, value),
            Field::Editor => Self::set(&mut self.editor, value),
            Field::Attribution => {
                if let Some(t) = value.strip_prefix("原标题:") {
                    Self::set(&mut self.original_title, t);
                } else {
                    Self::set(&mut self.source, value);
                }
            }
            Field::Counter => {}
        }
    }

    fn add_named(&mut self, key: &str, value: &str) {
        let k = key.to_ascii_lowercase();
        let k = k.rsplit([':', '.']).next().unwrap_or(&k).to_string();
        match k.as_str() {
            "title" => Self::set(&mut self.title, value),
            "date" | "pubdate" | "publishdate" | "published" | "published_time"
            | "publish_date" | "time" | "datetime" | "created" => Self::set(&mut self.date, value),
            "author" | "authors" | "byline" | "creator" => Self::set(&mut self.author, value),
            "source" | "site_name" | "media" | "from" | "publisher" => {
                Self::set(&mut self.source, value)
            }
            "editor" => Self::set(&mut self.editor, value),
            "description" | "summary" | "abstract" => Self::set(&mut self.summary, value),
            "keywords" | "tags" => Self::set(&mut self.keywords, value),
            _ => {
                self.extra
                    .entry(key.to_string())
                    .or_insert_with(|| value.trim().to_string());
            }
        }
    }
}

/// A removed part of the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    pub rule: Rule,
    pub reason: String,
    pub text: String,
    /// Byte range in [`CleanResult::source`].
    pub start: usize,
    pub end: usize,
}

/// A change inside kept text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub rule: Rule,
    pub reason: String,
    pub before: String,
    pub after: String,
    /// Byte range of `before` in [`CleanResult::source`].
    pub start: usize,
    pub end: usize,
}

/// How the input bytes were decoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EncodingInfo {
    pub name: &'static str,
    pub detection: Detection,
    pub error_count: usize,
    pub errors: Vec<DecodeError>,
}

/// The outcome of [`clean`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CleanResult {
    /// The article: one paragraph per line, title first.
    pub text: String,
    pub title: Option<String>,
    pub metadata: Metadata,
    /// `None` for text input.
    pub encoding: Option<EncodingInfo>,
    /// What the input was read as.
    pub format: Format,
    /// The document as text (HTML rendered to blocks): what positions refer to.
    pub source: String,
    pub removed: Vec<Removal>,
    pub changed: Vec<Change>,
    /// HTML elements dropped as markup (scripts, styles, iframes …).
    pub markup_dropped: usize,
}

/// Reports a paragraph's restored punctuation: one change per mark, at its place
/// in the source, so that the changes inside the paragraph (pinyin left out) keep
/// their own. `src`: the source from the paragraph's start to the end of its text
/// (of the last paragraph joined to it). A paragraph whose text cannot be lined up
/// with it (a line rewritten) gets one change for the whole of it.
fn punctuation_changes(
    src: &str,
    b: &Block,
    fixed: &str,
    fixes: &[punct::Fix],
    changed: &mut Vec<Change>,
) {
    let Some(at) = punct::align(&b.text, src) else {
        changed.push(Change {
            rule: Rule::Punctuation,
            reason: format!("{} punctuation marks restored to full width", fixes.len()),
            before: b.text.clone(),
            after: fixed.to_string(),
            start: b.src.start,
            end: b.src.end,
        });
        return;
    };
    for f in fixes {
        // Offsets in `src`: from the fix's first character to the end of its last.
        let (start, last) = (at[f.start], at[f.end - 1]);
        let end = last + src[last..].chars().next().map_or(0, char::len_utf8);
        changed.push(Change {
            rule: Rule::Punctuation,
            reason: PUNCTUATION_REASON.to_string(),
            before: src[start..end].to_string(),
            after: f.after.to_string(),
            start: b.src.start + start,
            end: b.src.start + end,
        });
    }
}

/// Does the body look like HTML?
fn looks_like_html(s: &str) -> bool {
    let head = chars::prefix(s, 1 << 16);
    let lower = head.to_ascii_lowercase();
    let mut t = lower.trim_start();
    // An XHTML page may open with an XML declaration before its doctype.
    if let Some(rest) = t.strip_prefix("<?xml") {
        t = rest
            .split_once("?>")
            .map_or("", |(_, after)| after)
            .trim_start();
    }
    if t.starts_with("<!doctype html") || t.starts_with("<html") {
        return true;
    }
    let tags = [
        "<p>", "<p ", "<div", "<br", "<span", "<a ", "<body", "<table", "<li>", "<h1", "<h2",
        "<font", "<img", "<strong", "</p>", "</div>",
    ];
    tags.iter().filter(|t| lower.contains(**t)).count() >= 2
}

/// Cleans a document.
pub fn clean(input: Input<'_>, options: &CleanOptions) -> Result<CleanResult> {
    let size = match input {
        Input::Text(t) => t.len(),
        Input::Bytes(b) => b.len(),
    };
    if size > options.max_bytes {
        return Err(Error::TooLarge {
            size,
            limit: options.max_bytes,
        });
    }
    let (raw, encoding) = match input {
        Input::Text(t) => (t.to_string(), None),
        Input::Bytes(b) => {
            let d = decode::decode(b, options.encoding.as_deref())?;
            let info = EncodingInfo {
                name: d.encoding,
                detection: d.detection,
                error_count: d.error_count,
                errors: d.errors,
            };
            (d.text, Some(info))
        }
    };
    Ok(clean_text(raw, encoding, options))
}

fn clean_text(raw: String, encoding: Option<EncodingInfo>, options: &CleanOptions) -> CleanResult {
    let rules = &options.rules;
    let mut metadata = Metadata::default();
    let mut removed = Vec::new();
    let mut changed = Vec::new();

    // Front matter.
    let mut body_start = 0;
    if rules.on(Rule::FrontMatter) {
        if let Some(fm) = frontmatter::split(&raw) {
            for (k, v) in &fm.fields {
                metadata.add_named(k, v);
            }
            removed.push(Removal {
                rule: Rule::FrontMatter,
                reason: "front matter (fields kept in metadata)".into(),
                text: raw[..fm.end].to_string(),
                start: 0,
                end: fm.end,
            });
            body_start = fm.end;
        }
    }
    let body = &raw[body_start..];
    let format = match options.format {
        Format::Auto if looks_like_html(body) => Format::Html,
        // Front matter is itself a sign of Markdown; then one Markdown construct suffices.
        Format::Auto if text::markdown_signals(body) >= if body_start > 0 { 1 } else { 2 } => {
            Format::Markdown
        }
        Format::Auto => Format::Text,
        f => f,
    };

    // Blocks, and the source their positions refer to.
    let (source, mut blocks, elements, markup_dropped) = if format == Format::Html {
        let page = html::parse(body);
        for (k, v) in &page.meta {
            metadata.add_named(k, v);
        }
        let prefix = &raw[..body_start];
        let mut source = String::with_capacity(prefix.len() + page.source.len() + 1);
        source.push_str(prefix);
        let shift = source.len();
        source.push_str(&page.source);
        let mut blocks = page.blocks;
        for b in &mut blocks {
            b.src = b.src.start + shift..b.src.end + shift;
        }
        (source, blocks, page.elements, page.markup_dropped)
    } else {
        let blocks = text::blocks(&raw, body_start, format == Format::Markdown);
        (raw.clone(), blocks, Vec::new(), 0)
    };
    // Inline fixes, then whitespace, block by block.
    let pinyin = inline::PinyinProfile::scan(&source);
    for b in &mut blocks {
        let (fixed, edits) = inline::fix(&b.text, rules, &pinyin);
        let exact = source.get(b.src.clone()) == Some(b.text.as_str());
        for e in edits {
            let (start, end) = if exact {
                (b.src.start + e.start, b.src.start + e.end)
            } else {
                (b.src.start, b.src.end)
            };
            let reason = e.rule.description().to_string();
            changed.push(Change {
                rule: e.rule,
                reason,
                before: e.before,
                after: e.after,
                start,
                end,
            });
        }
        b.text = if rules.on(Rule::Whitespace) {
            inline::normalize_space(&fixed)
        } else {
            fixed
        };
    }

    // Line rules.
    for i in 0..blocks.len() {
        if blocks[i].text.trim().is_empty() {
            blocks[i].remove(Rule::Whitespace, "empty after fixes");
            continue;
        }
        let verdict = classify::classify(&blocks[i]);
        let timeline =
            matches!(verdict, Verdict::Meta(Rule::Metadata, ..)) && in_timeline(&blocks, i);
        let b = &mut blocks[i];
        match verdict {
            Verdict::Keep => {}
            Verdict::Meta(Rule::Metadata, ..) if timeline => {}
            Verdict::Remove(rule, reason) => {
                if rules.on(rule) {
                    b.remove(rule, reason);
                }
            }
            Verdict::Meta(rule, reason, fields) => {
                if rules.on(rule) {
                    for (f, v) in &fields {
                        metadata.add_field(*f, v);
                    }
                    b.remove(rule, reason);
                }
            }
        }
    }

    // Document rules.
    if let Some(summary) = structure::apply(&mut blocks, &elements, format == Format::Html, rules) {
        metadata.summary.get_or_insert(summary);
    }
    let (page_title, original_title) = (metadata.title.clone(), metadata.original_title.clone());
    let outcome = title::apply(
        &mut blocks,
        page_title.as_deref(),
        original_title.as_deref(),
        rules,
    );

    if rules.on(Rule::Join) {
        join::join_split_paragraphs(&mut blocks);
    }

    // Punctuation (text inputs whose punctuation was NFKC-folded).
    let restore = format != Format::Html
        && rules.on(Rule::Punctuation)
        && punct::looks_folded(
            blocks
                .iter()
                .filter(|b| !matches!(b.fate, Fate::Removed(..)))
                .map(|b| b.text.as_str()),
        );

    // Where each kept paragraph's text lies in the source: to the end of the last
    // block joined to it (blocks removed in between are only left out).
    let mut text_end: Vec<usize> = blocks.iter().map(|b| b.src.end).collect();
    let mut kept = None;
    for (i, b) in blocks.iter().enumerate() {
        match b.fate {
            Fate::Keep => kept = Some(i),
            Fate::Joined => {
                if let Some(k) = kept {
                    text_end[k] = text_end[k].max(b.src.end);
                }
            }
            Fate::Removed(..) => {}
        }
    }

    // Output.
    let mut text = String::with_capacity(source.len() / 2);
    if let Some(p) = &outcome.prepend {
        text.push_str(p);
        text.push('\n');
    }
    for (b, &end) in blocks.iter_mut().zip(&text_end) {
        match &b.fate {
            Fate::Keep => {
                if restore {
                    let (fixed, fixes) = punct::restore(&b.text);
                    if !fixes.is_empty() {
                        let from = source.get(b.src.start..end).unwrap_or_default();
                        punctuation_changes(from, b, &fixed, &fixes, &mut changed);
                        b.text = fixed;
                    }
                }
                text.push_str(&b.text);
                text.push('\n');
            }
            Fate::Joined => {
                changed.push(Change {
                    rule: Rule::Join,
                    reason: "paragraph split by a page or column break joined to the previous one"
                        .into(),
                    before: "\n".into(),
                    after: String::new(),
                    start: b.src.start,
                    end: b.src.start,
                });
            }
            Fate::Removed(rule, reason) => {
                if *rule != Rule::Whitespace {
                    removed.push(Removal {
                        rule: *rule,
                        reason: reason.clone(),
                        text: source[b.src.clone()].to_string(),
                        start: b.src.start,
                        end: b.src.end,
                    });
                }
            }
        }
    }
    removed.sort_by_key(|r| r.start);
    changed.sort_by_key(|c| c.start);
    if metadata.title.is_none() {
        metadata.title = outcome.title.clone();
    }
    CleanResult {
        text,
        title: outcome.title,
        metadata,
        encoding,
        format,
        source,
        removed,
        changed,
        markup_dropped,
    }
}

/// A dated line reads like a dateline, but two or more in a row (blank lines
/// between them aside) with what happened after each date are the article's
/// timeline (大事记). Asked only of the lines the rules take for metadata.
fn in_timeline(blocks: &[Block], i: usize) -> bool {
    let item = |b: &Block| fields::timeline_item(&b.text);
    let line = |b: &&Block| !b.text.trim().is_empty();
    item(&blocks[i])
        && (blocks[..i].iter().rev().find(line).is_some_and(item)
            || blocks[i + 1..].iter().find(line).is_some_and(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_lead_paragraph_is_not_the_whole_article() {
        let html = "<html><body><div class=nav><a href=/>首页</a> <a href=/n>新闻</a> <a href=/s>体育</a></div><div class=article>\
<p>5月11日，国务院总理主持召开国务院常务会议，部署推进城市更新工作，会议指出实施城市更新行动是推动城市高质量发展的必然要求。</p>\
<h2>一、加快老旧小区改造</h2><ul><li>完善基础设施</li></ul><p>对此，他表示赞同。</p>\
<table><tr><td>指标</td><td>数值</td></tr></table><p>各地要补齐社区服务设施短板，加快推进。</p></div></body></html>";
        let r = clean(Input::Text(html), &CleanOptions::default()).unwrap();
        for line in [
            "一、加快老旧小区改造",
            "完善基础设施",
            "对此，他表示赞同。",
            "各地要补齐社区服务设施短板，加快推进。",
        ] {
            assert!(r.text.contains(line), "{line}: {}", r.text);
        }
    }

    #[test]
    fn a_timeline_is_kept_but_a_lone_dateline_goes() {
        let input = "疫情防控大事记\n梳理了过去一年的重要节点，供读者参考，内容来自公开报道。\n\n2019年12月31日 武汉市卫健委通报不明原因肺炎\n\n2020年1月20日 国家卫健委高级别专家组抵达武汉\n2020年1月23日 武汉关闭离汉通道\n光明日报 2024年05月16日 星期四\n";
        let r = clean(Input::Text(input), &CleanOptions::default()).unwrap();
        for item in [
            "武汉市卫健委通报不明原因肺炎",
            "专家组抵达武汉",
            "武汉关闭离汉通道",
        ] {
            assert!(r.text.contains(item), "{item}: {}", r.text);
        }
        assert!(!r.text.contains("光明日报"), "{}", r.text);
    }

    #[test]
    fn restored_punctuation_is_reported_mark_by_mark_beside_the_pinyin_left_out() {
        // A scrape whose punctuation NFKC folded to ASCII, with a pinyin annotation.
        // The last paragraph was split by a page break and is joined again.
        let input = "第一段正文,他强调,要坚持(外防输入)的策略。\n各县(市、区)要协同,做好教(jiāo)育工作, 不能放松。\n他强调,要坚持外防输入的策略,做好教育工作,确保人民群众的生命安全和身体健康不受到任何\n威胁,各地要认真落实。\n";
        let r = clean(Input::Text(input), &CleanOptions::default()).unwrap();
        assert!(r.text.contains("做好教育工作，不能放松。"), "{}", r.text);
        // (A join's change is a point: the line break it removed.)
        for c in r.changed.iter().filter(|c| c.rule != Rule::Join) {
            assert_eq!(&r.source[c.start..c.end], c.before, "{c:?}");
        }
        let shown: Vec<(Rule, &str, &str)> = r
            .changed
            .iter()
            .filter(|c| r.source[c.start..c.end].contains("jiāo") || c.rule == Rule::Punctuation)
            .map(|c| (c.rule, c.before.as_str(), c.after.as_str()))
            .collect();
        let comma = (Rule::Punctuation, ",", "，");
        let expected = vec![
            comma,
            comma,
            (Rule::Punctuation, "(", "（"),
            (Rule::Punctuation, ")", "）"),
            (Rule::Punctuation, "(", "（"),
            (Rule::Punctuation, ")", "）"),
            comma,
            (Rule::Pinyin, "(jiāo)", ""),
            (Rule::Punctuation, ", ", "，"),
            comma,
            comma,
            comma,
            comma,
        ];
        assert_eq!(shown, expected);
    }

    #[test]
    fn html_is_recognized_after_an_xml_declaration() {
        // An XHTML page (an EPUB chapter, say) whose body uses none of the
        // common tags: only its start says it is HTML.
        let page = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>章</title></head><body><pre>正文</pre></body></html>";
        assert!(looks_like_html(page));
        assert!(looks_like_html(&page[page.find('\n').unwrap() + 1..]));
        // A declaration alone, or one before something else, is not HTML.
        assert!(!looks_like_html(
            "<?xml version=\"1.0\"?>\n<note>文字</note>"
        ));
        assert!(!looks_like_html("<?xml version=\"1.0\""));
        assert!(!looks_like_html("正文第一段。\n正文第二段。"));
    }
}
