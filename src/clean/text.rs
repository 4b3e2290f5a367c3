//! Plain text and Markdown → blocks: one block per non-blank line.

use super::block::{Block, Kind};
use super::chars::is_space;

/// How many lines look like Markdown (headings, images, links, code fences)?
pub fn markdown_signals(text: &str) -> usize {
    let mut signals = 0;
    for line in text.lines().take(2000) {
        let t = line.trim_start();
        if (t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### "))
            || t.starts_with("![")
            || t.contains("](http")
            || t.starts_with("```")
        {
            signals += 1;
        }
    }
    signals
}

/// Strips Markdown syntax from one line: (kind, text, bytes stripped from the start).
fn markdown_line(line: &str) -> (Kind, String, usize) {
    let trimmed = line.trim_start_matches(is_space);
    let mut skip = line.len() - trimmed.len();
    let mut kind = Kind::Paragraph;
    let mut t = trimmed;
    let hashes = t.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        kind = Kind::Heading(hashes as u8);
        skip += hashes + 1;
        t = &t[hashes + 1..];
        t = t.trim_end_matches('#').trim_end();
    } else if let Some(r) = t.strip_prefix("> ") {
        skip += 2;
        t = r;
    } else if let Some(r) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        kind = Kind::ListItem;
        skip += 2;
        t = r;
    }
    // Inline: images vanish, links keep their text, emphasis markers go.
    let mut out = String::with_capacity(t.len());
    let paired_stars = t.matches('*').count() >= 2;
    let mut rest = t;
    while !rest.is_empty() {
        if rest.starts_with("![") {
            if let Some(end) = link_end(&rest[1..]) {
                rest = &rest[1 + end..];
                continue;
            }
        }
        if rest.starts_with('[') {
            if let Some(end) = link_end(rest) {
                let label_end = rest.find("](").unwrap_or(1);
                out.push_str(&rest[1..label_end]);
                rest = &rest[end..];
                continue;
            }
        }
        if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
            continue;
        }
        // *emphasis*: with paired asterisks on the line, the markers go.
        if rest.starts_with('*') && paired_stars {
            rest = &rest[1..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    (kind, out, skip)
}

/// `[label](url)` at the start of `s`: its byte length. Parentheses inside
/// the URL are balanced (`javascript:void(0)`, Wikipedia links).
fn link_end(s: &str) -> Option<usize> {
    let mid = s.find("](")?;
    if s[..mid].contains('\n') || mid > 300 {
        return None;
    }
    let mut depth = 0;
    for (i, c) in s[mid + 2..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(mid + 2 + i + 1),
            ')' => depth -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// Splits `source[from..]` into line blocks (`src` ranges are in `source`).
pub fn blocks(source: &str, from: usize, markdown: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pos = from;
    let mut in_code = false;
    let mut gap = false;
    for line in source[from..].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_matches(is_space).is_empty() {
            gap = true;
            continue;
        }
        let end = start + content.len();
        if markdown {
            if content.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            if !in_code {
                let (kind, text, _skip) = markdown_line(content);
                if text.trim_matches(is_space).is_empty() {
                    continue;
                }
                let mut b = Block::new(start..end, text, kind);
                b.gap_before = std::mem::take(&mut gap);
                out.push(b);
                continue;
            }
        }
        let mut b = Block::new(start..end, content.to_string(), Kind::Paragraph);
        b.gap_before = std::mem::take(&mut gap);
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_positions() {
        let s = "标题\r\n\n　　第一段。\n";
        let b = blocks(s, 0, false);
        assert_eq!(b.len(), 2);
        assert_eq!(&s[b[1].src.clone()], "　　第一段。");
    }

    #[test]
    fn markdown() {
        let s = "# 标题\n![图](http://x/a.png)\n正文[链接](http://x)和**重点**，*强调*[。](javascript:void(0);)\n- 项目";
        assert_eq!(markdown_signals("普通文字\n第二行"), 0);
        let b = blocks(s, 0, true);
        let t: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            t,
            vec![
                (Kind::Heading(1), "标题"),
                (Kind::Paragraph, "正文链接和重点，强调。"),
                (Kind::ListItem, "项目")
            ]
        );
    }
}
