//! HTML → blocks: walks the parsed page once, keeping the text of what a reader
//! sees and the structure the cleaning rules need.
//!
//! Scripts, styles, comments, forms, iframes, media and hidden elements are
//! dropped (they are never article text and must never run or load). Block
//! elements and `<br>` end a block; inline elements (`<font>`, `<a>`, `<span>`
//! …) do not, so 疫<font>情</font> stays one word. Each block remembers its
//! containing element (to find the article on pages with heavy navigation),
//! how much of it is link text, and hints from its ancestors (a `<nav>`, a
//! `class="footer"` …). Entities, including windows-1252 references such as
//! `&#0147;`, are decoded by the HTML parser as browsers do.

use super::block::{hint, Block, Kind};
use super::dom::{self, Data, Handle};

/// Where an element sits in the tree (for choosing the article's container).
#[derive(Debug, Clone)]
pub struct Elem {
    pub parent: Option<usize>,
    pub tag: String,
}

/// A page turned into blocks.
#[derive(Debug, Default)]
pub struct Page {
    /// Block texts joined by '\n' (what block `src` ranges refer to).
    pub source: String,
    pub blocks: Vec<Block>,
    pub elements: Vec<Elem>,
    /// `<title>`, `<meta>` name/property → content.
    pub meta: Vec<(String, String)>,
    /// Elements dropped as markup (scripts, styles, iframes, forms …).
    pub markup_dropped: usize,
}

/// Elements whose whole subtree is never article text. Not `<form>`: content
/// management systems wrap whole articles in one (VSB's `_newscontent_fromname`);
/// only the controls inside a form are dropped.
fn is_dropped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "frame"
            | "frameset"
            | "object"
            | "embed"
            | "applet"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "source"
            | "track"
            | "map"
            | "input"
            | "select"
            | "textarea"
            | "button"
            | "option"
            | "datalist"
            | "dialog"
            | "link"
            | "meta"
            | "base"
            | "param"
            | "picture"
            | "img"
            | "area"
    )
}

/// Block elements end a block. Table cells do not: a row (`<tr>`) is one
/// block with its cells separated by spaces, so label/value cells such as
/// "发布机构：" | "某某局" stay together (paragraphs inside cells still split).
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "caption"
            | "ul"
            | "menu"
            | "legend"
            | "hgroup"
            | "dir"
            | "listing"
            | "plaintext"
            | "xmp"
    )
}

/// Hints from an element's own name, class and id.
fn hints_of(node: &dom::Node) -> u32 {
    let mut h = match node.tag() {
        "nav" => hint::NAV,
        "footer" => hint::FOOTER,
        "aside" => hint::ASIDE,
        "header" => hint::HEADER,
        "figcaption" => hint::CAPTION,
        "article" | "main" => hint::ARTICLE,
        "a" => hint::LINK,
        _ => 0,
    };
    let mut names = node.attr("class").unwrap_or_default();
    names.push(' ');
    names.push_str(&node.attr("id").unwrap_or_default());
    // The hints of each class or id name's first word: "article-foot" is the foot
    // of an article (its sources, its notes), "footer-content" a footer's content.
    let mut heads = 0;
    for name in names.to_ascii_lowercase().split_ascii_whitespace() {
        let mut first = true;
        for token in name.split(|c: char| !c.is_ascii_alphanumeric()) {
            if token.is_empty() {
                continue;
            }
            // `starts_with` also covers the word itself.
            let has = |words: &[&str]| words.iter().any(|w| token.starts_with(w));
            for &(bit, words) in CLASS_HINTS {
                // A footnote is the article's, not the page footer.
                if has(words) && !(bit == hint::FOOTER && token.starts_with("footnote")) {
                    h |= bit;
                    if first {
                        heads |= bit;
                    }
                }
            }
            first = false;
            if token == "ad"
                || token == "ads"
                || has(&["advert", "adsbygoogle", "banner", "guanggao"])
            {
                h |= hint::AD;
            }
            if has(&["page", "pagination", "pager", "paging"]) && !has(&["pagebody", "pagecontent"])
            {
                h |= hint::PAGINATION;
            }
        }
    }
    // A name headed by an article word: its footer word is the article's own foot.
    if heads & hint::ARTICLE != 0 && heads & hint::FOOTER == 0 {
        h &= !hint::FOOTER;
    }
    // A container named for both ("photo-text", "pic_content") holds an article
    // with pictures: its paragraphs are not captions.
    if h & hint::ARTICLE != 0 && node.tag() != "figure" {
        h &= !hint::CAPTION;
    }
    h
}

