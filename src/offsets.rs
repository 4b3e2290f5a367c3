//! UTF-16 for results that cross into JavaScript: byte offsets → UTF-16
//! code-unit offsets (what JS strings and DOM Ranges count in), and text as
//! UTF-16 code units (what a JS string is made of).

/// Appends `text` as UTF-16 code units.
pub fn push_utf16(text: &str, out: &mut Vec<u16>) {
    // Reserve exactly (one quick pass over the bytes): a Chinese text has a
    // third as many units as bytes, and this buffer lives in wasm memory,
    // which never shrinks. A unit per byte that starts a character, and a
    // second one for each character beyond the BMP (4-byte sequences).
    let units: usize = text
        .bytes()
        .map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
        .sum();
    out.reserve_exact(units);
    out.extend(text.encode_utf16());
}

/// Converts byte offsets into `text` (each on a char boundary; any order) to
/// UTF-16 offsets, in one pass over the text.
pub fn utf16_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut byte, mut unit) = (0usize, 0usize);
    let mut chars = text.chars();
    for i in order {
        let target = bytes[i].min(text.len());
        while byte < target {
            let Some(c) = chars.next() else { break };
            byte += c.len_utf8();
            unit += c.len_utf16();
        }
        out[i] = unit;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_widths() {
        let s = "a汉𠀀b";
        assert_eq!(utf16_offsets(s, &[8, 0, 1, 4, 9]), vec![4, 0, 1, 2, 5]);
    }

    #[test]
    fn utf16_units() {
        let mut out = vec![1];
        push_utf16("a汉𠀀é", &mut out);
        assert_eq!(out, [1, 0x61, 0x6C49, 0xD840, 0xDC00, 0xE9]);
        // Every scalar value class, against the standard library.
        let all: String = [
            '\0',
            '\u{7F}',
            '\u{80}',
            '\u{7FF}',
            '\u{800}',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFF}',
            '\u{10000}',
            '\u{10FFFF}',
        ]
        .iter()
        .collect();
        let mut out = Vec::new();
        push_utf16(&all, &mut out);
        assert_eq!(out, all.encode_utf16().collect::<Vec<_>>());
    }
}
