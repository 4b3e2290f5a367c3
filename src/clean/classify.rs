//! Line rules: decide from a block's own text (and HTML hints) whether it is
//! noise, and which kind. Each check is narrow on purpose — a body sentence
//! that merely *mentions* 编辑, 来源 or 微信 must stay — so most require the
//! line to be short, field-shaped, or made only of known noise tokens.

use super::block::{hint, Block, Kind};
use super::chars::{self, has_clause_punct, is_han, is_space, squeeze, unbracket, visible_len};
use super::fields::{self, Field};
use super::rules::Rule;

/// The verdict on one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Keep,
    Remove(Rule, String),
    /// Removed, and its fields go to the metadata.
    Meta(Rule, String, Vec<(Field, String)>),
}

/// Strips bullets and decorations scrapers leave at the start of a line.
fn strip_bullets(s: &str) -> &str {
    s.trim_matches(is_space)
        .trim_start_matches([
            '•', '·', '●', '◆', '◇', '■', '□', '▪', '▶', '►', '*', '-', '–', '—', '>', '》', '※',
            '★', '☆',
        ])
        .trim_matches(is_space)
}

/// Token lists, as bits (a token can be in several lists).
mod list {
    pub const UI: u32 = 1;
    pub const SHARE: u32 = 1 << 1;
    pub const COPYRIGHT: u32 = 1 << 2;
    pub const COPYRIGHT_WEAK: u32 = 1 << 3;
    pub const SITE: u32 = 1 << 4;
    pub const REPORT: u32 = 1 << 5;
    pub const COPYRIGHT_PROSE: u32 = 1 << 6;
    pub const CALL: u32 = 1 << 7;
    pub const SURE_CALL: u32 = 1 << 8;
    /// Promotion verbs and objects: pair `i` is bits `PROMO + 2i` (verb) and `PROMO + 2i + 1` (object).
    pub const PROMO: u32 = 9;
}

/// Every token list in one Aho-Corasick automaton, built once: a line is
/// scanned once, however many lists are checked (thousands of short lines
/// made this the cleaner's hot spot).
struct Lexicon {
    automaton: daachorse::CharwiseDoubleArrayAhoCorasick<u32>,
    masks: Vec<u32>,
}

fn lexicon() -> &'static Lexicon {
    static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let mut masks: Vec<u32> = Vec::new();
        let mut index: std::collections::HashMap<&'static str, usize> =
            std::collections::HashMap::new();
        let mut add = |tokens: &[&'static str], bit: u32| {
            for t in tokens.iter().filter(|t| !t.is_empty()) {
                let i = *index.entry(t).or_insert_with(|| {
                    masks.push(0);
                    masks.len() - 1
                });
                masks[i] |= bit;
            }
        };
        add(UI_TOKENS, list::UI);
        add(SHARE_TOKENS, list::SHARE);
        add(COPYRIGHT_STRONG, list::COPYRIGHT);
        add(COPYRIGHT_PROSE, list::COPYRIGHT_PROSE);
        add(CALLS_TO_ACTION, list::CALL);
        add(SURE_CALLS_TO_ACTION, list::SURE_CALL);
        add(COPYRIGHT_WEAK, list::COPYRIGHT_WEAK);
        add(SITE_ANCHORS, list::SITE);
        add(&["举报", "舉報"], list::REPORT);
        for (i, (verbs, objects)) in PROMO_PATTERNS.iter().enumerate() {
            add(verbs, 1 << (list::PROMO + 2 * i as u32));
            add(objects, 1 << (list::PROMO + 2 * i as u32 + 1));
        }
        let mut patterns: Vec<(&str, usize)> = index.into_iter().collect();
        patterns.sort_by_key(|p| p.1);
        let automaton = daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::Standard)
            .build_with_values(patterns.into_iter().map(|(p, i)| (p, i as u32)))
            .expect("the token lists are valid patterns");
        Lexicon { automaton, masks }
    })
}

/// What the token lists find in a line: which lists occur, and which byte
/// ranges are covered by interface or share tokens.
struct Tokens {
    present: u32,
    /// Bytes covered by UI or share tokens.
    covered: Vec<(usize, usize)>,
}

impl Tokens {
    fn scan(text: &str) -> Tokens {
        let lex = lexicon();
        let mut t = Tokens {
            present: 0,
            covered: Vec::new(),
        };
        for m in lex.automaton.find_overlapping_iter(text) {
            let mask = lex.masks[m.value() as usize];
            t.present |= mask;
            if mask & (list::UI | list::SHARE) != 0 {
                t.covered.push((m.start(), m.end()));
            }
        }
        t
    }

    fn has(&self, bits: u32) -> bool {
        self.present & bits != 0
    }

    /// What is left of `text` without UI/share tokens, separators and punctuation.
    fn remainder(&self, text: &str) -> String {
        let mut covered = self.covered.clone();
        covered.sort_unstable();
        let mut out = String::new();
        let mut k = 0;
        for (i, c) in text.char_indices() {
            while k < covered.len() && covered[k].1 <= i {
                k += 1;
            }
            let inside = covered[k..]
                .iter()
                .take_while(|r| r.0 <= i)
                .any(|r| i < r.1);
            let noise = is_space(c)
                || c.is_ascii_punctuation()
                || chars::is_cjk_punct(c)
                || matches!(
                    c,
                    '|' | '｜'
                        | '丨'
                        | '>'
                        | '＞'
                        | '<'
                        | '＜'
                        | '/'
                        | '／'
                        | '»'
                        | '«'
                        | '·'
                        | '•'
                );
            if !inside && !noise {
                out.push(c);
            }
        }
        out
    }
}

const UI_TOKENS: &[&str] = &[
    "小字号",
    "中字号",
    "大字号",
    "小字號",
    "中字號",
    "大字號",
    "字号",
    "字號",
    "字体",
    "字體",
    "默认",
    "默認",
    "打印本页",
    "打印本頁",
    "打印",
    "关闭窗口",
    "關閉窗口",
    "关闭本页",
    "关闭",
    "關閉",
    "返回顶部",
    "返回頂部",
    "回到顶部",
    "回到頂部",
    "返回首页",
    "返回首頁",
    "返回目录",
    "返回列表",
    "返回",
    "收藏本文",
    "加入收藏",
    "收藏",
    "我要评论",
    "发表评论",
    "發表評論",
    "网友评论",
    "網友評論",
    "查看评论",
    "评论",
    "評論",
    "点赞",
    "點讚",
    "举报/反馈",
    "舉報/反饋",
    "举报",
    "舉報",
    "反馈",
    "反饋",
    "纠错",
    "糾錯",
    "查看心情排行",
    "你看到此篇文章的感受是",
    "心情排行",
    "阅读全文",
    "閱讀全文",
    "展开全文",
    "展開全文",
    "点击查看",
    "點擊查看",
    "点击进入",
    "加载更多",
    "加載更多",
    "查看更多",
    "更多",
    "登录",
    "登錄",
    "注册",
    "註冊",
    "退出",
    "上一篇",
    "下一篇",
    "手机看",
    "手機看",
    "手机版",
    "手機版",
    "电脑版",
    "電腦版",
    "打开APP",
    "打開APP",
    "复制链接",
    "複製鏈接",
    "繁体",
    "繁體",
    "简体",
    "簡體",
    "Top",
    "TOP",
    "top",
    "放大",
    "缩小",
    "縮小",
    "朗读",
    "朗讀",
    "听新闻",
    "聽新聞",
    "大",
    "中",
    "小",
    "责任编辑",
    "進入",
    "进入",
    "播放",
    "暂停",
    "全屏",
    "音量",
    "订阅",
    "訂閱",
    "赞",
    "讚",
    "踩",
    "好文",
    "点击",
    "點擊",
    "载入中",
    "loading",
    "Loading",
    "字級設定",
    "字级设定",
    "字體設定",
    "字体设置",
    "字體大小",
    "字体大小",
    "字級",
    "字级",
    "字型",
    "友善列印",
    "列印",
    "阅读原文",
    "閱讀原文",
    "查看原文",
    "原文链接",
    "原文鏈接",
    "上一版",
    "下一版",
    "上一期",
    "下一期",
    "PDF下载",
    "PDF下載",
    "版面导航",
    "版面導航",
    "往期",
    "收起",
    "展开",
    "展開",
    "参与互动",
    "參與互動",
    "查看精彩图片",
    "返回搜狐",
    "关注",
    "關注",
    "请继续往下阅读",
    "請繼續往下閱讀",
    "继续阅读",
    "繼續閱讀",
    "在看",
    "查看全部跟贴",
    "查看全部评论",
    "收藏本页",
    "网页版",
    "阅读下一篇",
    "阅读上一篇",
    "閱讀下一篇",
    "回复",
    "回覆",
    "引用",
    "快速回复",
    "快速回覆",
    "返回列表",
    "TOP",
];

