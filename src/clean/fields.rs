//! Recognizing metadata fields in a line: `来源：新华社`, `责任编辑：王蒙`,
//! `2021年12月29日08:35 | 來源:陜西日報`. A line made only of such fields (and
//! dates) is metadata, not article text.

use super::chars::{is_han, is_space, visible_len};

/// Which metadata a field label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Source,
    Author,
    Editor,
    Date,
    /// 原创 / 来源于 style attribution.
    Attribution,
    /// Counters and other page furniture (阅读数, 点击).
    Counter,
}

/// Field labels, simplified and traditional. Longer labels first where one is a prefix of another.
const LABELS: &[(&str, Field)] = &[
    ("责任编辑", Field::Editor),
    ("責任編輯", Field::Editor),
    ("值班编辑", Field::Editor),
    ("值班編輯", Field::Editor),
    ("实习编辑", Field::Editor),
    ("實習編輯", Field::Editor),
    ("网络编辑", Field::Editor),
    ("網絡編輯", Field::Editor),
    ("文字编辑", Field::Editor),
    ("文字編輯", Field::Editor),
    ("本版编辑", Field::Editor),
    ("本版編輯", Field::Editor),
    ("视频编辑", Field::Editor),
    ("新媒体编辑", Field::Editor),
    ("编辑", Field::Editor),
    ("編輯", Field::Editor),
    ("责编", Field::Editor),
    ("排版", Field::Editor),
    ("責編", Field::Editor),
    ("主编", Field::Editor),
    ("主編", Field::Editor),
    ("编审", Field::Editor),
    ("編審", Field::Editor),
    ("审核", Field::Editor),
    ("審核", Field::Editor),
    ("审校", Field::Editor),
    ("審校", Field::Editor),
    ("校对", Field::Editor),
    ("校對", Field::Editor),
    ("终审", Field::Editor),
    ("終審", Field::Editor),
    ("复审", Field::Editor),
    ("複審", Field::Editor),
    ("初审", Field::Editor),
    ("初審", Field::Editor),
    ("一审", Field::Editor),
    ("二审", Field::Editor),
    ("三审", Field::Editor),
    ("监制", Field::Editor),
    ("監製", Field::Editor),
    ("美编", Field::Editor),
    ("美編", Field::Editor),
    ("策划", Field::Editor),
    ("策劃", Field::Editor),
    ("统筹", Field::Editor),
    ("統籌", Field::Editor),
    ("文章来源于", Field::Attribution),
    ("文章來源於", Field::Attribution),
    ("文章来源", Field::Source),
    ("文章來源", Field::Source),
    ("本文来源", Field::Source),
    ("本文來源", Field::Source),
    ("信息来源", Field::Source),
    ("信息來源", Field::Source),
    ("新闻来源", Field::Source),
    ("新聞來源", Field::Source),
    ("稿件来源", Field::Source),
    ("稿件來源", Field::Source),
    ("来源于", Field::Attribution),
    ("來源於", Field::Attribution),
    ("来源", Field::Source),
    ("來源", Field::Source),
    ("稿源", Field::Source),
    ("出处", Field::Source),
    ("出處", Field::Source),
    ("转自", Field::Source),
    ("轉自", Field::Source),
    ("转载自", Field::Source),
    ("轉載自", Field::Source),
    ("source", Field::Source),
    ("Source", Field::Source),
    ("SOURCE", Field::Source),
    ("原创", Field::Attribution),
    ("原創", Field::Attribution),
    ("作者", Field::Author),
    ("撰文", Field::Author),
    ("撰稿", Field::Author),
    ("文字", Field::Author),
    ("文", Field::Author),
    ("记者", Field::Author),
    ("記者", Field::Author),
    ("通讯员", Field::Author),
    ("通訊員", Field::Author),
    ("摄影", Field::Author),
    ("攝影", Field::Author),
    ("供稿", Field::Author),
    ("author", Field::Author),
    ("Author", Field::Author),
    ("By", Field::Author),
    ("by", Field::Author),
    ("发布时间", Field::Date),
    ("發佈時間", Field::Date),
    ("發布時間", Field::Date),
    ("发表时间", Field::Date),
    ("發表時間", Field::Date),
    ("更新时间", Field::Date),
    ("更新時間", Field::Date),
    ("发布日期", Field::Date),
    ("發布日期", Field::Date),
    ("發佈日期", Field::Date),
    ("时间", Field::Date),
    ("時間", Field::Date),
    ("日期", Field::Date),
    ("发布于", Field::Date),
    ("發佈於", Field::Date),
    ("最後更新日期", Field::Date),
    ("最后更新日期", Field::Date),
    ("最後更新", Field::Date),
    ("最后更新", Field::Date),
    ("更新日期", Field::Date),
    ("生成日期", Field::Date),
    ("成文日期", Field::Date),
    ("发布", Field::Date),
    ("發佈", Field::Date),
    ("發布", Field::Date),
    ("Date", Field::Date),
    ("date", Field::Date),
    ("发布机构", Field::Source),
    ("發布機構", Field::Source),
    ("发文机关", Field::Source),
    ("索引号", Field::Counter),
    ("索引號", Field::Counter),
    ("主题分类", Field::Counter),
    ("主題分類", Field::Counter),
    ("发文字号", Field::Counter),
    ("文号", Field::Counter),
    ("文號", Field::Counter),
    ("有效性", Field::Counter),
    ("公开方式", Field::Counter),
    ("擔任職務", Field::Counter),
    ("担任职务", Field::Counter),
    ("報道自", Field::Counter),
    ("报道自", Field::Counter),
    ("查看", Field::Counter),
    ("回复", Field::Counter),
    ("回覆", Field::Counter),
    ("人气", Field::Counter),
    ("阅读量", Field::Counter),
    ("閱讀量", Field::Counter),
    ("阅读数", Field::Counter),
    ("阅读", Field::Counter),
    ("閱讀", Field::Counter),
    ("浏览", Field::Counter),
    ("瀏覽", Field::Counter),
    ("点击", Field::Counter),
    ("點擊", Field::Counter),
    ("浏览次数", Field::Counter),
    ("点击数", Field::Counter),
    ("评论数", Field::Counter),
];

