//! The named cleaning rules: ids, what each removes or fixes, and the switch
//! that turns each off.
//!
//! Every removal and every change the cleaner makes is attributed to exactly
//! one of these rules, so the user can see why text disappeared and turn a
//! rule off when it is wrong for their document.

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

macro_rules! rules {
    ($($variant:ident = $id:literal: $desc:literal,)*) => {
        /// A cleaning rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(into = "&'static str")]
        pub enum Rule {
            $(#[doc = $desc] $variant,)*
        }

        impl Rule {
            /// Every rule, in pipeline order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable id used in options and results.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// What the rule does, for people.
            pub fn description(self) -> &'static str {
                match self { $(Rule::$variant => $desc,)* }
            }
        }
    };
}

rules! {
    FrontMatter = "front-matter": "Front matter (YAML/TOML header) removed; its fields become metadata.",
    Markup = "markup": "Scripts, styles, comments, forms, iframes and other non-content HTML removed.",
    Boilerplate = "boilerplate": "Blocks outside the page's main article (menus, sidebars, link lists).",
    Navigation = "navigation": "Breadcrumbs, menus and site-name lines.",
    OriginalTitle = "original-title": "原标题 lines (syndication metadata).",
    DuplicateTitle = "duplicate-title": "A web/SEO title or a repeat of the headline.",
    Summary = "summary": "A 摘要 line that repeats the body.",
    Metadata = "metadata": "Standalone metadata lines (date, 来源, 作者, 原创 …); kept in metadata.",
    Keywords = "keywords": "Keyword, tag and classification-code lines.",
    Editor = "editor": "Editor lines (责任编辑, 责编, [编辑:…]).",
    Caption = "caption": "Image captions and credits (图片来源, 图为…, …摄).",
    Copyright = "copyright": "Copyright, disclaimers, ICP and licence numbers, site footers.",
    Interface = "interface": "Interface strings (字号, 打印, 返回顶部, 举报 …).",
    Share = "share": "Share bars (分享到 …, 微信 微博 …).",
    Promotion = "promotion": "App and account promotions (下载客户端, 扫码关注 …).",
    Related = "related": "Related, recommended and hot-article lists.",
    Comments = "comments": "Reader comment sections (跟贴, 网友评论 …).",
    Pagination = "pagination": "Pagination (【1】【2】, 上一页 下一页).",
    SeoSpam = "seo-spam": "Keyword and place-name spam lines.",
    Pinyin = "pinyin": "Inline pinyin annotations: 網(wǎng) → 網.",
    StockQuote = "stock-quote": "Injected stock quotes such as (431.2, 7.37, 1.74%).",
    LinkStub = "link-stub": "Link stubs such as (微博).",
    Continuation = "continuation": "Continuation markers such as (上接1版).",
    Mojibake = "mojibake": "Repairs of lossy re-encoding damage where the intended character is certain.",
    Whitespace = "whitespace": "Indentation removed, runs of spaces collapsed.",
    Join = "join": "Paragraphs split mid-sentence by page or column breaks joined again.",
    Punctuation = "punctuation": "NFKC-folded punctuation beside Chinese restored to full width.",
}

impl From<Rule> for &'static str {
    fn from(r: Rule) -> &'static str {
        r.id()
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.id() == s)
            .ok_or_else(|| Error::InvalidOption {
                option: "rules".into(),
                value: s.into(),
                valid: Rule::ALL
                    .iter()
                    .map(|r| r.id())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// Which rules are on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    off: BTreeSet<Rule>,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::all()
    }
}

impl RuleSet {
    /// Every rule on.
    pub fn all() -> Self {
        RuleSet {
            off: BTreeSet::new(),
        }
    }

    /// Is `rule` on?
    pub fn on(&self, rule: Rule) -> bool {
        !self.off.contains(&rule)
    }

    /// Turns `rule` on or off.
    pub fn set(&mut self, rule: Rule, on: bool) {
        if on {
            self.off.remove(&rule);
        } else {
            self.off.insert(rule);
        }
    }

    /// The same set with `rule` off.
    pub fn without(mut self, rule: Rule) -> Self {
        self.set(rule, false);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_ids_list_valid_ones() {
        for &r in Rule::ALL {
            assert_eq!(r.id().parse::<Rule>().unwrap(), r);
        }
        let e = "editr".parse::<Rule>().unwrap_err().to_string();
        assert!(
            e.contains("editr") && e.contains("editor") && e.contains("pinyin"),
            "{e}"
        );
    }

    #[test]
    fn rules_toggle() {
        let s = RuleSet::all().without(Rule::Editor);
        assert!(!s.on(Rule::Editor) && s.on(Rule::Caption));
    }
}