const SHARE_TOKENS: &[&str] = &[
    "分享让更多人看到",
    "分享讓更多人看到",
    "分享到",
    "分享至",
    "一键分享",
    "分享",
    "微信朋友圈",
    "朋友圈",
    "微信好友",
    "微信",
    "新浪微博",
    "腾讯微博",
    "騰訊微博",
    "微博",
    "QQ空间",
    "QQ空間",
    "QQ好友",
    "QQ",
    "豆瓣",
    "人人网",
    "人人網",
    "开心网",
    "開心網",
    "Facebook",
    "Twitter",
    "LinkedIn",
    "Weibo",
    "WeChat",
    "扫一扫",
    "掃一掃",
    "转发",
    "轉發",
    "复制链接",
    "複製鏈接",
    "二维码",
    "二維碼",
    "用微信扫码",
    "微信扫一扫",
    "WhatsApp",
    "Telegram",
    "LINE",
    "Line",
    "Messenger",
    "Email",
    "電郵",
    "电邮",
    "Plurk",
    "噗浪",
];

const RELATED_HEADS: &[&str] = &[
    "相关新闻",
    "相關新聞",
    "相关阅读",
    "相關閱讀",
    "相关链接",
    "相關鏈接",
    "相关文章",
    "相關文章",
    "相关报道",
    "相關報導",
    "相關報道",
    "延伸阅读",
    "延伸閱讀",
    "推荐阅读",
    "推薦閱讀",
    "热点推荐",
    "熱點推薦",
    "热门推荐",
    "熱門推薦",
    "热门文章",
    "熱門文章",
    "热门新闻",
    "熱門新聞",
    "热点新闻",
    "熱點新聞",
    "热文推荐",
    "猜你喜欢",
    "猜你喜歡",
    "为你推荐",
    "為你推薦",
    "更多新闻",
    "更多新聞",
    "更多精彩",
    "精彩推荐",
    "精彩推薦",
    "往期回顾",
    "往期回顧",
    "往期推荐",
    "编辑推荐",
    "編輯推薦",
    "今日推荐",
    "今日推薦",
    "排行榜",
    "点击排行",
    "點擊排行",
    "阅读排行",
    "閱讀排行",
    "新闻排行",
    "你可能感兴趣",
    "你可能感興趣",
    "大家都在看",
    "24小时热文",
    "本周热门",
    "热门排行",
    "图片新闻",
    "圖片新聞",
    "相关专题",
    "專題推薦",
    "专题推荐",
    "最新新闻",
    "最新新聞",
    "最新文章",
    "热门评论",
    "熱門評論",
    "推荐",
    "推薦",
    "相关推荐",
    "相關推薦",
    "相關話題",
    "相关话题",
    "相關內容",
    "相关内容",
    "看了还看",
    "猜你想看",
    "本版标题导航",
    "本版標題導航",
    "本版标题",
    "本版標題",
    "本期导读",
    "本期導讀",
    "今日热门",
    "今日熱門",
    "本日熱門",
    "热门排行",
    "熱門排行",
    "即時熱門",
    "热门话题",
    "熱門話題",
];

const PAGE_TOKENS: &[&str] = &[
    "上一页",
    "下一页",
    "上一頁",
    "下一頁",
    "上页",
    "下页",
    "首页",
    "尾页",
    "末页",
    "首頁",
    "尾頁",
    "末頁",
    "前一页",
    "后一页",
    "全文",
    "单页阅读",
    "單頁閱讀",
    "分页",
    "分頁",
    "本文共",
    "全文共",
    "本頁",
    "本页",
];

/// Strong marks of a site footer, copyright notice or licence number.
const COPYRIGHT_STRONG: &[&str] = &[
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "©",
    "All Rights Reserved",
    "All rights reserved",
    "ICP备",
    "ICP證",
    "ICP证",
    "ICP備",
    "公网安备",
    "公網安備",
    "网安备",
    "網安備",
    "增值电信业务经营许可证",
    "增值電信業務經營許可證",
    "视听节目许可证",
    "視聽節目許可證",
    "广告经营许可",
    "廣告經營許可",
    "新闻信息服务许可证",
    "新聞信息服務許可證",
    "网络文化经营许可证",
    "網絡文化經營許可證",
    "出版物经营许可证",
    "不构成投资建议",
    "不構成投資建議",
    "风险自担",
    "風險自擔",
    "转载请注明",
    "轉載請註明",
    "侵权必究",
    "侵權必究",
    "本网站由",
    "本網站由",
    "关于我们",
    "關於我們",
    "網站地圖",
    "网站地图",
    "信息存储服务",
    "資訊儲存服務",
    "information storage services",
    "禁止转载",
    "禁止轉載",
    "不得转载",
    "不得轉載",
    "违者必究",
    "違者必究",
    "翻版必究",
    "翻印必究",
    "如有侵权",
    "如有侵權",
    "侵删",
    "侵刪",
    "不代表本站",
    "不代表本网",
    "不代表本網",
    "不代表本平台",
    "仅代表作者",
    "僅代表作者",
    "请勿转载",
    "請勿轉載",
    "严禁转载",
    "嚴禁轉載",
    "转载必究",
    "轉載必究",
    "盗版必究",
    "盜版必究",
    "版权归原作者",
    "版權歸原作者",
    "转载请联系",
    "轉載請聯繫",
    "风险自负",
    "風險自負",
    "入市需谨慎",
    "入市需謹慎",
    "经授权转载",
    "經授權轉載",
    "授權轉載",
    "本文系转载",
    "本文係轉載",
    "不构成任何投资建议",
    "不構成任何投資建議",
    "不代表网站立场",
    "不代表網站立場",
    "书面授权",
    "書面授權",
    "仅代表该作者",
    "僅代表該作者",
    "仅提供信息发布平台",
    "僅提供信息發布平台",
    "所刊载信息",
    "所刊載信息",
];
/// Marks of a copyright notice or site footer that a news sentence can also hold
/// (法院认定，未经授权使用他人作品构成侵权 …; 公司法律顾问表示 …; 可拨打举报电话 …):
/// they remove a line only if it does not read as a sentence of prose.
const COPYRIGHT_PROSE: &[&str] = &[
    "版权所有",
    "版權所有",
    "保留所有权利",
    "举报电话",
    "舉報電話",
    "举报邮箱",
    "舉報郵箱",
    "版权声明",
    "版權聲明",
    "免责声明",
    "免責聲明",
    "法律顾问",
    "法律顧問",
    "未经授权",
    "未經授權",
    "用户协议",
    "隐私政策",
    "隱私政策",
    "服务条款",
    "服務條款",
    "联系我们",
    "聯繫我們",
    "违法和不良信息举报",
    "違法和不良信息舉報",
    "不良信息举报",
    "备案号",
    "備案號",
];
/// Weak marks: footer-like only with an "our site" anchor.
const COPYRIGHT_WEAK: &[&str] = &[
    "转载",
    "轉載",
    "授权",
    "授權",
    "侵权",
    "侵權",
    "版权",
    "版權",
    "法律责任",
    "法律責任",
    "知识产权",
    "知識產權",
    "摘编",
    "摘編",
];
const SITE_ANCHORS: &[&str] = &["本网", "本網", "本站", "本平台", "我网", "我網", "我站"];

// Every pattern's two bits fit in the lexicon's u32 masks.
const _: () = assert!(list::PROMO as usize + 2 * PROMO_PATTERNS.len() <= 32);

const PROMO_PATTERNS: &[(&[&str], &[&str])] = &[
    (
        &["点击上方", "點擊上方", "点击蓝字", "點擊藍字"],
        &["关注", "關注", "订阅", "訂閱", "蓝字", "藍字"],
    ),
    (
        &[
            "订阅",
            "訂閱",
            "成为会员",
            "成為會員",
            "加入会员",
            "加入會員",
        ],
        &[
            "数码版",
            "數碼版",
            "电子版",
            "電子版",
            "会员",
            "會員",
            "无限量",
            "無限量",
            "付费",
            "付費",
        ],
    ),
    (&["打开", "打開", "下载", "下載"], &["新闻", "新聞"]),
    (
        &[
            "下载", "下載", "打开", "打開", "安装", "安裝", "尽在", "盡在", "使用",
        ],
        &["客户端", "客戶端", "APP", "App", "app"],
    ),
    (
        &[
            "扫码",
            "掃碼",
            "扫描",
            "掃描",
            "长按",
            "長按",
            "识别",
            "識別",
            "扫一扫",
            "掃一掃",
        ],
        &["关注", "關注", "下载", "下載", "二维码", "二維碼", "小程序"],
    ),
    (
        &["关注", "關注", "订阅", "訂閱", "搜索", "添加"],
        &[
            "公众号",
            "公眾號",
            "客户端",
            "客戶端",
            "微信号",
            "微信號",
            "视频号",
            "視頻號",
            "抖音号",
            "官方微博",
            "头条号",
        ],
    ),
    (&["海量资讯", "海量資訊", "精准解读"], &[""]),
];