/// Class/id word prefixes and the hint each gives (English and pinyin, as CMSs name them).
const CLASS_HINTS: &[(u32, &[&str])] = &[
    (hint::NAV, &["nav", "menu", "topbar", "sitemap"]),
    (
        hint::BREADCRUMB,
        &[
            "breadcrumb",
            "crumb",
            "location",
            "position",
            "curpos",
            "weizhi",
        ],
    ),
    (hint::FOOTER, &["footer", "foot", "copyright", "bottom"]),
    (hint::ASIDE, &["sidebar", "side", "aside", "widget"]),
    (hint::SHARE, &["share", "social", "bdshare", "fenxiang"]),
    (
        hint::RELATED,
        &[
            "related",
            "recommend",
            "relate",
            "hotnews",
            "hot",
            "rank",
            "more",
            "xgxw",
            "tuijian",
        ],
    ),
    (hint::COMMENT, &["comment", "reply", "pinglun"]),
    (
        hint::CAPTION,
        &["caption", "img", "pic", "photo", "figure", "tupian"],
    ),
    (hint::EDITOR, &["editor", "bianji", "zebian"]),
    (
        hint::ARTICLE,
        &[
            "article", "content", "main", "post", "entry", "text", "body", "detail", "zhengwen",
            "story",
        ],
    ),
];

/// Hints of page furniture that an article container inside it clears.
const PAGE_PARTS: u32 = hint::FOOTER | hint::SHARE | hint::NAV | hint::COMMENT | hint::CAPTION;

fn hidden(node: &dom::Node) -> bool {
    if node.attr("hidden").is_some() || node.attr("aria-hidden").as_deref() == Some("true") {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // visibility:hidden only off an article container: WeChat ships its body
        // (#js_content, rich_media_content) hidden and a script shows it.
        s.contains("display:none")
            || s.contains("visibility:hidden") && hints_of(node) & hint::ARTICLE == 0
    })
}

struct Builder {
    page: Page,
    text: String,
    links: usize,
    kind: Kind,
    hints: u32,
    container: Option<usize>,
}

impl Builder {
    fn new() -> Self {
        Builder {
            page: Page::default(),
            text: String::new(),
            links: 0,
            kind: Kind::Paragraph,
            hints: 0,
            container: None,
        }
    }

    /// Ends the current block.
    fn flush(&mut self) {
        let t = self.text.trim();
        if !t.is_empty() {
            if !self.page.source.is_empty() {
                self.page.source.push('\n');
            }
            let start = self.page.source.len();
            self.page.source.push_str(t);
            let mut b = Block::new(start..self.page.source.len(), t.to_string(), self.kind);
            b.link_chars = self.links;
            b.hints = self.hints;
            b.container = self.container;
            self.page.blocks.push(b);
        }
        self.text.clear();
        self.links = 0;
        self.kind = Kind::Paragraph;
        self.hints = 0;
    }

