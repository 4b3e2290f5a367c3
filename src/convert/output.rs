//! Where converted text goes: a UTF-8 `String`, or UTF-16 code units — what a
//! JavaScript string is made of, so the wasm binding can hand a result over
//! without a second pass over it.

use super::trie::Repl;

/// A destination for converted text.
pub trait Output: Default {
    fn push_str(&mut self, s: &str);
    fn push_char(&mut self, c: char);
    /// Its length, in its own units (bytes or UTF-16 code units).
    fn len(&self) -> usize;
    /// Appends `range` (in those units) of another output of the same kind.
    fn push_from(&mut self, other: &Self, range: std::ops::Range<usize>);

    /// Appends a string packed by `values::pack` (UTF-16 units, first in
    /// the low bits, up to four, none 0).
    #[inline(always)]
    fn push_packed(&mut self, packed: u64) {
        let units = (0..4)
            .map(|i| (packed >> (16 * i)) as u16)
            .take_while(|&u| u != 0);
        for c in char::decode_utf16(units) {
            // Packed from a `str`: never a lone surrogate.
            self.push_char(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }

    #[inline(always)]
    fn push_repl(&mut self, r: Repl<'_>) {
        match r {
            Repl::Str(s) => self.push_str(s),
            Repl::Char(c) => self.push_char(c),
        }
    }
}

impl Output for String {
    #[inline(always)]
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s)
    }

    #[inline(always)]
    fn push_char(&mut self, c: char) {
        self.push(c)
    }

    fn len(&self) -> usize {
        String::len(self)
    }

    fn push_from(&mut self, other: &Self, range: std::ops::Range<usize>) {
        String::push_str(self, &other[range])
    }
}

/// UTF-16 code units.
impl Output for Vec<u16> {
    #[inline]
    fn push_str(&mut self, s: &str) {
        // Short pieces (most of them: the text between two replacements) char
        // by char; long ones through the counting transcoder, sized once.
        if s.len() <= 24 {
            self.extend(s.encode_utf16());
        } else {
            crate::offsets::push_utf16(s, self);
        }
    }

    #[inline(always)]
    fn push_char(&mut self, c: char) {
        let u = c as u32;
        if u < 0x1_0000 {
            self.push(u as u16);
        } else {
            let mut buf = [0u16; 2];
            self.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }

    #[inline(always)]
    fn push_packed(&mut self, mut packed: u64) {
        while packed != 0 {
            self.push(packed as u16);
            packed >>= 16;
        }
    }

    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn push_from(&mut self, other: &Self, range: std::ops::Range<usize>) {
        self.extend_from_slice(&other[range])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_output_equals_the_standard_encoding() {
        let mut out: Vec<u16> = Vec::new();
        let long = "長長的一段文字，沒有任何需要轉換的地方。𠀀 and ASCII too";
        out.push_str("a漢");
        out.push_char('𠀀');
        out.push_repl(Repl::Str(long));
        out.push_repl(Repl::Char('字'));
        let expected: Vec<u16> = format!("a漢𠀀{long}字").encode_utf16().collect();
        assert_eq!(out, expected);
    }
}