const CAPTION_PREFIXES: &[&str] = &[
    "图片来源",
    "圖片來源",
    "图源",
    "圖源",
    "图片：",
    "圖片：",
    "图片:",
    "图：",
    "圖：",
    "图:",
    "圖:",
    "图/",
    "圖/",
    "图／",
    "圖／",
    "图片/",
    "摄影：",
    "攝影：",
    "图为",
    "圖為",
    "图片为",
    "上图",
    "下图",
    "左图",
    "右图",
    "上圖",
    "下圖",
    "组图",
    "組圖",
    "资料图片",
    "資料圖片",
    "上图中",
    "下图中",
    "上图左",
    "上图右",
    "左上图",
    "右上图",
    "左下图",
    "右下图",
    "图片来自网络",
    "圖片來自網絡",
    "图片源自网络",
    "图片来源于网络",
    "圖片來源於網絡",
    "资料图",
    "資料圖",
    "视频截图",
    "視頻截圖",
    "网络图片",
    "網絡圖片",
    "配图",
    "配圖",
    "题图",
    "題圖",
    "供图",
    "Photo:",
    "Photo：",
    "Image:",
    "Credit:",
    "（图）",
    "(图)",
    "圖像來源",
    "图像来源",
    "圖像加註文字",
    "图像加注文字",
    "▲",
    "△",
    "▼",
    "▽",
    "↑",
];

/// A photo credit at the end: "（冯旭红 摄）", "(新华社记者 XX 摄)", "XX/摄", "XX 摄".
fn ends_with_photo_credit(s: &str) -> bool {
    let t = s
        .trim_end_matches(is_space)
        .trim_end_matches(['*', '_'])
        .trim_end_matches(['。', '.']);
    // A trailing date after the credit: "中央社記者黃國棟攝 113年5月16日".
    let t = match t.rsplit_once(is_space) {
        Some((head, last)) if fields::is_date(last) => head.trim_end_matches(is_space),
        _ => t,
    };
    for credit in ["傳真", "传真"] {
        if let Some(before) = t.strip_suffix(credit) {
            if before.ends_with(|c: char| chars::is_han(c))
                && (before.contains("記者") || before.contains("记者"))
            {
                return true;
            }
        }
    }
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = t.strip_suffix(close) {
            if let Some(start) = inner.rfind(open) {
                let credit = inner[start + open.len_utf8()..].trim_matches(is_space);
                // "（图：星洲日报）", "（圖／記者…攝）": a picture credit.
                if visible_len(credit) <= 20
                    && (credit.starts_with("图：")
                        || credit.starts_with("圖：")
                        || credit.starts_with("图/")
                        || credit.starts_with("圖／")
                        || credit.starts_with("图／")
                        || credit.starts_with("圖/"))
                {
                    return true;
                }
                // "（受访者供图）", "（嘉義縣政府提供）": credits of a picture — not of
                // data ("（数据由市统计局提供）" ends a paragraph of the article).
                let provided = ["供图", "供圖", "提供"].iter().any(|e| credit.ends_with(e))
                    && visible_len(t) <= 200
                    && ![
                        "数据", "數據", "资料", "資料", "信息", "資訊", "报告", "報告", "统计",
                        "統計",
                    ]
                    .iter()
                    .any(|w| credit.contains(w));
                if provided && visible_len(credit) <= 20 {
                    return true;
                }
                if visible_len(credit) <= 40 && (credit.ends_with('摄') || credit.ends_with('攝'))
                {
                    let before = credit.trim_end_matches(['摄', '攝']);
                    // "XX 摄", "XX/摄", "新华社记者XX摄" — not "拍摄".
                    return !before.ends_with('拍') && !before.is_empty();
                }
            }
        }
    }
    for credit in [" 摄", " 攝", "/摄", "/攝", "／摄", "／攝", "\u{3000}摄"] {
        if t.ends_with(credit) {
            return visible_len(t) <= 60;
        }
    }
    false
}

/// Does `s` begin as a caption does ([`CAPTION_PREFIXES`])? A prefix that is a word
/// (上图, 图片来源) must be followed by a separator, as a caption's is (上图：, 图片来源
/// 新华社): 上图书馆成了…, 下图显示了… and 图片来源渠道不明… are sentences.
fn caption_start(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // A picture's source named right after (图片来源网络, 图源视觉中国, 图片来自视觉中国,
    // 图片由受访者提供): a short line with no clause.
    let source = [
        "图片来源",
        "圖片來源",
        "图源",
        "圖源",
        "图片来自",
        "圖片來自",
        "图片由",
    ]
    .iter()
    .any(|p| s.starts_with(p));
    if source && visible_len(s) <= 24 && !has_clause_punct(s) {
        return true;
    }
    CAPTION_PREFIXES.iter().any(|p| {
        // Only entries that share the first character are compared (no libc call per entry).
        if !p.starts_with(first) {
            return false;
        }
        let Some(rest) = s.strip_prefix(p) else {
            return false;
        };
        // (图为什么… asks a question.) A mark (▲, △) needs nothing after it.
        !p.starts_with(char::is_alphanumeric)
            || p.ends_with(['：', ':', '/', '／', '）', '为', '為'])
                && !rest.starts_with(['什', '何'])
            || rest.chars().next().is_none_or(|c| {
                is_space(c)
                    || matches!(
                        c,
                        '：' | ':'
                            | '/'
                            | '／'
                            | '为'
                            | '為'
                            | '是'
                            | '于'
                            | '於'
                            | '（'
                            | '('
                            | '【'
                            | '，'
                            | ','
                            | '、'
                            | '|'
                            | '｜'
                            | '丨'
                            | '.'
                            | '。'
                    )
            })
    })
}

/// A breadcrumb: short items joined by `>`, `>>`, `»`, `›`, `→`.
pub fn breadcrumb_items(s: &str) -> Option<Vec<String>> {
    let t = s.trim_matches(is_space);
    let t = fields::labelled(t).map(|(_, v)| v).unwrap_or(t);
    for prefix in [
        "您当前的位置",
        "您當前的位置",
        "当前的位置",
        "當前的位置",
        "当前位置",
        "當前位置",
        "您的位置",
        "您现在的位置",
        "您現在的位置",
        "你的位置",
        "位置",
    ] {
        // "当前位置：首页 > 新闻": a colon after the label, and a short remainder
        // ("位置偏远的书房使用率偏低。" is a sentence, not a breadcrumb).
        if let Some(rest) = t.strip_prefix(prefix).and_then(chars::strip_colon) {
            let items: Vec<String> = rest
                .split(['>', '＞', '»', '›', '→'])
                .map(|p| p.trim_matches(is_space).to_string())
                .filter(|p| !p.is_empty())
                .collect();
            // (位置：人民路与解放路交叉口东北角 is an address: one item.)
            if items.len() >= 2 && !has_clause_punct(rest) && visible_len(rest) <= 60 {
                return Some(items);
            }
        }
    }
    if !t.contains(['>', '＞', '»', '›', '→']) || t.contains(['。', '，', '；']) {
        return None;
    }
    let mut items: Vec<String> = t
        .split(['>', '＞', '»', '›', '→'])
        .map(|p| p.trim_matches(is_space).to_string())
        .filter(|p| !p.is_empty())
        .collect();
    // A label the list above lacks (您所在的位置：首页 > …).
    if let Some((label, first)) = items.first().and_then(|f| f.split_once(['：', ':'])) {
        if label.trim_matches(is_space).ends_with("位置") {
            items[0] = first.trim_matches(is_space).to_string();
        }
    }
    // Not a process (申请→审核→发证) nor a comparison (气温>35℃): an arrow only
    // after a home page's name, and no item that is a number or holds a label.
    let sections = items.iter().any(|i| {
        MENU_WORDS
            .iter()
            .chain(["正文", "中心", "公开", "公開", "公告", "栏目", "欄目"].iter())
            .any(|w| i.contains(w))
    });
    let home = sections
        || items.first().is_some_and(|f| {
            [
                "首页",
                "首頁",
                "主页",
                "主頁",
                "网站首页",
                "網站首頁",
                "Home",
                "home",
                "HOME",
            ]
            .contains(&f.as_str())
        });
    let plain = items.iter().all(|i| {
        // (a number, 35℃ — not 2024全国两会)
        let number = i.starts_with(|c: char| c.is_ascii_digit())
            && i.chars().all(|c| !is_han(c) || "年月日".contains(c));
        visible_len(i) <= 16 && !number && !i.contains(['：', ':'])
    });
    if items.len() >= 2 && plain && visible_len(t) <= 80 && (home || !t.contains('→')) {
        Some(items)
    } else {
        None
    }
}

/// A spam line: many short items separated by pipes.
fn is_seo_spam(s: &str) -> bool {
    let pipes = s.matches(['|', '｜', '丨', '¦']).count();
    if pipes < 5 {
        return false;
    }
    let items: Vec<&str> = s
        .split(['|', '｜', '丨', '¦'])
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect();
    let short = items
        .iter()
        .filter(|i| visible_len(i) <= 8 && !has_clause_punct(i))
        .count();
    items.len() >= 6 && short * 10 >= items.len() * 8
}

