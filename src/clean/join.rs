//! Joining paragraphs that a page or column break split mid-sentence.
//!
//! A paragraph is split when it stops without sentence-final punctuation
//! although it is plainly prose (long, with clause punctuation), and the next
//! kept paragraph goes on with a Chinese character. Headlines (short, no
//! punctuation) and lines ending in a colon are never joined.

use super::block::{Block, Fate};
use super::chars::{ends_terminal, has_clause_punct, is_cjk, is_han, is_space, visible_len};

/// Does `prev` stop mid-sentence?
fn unfinished(prev: &str) -> bool {
    let t = prev.trim_end_matches(is_space);
    if !chinese_prose(t) {
        return false;
    }
    let last = t.chars().last();
    visible_len(t) >= 30
        && has_clause_punct(t)
        && !ends_terminal(t)
        && !matches!(last, Some('，' | ',' | '、' | '—' | '-'))
        && last.is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
}

/// Mostly Chinese characters and punctuation (not a header of names, dates and symbols).
fn chinese_prose(t: &str) -> bool {
    let visible = t.chars().filter(|c| !is_space(*c)).count();
    let cjk = t.chars().filter(|c| is_cjk(*c)).count();
    visible > 0 && cjk * 10 >= visible * 7
}

/// Does `next` continue a sentence? Not if it starts an item of a list or a
/// report's dateline (新华社北京6月1日电, 本报讯).
fn continues(next: &str) -> bool {
    let t = next.trim_start_matches(is_space);
    let first = t.chars().next();
    first.is_some_and(|c| is_han(c) || c.is_ascii_digit())
        && has_clause_punct(t)
        && !list_item(t)
        && !dateline_start(t)
}

/// Starts like an item of a numbered list: 一、 （二） 3. 4、 (5) 第六，
pub(crate) fn list_item(t: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十百零〇";
    let t = t.trim_start_matches(is_space);
    let inner = t
        .strip_prefix(['（', '('])
        .map(|r| r.trim_start_matches(|c: char| NUMERALS.contains(c) || c.is_ascii_digit()))
        .filter(|r| r.starts_with(['）', ')']));
    if inner.is_some()
        && t.chars()
            .nth(1)
            .is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit())
    {
        return true;
    }
    let rest = t.strip_prefix('第').unwrap_or(t);
    let after = rest.trim_start_matches(|c: char| NUMERALS.contains(c) || c.is_ascii_digit());
    after.len() < rest.len()
        && after.starts_with(['、', '.', '．', '，'])
        && (rest.len() - after.len() <= 9)
        && !(after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Starts with a report's dateline: 新华社北京6月1日电, 本报讯, 中新网5月16日电.
fn dateline_start(t: &str) -> bool {
    [
        "本报讯",
        "本報訊",
        "新华社",
        "新華社",
        "中新社",
        "中新网",
        "中新網",
        "央视网消息",
        "央視網消息",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        || t.char_indices().take(20).any(|(i, c)| {
            (c == '电' || c == '電' || c == '讯' || c == '訊') && t[..i].ends_with('日')
        })
}

/// Joins split paragraphs; returns how many joins were made. Joined blocks get
/// [`Fate::Joined`] and their text is appended to the block they continue.
pub fn join_split_paragraphs(blocks: &mut [Block]) -> usize {
    let mut joins = 0;
    let mut last_kept: Option<usize> = None;
    let first_kept = blocks.iter().position(Block::kept);
    for i in 0..blocks.len() {
        if !blocks[i].kept() {
            continue;
        }
        // Never onto the first line if it is headline-sized, nor onto an item of
        // a list: neither needs final punctuation.
        let headline = |p: usize| Some(p) == first_kept && visible_len(&blocks[p].text) <= 40;
        if let Some(p) = last_kept.filter(|&p| !headline(p) && !list_item(&blocks[p].text)) {
            if unfinished(&blocks[p].text) && continues(&blocks[i].text) {
                let text = std::mem::take(&mut blocks[i].text);
                blocks[p].text.push_str(text.trim_start_matches(is_space));
                blocks[i].text = text;
                blocks[i].fate = Fate::Joined;
                joins += 1;
                continue;
            }
        }
        last_kept = Some(i);
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[&str]) -> Vec<Block> {
        Block::paragraphs(lines)
    }

    #[test]
    fn joins_mid_word_breaks_only() {
        let mut v = blocks(&[
            "截至目前,督查组共计对18个镇办、78个村(社区)进行了专项督查,督促整改问题198个,下发整改通知书35份,印发督",
            "查通报3期,典型案例通报2期4起10人,增强了督查的权威性。",
            "洛南积极做好防疫期间物资保障",
            "本报讯(记者李小龙)连日来,在全力以赴做好疫情防控的同时,洛南县积极采取有效措施。",
            "就做好疫情防控工作，刘南昌强调三点意见：",
            "一要以最严格的管控措施，坚决堵住外来疫情输入。",
        ]);
        assert_eq!(join_split_paragraphs(&mut v), 1);
        assert!(v[0]
            .text
            .ends_with("印发督查通报3期,典型案例通报2期4起10人,增强了督查的权威性。"));
        assert_eq!(v[1].fate, Fate::Joined);
        assert!(v[2].kept() && v[3].kept() && v[5].kept());
    }

    #[test]
    fn no_join_onto_a_headline_a_list_item_or_a_dateline() {
        let mut v = blocks(&[
            "习近平在中共中央政治局第十次集体学习时强调，加快建设网络强国数字中国",
            "新华社北京6月1日电 中共中央政治局6月1日下午就加快建设网络强国进行第十次集体学习。",
            "会议决定了以下事项，具体内容包括几个方面的重要政策和安排措施等等",
            "一、延续实施小微企业和个体工商户所得税优惠政策，执行期限延长至2027年底",
            "二、提高个人所得税有关专项附加扣除标准，减轻家庭生育养育和赡养老人负担",
            "会议还研究了其他事项，部署了下一阶段的重点工作。",
        ]);
        assert_eq!(join_split_paragraphs(&mut v), 0);
        assert!(
            list_item("（一）坚持人民至上")
                && list_item("3. 加强监管")
                && list_item("第二，要加强协调")
        );
        assert!(!list_item("3.5%的增速") && !list_item("一些地方") && !list_item("2024年"));
    }
}
