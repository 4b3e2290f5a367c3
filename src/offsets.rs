//! UTF-16 for results that cross into JavaScript: byte offsets → UTF-16
//! code-unit offsets (what JS strings and DOM Ranges count in), and text as
//! UTF-16 code units (what a JS string is made of).

/// How many UTF-16 code units `text` has: one per byte that starts a
/// character, plus one per 4-byte sequence (a surrogate pair). Eight bytes
/// at a time: this pass runs over whole converted documents in wasm, which
/// has no SIMD here.
pub fn utf16_len(text: &str) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let b = text.as_bytes();
    let mut chunks = b.chunks_exact(8);
    let mut units = 0usize;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // Continuation bytes are 10xxxxxx; 4-byte leads are 11110xxx (≥ 0xF0).
        let continuation = w & HI & !(w << 1);
        let four = w & (w << 1) & (w << 2) & (w << 3) & HI;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    for &x in chunks.remainder() {
        units += usize::from((x as i8) >= -0x40) + usize::from(x >= 0xF0);
    }
    units
}

/// Appends `text` as UTF-16 code units.
pub fn push_utf16(text: &str, out: &mut Vec<u16>) {
    // Sized exactly, then written by index: a Chinese text has a third as many
    // units as bytes, and this buffer lives in wasm memory, which never shrinks.
    let start = out.len();
    out.resize(start + utf16_len(text), 0);
    let dst = &mut out[start..];
    let b = text.as_bytes();
    let tail = |k: usize| b.get(k).map_or(0, |&y| (y & 0x3F) as u32);
    let (mut i, mut j) = (0usize, 0usize);
    // `text` is valid UTF-8, so every sequence is complete and the count exact.
    while let (Some(&x), Some(slot)) = (b.get(i), dst.get_mut(j)) {
        let x = x as u32;
        if x < 0x80 {
            *slot = x as u16;
            (i, j) = (i + 1, j + 1);
        } else if x < 0xE0 {
            *slot = ((x & 0x1F) << 6 | tail(i + 1)) as u16;
            (i, j) = (i + 2, j + 1);
        } else if x < 0xF0 {
            *slot = ((x & 0x0F) << 12 | tail(i + 1) << 6 | tail(i + 2)) as u16;
            (i, j) = (i + 3, j + 1);
        } else {
            let c = ((x & 0x07) << 18 | tail(i + 1) << 12 | tail(i + 2) << 6 | tail(i + 3))
                .wrapping_sub(0x1_0000);
            *slot = (0xD800 | (c >> 10) & 0x3FF) as u16;
            if let Some(low) = dst.get_mut(j + 1) {
                *low = (0xDC00 | (c & 0x3FF)) as u16;
            }
            (i, j) = (i + 4, j + 2);
        }
    }
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