/// A label followed by a colon at the start of `s`: (field, rest after the colon).
pub fn labelled(s: &str) -> Option<(Field, &str)> {
    let t = s.trim_start_matches(is_space);
    // Labels are short: without a colon near the start there is no field.
    if !t.chars().take(12).any(|c| c == ':' || c == '：') {
        return None;
    }
    for (label, field) in LABELS {
        if let Some(rest) = t.strip_prefix(label) {
            let rest = rest.trim_start_matches(is_space);
            if let Some(value) = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':')) {
                return Some((*field, value.trim_start_matches(is_space)));
            }
        }
    }
    None
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Is `s` (trimmed) a date and/or time, such as `2021年12月29日08:35`,
/// `2021-12-28 10:20:13`, `12月28日`, `星期三`, `Tue, 28 Dec 2021 05:20:13 GMT`?
pub fn is_date(s: &str) -> bool {
    let t = s.trim_matches(|c: char| {
        is_space(c) || matches!(c, '（' | '）' | '(' | ')' | '[' | ']' | '【' | '】')
    });
    if t.is_empty() {
        return false;
    }
    const WEEKDAYS: &[&str] = &[
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
        "星期天",
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
        "週一",
        "週二",
        "週三",
        "週四",
        "週五",
        "週六",
        "週日",
        "上午",
        "下午",
        "晚上",
        "凌晨",
    ];
    const ENGLISH: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon",
        "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "GMT", "UTC", "CST", "AM", "PM",
    ];
    let allowed = |c: char| {
        is_digit(c)
            || matches!(
                c,
                '年' | '月'
                    | '日'
                    | '号'
                    | '號'
                    | '时'
                    | '時'
                    | '分'
                    | '秒'
                    | '-'
                    | '/'
                    | '.'
                    | ':'
                    | '：'
                    | ','
                    | 'T'
                    | 'Z'
                    | '+'
            )
            || is_space(c)
    };
    // One pass: skip weekday (and, for English dates, month/day) words; every
    // other character must belong to a date or a time.
    let (mut digits, mut english, mut weekday, mut other) = (0, false, false, false);
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        if let Some(w) = WEEKDAYS.iter().find(|w| rest.starts_with(**w)) {
            weekday = true;
            rest = &rest[w.len()..];
            continue;
        }
        if let Some(w) = ENGLISH.iter().find(|w| rest.starts_with(**w)) {
            english = true;
            rest = &rest[w.len()..];
            continue;
        }
        if is_digit(c) {
            digits += 1;
        } else if !allowed(c) {
            other = true;
            break;
        }
        rest = &rest[c.len_utf8()..];
    }
    if other {
        return false;
    }
    (digits >= 3
        && (t.contains(['年', '-', '/', '.']) || english || (t.contains('月') && t.contains('日'))))
        || (digits >= 3 && t.contains([':', '：'])) // a time: 3:42, 13:05
        || (digits == 0 && weekday && t.chars().count() <= 4)
}

