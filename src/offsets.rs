//! Byte offsets → UTF-16 code-unit offsets (what JavaScript strings and DOM
//! Ranges count in), for results that cross into JavaScript.

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
}
