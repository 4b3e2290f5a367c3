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

/// Does `next` continue a sentence?
fn continues(next: &str) -> bool {
    let t = next.trim_start_matches(is_space);
    let first = t.chars().next();
    first.is_some_and(|c| is_han(c) || c.is_ascii_digit()) && has_clause_punct(t)
}

/// Joins split paragraphs; returns how many joins were made. Joined blocks get
/// [`Fate::Joined`] and their text is appended to the block they continue.
pub fn join_split_paragraphs(blocks: &mut [Block]) -> usize {
    let mut joins = 0;
    let mut last_kept: Option<usize> = None;
    for i in 0..blocks.len() {
        if !blocks[i].kept() {
            continue;
        }
        if let Some(p) = last_kept {
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
}