/// The fields of a line made only of metadata fields and dates, or `None` if
/// the line has anything else. Values of a field may span several
/// space-separated words (`来源：三门峡日报 三门峡发布`).
pub fn field_line(line: &str) -> Option<Vec<(Field, String)>> {
    let normalized = normalize_separators(line);
    let t = normalized.trim_matches(is_space);
    if t.is_empty() || visible_len(t) > 120 {
        return None;
    }
    // Every field line has a label's colon or a date's digits (or a weekday).
    if !t.contains([':', '：'])
        && t.chars().filter(|c| is_digit(*c)).count() < 3
        && !t.contains("星期")
        && !t.contains('周')
        && !t.contains('週')
    {
        return None;
    }
    // Separators between fields: |, ｜, 丨, and runs of spaces; "•" bullets.
    let t = t
        .trim_start_matches(['•', '·', '●', '◆', '■', '▪', '*', '-', '>'])
        .trim_start_matches(is_space);
    let parts: Vec<&str> = t
        .split(['|', '｜', '丨', '¦'])
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect();
    let mut fields: Vec<(Field, String)> = Vec::new();
    for part in parts {
        // Within a part, words split by spaces; a date may contain a space between date and time.
        let mut words: Vec<&str> = part.split(is_space).filter(|w| !w.is_empty()).collect();
        let mut i = 0;
        while i < words.len() {
            // Try the longest run of words that forms a date.
            let mut took = 0;
            for j in (i + 1..=words.len().min(i + 4)).rev() {
                if is_date(&words[i..j].join(" ")) {
                    fields.push((Field::Date, words[i..j].join(" ")));
                    took = j - i;
                    break;
                }
            }
            if took > 0 {
                i += took;
                continue;
            }
            let word = words[i];
            if let Some((field, value)) = labelled(word) {
                // The label's value may be in the next word ("来源： 新华社").
                let mut value = value.to_string();
                if value.is_empty() && i + 1 < words.len() && labelled(words[i + 1]).is_none() {
                    i += 1;
                    value = words[i].to_string();
                }
                fields.push((field, value));
            } else if fields.last().is_some_and(|l| l.0 == Field::Date)
                && trailing_name(word)
                && fields.iter().filter(|f| f.0 == Field::Source).count() < 2
            {
                // "2023年10月31日 07:42 证券日报网", "… 記者林國華∕台南報導": an outlet or
                // reporter credit after the date is part of the dateline.
                fields.push((Field::Source, word.to_string()));
            } else if let Some(last) = fields.last_mut().filter(|l| l.0 != Field::Date) {
                // A continuation of the previous field's value.
                if !last.1.is_empty() {
                    last.1.push(' ');
                }
                last.1.push_str(word);
            } else if let Some((date, rest)) = split_date_prefix(word) {
                // "2021-12-28来源：新华社" written without a space.
                fields.push((Field::Date, date.to_string()));
                words[i] = rest;
                continue;
            } else {
                return None;
            }
            i += 1;
        }
    }
    if fields.is_empty() {
        return None;
    }
    // Values are names and outlets, not sentences.
    for (field, value) in &fields {
        // An interviewer's question (记者：请介绍一下今年的工作重点。) is not a reporter
        // credit, nor an editor's words (编辑：我们每天要处理上百篇稿件。) an editor line.
        let v = value.trim_matches(is_space);
        if matches!(field, Field::Author | Field::Editor)
            && ((v.ends_with(['。', '？', '！', '?', '!']) && visible_len(v) >= 9)
                || ["请", "請", "您", "你", "谈谈", "談談"]
                    .iter()
                    .any(|w| v.starts_with(w)))
        {
            return None;
        }
        if *field != Field::Date
            && (visible_len(value) > 40
                || value
                    .trim_end_matches(['。', '.'])
                    .contains(['，', '。', '；', '！', '？', ',', ';']))
        {
            return None;
        }
    }
    Some(fields)
}