/// An "our site" anchor (本网, 本站 …) that is one: not the end of a word that ends
/// in 本 (日本网民, 资本平台, 成本).
fn site_anchor(text: &str) -> bool {
    SITE_ANCHORS.iter().any(|a| {
        text.match_indices(a).any(|(at, _)| {
            !a.starts_with('本')
                || !text[..at].ends_with([
                    '日', '资', '資', '基', '成', '根', '原', '文', '样', '樣', '账', '賬', '课',
                    '課', '脚', '腳', '剧', '劇', '版', '读', '讀', '范', '範', '标', '標', '书',
                    '書', '副', '正', '股', '老', '底',
                ])
        })
    })
}

/// A post's calls to action, removed in a line of up to 40 characters whatever its
/// punctuation (喜欢这篇文章？点个“在看”吧。).
const SURE_CALLS_TO_ACTION: &[&str] = &[
    "“在看”",
    "「在看」",
    "点个在看",
    "點個在看",
    "欢迎在评论区",
    "歡迎在評論區",
    "往期精彩",
    "往期回顾",
    "往期回顧",
    "阅读原文",
    "閱讀原文",
    "喜欢此内容的人还喜欢",
    "分享给更多朋友",
    "分享給更多朋友",
    "一键三连",
    "一鍵三連",
    "新闻线索请",
    "新聞線索請",
    "转发给身边",
    "轉發給身邊",
    "分享到朋友圈",
    "点击关注",
    "點擊關注",
    "关注我们吧",
    "關注我們吧",
    "关注我们，获取",
    "關注我們，獲取",
    "获取更多精彩",
    "獲取更多精彩",
    "一经采用",
    "一經採用",
    "商务合作",
    "商務合作",
    "广告合作",
    "廣告合作",
];
/// Service lines and calls a sentence may also hold (新闻热线：…; 读者可拨打新闻热线
/// 反映问题。): removed in a line of up to 40 characters unless it reads as a sentence.
const CALLS_TO_ACTION: &[&str] = &[
    "“在看”",
    "「在看」",
    "点个在看",
    "點個在看",
    "点个赞",
    "點個讚",
    "点赞再走",
    "欢迎在评论区",
    "歡迎在評論區",
    "评论区留言",
    "評論區留言",
    "留言讨论",
    "留言討論",
    "查看大图",
    "查看大圖",
    "往期精彩",
    "往期回顾",
    "往期回顧",
    "往期推荐",
    "往期推薦",
    "想了解更多",
    "视频加载中",
    "視頻加載中",
    "新闻热线",
    "新聞熱線",
    "投稿邮箱",
    "投稿郵箱",
    "爆料热线",
    "爆料熱線",
    "爆料邮箱",
    "新闻线索",
    "新聞線索",
];

/// A site's own statements, as labels (免责声明：…, 【免责声明】…): a quoted body's
/// statement (外交部声明：…) is not one of them.
const OWN_STATEMENTS: &[&str] = &[
    "声明",
    "聲明",
    "免责声明",
    "免責聲明",
    "版权声明",
    "版權聲明",
    "特别声明",
    "特別聲明",
    "重要声明",
    "重要聲明",
    "法律声明",
    "法律聲明",
    "广告声明",
    "廣告聲明",
    "转载声明",
    "轉載聲明",
    "原创声明",
    "原創聲明",
];

/// Words a promotion addresses its reader with, before its verb (请扫码关注 …).
const IMPERATIVES: &[&str] = &[
    "请", "請", "敬请", "敬請", "欢迎", "歡迎", "点击", "點擊", "点我", "點我", "按我", "长按",
    "長按", "立即", "马上", "馬上", "赶紧", "趕緊", "快来", "快來", "一键", "一鍵", "戳", "或者",
    "快", "这里", "這裡", "微信", "手机", "手機",
];
/// "Our" app or account: a promotion may name it before its verb (本报客户端下载 …).
const OURS: &[&str] = &[
    "我们", "我們", "本报", "本報", "本台", "本网", "本網", "本站", "我台",
];

/// An app or account promotion (下载客户端, 扫码关注公众号, 点击上方蓝字关注): one
/// of [`PROMO_PATTERNS`]' verbs with one of its objects close after it, addressed
/// to the reader — the verb begins the line or a clause, or follows 请, 欢迎, 点击
/// …, or the line speaks of "our" app (尽在 may stand anywhere). A news sentence
/// with the same words has a subject before its verb, or the words far apart:
/// 市民可通过扫描二维码预约挂号; 人脸识别技术的滥用引发社会关注.
fn is_promotion(text: &str, tokens: &Tokens) -> bool {
    let ours = OURS.iter().any(|w| text.contains(w));
    let addressed = |before: &str| {
        let b = before.trim_end_matches(is_space);
        b.is_empty()
            || b.len() < before.len()
            || b.ends_with(|c: char| !c.is_alphanumeric())
            || IMPERATIVES.iter().any(|w| b.ends_with(w))
    };
    PROMO_PATTERNS
        .iter()
        .enumerate()
        .any(|(i, (verbs, objects))| {
            if !tokens.has(1 << (list::PROMO + 2 * i as u32)) {
                return false;
            }
            verbs.iter().any(|v| {
                text.match_indices(v).any(|(at, _)| {
                    if !(ours || matches!(*v, "尽在" | "盡在") || addressed(&text[..at])) {
                        return false;
                    }
                    // The object within a few characters after the verb (《联合早报》数码版).
                    let after: String = text[at + v.len()..].chars().take(12).collect();
                    objects.iter().any(|o| o.is_empty() || after.contains(o))
                })
            })
        })
}

/// A sentence of prose: sentence-final punctuation at the end (inside closing
/// quotes, too), some length, and no "label:" start (举报电话：12377。 is a notice).
fn reads_as_sentence(s: &str) -> bool {
    let t = s
        .trim_end_matches(is_space)
        .trim_end_matches(['”', '」', '’', '』', '"', '）', ')']);
    // (A speaker's words are not a label's: 律师表示：“…。”)
    let label = t.split_once(['：', ':']).is_some_and(|(head, _)| {
        visible_len(head) <= 8
            && ![
                "表示", "说", "說", "指出", "强调", "強調", "认为", "認為", "称", "稱", "问", "問",
                "答", "写道", "寫道",
            ]
            .iter()
            .any(|v| head.ends_with(v))
    });
    // Notices are short formulas (未经授权，严禁转载。 版权所有，转载必究。): a sentence
    // has some length, and a clause mark or more length still.
    let len = visible_len(t);
    len >= 12 && (has_clause_punct(t) || len >= 15) && chars::ends_terminal(t) && !label
}

