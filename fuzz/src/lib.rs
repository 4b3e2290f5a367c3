//! Shared input decoding for the fuzz targets.
//!
//! Every target reads the fuzzer's bytes the same way, so seeds can be written
//! by hand (a few header bytes, then plain UTF-8 text):
//!
//! * a fixed-size header of option bytes (missing bytes read as 0, the defaults);
//! * then segments separated by the byte `0xFF` (never part of UTF-8): the text,
//!   then keywords or user-dictionary entries;
//! * inside a segment, `0xFE` followed by an index byte expands to a fragment of
//!   the target's table (HTML tags, entities, Chinese noise lines, tricky
//!   characters …), so the fuzzer can reach deep code without discovering these
//!   multi-byte strings itself. Everything else is decoded as lossy UTF-8.

use jingwen::clean::{CleanOptions, Format, Rule, RuleSet};

/// Separates segments.
pub const SEP: u8 = 0xFF;
/// Introduces a fragment: the next byte is an index into the fragment table.
pub const FRAG: u8 = 0xFE;

/// Byte `i` of `data`, or 0 past its end.
pub fn byte(data: &[u8], i: usize) -> u8 {
    data.get(i).copied().unwrap_or(0)
}

/// `data` without its `n`-byte header.
pub fn body(data: &[u8], n: usize) -> &[u8] {
    &data[n.min(data.len())..]
}