    fn push_text(&mut self, s: &str, pre: bool, hints: u32) {
        // HTML collapses runs of ASCII whitespace; other spaces (U+3000, nbsp) are text.
        let mut added = 0;
        for c in s.chars() {
            if !pre && matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else if pre && c == '\n' {
                self.flush();
            } else {
                self.text.push(c);
                if !c.is_whitespace() {
                    added += 1;
                }
            }
        }
        if hints & hint::LINK != 0 {
            self.links += added;
        }
        if added > 0 {
            self.hints |= hints;
        }
    }
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn collect_head(node: &Handle, meta: &mut Vec<(String, String)>) {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match n.tag() {
            "title" => {
                let t: String = text_of(&n);
                if !t.trim().is_empty() {
                    meta.push((
                        "title".into(),
                        t.split_whitespace().collect::<Vec<_>>().join(" "),
                    ));
                }
            }
            "meta" => {
                let key = n
                    .attr("name")
                    .or_else(|| n.attr("property"))
                    .or_else(|| n.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, n.attr("content")) {
                    if !v.trim().is_empty() {
                        meta.push((k.to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
            _ => {}
        }
        stack.extend(n.children.borrow().iter().rev().cloned());
    }
}

fn text_of(node: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if let Data::Text(t) = &n.data {
            out.push_str(&t.borrow());
        }
        stack.extend(n.children.borrow().iter().rev().cloned());
    }
    out
}

/// Walks a parsed document (iteratively) into blocks.
pub fn page_from_dom(dom: &dom::Dom) -> Page {
    enum Step {
        Enter(Handle, u32, bool, Option<usize>),
        Leave { block: bool },
    }
    let mut b = Builder::new();
    let mut stack = vec![Step::Enter(dom.document.clone(), 0, false, None)];
    // The element ids of open block containers (for restoring `container` on leave).
    let mut containers: Vec<Option<usize>> = Vec::new();
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave { block } => {
                if block {
                    b.flush();
                    b.container = containers.pop().flatten();
                }
            }
            Step::Enter(node, inherited, pre, parent_elem) => match &node.data {
                Data::Text(t) => {
                    let t = t.borrow();
                    b.push_text(&t, pre, inherited);
                }
                Data::Other => {}
                Data::Document | Data::Element { .. } => {
                    let tag = node.tag().to_string();
                    if tag == "head" {
                        collect_head(&node, &mut b.page.meta);
                        continue;
                    }
                    if is_dropped(&tag) || hidden(&node) {
                        if !tag.is_empty()
                            && !matches!(tag.as_str(), "img" | "meta" | "link" | "source" | "base")
                        {
                            b.page.markup_dropped += 1;
                        }
                        // An image inside text separates words a little; keep going.
                        continue;
                    }
                    if tag == "title" {
                        collect_head(&node, &mut b.page.meta);
                        continue;
                    }
                    if tag == "br" || tag == "hr" {
                        b.flush();
                        continue;
                    }
                    let mut elem_id = parent_elem;
                    if !tag.is_empty() {
                        b.page.elements.push(Elem {
                            parent: parent_elem,
                            tag: tag.clone(),
                        });
                        elem_id = Some(b.page.elements.len() - 1);
                    }
                    // An article container of its own (<div class="article"> inside a
                    // wrapper named bottom-…, share-…) is not footer, share bar, menu,
                    // comments or caption because a wrapper further up is.
                    let own = hints_of(&node);
                    let inherited = if own & hint::ARTICLE != 0 && own & PAGE_PARTS == 0 {
                        inherited & !PAGE_PARTS
                    } else {
                        inherited
                    };
                    let hints = inherited | own;
                    let block = is_block(&tag);
                    if block {
                        b.flush();
                        containers.push(b.container);
                        b.container = elem_id;
                        b.kind = match (heading_level(&tag), tag.as_str()) {
                            (Some(l), _) => Kind::Heading(l),
                            (None, "li" | "dt" | "dd") => Kind::ListItem,
                            (None, "figcaption" | "caption") => Kind::Caption,
                            (None, "pre" | "listing" | "xmp" | "plaintext") => Kind::Preformatted,
                            _ => Kind::Paragraph,
                        };
                    } else if !tag.is_empty()
                        && !b.text.is_empty()
                        && !b.text.ends_with(' ')
                        && matches!(tag.as_str(), "td" | "th")
                    {
                        b.text.push(' ');
                    }
                    let pre = pre
                        || matches!(
                            tag.as_str(),
                            "pre" | "listing" | "xmp" | "plaintext" | "textarea"
                        );
                    stack.push(Step::Leave { block });
                    let children = match &node.data {
                        Data::Element {
                            template: Some(t), ..
                        } => t.children.borrow().clone(),
                        _ => node.children.borrow().clone(),
                    };
                    for child in children.into_iter().rev() {
                        stack.push(Step::Enter(
                            child,
                            hints & !hint::ARTICLE | (hints & hint::ARTICLE),
                            pre,
                            elem_id,
                        ));
                    }
                }
            },
        }
    }
    b.flush();
    b.page
}

/// Estimates the deepest element nesting of `html` without parsing it, so that
/// pathological documents (100,000 nested tags) never reach the tree builder,
/// whose scope checks would make them quadratic.
pub fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "td", "tr", "option",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = bytes[start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map(|e| start + e)
            .unwrap_or(bytes.len());
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
        i = end;
    }
    max
}

/// Beyond this nesting the page is turned into text without the tree builder.
pub const MAX_NESTING: usize = 2000;

/// Parses `html` into blocks.
pub fn parse(html: &str) -> Page {
    if nesting_depth(html) > MAX_NESTING {
        return strip_tags(html);
    }
    page_from_dom(&dom::parse(html))
}

/// The fallback for pathological nesting: tags become block breaks (for block
/// elements) or nothing, text is kept and entities decoded; linear time.
fn strip_tags(html: &str) -> Page {
    let mut b = Builder::new();
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
                let tag = &rest[1..end.saturating_sub(1).max(1)];
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if let Some(until) = &skip_until {
                    if closing && &name == until {
                        skip_until = None;
                    }
                } else if !closing
                    && matches!(
                        name.as_str(),
                        "script" | "style" | "template" | "noscript" | "textarea" | "title"
                    )
                {
                    skip_until = Some(name.clone());
                    b.page.markup_dropped += 1;
                } else if is_block(&name) || name == "br" {
                    b.flush();
                }
                rest = &rest[end..];
            }
            found => {
                let end = found.unwrap_or(rest.len());
                if skip_until.is_none() {
                    let decoded = decode_entities(&rest[..end]);
                    b.push_text(&decoded, false, 0);
                }
                rest = &rest[end..];
            }
        }
    }
    b.flush();
    b.page
}