/// A menu: five or more short words separated by spaces or pipes, no punctuation.
fn is_menu(s: &str) -> bool {
    if has_clause_punct(s) {
        return false;
    }
    let words: Vec<&str> = s
        .split(|c: char| is_space(c) || matches!(c, '|' | '｜' | '丨' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    // Short words ("凤凰网首页 资讯 财经 …", "微博客服 | 意见反馈 | … | 新浪网导航").
    let total: usize = words.iter().map(|w| visible_len(w)).sum();
    // And a site's sections among them: 富强 民主 文明 和谐 …, 一等奖 二等奖 …, a
    // list of names are the article's.
    words.len() >= 5
        && words.iter().all(|w| visible_len(w) <= 6)
        && total * 2 <= words.len() * 9
        && words
            .iter()
            .all(|w| w.chars().any(is_han) || w.chars().all(|c| c.is_ascii_alphanumeric()))
        && (words.iter().any(|w| MENU_WORDS.iter().any(|m| w.contains(m)))
            // a bar of sites: 人民网 新华网 央视网 光明网 …
            || words.iter().filter(|w| w.ends_with(['网', '網'])).count() >= 3)
}

/// Sections and links of a site's menu; a menu has at least one.
const MENU_WORDS: &[&str] = &[
    "首页", "首頁", "新闻", "新聞", "资讯", "資訊", "体育", "體育", "财经", "財經", "娱乐", "娛樂",
    "科技", "国内", "國內", "国际", "國際", "社会", "社會", "军事", "軍事", "汽车", "汽車", "房产",
    "房產", "教育", "视频", "視頻", "图片", "圖片", "登录", "登錄", "注册", "註冊", "时尚", "時尚",
    "旅游", "旅遊", "健康", "文化", "评论", "評論", "专题", "專題", "直播", "游戏", "遊戲", "读书",
    "讀書", "历史", "歷史", "论坛", "論壇", "博客", "微博", "导航", "導航", "客服", "反馈", "反饋",
    "关于", "關於", "帮助", "幫助", "手机", "手機", "数码", "數碼", "家居", "彩票", "股票", "基金",
    "更多", "English", "APP", "App", "时政", "時政", "要闻", "要聞", "地方", "频道", "頻道",
    "网站", "網站", "政务", "政務", "民生", "生活", "娱", "科教", "经济", "經濟", "政治", "环保",
    "環保", "公益", "电视", "電視", "广播", "廣播", "会员", "會員", "订阅", "訂閱", "搜索", "投稿",
    "推荐", "推薦", "热榜", "熱榜", "热点", "熱點",
];

/// Applies the line rules to one block.
pub fn classify(b: &Block) -> Verdict {
    let text = b.text.trim_matches(is_space);
    if text.is_empty() {
        return Verdict::Remove(Rule::Whitespace, "empty line".into());
    }
    let len = visible_len(text);
    let bare = strip_bullets(text);
    // A trailing numeric code after a closing bracket: "（編輯：陳怡君）1130516".
    let bare = match bare.trim_end_matches(|c: char| c.is_ascii_digit()) {
        rest if rest.len() + 6 <= bare.len() && rest.ends_with(['）', ')', '】', ']']) => rest,
        _ => bare,
    };
    let inner = unbracket(bare);
    let short = len <= 40;

    // Separator lines ("-----", "***", "＊＊＊", Markdown's thematic breaks).
    if len >= 3
        && text
            .chars()
            .filter(|c| !is_space(*c))
            .all(|c| "-_*=~─━—＊※·•.。…#＝～".contains(c))
    {
        return Verdict::Remove(Rule::Markup, "separator line".into());
    }

    // An article's end mark between separators: "-END-", "— END —", "END".
    let end_mark: String = text
        .chars()
        .filter(|c| !is_space(*c) && !"-_*=~─━—＊※·•.。…#＝～".contains(*c))
        .collect();
    if matches!(end_mark.as_str(), "END" | "End" | "end" | "完" | "全文完") && len <= 16 {
        return Verdict::Remove(Rule::Markup, "end mark".into());
    }

    // A Markdown image left in the text: "![](https://…)".
    if text.starts_with("![") && text.ends_with(')') && text.contains("](") {
        return Verdict::Remove(Rule::Markup, "image".into());
    }

    // 原标题 (original title) lines.
    for p in ["原标题", "原標題", "原题", "原題"] {
        if let Some(rest) = inner.strip_prefix(p) {
            if let Some(v) = chars::strip_colon(rest) {
                return Verdict::Meta(
                    Rule::OriginalTitle,
                    "原标题 line (syndication metadata)".into(),
                    vec![(Field::Attribution, format!("原标题:{v}"))],
                );
            }
        }
    }

    // Field lines: 责任编辑：… / 来源：… / dates.
    if let Some(fs) = fields::field_line(inner) {
        if fs.iter().any(|(f, _)| *f == Field::Editor) {
            return Verdict::Meta(Rule::Editor, "editor line".into(), fs);
        }
        if fs.iter().all(|(f, _)| *f == Field::Counter) {
            return Verdict::Remove(Rule::Interface, "page counter".into());
        }
        return Verdict::Meta(
            Rule::Metadata,
            "standalone metadata line (date, source, author)".into(),
            fs,
        );
    }

    // A dateline without labels: "光明日报 2024年05月16日 星期四",
    // "澎湃新闻记者 程雨桐 2024-05-16 07:30 来源：澎湃新闻", "武汉东湖发布 24-5-16 10:30 来自 微博网页版".
    if fields::is_dateline(inner) {
        let fs: Vec<(Field, String)> = inner
            .split(is_space)
            .filter(|w| fields::is_date(w))
            .map(|w| (Field::Date, w.to_string()))
            .collect();
        return Verdict::Meta(
            Rule::Metadata,
            "dateline (date with outlet, author or source)".into(),
            fs,
        );
    }
    // A reprint source: "《光明日报》（2024年05月16日 07版）".
    if let Some(rest) = inner.strip_prefix('《') {
        if let Some((name, after)) = rest.split_once('》') {
            let after = unbracket(after);
            // Alone, only a publication's name: 《沁园春·雪》 on its own line is a poem's title.
            let publication = [
                "报", "報", "刊", "志", "誌", "新闻", "新聞", "网", "網", "社", "文摘", "参考",
                "參考", "周末", "週末", "求是", "瞭望", "财经", "財經", "杂志", "雜誌",
            ]
            .iter()
            .any(|e| name.ends_with(e));
            if visible_len(name) <= 12
                && ((after.is_empty() && publication)
                    || ((after.ends_with('版') || fields::is_date(after) || after.contains('年'))
                        && visible_len(after) <= 24))
                && !has_clause_punct(after)
            {
                return Verdict::Meta(
                    Rule::Metadata,
                    "reprint source".into(),
                    vec![(Field::Source, format!("《{name}》"))],
                );
            }
        }
    }
    // "本文来源于人民日报客户端", "本文来自微信公众号“侠客岛”": a source line.
    if len <= 50
        && [
            "本文来源于",
            "本文來源於",
            "本文来自",
            "本文來自",
            "本文转自",
            "本文轉自",
            "本文转载自",
            "本文轉載自",
        ]
        .iter()
        .any(|p| inner.starts_with(p))
    {
        return Verdict::Meta(
            Rule::Metadata,
            "source line".into(),
            vec![(Field::Source, inner.to_string())],
        );
    }
    if inner.starts_with("友情链接") || inner.starts_with("友情鏈接") {
        return Verdict::Remove(Rule::Navigation, "links to other sites".into());
    }
    // Counters: "阅读 12.6万", "赞 1024", "点赞 32 评论 5".
    if len <= 30 && is_counter_line(text) {
        return Verdict::Remove(Rule::Interface, "counter".into());
    }

    // Keywords and classification codes.
    for p in [
        "关键词",
        "關鍵詞",
        "关键字",
        "關鍵字",
        "标签",
        "標籤",
        "Tags",
        "TAGS",
        "Tag",
        "tags",
        "分类号",
        "中图分类号",
        "中圖分類號",
        "文献标识码",
        "文獻標識碼",
        "文章编号",
        "文章編號",
        "DOI",
    ] {
        if let Some(rest) = inner.strip_prefix(p) {
            // A value that is a sentence (标签：这是外界给他贴上的，他并不认同。) is prose.
            let sentence = matches!(p, "标签" | "標籤")
                && chars::strip_colon(rest)
                    .is_some_and(|v| has_clause_punct(v) && chars::ends_terminal(v));
            if (chars::strip_colon(rest).is_some() || rest.starts_with(['】', ']'])) && !sentence {
                return Verdict::Remove(Rule::Keywords, format!("{p} line"));
            }
        }
    }
    if let Some(rest) = inner.strip_prefix('【').and_then(|r| r.split_once('】')) {
        if ["关键词", "關鍵詞", "关键字", "标签"].contains(&rest.0) {
            return Verdict::Remove(Rule::Keywords, format!("{} line", rest.0));
        }
    }

    // Captions and photo credits.
    let caption_prefix = caption_start(inner) || caption_start(bare);
    if (caption_prefix && len <= 300) || ends_with_photo_credit(text) {
        return Verdict::Remove(Rule::Caption, "image caption or credit".into());
    }
    if (b.kind == Kind::Caption || b.has(hint::CAPTION)) && len <= 120 {
        return Verdict::Remove(Rule::Caption, "image caption (caption element)".into());
    }
    if short
        && (text.ends_with("截图")
            || text.ends_with("截圖")
            || text.ends_with("供图")
            || text.ends_with("供圖"))
    {
        return Verdict::Remove(Rule::Caption, "image credit".into());
    }

    // Pagination.
    if is_pagination(text) {
        return Verdict::Remove(Rule::Pagination, "pagination".into());
    }

    // An e-paper page label: "第02版：综合新闻 上一版 下一版", "上一版 第A02版：澳聞 下一版".
    let label = inner.trim_start_matches(|c: char| is_space(c) || "上下一版".contains(c));
    if let Some(rest) = label.strip_prefix('第') {
        let digits = rest
            .chars()
            .take_while(|c| {
                c.is_ascii_alphanumeric() || "一二三四五六七八九十０１２３４５６７８９".contains(*c)
            })
            .count();
        // 版 then a colon, a space or nothing (第一版《新华字典》于1953年出版 is a sentence).
        let after: String = rest.chars().skip(digits + 1).take(1).collect();
        let ascii_page = rest.chars().take(digits).all(|c| c.is_ascii_alphanumeric());
        let labelled = ascii_page
            || after.is_empty()
            || after.starts_with(['：', ':'])
            || after.starts_with(is_space)
            || text.contains("上一版")
            || text.contains("下一版");
        if digits > 0
            && rest.chars().nth(digits) == Some('版')
            && labelled
            && len <= 40
            && !has_clause_punct(text)
        {
            return Verdict::Remove(Rule::Navigation, "e-paper page label".into());
        }
    }

    // Breadcrumbs and menus.
    if breadcrumb_items(text).is_some() {
        return Verdict::Remove(Rule::Navigation, "breadcrumb".into());
    }
    if (b.has(hint::BREADCRUMB) || b.has(hint::NAV)) && short && !matches!(b.kind, Kind::Heading(_))
    {
        return Verdict::Remove(Rule::Navigation, "navigation (page menu)".into());
    }
    if is_seo_spam(text) {
        return Verdict::Remove(Rule::SeoSpam, "keyword or place-name spam".into());
    }
    if is_menu(text) {
        return Verdict::Remove(Rule::Navigation, "menu of short links".into());
    }

    // Copyright, licences, disclaimers ("本网声明：", "免责声明：" …).
    let tokens = Tokens::scan(text);
    if let Some(rest) = inner.strip_prefix(['【', '[']) {
        if let Some((label, _)) = rest.split_once(['】', ']']) {
            if OWN_STATEMENTS.contains(&label) {
                return Verdict::Remove(Rule::Copyright, "disclaimer".into());
            }
        }
    }
    if let Some((label, _)) = inner.split_once(['：', ':']) {
        // A site's own statement (免责声明：, 本网声明：), not a quoted one (外交部声明：…).
        let own = OWN_STATEMENTS
            .contains(&label.trim_matches(is_space))
            || SITE_ANCHORS.iter().any(|a| label.contains(a))
            // 郑重声明, 网站声明, 新浪声明, 某某网声明
            || [
                "郑重", "鄭重", "网站", "網站", "网", "網", "站", "新浪", "腾讯", "騰訊", "网易", "網易", "搜狐",
                "凤凰", "鳳凰", "东方财富", "東方財富", "和讯", "和訊", "澎湃", "百度",
            ]
            .iter()
            .any(|w| {
                let who = label.trim_matches(is_space);
                let who = who.strip_suffix("声明").or_else(|| who.strip_suffix("聲明")).unwrap_or(who);
                who.ends_with(w)
            });
        if visible_len(label) <= 8 && (label.ends_with("声明") || label.ends_with("聲明")) && own
        {
            return Verdict::Remove(Rule::Copyright, "disclaimer".into());
        }
    }
    let notice = tokens.has(list::COPYRIGHT)
        || (tokens.has(list::COPYRIGHT_PROSE) && !reads_as_sentence(inner));
    if notice && (len <= 200 || b.has(hint::FOOTER))
        || tokens.has(list::COPYRIGHT_PROSE) && b.has(hint::FOOTER)
    {
        return Verdict::Remove(Rule::Copyright, "copyright, licence or site footer".into());
    }
    if tokens.has(list::SITE)
        && site_anchor(text)
        && tokens.has(list::COPYRIGHT_WEAK)
        && !text.contains("记者")
        && !text.contains("記者")
    {
        return Verdict::Remove(Rule::Copyright, "copyright or reprint notice".into());
    }
    if b.has(hint::FOOTER) && short && !matches!(b.kind, Kind::Heading(_)) {
        return Verdict::Remove(Rule::Copyright, "site footer".into());
    }

    // "返回红网首页", "返回湘潭站首页": navigation back to a site.
    if let Some(rest) = inner.strip_prefix("返回") {
        if visible_len(rest) <= 10
            && [
                "首页", "首頁", "顶部", "頂部", "列表", "目录", "目錄", "频道", "頻道",
            ]
            .iter()
            .any(|e| rest.ends_with(e))
        {
            return Verdict::Remove(Rule::Interface, "interface text".into());
        }
    }
    // A line of bracketed items that are all interface or fields: "【纠错】 【责任编辑：王佳】".
    if let Some(groups) = bracket_groups(text) {
        let mut fields_found = Vec::new();
        let all_noise = groups.iter().all(|g| {
            if let Some(fs) = fields::field_line(g) {
                fields_found.extend(fs);
                return true;
            }
            let t = Tokens::scan(g);
            t.has(list::UI | list::SHARE) && t.remainder(g).chars().count() <= 1
        });
        if all_noise {
            return if fields_found.iter().any(|(f, _)| *f == Field::Editor) {
                Verdict::Meta(Rule::Editor, "editor line".into(), fields_found)
            } else if fields_found.is_empty() {
                Verdict::Remove(Rule::Interface, "interface text".into())
            } else {
                Verdict::Meta(Rule::Metadata, "metadata line".into(), fields_found)
            };
        }
    }
    // A whole-line note in brackets crediting author and editor: "（本文首发于钛媒体App，作者｜吴霜，编辑｜张远）".
    if inner.len() < bare.len() && len <= 80 {
        let credits = ["编辑", "編輯", "责编", "責編", "审核", "審核"]
            .iter()
            .any(|l| {
                inner.match_indices(l).any(|(i, _)| {
                    inner[i + l.len()..]
                        .trim_start_matches(is_space)
                        .starts_with(['：', ':', '｜', '|', '/'])
                })
            });
        if credits {
            return Verdict::Meta(Rule::Editor, "author and editor credits".into(), Vec::new());
        }
    }

    // Share bars, interface strings, promotions.
    // Not words someone says ("“赞！”", "转发！"): a button has no quotes and no "!".
    let spoken = inner.starts_with(['“', '「', '"', '‘'])
        || inner
            .trim_end_matches(['”', '」', '"', '’'])
            .ends_with(['！', '!']);
    if (2..=60).contains(&len) && tokens.has(list::UI | list::SHARE) && !spoken {
        let rest = tokens.remainder(text);
        // A one-character token (大/中/小 of a font-size switch) is the line's only
        // token: the rest must be nothing, not a character (中美, 小说).
        let single = tokens
            .covered
            .iter()
            .all(|&(a, b)| text[a..b].chars().count() == 1);
        if han_len(&rest) <= usize::from(!single) && rest.chars().count() <= 3 {
            let share = tokens.has(list::SHARE) && !tokens.has(list::REPORT);
            return if share {
                Verdict::Remove(Rule::Share, "share bar".into())
            } else {
                Verdict::Remove(Rule::Interface, "interface text".into())
            };
        }
    }
    if len <= 50 && is_promotion(text, &tokens) {
        return Verdict::Remove(Rule::Promotion, "app or account promotion".into());
    }
    // (A related list's heading, 往期推荐, is left to the rule that also removes its items.)
    let sure_call = tokens.has(list::SURE_CALL);
    if short
        && (sure_call || tokens.has(list::CALL) && !reads_as_sentence(inner))
        && !is_related_heading(text)
    {
        return Verdict::Remove(Rule::Promotion, "call to action or service line".into());
    }
    if b.has(hint::SHARE) && short {
        return Verdict::Remove(Rule::Share, "share bar".into());
    }

    Verdict::Keep
}

/// The bracketed groups of a line made only of them: "【纠错】 【责任编辑：王佳】" → ["纠错", "责任编辑：王佳"].
fn bracket_groups(s: &str) -> Option<Vec<&str>> {
    let mut rest = s.trim_matches(is_space);
    let mut groups = Vec::new();
    while !rest.is_empty() {
        let open = rest.chars().next()?;
        let close = match open {
            '【' => '】',
            '[' => ']',
            '〔' => '〕',
            _ => return None,
        };
        let end = rest.find(close)?;
        groups.push(rest[open.len_utf8()..end].trim_matches(is_space));
        rest = rest[end + close.len_utf8()..].trim_start_matches(is_space);
    }
    (groups.len() >= 2).then_some(groups)
}

/// Counter words followed by numbers, and nothing else.
fn is_counter_line(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "阅读", "閱讀", "点赞", "點讚", "赞", "讚", "转发", "轉發", "评论", "評論", "收藏", "在看",
        "浏览", "瀏覽", "播放", "点击", "點擊", "分享", "跟贴", "喜欢", "喜歡", "查看", "回复",
        "回覆", "人气", "人氣", "粉丝", "粉絲",
    ];
    let (mut numbers, mut words) = (0, 0);
    for w in s
        .split(|c: char| is_space(c) || c == '|' || c == '·')
        .filter(|w| !w.is_empty())
    {
        let w = w.trim_end_matches(['：', ':']);
        let (word, num) = match w.find(|c: char| c.is_ascii_digit()) {
            Some(i) => (&w[..i], &w[i..]),
            None => (w, ""),
        };
        let num_ok = num.is_empty()
            || num
                .trim_end_matches(['万', '萬', '亿', '億', 'k', 'K', 'w', 'W', '+'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        if !num_ok || !(word.is_empty() || WORDS.contains(&word.trim_end_matches(['：', ':']))) {
            return false;
        }
        if !num.is_empty() {
            numbers += 1;
        }
        if !word.is_empty() {
            words += 1;
        }
    }
    numbers > 0 && words > 0
}

fn han_len(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// 【1】【2】…, [1][2], 上一页 下一页, 第2页 共5页.
fn is_pagination(s: &str) -> bool {
    if visible_len(s) > 80
        || !s.contains(|c: char| c.is_ascii_digit() || c == '页' || c == '頁' || c == '全')
    {
        return false;
    }
    let t = squeeze(s);
    let mut rest = t.clone();
    for tok in PAGE_TOKENS {
        rest = rest.replace(tok, "");
    }
    let page_words = rest.len() != t.len();
    // 第N页 / 共N页
    let mut out = String::new();
    let mut numbers = 0;
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            numbers += 1;
            i = j;
            continue;
        }
        if !matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '第'
                | '共'
                | '页'
                | '頁'
                | '<'
                | '>'
                | '«'
                | '»'
                | '…'
                | '.'
                | '|'
                | '/'
        ) {
            out.push(c);
        }
        i += 1;
    }
    out.is_empty()
        && ((numbers >= 2
            && (t.contains('【') || t.contains('[') || page_words || t.contains('页')))
            || (page_words && numbers <= 20))
}

/// Is this block a related-list heading (相关新闻, 推荐阅读 …)?
pub fn is_related_heading(s: &str) -> bool {
    if visible_len(s) > 24 {
        return false;
    }
    let t = unbracket(strip_bullets(s));
    let t = t
        .trim_end_matches([':', '：', '>', '》', '»'])
        .trim_matches(is_space);
    let t = t
        .trim_end_matches("更多")
        .trim_end_matches(['>', '》', '»'])
        .trim_matches(is_space);
    // "社会新闻精选：", "本周排行", "热点推荐": a short heading ending like a list's.
    let suffixed = visible_len(t) <= 10
        && [
            "精选",
            "精選",
            "推荐",
            "推薦",
            "排行",
            "排行榜",
            "热榜",
            "熱榜",
        ]
        .iter()
        .any(|e| t.ends_with(e));
    suffixed
        || RELATED_HEADS
            .iter()
            .any(|h| t == *h || (t.starts_with(h) && visible_len(t) <= visible_len(h) + 4))
}

/// Is a block shaped like an item of a link list (short, no sentence)? A line
/// that is all one quote (“我们要把家乡建设得更美”) is someone speaking, not a link.
pub fn is_list_item_like(b: &Block) -> bool {
    let t = b.text.trim_matches(is_space);
    let len = visible_len(t);
    let spoken = t.starts_with(['“', '「']) && t.ends_with(['”', '」']);
    len <= 45 && !t.contains('。') && !spoken || b.link_density() > 0.6 && len <= 120
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(s: &str) -> Option<Rule> {
        match classify(&Block::new(0..0, s.to_string(), Kind::Paragraph)) {
            Verdict::Keep => None,
            Verdict::Remove(r, _) | Verdict::Meta(r, _, _) => Some(r),
        }
    }

    #[test]
    fn noise_lines_from_real_pages() {
        let cases: &[(&str, Rule)] = &[
            ("原标题：市委书记深夜暗访", Rule::OriginalTitle),
            ("原標題:咬緊牙關 持續從嚴 堅持就是勝利", Rule::OriginalTitle),
            ("责任编辑：王蒙 ", Rule::Editor),
            ("• [编辑:史卓凯]", Rule::Editor),
            ("(責編:李志強、魏鑫)", Rule::Editor),
            ("【编辑：张三】", Rule::Editor),
            ("2021年12月29日08:35 | 來源:陜西日報", Rule::Metadata),
            ("来源：三门峡日报 三门峡发布", Rule::Metadata),
            ("作者：张三", Rule::Metadata),
            ("原创：某某公众号", Rule::Metadata),
            ("图片来源：三门峡日报", Rule::Caption),
            ("图为市民在排队接种疫苗。", Rule::Caption),
            ("为全力以赴做好疫情防控工作，丹凤县开展入户排查。图为工作人员入户排查。（冯旭红 摄）", Rule::Caption),
            ("图/pixabay", Rule::Caption),
            ("视频截图", Rule::Caption),
            ("上图：市民在公园里游玩。", Rule::Caption),
            ("图片来源 视觉中国", Rule::Caption),
            ("资料图片：某地街景", Rule::Caption),
            ("黄河新闻网 > 运城频道 >  今日头条", Rule::Navigation),
            ("人民網>>陜西頻道", Rule::Navigation),
            ("当前位置：首页 > 新闻", Rule::Navigation),
            ("首页 新闻 体育 财经 娱乐 科技", Rule::Navigation),
            ("富锦市| 通河县| 巴楚县| 互助| 呈贡县| 阿图什市| 泗水县| 仲巴县|", Rule::SeoSpam),
            ("本网站由黄河新闻网版权所有      晋ICP备2021002877号", Rule::Copyright),
            ("增值电信业务经营许可证:晋B2-20060016", Rule::Copyright),
            ("1.凡本网注明“来源:驻马店网”的所有作品,均为本网合法拥有版权或有权使用的作品,未经本网书面授权不得转载、摘编或利用其他方式使用上述作品。已经本网授权使用作品的,应在授权范围内使用,并注明“来源:驻马店网”。任何组织、平台和个人,不得侵犯本网应有权益,否则,一经发现,本网将授权常年法律顾问予以追究侵权者的法律责任。", Rule::Copyright),
            ("3.如果您发现本网站上有侵犯您的知识产权的作品,请与我们取得联系,我们会及时修改或删除。", Rule::Copyright),
            // The same words as a notice, not a sentence.
            ("版权所有 人民日报社", Rule::Copyright),
            ("举报电话：12377", Rule::Copyright),
            ("免责声明", Rule::Copyright),
            ("本文为原创稿件，未经授权不得复制，违者必究。", Rule::Copyright),
            ("版权所有，翻版必究。", Rule::Copyright),
            ("如有侵权，请联系删除。", Rule::Copyright),
            ("本网站所刊载信息，不代表中新社和中新网观点。", Rule::Copyright),
            ("更多精彩资讯请关注新华社客户端", Rule::Promotion),
            ("转发给身边的朋友吧！", Rule::Promotion),
            ("关注我们，获取更多精彩内容！", Rule::Promotion),
            ("欢迎提供新闻线索，一经采用，即付报酬。", Rule::Promotion),
            ("商务合作请联系：021-12345678", Rule::Promotion),
            ("本文来源于人民日报客户端", Rule::Metadata),
            ("本文来自微信公众号“侠客岛”（ID：xiakedao）。", Rule::Metadata),
            ("友情链接：人民网 新华网 央视网 光明网 中国网", Rule::Navigation),
            ("▼市民在招聘会现场咨询。", Rule::Caption),
            ("第04版要闻", Rule::Navigation),
            // Short notices and calls that end like a sentence.
            ("未经授权，严禁转载。", Rule::Copyright),
            ("版权所有，转载必究。", Rule::Copyright),
            ("中央社版權所有。", Rule::Copyright),
            ("人民网版权所有，未经书面授权禁止使用。", Rule::Copyright),
            ("如需转载请联系我们。", Rule::Copyright),
            ("新浪声明：新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。", Rule::Copyright),
            ("郑重声明：本文仅供参考，不作为投资依据。", Rule::Copyright),
            ("【免责声明】本站所发布的内容仅供参考，不构成任何投资建议。", Rule::Copyright),
            ("本文系转载，版权归原作者所有。", Rule::Copyright),
            ("喜欢这篇文章？点个“在看”吧。", Rule::Promotion),
            ("欢迎在评论区留言讨论！", Rule::Promotion),
            ("往期精彩回顾，点击下方链接阅读。", Rule::Promotion),
            ("微信扫码关注该公众号", Rule::Promotion),
            ("手机扫码下载澎湃新闻客户端", Rule::Promotion),
            ("想看更多精彩内容，快下载凤凰新闻客户端", Rule::Promotion),
            ("您所在的位置：首页 > 新闻中心 > 国内新闻", Rule::Navigation),
            ("首页 > 2024全国两会 > 最新报道", Rule::Navigation),
            ("新闻中心 → 国内新闻 → 正文", Rule::Navigation),
            ("推荐 热榜 北京 上海 广东 深圳", Rule::Navigation),
            ("人民网 新华网 央视网 光明网 中国网 中青网", Rule::Navigation),
            ("图片来源网络", Rule::Caption),
            ("图片来源视觉中国", Rule::Caption),
            ("图片由受访者提供", Rule::Caption),
            ("上图左为参会企业代表。", Rule::Caption),
            ("关键词：乡村振兴，共同富裕，农业现代化。", Rule::Keywords),
            ("《求是》", Rule::Metadata),
            ("排版：张三", Rule::Editor),
            ("编辑：王晓明、刘红。", Rule::Editor),
            ("编辑 | 张三", Rule::Editor),
            ("责编 张三", Rule::Editor),
            ("来源 | 人民日报", Rule::Metadata),
            ("文章转载自网络，如有侵权请联系删除", Rule::Copyright),
            ("本文仅代表作者观点，不代表本站立场。", Rule::Copyright),
            ("图片来自网络", Rule::Caption),
            ("-END-", Rule::Markup),
            ("— END —", Rule::Markup),
            ("喜欢这篇文章？点个“在看”吧", Rule::Promotion),
            ("欢迎在评论区留言讨论", Rule::Promotion),
            ("往期精彩回顾", Rule::Promotion),
            ("新闻热线：0371-12345678", Rule::Promotion),
            ("投稿邮箱：news@example.com", Rule::Promotion),
            ("视频加载中", Rule::Promotion),
            ("《光明日报》", Rule::Metadata),
            ("《人民日报》（2024年05月16日 07版）", Rule::Metadata),
            ("举报电话：12377。", Rule::Copyright),
            ("隐私政策", Rule::Copyright),
            ("本网声明：本文仅代表作者观点。", Rule::Copyright),
            ("小字號", Rule::Interface),
            ("大 中 小", Rule::Interface),
            ("收藏", Rule::Interface),
            ("返回頂部", Rule::Interface),
            ("查看心情排行你看到此篇文章的感受是:", Rule::Interface),
            ("举报/反馈", Rule::Interface),
            ("分享讓更多人看到", Rule::Share),
            ("分享到： 微信 微博 QQ空间", Rule::Share),
            ("海量资讯、精准解读，尽在新浪财经APP", Rule::Promotion),
            ("扫码关注我们的公众号", Rule::Promotion),
            ("下载澎湃新闻客户端", Rule::Promotion),
            ("欢迎下载本报客户端，获取更多资讯。", Rule::Promotion),
            ("长按识别二维码关注", Rule::Promotion),
            ("关注公众号：人民日报", Rule::Promotion),
            ("更多精彩内容，尽在新浪新闻客户端", Rule::Promotion),
            ("点击上方“人民日报”关注我们", Rule::Promotion),
            ("【1】【2】【3】", Rule::Pagination),
            ("上一页 1 2 3 下一页", Rule::Pagination),
            ("关键词：疫情 防控", Rule::Keywords),
            ("---", Rule::Markup),
            ("（編輯：陳怡君）1130516", Rule::Editor),
            ("光明日报 2024年05月16日 星期四", Rule::Metadata),
            ("澎湃新闻记者 程雨桐 特约撰稿 周嘉 2024-05-16 07:30 来源：澎湃新闻", Rule::Metadata),
            ("武汉东湖发布 24-5-16 10:30 来自 微博网页版", Rule::Metadata),
            ("《光明日报》（2024年05月16日 07版）", Rule::Metadata),
            ("阅读 12.6万", Rule::Interface),
            ("赞 1024", Rule::Interface),
            ("嘉義縣行動圖書車今天啟用，小朋友搶先上車選書。（嘉義縣政府提供）中央社記者黃國棟傳真 113年5月16日", Rule::Caption),
            ("*罗桂芬正在编织竹编画（受访者供图）*", Rule::Caption),
            ("圖像來源，Getty Images", Rule::Caption),
            ("请订阅《联合早报》数码版，享受无限量阅读", Rule::Promotion),
            ("分享到 Facebook WhatsApp Telegram", Rule::Share),
            ("凤凰网首页 资讯 财经 娱乐 体育 时尚 汽车 房产", Rule::Navigation),
            ("上一版 第A02版：澳聞 下一版", Rule::Navigation),
            ("汴梁文旅观察2024-05-13 10:21河南粉丝 3.2万", Rule::Metadata),
            ("（本文首发于钛媒体App，作者｜吴霜，编辑｜张远）", Rule::Editor),
            ("返回红网首页", Rule::Interface),
            ("阅读下一篇", Rule::Interface),
            ("点击上方蓝字关注我们", Rule::Promotion),
            ("查看: 3562|回复: 27", Rule::Interface),
            ("回复 引用 举报 TOP", Rule::Interface),
            ("林志强（左二）与巴士业者代表在记者会上展示电动巴士模型。（图：星洲日报）", Rule::Caption),
            ("本文共3页", Rule::Pagination),
            ("【纠错】 【责任编辑：王佳】", Rule::Editor),
            ("![](https://images.example.com/a.jpg)", Rule::Markup),
            ("＊＊＊", Rule::Markup),
        ];
        for (line, rule) in cases {
            assert_eq!(verdict(line), Some(*rule), "{line}");
        }
    }

    #[test]
    fn body_text_that_mentions_noise_words_stays() {
        for line in [
            "据河南三门峡日报微信公众号消息，12月27日晚，不打招呼，轻车简从，市委书记刘南昌深入城市社区、交通要道、农村基层等暗访督导疫情防控工作。",
            "编辑部近日收到读者来信，反映小区物业管理问题。",
            "记者从市版权局获悉，今年以来共查处侵权盗版案件12起。",
            "本报讯（李婷）“要指派专人保障隔离人员的生活需求，进出扫码登记要严格规范。”",
            "（记者 王文军）",
            "各县（市、区）委书记、运城经济技术开发区和市直相关单位主要负责同志等参加会议。（记者 王文军）",
            "张宏",
            "——市应急管理局疫情防控纪实",
            "防疫情 保安全 商洛应急在行动",
            "咬緊牙關 持續從嚴 堅持就是勝利",
            "三门峡市市长暗访",
            "（资料来源：国家统计局）",
            "位置偏遠的書房使用率偏低。",
            "2024年全国两会特别报道",
            "【记者观察】城市更新的新思路",
            "（记者 韩冰 通讯员 李想）",
            "返回家乡的年轻人越来越多，乡村振兴有了新力量。",
            "2021年12月27日下午，市应急管理局召开全市应急管理工作会议。",
            "《红楼梦》是中国古典小说的巅峰之作，影响深远。",
            "赞",
            "〔即時新聞／綜合報導〕",
            "长江网10月4日讯（记者陈智 整合）",
            "大",
            "他拍摄了这张照片，记录下拍摄现场。",
            "一、坚持人民至上",
            "1",
            "来源：据新华社报道，今年以来全国各地积极推进防疫工作，取得了显著成效。",
            // News sentences about copyright cases, reports and lawyers (a footer's words in prose).
            "该公司法律顾问李明表示，此事将依法处理，目前双方正在协商赔偿方案。",
            "市民如发现违规行为，可拨打举报电话12345反映，相关部门将在三个工作日内答复。",
            "法院审理认为，未经授权使用他人作品构成侵权，判决被告赔偿原告经济损失两万元。",
            "原告声明其对该作品版权所有，法院支持了原告的诉讼请求，判决被告赔偿经济损失五万元。",
            "該公司隨即發表免責聲明，強調相關言論僅代表個人立場，與公司無關。",
            // The words of a promotion in news sentences.
            "人脸识别技术的滥用引发社会关注。",
            "市民可通过扫描二维码预约挂号。",
            "骗子以客服名义诱导受害人添加微信号，随后实施诈骗。",
            "该事件引发关注，涉事企业官方微博随后致歉。",
            "目前已有超过2000万用户使用该App。",
            "民眾可使用台北通App查詢各區開放時間。",
            "每天早上，他都会打开电视收看新闻。",
            "近年来，越来越多的消费者选择加入会员制超市。",
            "视频平台会员订阅价格上涨引发热议。",
            "系统可自动识别并拦截恶意下载行为。",
            "专家精准解读新政策要点。",
            // Sentences with a footer's words (more of them).
            "新规要求，平台应以显著方式提示用户协议和隐私政策的主要内容。",
            "中央网信办违法和不良信息举报中心今日发布数据，今年一季度共受理举报4000万件。",
            "“有问题随时联系我们。”社区工作人员说。",
            "用户在注册时往往没有仔细阅读服务条款。",
            "版权所有者有权要求平台删除侵权内容。",
            "该公司发布免责声明称与此事无关。",
            "外交部声明：中方坚决反对任何形式的干涉。",
            "日本网民指责该公司侵权，要求其公开道歉。",
            "知识产权证券化为中小企业打通了对接资本平台的渠道。",
            // Sentences that begin or end like a caption.
            "今年前三季度，全市GDP同比增长5.2%。（数据由市统计局提供）",
            "下图显示了近十年全国粮食产量的变化趋势，可以看出产量稳步提升。",
            "上图书馆成了年轻人周末的新选择。",
            "图片来源渠道不明，是造成谣言扩散的重要原因之一。",
            // Short lines with an interface word: dialogue, two-character words.
            "“赞！”",
            "“收藏！”",
            "转发！",
            "中美",
            "小说",
            // Arrows and comparisons that are not a breadcrumb.
            "办理流程：网上申请→材料审核→现场核验→发证",
            "日最高气温>35℃",
            // A service word in a sentence.
            "读者可拨打新闻热线反映问题。",
            "他在看书。",
            // Lists of values or names, not a site's menu.
            "富强 民主 文明 和谐 自由 平等 公正 法治 爱国 敬业 诚信 友善",
            "一等奖 二等奖 三等奖 优秀奖 入围奖",
            "张三 李四 王五 赵六 钱七",
            "第一版《新华字典》于1953年出版",
            "律师表示：“未经授权使用他人肖像，属于侵权行为。”",
            "位置：人民路与解放路交叉口东北角",
            "图为什么会被篡改？专家给出了答案。",
            "标签：这是外界给他贴上的，他自己并不认同。",
            "编辑：我们每天要处理上百篇稿件。",
            // A poem's or book's title alone on its line.
            "《沁园春·雪》",
            "《平凡的世界》",
            // An interview's questions.
            "记者：请介绍一下今年的工作重点。",
            "記者：請談談您的規劃。",
        ] {
            assert_eq!(verdict(line), None, "{line}");
        }
    }

    #[test]
    fn related_heads() {
        assert!(is_related_heading("相关新闻："));
        assert!(is_related_heading("【推荐阅读】"));
        assert!(is_related_heading("相关阅读 更多>>"));
        assert!(is_related_heading("社会新闻精选："));
        assert!(!is_related_heading("相关部门要加强监管，确保安全。"));
    }
}