/// Expands fragment references, then decodes as lossy UTF-8.
pub fn expand(bytes: &[u8], table: &[&str]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == FRAG && i + 1 < bytes.len() && !table.is_empty() {
            out.extend_from_slice(table[bytes[i + 1] as usize % table.len()].as_bytes());
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits at [`SEP`] and expands each segment.
pub fn segments(bytes: &[u8], table: &[&str]) -> Vec<String> {
    bytes
        .split(|&b| b == SEP)
        .map(|s| expand(s, table))
        .collect()
}

/// Encoding overrides: real labels, aliases, odd and unknown ones.
pub const ENCODINGS: &[&str] = &[
    "utf-8",
    "gbk",
    "gb18030",
    "gb2312",
    "big5",
    "utf-16le",
    "utf-16be",
    "shift_jis",
    "euc-kr",
    "windows-1252",
    "replacement",
    "x-user-defined",
    "iso-2022-jp",
    "UTF8",
    "no-such-encoding",
    "",
];

/// Clean options from a 5-byte header:
/// byte 0: bits 0–1 format (auto, html, text, markdown), bit 2 rule mask on;
/// byte 0 bits 3–7 encoding (0 none, else `ENCODINGS[n - 1]`, wrapping);
/// bytes 1–4: which rules are off (bit i = `Rule::ALL[i]`), if the mask is on.
pub const CLEAN_HEADER: usize = 5;

pub fn clean_options(data: &[u8]) -> CleanOptions {
    let b0 = byte(data, 0);
    let format = [Format::Auto, Format::Html, Format::Text, Format::Markdown][(b0 & 3) as usize];
    let mut rules = RuleSet::all();
    if b0 & 4 != 0 {
        let mask = u32::from_le_bytes([byte(data, 1), byte(data, 2), byte(data, 3), byte(data, 4)]);
        for (i, &r) in Rule::ALL.iter().enumerate().take(32) {
            if mask & (1 << i) != 0 {
                rules.set(r, false);
            }
        }
    }
    let enc = (b0 >> 3) as usize;
    let encoding = (enc != 0).then(|| ENCODINGS[(enc - 1) % ENCODINGS.len()].to_string());
    CleanOptions {
        rules,
        encoding,
        format,
        ..CleanOptions::default()
    }
}

/// Fragments of scraped Chinese news pages: markup, entities, the noise the
/// cleaner removes, inline debris it fixes, and characters that stress it.
pub const CLEAN_FRAGMENTS: &[&str] = &[
    // Markup.
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>标题 - 人民网</title></head><body>",
    "</body></html>",
    "<meta name=\"keywords\" content=\"新闻,中国\">",
    "<meta property=\"og:title\" content=\"标题\">",
    "<meta name=\"description\" content=\"摘要内容\">",
    "<p>",
    "</p>",
    "<p class=\"text\">",
    "<div>",
    "</div>",
    "<div class=\"article-content\" id=\"content\">",
    "<div class=\"footer\">",
    "<div class=\"related\">",
    "<br>",
    "<br/>",
    "<span>",
    "</span>",
    "<a href=\"/news/1.html\">",
    "</a>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<table><tr><td>",
    "</td><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li><li>",
    "</li></ul>",
    "<script>var a = '<p>x</p>';</script>",
    "<style>p { color: red }</style>",
    "<!-- 注释 -->",
    "<!--",
    "-->",
    "<img src=\"a.jpg\" alt=\"图片说明\">",
    "<figure><img src=x><figcaption>图为现场。</figcaption></figure>",
    "<font color=\"red\">",
    "</font>",
    "<strong>",
    "</strong>",
    "<iframe src=\"x\"></iframe>",
    "<form><input type=\"text\"><button>提交</button></form>",
    "<textarea>",
    "<pre>",
    "</pre>",
    "<article>",
    "</article>",
    "<nav>首页 | 新闻 | 国内</nav>",
    "<footer>版权所有</footer>",
    "<header>",
    "<section>",
    "<blockquote>",
    "<noscript>",
    "<template>",
    "<svg><foreignObject><p>",
    "<math><mi>",
    "<select><option>",
    "<![CDATA[x]]>",
    "<?xml version=\"1.0\" encoding=\"gb2312\"?>",
    "<p",
    "<",
    ">",
    "=\"",
    "\"",
    "'",
    // Entities.
    "&nbsp;",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#12288;",
    "&#x3000;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&#65279;",
    "&copy;",
    "&ensp;",
    "&emsp;",
    "&#",
    "&",
    // Noise lines and fields.
    "责任编辑：王蒙",
    "责编：李四",
    "【编辑:王蒙】",
    "[编辑:王蒙]",
    "原标题：这是原来的标题",
    "来源：人民网",
    "来源: 新华社",
    "作者：张三",
    "本报记者 李四",
    "本报北京3月1日电（记者王五）",
    "新华社北京3月1日电",
    "2024年3月1日 10:00",
    "2024-03-01 08:30:00",
    "发布时间：2024-03-01",
    "人民网 > 国内 > 正文",
    "首页 > 新闻 > 国内",
    "当前位置：首页",
    "分享到：微信 微博 QQ空间",
    "扫码关注",
    "下载客户端",
    "【1】【2】【3】 下一页",
    "上一页",
    "第1页 共3页",
    "相关阅读：",
    "相关新闻",
    "热点推荐",
    "摘要：",
    "关键词：新闻 中国",
    "图片来源：视觉中国",
    "图为",
    "新华社记者 王五 摄",
    "版权所有 © 2024 人民网",
    "Copyright © 2024 example.com All Rights Reserved.",
    "京ICP备12345678号",
    "免责声明：本文仅代表作者观点。",
    "字号：大 中 小",
    "打印本页",
    "返回顶部",
    "阅读全文",
    "原创",
    "（上接1版）",
    "（下转2版）",
    "(微博)",
    "（微信）",
    "（431.2, 7.37, 1.74%）",
    "(3021.45, -12.30, -0.41%)",
    "網(wǎng)",
    "络(luò)",
    "中(zhōng)",
    "(ní)",
    "第A03版：要闻",
    "电子版",
    "锟斤拷",
    "烫烫烫",
    "Ã©",
    "ï¼Œ",
    // Body text.
    "标题",
    "正文第一段，内容很长很长，说明了很多事情。",
    "他说：“这是一个测试。”",
    "据报道,当天气温下降了10度.",
    "經濟部表示，將持續關注。",
    // Front matter and Markdown.
    "---\n",
    "+++\n",
    "...\n",
    "title: 标题\n",
    "date: 2024-01-01\n",
    "tags:\n- a\n- b\n",
    "author = \"张三\"\n",
    "# 标题\n",
    "## ",
    "> ",
    "* ",
    "1. ",
    "```\n",
    "|a|b|\n|-|-|\n",
    "[链接](http://x)",
    "![图](a.png)",
    // Separators and whitespace.
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\n\n\n\n",
    "\t",
    "　",
    "　　",
    " ",
    "\u{A0}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{2028}",
    "\u{85}",
    "\u{0}",
    "\u{FFFD}",
    "𠀀",
    "👍🏽",
    "é",
    // Punctuation.
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "，",
    "。",
    "：",
    "…",
    "……",
    "——",
    "“",
    "”",
    "「",
    "」",
    "(",
    ")",
    "（",
    "）",
    "〔",
    "〕",
    "[",
    "]",
    "【",
    "】",
    "|",
    "/",
    "»",
    "·",
    "•",
    "-",
    "=====",
    "* * *",
];

/// Characters and words for conversion and highlighting: IDS operators, NUL,
/// variation selectors, astral and compatibility ideographs, phrases with
/// one-to-many conversions, full-width and case-folding traps.
pub const CHAR_FRAGMENTS: &[&str] = &[
    "\u{2FF0}",
    "\u{2FF1}",
    "\u{2FF2}",
    "\u{2FF3}",
    "\u{2FF4}",
    "\u{2FF5}",
    "\u{2FF8}",
    "\u{2FFA}",
    "\u{2FFB}",
    "\u{2FFC}",
    "\u{2FFF}",
    "⿰氵每",
    "⿱艹化",
    "\u{0}",
    "\u{FE00}",
    "\u{FE0E}",
    "\u{FE0F}",
    "\u{E0100}",
    "\u{E01EF}",
    "\u{200D}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{3000}",
    "\u{A0}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{0C}",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "\t",
    "𠀀",
    "𪚥",
    "𥳐",
    "🀄",
    "👍🏽",
    "\u{F900}",
    "\u{FA0C}",
    "\u{2F800}",
    "\u{2FA1D}",
    "头发",
    "頭髮",
    "发",
    "髮",
    "發",
    "干",
    "乾",
    "幹",
    "后",
    "後",
    "着",
    "著",
    "里",
    "裏",
    "裡",
    "台",
    "臺",
    "檯",
    "颱",
    "面",
    "麵",
    "云",
    "雲",
    "表",
    "錶",
    "松",
    "鬆",
    "计算机",
    "電腦",
    "软件",
    "軟體",
    "信息",
    "資訊",
    "鼠标",
    "滑鼠",
    "出租车",
    "的士",
    "計程車",
    "乾隆",
    "天后",
    "皇后",
    "疫情",
    "防控",
    "疫情防控",
    "〇",
    "国",
    "國",
    "亜",
    "亞",
    "気",
    "氣",
    "芸",
    "藝",
    "a",
    "A",
    "abc",
    "ABC",
    "a1",
    "_",
    "Ａ",
    "ａ",
    "ｚ",
    "０",
    "！",
    "İ",
    "ı",
    "ß",
    "ẞ",
    "Σ",
    "ς",
    "\u{212A}",
    "\u{212B}",
    "ﬁ",
    "𝐀",
    "Ǆ",
    "ǅ",
    "e\u{301}",
    "<",
    ">",
    "&",
    "\"",
    "'",
    "&amp;",
    "<mark>",
    ".*",
    "\\",
    "[",
    "]",
];

/// What must hold for every cleaning result: every reported range lies in
/// `source` on character boundaries (the page turns them into UTF-16 offsets
/// and highlights them), and removed text is what the range holds.
pub fn check_clean(r: &jingwen::clean::CleanResult) {
    for x in &r.removed {
        assert!(x.start <= x.end, "removal range reversed: {x:?}");
        let got = r.source.get(x.start..x.end);
        assert!(got.is_some(), "removal range not in source: {x:?}");
        assert_eq!(
            got,
            Some(x.text.as_str()),
            "removal text differs from its range"
        );
    }
    for c in &r.changed {
        assert!(c.start <= c.end, "change range reversed: {c:?}");
        assert!(
            r.source.get(c.start..c.end).is_some(),
            "change range not in source: {c:?}"
        );
    }
    assert!(r.removed.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(r.text.is_empty() || r.text.ends_with('\n'));
}

/// Cleaning text that is not HTML never invents characters: every character of
/// the output is in the input, or is one of the documented fixes (full-width
/// punctuation restored, line breaks, spaces, ", " joining a front-matter list).
pub fn check_no_invented_text(input: &str, r: &jingwen::clean::CleanResult) {
    if r.format == Format::Html {
        return; // entities decode to characters the input does not hold
    }
    let allowed = "，：；？！（）\n ,";
    let have: std::collections::HashSet<char> = input.chars().chain(allowed.chars()).collect();
    if let Some(c) = r.text.chars().find(|c| !have.contains(c)) {
        panic!("cleaning invented {c:?} (U+{:04X})", c as u32);
    }
}