/// Decodes the common named and all numeric character references (fallback path only).
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let n = name
                        .strip_prefix("#x")
                        .or_else(|| name.strip_prefix("#X"))
                        .map(|h| u32::from_str_radix(h, 16).ok())
                        .unwrap_or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()));
                    n.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Page) -> Vec<&str> {
        p.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn blocks_inline_tags_and_noise() {
        let p = parse("<html><head><title>标题_新浪网</title><meta name=keywords content='a,b'><script>alert(1)</script></head><body><nav><a href=/>首页</a> &gt; <a>新闻</a></nav><div class=article><p>疫<font>情</font>防控&#0147;好&#0148;</p><p>第二段<br>第三段</p><script>x()</script><style>.a{}</style><!-- c --></div><iframe src=x></iframe></body></html>");
        assert_eq!(
            texts(&p),
            vec![
                "首页 > 新闻",
                "疫情防控\u{201c}好\u{201d}",
                "第二段",
                "第三段"
            ]
        );
        assert!(p.blocks[0].has(hint::NAV) && p.blocks[0].link_chars == 4);
        assert!(p.blocks[1].has(hint::ARTICLE));
        assert_eq!(
            &p.source[p.blocks[1].src.clone()],
            "疫情防控\u{201c}好\u{201d}"
        );
        assert!(p.meta.contains(&("title".into(), "标题_新浪网".into())));
        assert!(p.markup_dropped >= 3);
    }

    #[test]
    fn an_article_container_named_for_pictures_is_not_a_caption() {
        let p = parse("<div class=photo-text><p>第一段</p></div><div class=pic_content><p>第二段</p></div><div class=footnote>注：数据来自统计局。</div><div class=pic-desc>图说</div><footer>页脚</footer><div class=article-foot><p>（资料来源：国家统计局）</p></div><div class=footer-content><p>关于我们</p></div>");
        assert!(!p.blocks[0].has(hint::CAPTION) && !p.blocks[1].has(hint::CAPTION));
        assert!(!p.blocks[2].has(hint::FOOTER));
        assert!(p.blocks[3].has(hint::CAPTION) && p.blocks[4].has(hint::FOOTER));
        assert!(!p.blocks[5].has(hint::FOOTER) && p.blocks[6].has(hint::FOOTER));
    }

    #[test]
    fn an_article_inside_a_wrapper_named_for_furniture_and_a_hidden_wechat_body() {
        let p = parse("<div class=\"main-wrap bottom-line\"><div class=article><p>正文一段。</p></div></div><div class=share-wrap><div class=content><p>正文二段。</p></div></div><div id=js_content class=rich_media_content style=\"visibility: hidden;\"><p>据了解，新政将于6月1日起施行。</p></div><div style=\"visibility:hidden\"><p>隐藏的菜单</p></div>");
        assert_eq!(
            texts(&p),
            vec!["正文一段。", "正文二段。", "据了解，新政将于6月1日起施行。"]
        );
        assert!(!p.blocks[0].has(hint::FOOTER) && !p.blocks[1].has(hint::SHARE));
    }

    #[test]
    fn unclosed_p_keeps_all_text() {
        let p = parse("<div><p>第一段很长的文字<p>第二段<div>第三段");
        assert_eq!(texts(&p), vec!["第一段很长的文字", "第二段", "第三段"]);
    }

    #[test]
    fn hidden_and_headings() {
        let p = parse(
            "<h1>大标题</h1><p style='display: none'>隐藏</p><p hidden>也隐藏</p><li>项目</li>",
        );
        assert_eq!(texts(&p), vec!["大标题", "项目"]);
        assert_eq!(p.blocks[0].kind, Kind::Heading(1));
        assert_eq!(p.blocks[1].kind, Kind::ListItem);
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let html = "<div>".repeat(100_000) + "深处的文字" + &"</div>".repeat(100_000);
        assert!(nesting_depth(&html) > MAX_NESTING);
        let p = parse(&html);
        assert_eq!(texts(&p), vec!["深处的文字"]);
        // Just under the limit goes through the real parser and the iterative walk/drop.
        let html = "<span>".repeat(MAX_NESTING - 10) + "文字";
        assert_eq!(texts(&parse(&html)), vec!["文字"]);
    }

    #[test]
    fn entity_fallback() {
        assert_eq!(
            decode_entities("a&amp;b&#20013;&#x6587;&bogus;&"),
            "a&b中文&bogus;&"
        );
    }
}
