//! Replacement strings by id, as conversion writes them.
//!
//! A phrase's value is written wherever the phrase occurs (about one
//! position in twenty of news text). Read from a string table, that costs
//! two dependent loads (the offsets, then the bytes, each likely a cache
//! miss in a table of 50k values) and a UTF-8 to UTF-16 transcoding. Most
//! values are two to four characters, so each also gets its UTF-16 packed
//! into one `u64`, read in one load and written without decoding.

use super::output::Output;

/// Strings by id (ids in the order pushed).
#[derive(Debug, Clone, Default)]
pub struct Values {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u32>,
    /// Each string's UTF-16 units, first in the low bits, for those of one to
    /// four units (none of them 0); 0 for the others.
    packed: Vec<u64>,
}

/// `s` in UTF-16 packed into a `u64`, or 0 if it does not fit (see [`Values::packed`]).
fn pack(s: &str) -> u64 {
    let mut packed = 0u64;
    for (i, unit) in s.encode_utf16().enumerate() {
        if i == 4 || unit == 0 {
            return 0;
        }
        packed |= u64::from(unit) << (16 * i);
    }
    packed
}

impl Values {
    pub fn with_capacity(strings: usize, bytes: usize) -> Self {
        Values {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(strings),
            packed: Vec::with_capacity(strings),
        }
    }

    /// Adds a string; its id is the number of strings before it.
    pub fn push(&mut self, s: &str) {
        self.push_with(|text| text.push_str(s));
    }

    /// Adds what `write` appends to a string.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        self.ends.push(self.text.len() as u32);
        self.packed.push(pack(&self.text[start..]));
    }

    /// The string with id `id` (empty for an unknown id).
    #[inline]
    pub fn get(&self, id: u32) -> &str {
        let Some(&end) = self.ends.get(id as usize) else {
            return "";
        };
        let start = match id.checked_sub(1) {
            Some(before) => self.ends[before as usize],
            None => 0,
        };
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// Writes the string with id `id` to `out`.
    #[inline(always)]
    pub fn write<O: Output>(&self, id: u32, out: &mut O) {
        match self.packed.get(id as usize) {
            Some(&packed) if packed != 0 => out.push_packed(packed),
            _ => out.push_str(self.get(id)),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Approximate heap size, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.text.len() + self.ends.len() * 4 + self.packed.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_packed_or_not_the_strings_are_the_same() {
        let strings = [
            "頭髮",
            "a",
            "",
            "𠀀",
            "𠀀𠀀",
            "𠀀𠀀x",
            "一二三四",
            "一二三四五",
            "a\0b",
        ];
        let mut values = Values::default();
        for s in strings {
            values.push(s);
        }
        values.push_with(|out| out.push_str("後來"));
        assert_eq!(values.len(), strings.len() + 1);
        assert_eq!(pack("一二三四五"), 0, "five units do not fit");
        assert_eq!(pack("a\0b"), 0, "a unit 0 would end the string early");
        for (id, s) in strings.iter().chain(&["後來"]).enumerate() {
            assert_eq!(values.get(id as u32), *s);
            let (mut utf8, mut utf16) = (String::new(), Vec::<u16>::new());
            values.write(id as u32, &mut utf8);
            values.write(id as u32, &mut utf16);
            assert_eq!(utf8, *s);
            assert_eq!(utf16, s.encode_utf16().collect::<Vec<_>>());
        }
        assert_eq!(values.get(99), "");
    }
}