/// Writes other label separators as a colon: "文 / 许慧敏", "作者, 林嘉欣",
/// "编辑 | 张三", "報道自 上海", "责编 张三" (sites that do not use colons).
fn normalize_separators(line: &str) -> std::borrow::Cow<'_, str> {
    if visible_len(line) > 80 || !line.contains(['/', '／', ',', '，', ' ']) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut changed = false;
    'outer: while !rest.is_empty() {
        let at_word_start = out.is_empty() || out.ends_with(is_space);
        if at_word_start {
            for (label, _) in LABELS {
                if let Some(after) = rest.strip_prefix(label) {
                    let trimmed = after.trim_start_matches(is_space);
                    let spaced = trimmed.len() < after.len();
                    let sep = trimmed.chars().next();
                    let bare_space = spaced
                        && matches!(
                            *label,
                            "報道自" | "报道自" | "责编" | "責編" | "责任编辑" | "責任編輯"
                        );
                    if matches!(sep, Some('/' | '／' | ',' | '，' | '|' | '｜' | '丨'))
                        || bare_space
                    {
                        out.push_str(label);
                        out.push('：');
                        let skip = if bare_space {
                            0
                        } else {
                            sep.map_or(0, char::len_utf8)
                        };
                        rest = trimmed[skip..].trim_start_matches(is_space);
                        changed = true;
                        continue 'outer;
                    }
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// A dateline without (or with few) labels: a date with a year or a time,
/// plus at most six short words (outlet, author, place, "更新"), and no
/// sentence punctuation — "光明日报 2024年05月16日 星期四",
/// "2024/5/16 14:22（5/16 15:01 更新）", "武汉东湖发布 24-5-16 10:30 来自 微博网页版".
pub fn is_dateline(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    if visible_len(t) > 80 || t.contains(['，', '。', '；', '！', '？', ',', ';', '!', '?']) {
        return false;
    }
    let date_char = |c: char| {
        is_digit(c)
            || matches!(
                c,
                '-' | '/' | '.' | ':' | '：' | '年' | '月' | '日' | '时' | '時' | '分' | '秒'
            )
    };
    let mut strong = false;
    let mut others = 0;
    let words = t
        .split(|c: char| {
            is_space(c) || matches!(c, '|' | '｜' | '（' | '）' | '(' | ')' | '【' | '】' | '*')
        })
        .filter(|w| !w.is_empty());
    for word in words {
        // Dates glued to names: "汴梁文旅观察2024-05-13", "10:21河南粉丝".
        let mut pieces: Vec<&str> = Vec::new();
        let mut start = 0;
        let mut last: Option<bool> = None;
        for (i, c) in word.char_indices() {
            let d = date_char(c) && (is_digit(c) || last == Some(true));
            if last.is_some_and(|l| l != d) {
                pieces.push(&word[start..i]);
                start = i;
            }
            last = Some(d);
        }
        pieces.push(&word[start..]);
        for w in pieces {
            if is_date(w) {
                // A full date or a time, not a bare year ("2024年全国两会").
                let full = (w.contains('年') && w.contains('月'))
                    || w.matches(['-', '/', '.']).count() >= 2;
                let time = w.contains([':', '：']);
                strong |= full || time;
            } else if visible_len(w) <= 16 {
                others += 1;
            } else {
                return false;
            }
        }
    }
    strong && others <= 6
}

/// An item of a timeline (大事记): a date, then what happened — "2019年12月31日
/// 武汉市卫健委通报不明原因肺炎", "1月20日 14:00 专家组抵达武汉". Alone it reads like a
/// dateline; several in a row are the article's (see `mod.rs`).
pub fn timeline_item(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    let mut words = t.split(is_space).filter(|w| !w.is_empty()).peekable();
    let mut dated = false;
    while words.peek().is_some_and(|w| is_date(w)) {
        words.next();
        dated = true;
    }
    let rest: Vec<&str> = words.collect();
    let han: usize = rest
        .iter()
        .map(|w| w.chars().filter(|&c| is_han(c)).count())
        .sum();
    // What happened, not who published it (星期四 人民日报海外版, 中国青年报客户端).
    let outlet = |w: &&str| {
        w.starts_with("星期")
            || ["报", "報", "版", "网", "網", "客户端", "客戶端", "社", "台"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    dated
        && han >= 6
        && !rest
            .iter()
            .any(|w| w.contains([':', '：']) || labelled(w).is_some() || outlet(w))
}

/// A short name after a date (an outlet, a section, a reporter credit): no sentence punctuation.
fn trailing_name(word: &str) -> bool {
    let n = visible_len(word);
    (1..=16).contains(&n)
        && word.chars().any(is_han)
        && !word.contains(['，', '。', '；', '！', '？', ',', ';', '!', '?'])
}

/// Splits a date off the front of a word ("2021年12月29日来源：…").
fn split_date_prefix(word: &str) -> Option<(&str, &str)> {
    let mut end = None;
    for (i, c) in word.char_indices() {
        if is_han(c)
            && !matches!(
                c,
                '年' | '月' | '日' | '时' | '時' | '分' | '秒' | '号' | '號'
            )
        {
            end = Some(i);
            break;
        }
    }
    let end = end?;
    let (date, rest) = word.split_at(end);
    (is_date(date) && labelled(rest).is_some()).then_some((date, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for d in [
            "2021年12月29日08:35",
            "2021-12-28 10:20:13",
            "12月28日",
            "2022年1月5日 星期三",
            "Tue, 28 Dec 2021 05:20:13 GMT",
            "2021/12/28",
            "（2021年12月31日）",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in [
            "12月27日晚，不打招呼",
            "3+3",
            "110",
            "第110次",
            "星期三的会议",
        ] {
            assert!(!is_date(d), "{d}");
        }
    }

    #[test]
    fn an_interviewers_question_is_not_a_reporter_credit() {
        for q in [
            "记者：请介绍一下今年的工作重点。",
            "記者：請談談您的規劃。",
            "记者：您怎么看待这个问题？",
            "记者：这项改革的难点在哪里？",
        ] {
            assert_eq!(field_line(q), None, "{q}");
        }
        assert!(field_line("记者：王文军 李想").is_some());
    }

    #[test]
    fn field_lines() {
        let f = field_line("2021年12月29日08:35 | 來源:陜西日報").unwrap();
        assert_eq!(
            f,
            vec![
                (Field::Date, "2021年12月29日08:35".into()),
                (Field::Source, "陜西日報".into())
            ]
        );
        let f = field_line("来源：三门峡日报 三门峡发布").unwrap();
        assert_eq!(f, vec![(Field::Source, "三门峡日报 三门峡发布".into())]);
        assert_eq!(
            field_line("责任编辑：王蒙 ").unwrap(),
            vec![(Field::Editor, "王蒙".into())]
        );
        assert_eq!(field_line("作者： 张三 2021-01-02").unwrap().len(), 2);
        assert!(field_line("2021-12-28来源：新华社").is_some());
        assert!(field_line("2023年11月15日 星期三 下午3:42 港聞").is_some());
        assert!(field_line("2023年10月31日 07:42 证券日报网").is_some());
        assert!(field_line("时间：2023-11-19 13:05 来源：云湖日报 作者：邓凯").is_some());
        assert!(field_line("发布 / 2024年5月16日 14:22 文 / 许慧敏").is_some());
        assert!(field_line("作者, 林嘉欣").is_some());
        assert!(field_line("擔任職務, BBC中文記者").is_some());
        assert!(field_line("報道自 上海").is_some());
        assert!(field_line(
            "撰文：梁家朗 發佈日期：2024-05-16 14:22 最後更新日期：2024-05-16 15:01"
        )
        .is_some());
        assert!(is_dateline("2024/5/16 14:22（5/16 15:01 更新）"));
        assert!(is_dateline("三晋文旅观察 2024-05-16 10:25:13 发布于山西"));
        assert!(!is_dateline("5月16日 聚焦两会"));
        assert!(!is_dateline("2024年全国两会 代表委员热议"));
        assert!(timeline_item("2019年12月31日 武汉市卫健委通报不明原因肺炎"));
        assert!(timeline_item("1月20日 14:00 专家组抵达武汉开展工作"));
        assert!(!timeline_item("光明日报 2024年05月16日 星期四"));
        assert!(!timeline_item("2024年05月16日 光明日报"));
        assert!(!timeline_item("2024-05-16 07:30 来源：澎湃新闻"));
    }

    #[test]
    fn body_sentences_are_not_field_lines() {
        for s in [
            "来源：据新华社报道，今年以来全国各地积极推进防疫工作，取得了显著成效。",
            "编辑部近日收到读者来信，反映小区物业管理问题。",
            "（记者 王文军）",
            "本报讯（李婷）“要指派专人保障隔离人员的生活需求。”",
            "张宏",
            "12月27日晚，不打招呼，轻车简从，市委书记刘南昌深入城市社区",
            "2022年1月2日 一车车装满应急防疫物资的车辆向全市各地驶去，奔赴疫情防控第一线。",
            "（资料来源：国家统计局）",
        ] {
            assert!(field_line(s).is_none(), "{s}");
        }
    }
}
