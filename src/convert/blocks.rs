//! A dictionary file looked up where it lies, one first-character block at a time.
//!
//! Decoding the whole of STPhrases (50k entries, default values expanded
//! through STCharacters) was most of the time to a first conversion in a
//! browser: ~14 ms of the ~17 ms the first `convert` took, because a fresh wasm
//! module runs as baseline code. A short text needs only the entries that
//! begin with its characters. Keys are sorted and front-coded, and a key whose
//! first character differs from the previous key's shares nothing with it (the
//! encoder never splits a character), so the lines whose prefix byte is `0`
//! start the *blocks* of one first character each. One scan of the bytes
//! finds them; a lookup finds its block by binary search and decodes that
//! block once. The whole file is decoded only when the trie is built.
//!
//! Checked when the file is opened: the header, the entry count (a truncated
//! download is refused then), block starts in ascending order. Each block is
//! checked in full (UTF-8, key order) when decoded. Damage inside a line that
//! leaves all of that intact is found only then: the block has no entries, the
//! whole file's decode fails too, and the group keeps answering block by block
//! (see `LazyMap`) — wrong answers for that block, but never a panic, a hang or
//! lost text. The files come from this package (a page's `load()` fetches them);
//! checking every line before the first conversion would cost it five times the
//! scan (s2t's files natively: 2.2 ms against 0.4 ms, and a fresh wasm module
//! is several times slower), for damage that truncation, the likely kind, does
//! not cause.

use super::dictfile::{self, DictData, FormatError, PREFIX_BASE};
use std::sync::{Arc, OnceLock};

/// The bytes of a dictionary file: embedded in the binary, or handed over at run time.
#[derive(Debug, Clone)]
pub enum FileBytes {
    Static(&'static [u8]),
    /// A `Vec`, not an `Arc<[u8]>`: the bytes a page hands over are kept in the
    /// buffer they arrived in, not copied once more (s2t's file is 500 KB).
    Shared(Arc<Vec<u8>>),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Static(b) => b,
            FileBytes::Shared(b) => b,
        }
    }
}

/// One encoded dictionary file, decoded as far as lookups have needed.
#[derive(Debug)]
pub struct BlockDict {
    name: String,
    bytes: FileBytes,
    /// The dictionary whose values make up this one's default values.
    base: Option<Arc<BlockDict>>,
    /// (first character, offset of its block's first line in `bytes`), ascending.
    index: Vec<(char, u32)>,
    /// Where the entry lines end (the end of the last block).
    end: usize,
    /// Each block, decoded when first looked in.
    blocks: Vec<OnceLock<Box<DictData>>>,
    /// The whole file decoded, kept once asked for: only a base dictionary's
    /// is (its values make up the default values of the files that use it).
    full: OnceLock<Result<Arc<DictData>, FormatError>>,
}

impl BlockDict {
    /// Opens an encoded file; `base` must be the dictionary its header names.
    pub fn open(bytes: FileBytes, base: Option<Arc<BlockDict>>) -> Result<Self, FormatError> {
        let (head, at) = dictfile::header_and_offset(&bytes)?;
        let name = head.name.to_string();
        match (head.base, &base) {
            (None, None) => {}
            (Some(want), Some(b)) if b.name == want => {}
            (Some(want), _) => {
                return Err(FormatError(format!("{name}: needs base dictionary {want}")))
            }
            (None, Some(b)) => {
                return Err(FormatError(format!(
                    "{name}: has no base dictionary, {} given",
                    b.name
                )))
            }
        }
        let count = head
            .count
            .ok_or_else(|| FormatError(format!("{name}: bad entry count")))?;
        let (index, lines) = scan(&bytes, at).map_err(|e| FormatError(format!("{name}: {e}")))?;
        if lines != count {
            return Err(FormatError(format!(
                "{name}: {lines} entries, header says {count}"
            )));
        }
        let blocks = (0..index.len()).map(|_| OnceLock::new()).collect();
        Ok(BlockDict {
            name,
            end: bytes.len(),
            bytes,
            base,
            index,
            blocks,
            full: OnceLock::new(),
        })
    }

    /// A dictionary given as data (encoded, then opened), for tests.
    #[cfg(test)]
    pub fn from_data(d: &DictData) -> Self {
        let bytes = FileBytes::Shared(Arc::new(dictfile::encode(d, None)));
        Self::open(bytes, None).expect("a valid file")
    }

    /// The block of keys that begin with `c`, decoded now if it was not yet.
    fn block(&self, c: char) -> Option<&DictData> {
        let i = self.index.binary_search_by(|&(k, _)| k.cmp(&c)).ok()?;
        Some(self.blocks[i].get_or_init(|| Box::new(self.decode_block(i).unwrap_or_default())))
    }

    fn decode_block(&self, i: usize) -> Result<DictData, FormatError> {
        let start = self.index[i].1 as usize;
        let end = self.index.get(i + 1).map_or(self.end, |&(_, o)| o as usize);
        let lines = std::str::from_utf8(&self.bytes[start..end])
            .map_err(|e| FormatError(format!("{}: {e}", self.name)))?;
        match &self.base {
            None => dictfile::decode_lines(&self.name, lines, None),
            Some(base) => {
                let value = |c: char| base.char_value(c);
                dictfile::decode_lines(&self.name, lines, Some(&value))
            }
        }
    }

    /// The value of the one-character key `c`, if there is one: what a base
    /// dictionary is asked for each character of a default value.
    ///
    /// Read in place from the first line of `c`'s block, not by decoding the
    /// block: decoding a block of STPhrases asks STCharacters for hundreds of
    /// characters, and a decoded block each (three allocations or more) was about
    /// half of a first short conversion's time in a fresh wasm module (Node: 5.1
    /// against 2.5 ms, Chromium ~1 ms of 4.5). The answer is
    /// the decoded block's: the line is read the way `dictfile::Entries` reads
    /// it, and a default value is made and bounded as `DictData` makes it. Only
    /// damage after that first line, which makes the block's decode fail, is not
    /// seen here (see the module doc: wrong answers for a damaged block, never a
    /// panic).
    fn char_value(&self, c: char) -> Option<&str> {
        // A key holds neither (a line "0\t…" has an empty key, which decodes as an error).
        if matches!(c, '\t' | '\n') {
            return None;
        }
        let i = self.index.binary_search_by(|&(k, _)| k.cmp(&c)).ok()?;
        // Past the block's prefix byte (`0`: its key is written whole).
        let start = self.index[i].1 as usize + 1;
        let end = self.index.get(i + 1).map_or(self.end, |&(_, o)| o as usize);
        let mut buf = [0; 4];
        let key = c.encode_utf8(&mut buf).as_bytes();
        let rest = self.bytes.get(start..end)?.strip_prefix(key)?;
        let line = &rest[..rest.iter().position(|&b| b == b'\n')?];
        match line {
            // The key with no value: the default, the character through this
            // dictionary's base (itself if the base has none).
            [] => {
                let value = match self.base.as_deref()?.char_value(c) {
                    Some(v) => v,
                    None => std::str::from_utf8(&self.bytes[start..start + key.len()]).ok()?,
                };
                (value.len() <= 8 * key.len() + 64).then_some(value)
            }
            [b'\t', value @ ..] => std::str::from_utf8(value).ok(),
            // The block's first key is longer than `c`.
            _ => None,
        }
    }

    /// The longest key that is a prefix of `text`: (its length in bytes, its value).
    pub fn longest_prefix(&self, text: &str) -> Option<(usize, &str)> {
        self.block(text.chars().next()?)?.longest_prefix(text)
    }

    /// Does any key begin with `c`?
    pub fn has_key_starting_with(&self, c: char) -> bool {
        self.index.binary_search_by(|&(k, _)| k.cmp(&c)).is_ok()
    }

    /// The first characters of keys, in order.
    pub fn first_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.index.iter().map(|&(c, _)| c)
    }

    /// The whole dictionary, decoded once and kept.
    pub fn data(&self) -> Result<Arc<DictData>, FormatError> {
        self.full
            .get_or_init(|| self.decode_all().map(Arc::new))
            .clone()
    }

    /// The whole dictionary, decoded now and not kept (what a trie is built from:
    /// the trie then answers everything, and the decoded copy would only hold memory).
    pub fn decode_all(&self) -> Result<DictData, FormatError> {
        let base = self.base.as_ref().map(|b| b.data()).transpose()?;
        dictfile::decode(&self.bytes, base.as_deref())
    }

    /// Approximate heap size, for memory reports (not counting the file's bytes,
    /// which are embedded or the registry's, nor the base's).
    pub fn heap_bytes(&self) -> usize {
        let blocks: usize = self
            .blocks
            .iter()
            .filter_map(|b| b.get())
            .map(|b| b.heap_bytes() + std::mem::size_of::<DictData>())
            .sum();
        let full = self
            .full
            .get()
            .and_then(|f| f.as_ref().ok())
            .map_or(0, |d| d.heap_bytes());
        self.index.capacity() * std::mem::size_of::<(char, u32)>()
            + self.blocks.capacity() * std::mem::size_of::<OnceLock<Box<DictData>>>()
            + blocks
            + full
    }
}

/// Finds the blocks of the entry lines from `at` on: (first character, line
/// offset) of each, and the number of entry lines — one pass over the bytes,
/// 64 at a time with vectors where the target has them ([`wide`]), then eight
/// at a time. A chunk's newlines are counted with one popcount, and only
/// a newline followed by a `0` prefix byte (a block start, one line in seven
/// in STPhrases) costs more than that: this runs before the first conversion,
/// in a wasm module still running baseline code, where a call per line made
/// the scan most of a first converter's construction. Every entry line ends
/// with a newline (the encoder writes no blank lines), so a file cut short
/// has too few.
fn scan(bytes: &[u8], at: usize) -> Result<(Vec<(char, u32)>, usize), String> {
    if bytes.len() > u32::MAX as usize {
        return Err("file too large".into());
    }
    let body = &bytes[at.min(bytes.len())..];
    let mut index: Vec<(char, u32)> = Vec::new();
    // The block whose line starts at `line` (its prefix byte is `0`).
    let mut block_at = |line: usize| -> Result<(), String> {
        let c = first_char(&body[line + 1..])
            .ok_or_else(|| format!("corrupt entry at byte {}", at + line))?;
        if index.last().is_some_and(|&(prev, _)| prev >= c) {
            return Err(format!("entry at byte {} is out of order", at + line));
        }
        index.push((c, (at + line) as u32));
        Ok(())
    };
    if body.is_empty() {
        return Ok((Vec::new(), 0));
    }
    if body[0] != PREFIX_BASE {
        return Err("corrupt entry at the start".into());
    }
    block_at(0)?;
    let mut lines = 0;
    // 1 if the bytes scanned so far end with a newline (the next line starts next).
    let mut after_newline = 0u64;
    let wide = wide::scan(body, &mut after_newline, &mut lines, &mut block_at)?;
    let mut chunks = body[wide..].chunks_exact(8);
    // Bit 7 set if the previous word ended with a newline (its next line starts here).
    let mut carry = after_newline << 7;
    for (i, c) in (&mut chunks).enumerate() {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let newlines = bytes_equal(w, b'\n');
        lines += newlines.count_ones() as usize;
        let mut starts = ((newlines << 8) | carry) & bytes_equal(w, PREFIX_BASE);
        carry = newlines >> 56;
        while starts != 0 {
            block_at(wide + i * 8 + starts.trailing_zeros() as usize / 8)?;
            starts &= starts - 1;
        }
    }
    let tail = body.len() - chunks.remainder().len();
    if carry != 0 && body.get(tail) == Some(&PREFIX_BASE) {
        block_at(tail)?;
    }
    for p in tail..body.len() {
        if body[p] == b'\n' {
            lines += 1;
            if body.get(p + 1) == Some(&PREFIX_BASE) {
                block_at(p + 1)?;
            }
        }
    }
    Ok((index, lines))
}

/// The scan's loop 64 bytes at a time, where the target has 128-bit vectors:
/// a byte compare and a bit mask per 16 bytes instead of the eight-byte words'
/// arithmetic. In a fresh wasm module's baseline code that arithmetic, ~25
/// instructions a word, was most of opening STPhrases (Chromium: ~1.9 ms of
/// the first s2t conversion's ~4). Returns how many bytes it scanned (a
/// multiple of 64); the caller goes on from there.
mod wide {
    use super::PREFIX_BASE;

    /// The loop around `$masks`, an expression giving the (newline, prefix byte)
    /// bit masks of the 64 bytes at the pointer `$p`: bit i for byte i.
    macro_rules! scan64 {
        ($body:ident, $after_newline:ident, $lines:ident, $block_at:ident, |$p:ident| $masks:expr) => {{
            let chunks = $body.chunks_exact(64);
            let scanned = $body.len() - chunks.remainder().len();
            let mut prev = *$after_newline;
            for (i, c) in chunks.enumerate() {
                let $p = c.as_ptr();
                let (newlines, zeros): (u64, u64) = $masks;
                *$lines += newlines.count_ones() as usize;
                let mut starts = ((newlines << 1) | prev) & zeros;
                prev = newlines >> 63;
                while starts != 0 {
                    $block_at(i * 64 + starts.trailing_zeros() as usize)?;
                    starts &= starts - 1;
                }
            }
            *$after_newline = prev;
            Ok(scanned)
        }};
    }

    type BlockAt<'a> = &'a mut dyn FnMut(usize) -> Result<(), String>;

    /// The vector loop for the target, or none (0 bytes scanned: the eight-byte
    /// loop does it all).
    pub fn scan(
        body: &[u8],
        after_newline: &mut u64,
        lines: &mut usize,
        block_at: BlockAt,
    ) -> Result<usize, String> {
        #[cfg(target_arch = "wasm32")]
        // SAFETY: a module with SIMD instructions in it does not validate on an
        // engine without SIMD (before Chromium 91, Firefox 89, Safari 16.4,
        // Node 16.4), so this never runs on one.
        return unsafe { simd128(body, after_newline, lines, block_at) };
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86_64; the loads are unaligned ones of 16
        // bytes inside the 64-byte chunk. (The block spans the whole loop, the
        // `block_at` calls too: at the crate's minimum Rust, 1.82, the SSE2
        // intrinsics are all `unsafe fn`s.)
        return unsafe {
            use std::arch::x86_64::{
                __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
            };
            let nl = _mm_set1_epi8(b'\n' as i8);
            let zero = _mm_set1_epi8(PREFIX_BASE as i8);
            scan64!(body, after_newline, lines, block_at, |p| {
                let (mut n, mut z) = (0u64, 0u64);
                for k in 0..4 {
                    let v = _mm_loadu_si128(p.add(16 * k).cast::<__m128i>());
                    n |= u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)) as u16) << (16 * k);
                    z |= u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)) as u16) << (16 * k);
                }
                (n, z)
            })
        };
        #[cfg(not(any(target_arch = "wasm32", target_arch = "x86_64")))]
        {
            let _ = (body, after_newline, lines, block_at);
            Ok(0)
        }
    }

    #[cfg(target_arch = "wasm32")]
    #[target_feature(enable = "simd128")]
    unsafe fn simd128(
        body: &[u8],
        after_newline: &mut u64,
        lines: &mut usize,
        block_at: BlockAt,
    ) -> Result<usize, String> {
        use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load};
        let nl = u8x16_splat(b'\n');
        let zero = u8x16_splat(PREFIX_BASE);
        scan64!(body, after_newline, lines, block_at, |p| {
            let (mut n, mut z) = (0u64, 0u64);
            for k in 0..4 {
                // SAFETY: 16 bytes at p + 16k lie in the 64-byte chunk (an unaligned load).
                let v = unsafe { v128_load(p.add(16 * k).cast::<v128>()) };
                n |= u64::from(u8x16_bitmask(u8x16_eq(v, nl))) << (16 * k);
                z |= u64::from(u8x16_bitmask(u8x16_eq(v, zero))) << (16 * k);
            }
            (n, z)
        })
    }
}

/// The high bit of each byte of `w` that equals `b`, and no other bit (exact:
/// no carry crosses bytes, so unlike the common zero-byte trick nothing after
/// a match is flagged falsely).
fn bytes_equal(w: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = w ^ (u64::from(b) * 0x0101_0101_0101_0101);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The character a line's key begins with (after its prefix byte), or `None`
/// if the bytes there are not UTF-8 (what `str::from_utf8` would refuse).
/// Decoded by hand: this runs once per block, ~12,000 times when s2t's files
/// are opened, in a fresh wasm module's baseline code, where a call to
/// `from_utf8` each time was a millisecond of a first conversion.
fn first_char(rest: &[u8]) -> Option<char> {
    let lead = u32::from(*rest.first()?);
    let (len, bits, min) = match lead {
        0..=0x7F => return char::from_u32(lead),
        0xC2..=0xDF => (2, lead & 0x1F, 0x80),
        0xE0..=0xEF => (3, lead & 0x0F, 0x800),
        0xF0..=0xF4 => (4, lead & 0x07, 0x1_0000),
        _ => return None,
    };
    let mut c = bits;
    for &b in rest.get(1..len)? {
        if b & 0xC0 != 0x80 {
            return None;
        }
        c = (c << 6) | u32::from(b & 0x3F);
    }
    // An overlong form is refused; `from_u32` refuses surrogates and > U+10FFFF.
    if c < min {
        return None;
    }
    char::from_u32(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::dictfile::{decode, encode};

    fn file(d: &DictData, base: Option<&DictData>) -> FileBytes {
        FileBytes::Shared(Arc::new(encode(d, base)))
    }

    fn open(b: &[u8]) -> Result<BlockDict, FormatError> {
        BlockDict::open(FileBytes::Shared(Arc::new(b.to_vec())), None)
    }

    #[test]
    fn answers_like_the_decoded_dictionary() {
        let chars = DictData::parse_opencc_text("C", "汉\t漢\n发\t發\n头\t頭\n").unwrap();
        let text = "汉字\t漢字\n头发\t頭髮\n发展\t發展\n发\t发\n发展中\t發展中\n𠀀x\ty\n";
        let phrases = DictData::parse_opencc_text("P", text).unwrap();
        let base = Arc::new(BlockDict::open(file(&chars, None), None).unwrap());
        let lazy = BlockDict::open(file(&phrases, Some(&chars)), Some(base)).unwrap();
        let full = decode(&encode(&phrases, Some(&chars)), Some(&chars)).unwrap();
        let texts = [
            "发展中国",
            "发展",
            "发",
            "头发",
            "头",
            "汉字",
            "x",
            "",
            "𠀀x",
            "𠀀",
        ];
        for text in texts {
            assert_eq!(
                lazy.longest_prefix(text),
                full.longest_prefix(text),
                "{text}"
            );
        }
        assert_eq!(
            lazy.longest_prefix("发展中国"),
            Some(("发展中".len(), "發展中"))
        );
        let default = lazy.longest_prefix("发展");
        assert_eq!(default, Some(("发展".len(), "發展")), "a default value");
        assert!(lazy.has_key_starting_with('头') && !lazy.has_key_starting_with('字'));
        assert_eq!(lazy.first_chars().collect::<String>(), "发头汉𠀀");
        assert!(
            lazy.full.get().is_none(),
            "lookups never decode the whole file"
        );
    }

    #[test]
    fn every_shipped_dictionary_answers_like_its_full_decode() {
        use crate::convert::DICTS;
        let mut opened: std::collections::HashMap<&str, Arc<BlockDict>> = Default::default();
        // DICTS lists a base before the dictionaries that use it.
        for info in DICTS.iter().filter(|d| d.bytes.is_some()) {
            let base = info.base.map(|b| opened[b].clone());
            let bytes = FileBytes::Static(info.bytes.unwrap());
            let lazy = BlockDict::open(bytes, base).unwrap();
            let full = lazy.decode_all().unwrap();
            assert_eq!(full.len(), info.entries);
            for (key, _) in full.iter() {
                let first: String = key.chars().take(1).collect();
                for text in [key.to_string(), format!("{key}之"), first] {
                    let got = lazy.longest_prefix(&text);
                    assert_eq!(got, full.longest_prefix(&text), "{}: {text}", info.name);
                }
            }
            opened.insert(info.name, Arc::new(lazy));
        }
        assert!(opened.len() >= 20);
    }

    /// `char_value` reads a line in place; what it must answer is what the
    /// decoded block says: its first entry's value, if that key is `c` alone.
    #[test]
    fn char_value_is_what_the_decoded_block_says() {
        fn by_block(d: &BlockDict, c: char) -> Option<String> {
            let (key, value) = d.block(c)?.iter().next()?;
            (key.chars().nth(1).is_none()).then(|| value.to_string())
        }
        let check = |d: &BlockDict, chars: &mut dyn Iterator<Item = char>| {
            for c in chars {
                assert_eq!(
                    d.char_value(c).map(str::to_string),
                    by_block(d, c),
                    "{}: {c}",
                    d.name
                );
            }
        };
        // Explicit, default (through the base, or the character itself), empty
        // values; a block whose first key is longer than its character.
        let chars = DictData::from_pairs("C", [("a", "A"), ("b", ""), ("c", "CC")]);
        let text = "a\tA\nab\tX\nb\tb\nc\tQ\nd\td\ndd\tx\nef\ty\n";
        let phrases = DictData::parse_opencc_text("P", text).unwrap();
        let base = Arc::new(BlockDict::open(file(&chars, None), None).unwrap());
        let lazy = BlockDict::open(file(&phrases, Some(&chars)), Some(base.clone())).unwrap();
        check(&lazy, &mut "abcdefz汉".chars());
        check(&base, &mut "abcdz".chars());
        assert_eq!(lazy.char_value('a'), Some("A"));
        assert_eq!(lazy.char_value('d'), Some("d"));
        assert_eq!(lazy.char_value('e'), None);
        // A key without a value in a file with no base decodes as an error; so
        // does a default value far longer than its key (a hostile base), and a
        // line whose key is empty.
        let no_base = open(b"JWD1\nX\t\t2\n0a\n0b\tB\n").unwrap();
        check(&no_base, &mut "ab".chars());
        let huge = "x".repeat(100);
        let long_base = DictData::from_pairs("C", [("a", huge.as_str()), ("b", "B")]);
        let defaults = DictData::from_pairs("P", [("a", huge.as_str()), ("b", "B")]);
        let long = Arc::new(BlockDict::open(file(&long_base, None), None).unwrap());
        let lazy = BlockDict::open(file(&defaults, Some(&long_base)), Some(long)).unwrap();
        check(&lazy, &mut "ab".chars());
        assert_eq!(
            (lazy.char_value('a'), lazy.char_value('b')),
            (None, Some("B"))
        );
        let empty_key = open(b"JWD1\nX\t\t2\n0\t\tv\n1a\tw\n").unwrap();
        check(&empty_key, &mut "\t\na".chars());
        // Every character of every shipped dictionary.
        let mut opened: std::collections::HashMap<&str, Arc<BlockDict>> = Default::default();
        for info in crate::convert::DICTS.iter().filter(|d| d.bytes.is_some()) {
            let base = info.base.map(|b| opened[b].clone());
            let d = BlockDict::open(FileBytes::Static(info.bytes.unwrap()), base).unwrap();
            check(&d, &mut d.first_chars().collect::<Vec<_>>().into_iter());
            opened.insert(info.name, Arc::new(d));
        }
    }

    #[test]
    fn a_truncated_or_disordered_file_is_refused_when_opened() {
        let d = DictData::parse_opencc_text("X", "甲\ta\n甲乙\tb\n乙\tc\n").unwrap();
        let bytes = encode(&d, None);
        assert!(open(&bytes).is_ok());
        let cut = bytes.len() - "0甲\ta\n".len();
        let err = open(&bytes[..cut]).unwrap_err();
        assert!(err.0.contains("header says"), "{err}");
        assert!(open("JWD1\nX\t\t2\n0甲\ta\n0乙\tb\n".as_bytes()).is_err());
        assert!(open("JWD1\nX\t\t1\n3甲\ta\n".as_bytes()).is_err());
        assert!(open(b"JWD1\nX\t\t1\n0\xE7\x94\n").is_err());
        assert!(open(b"JWD1\nX\tB\t1\n0a\n").is_err(), "no base given");
        let missing_newline = &bytes[..bytes.len() - 1];
        assert!(open(missing_newline).is_err() && decode(missing_newline, None).is_err());
        let blank_line = b"JWD1\nX\t\t1\n0a\tb\n\n";
        assert!(open(blank_line).is_err() && decode(blank_line, None).is_err());
        let base = Arc::new(BlockDict::from_data(&d));
        let unasked = BlockDict::open(FileBytes::Shared(Arc::new(bytes.to_vec())), Some(base));
        assert!(unasked.is_err(), "a base the header does not name");
    }

    /// The obvious line-by-line scan, which `scan` must agree with.
    fn scan_by_lines(bytes: &[u8], at: usize) -> Result<(Vec<(char, u32)>, usize), ()> {
        let body = &bytes[at..];
        let mut index: Vec<(char, u32)> = Vec::new();
        if body.is_empty() {
            return Ok((index, 0));
        }
        let mut lines = 0;
        let mut start = 0;
        loop {
            if body[start] == PREFIX_BASE {
                let c = first_char(&body[start + 1..]).ok_or(())?;
                if index.last().is_some_and(|&(p, _)| p >= c) {
                    return Err(());
                }
                index.push((c, (at + start) as u32));
            } else if start == 0 {
                return Err(());
            }
            match body[start..].iter().position(|&b| b == b'\n') {
                Some(n) if start + n + 1 < body.len() => {
                    lines += 1;
                    start += n + 1;
                }
                Some(_) => return Ok((index, lines + 1)),
                None => return Ok((index, lines)),
            }
        }
    }

    /// A xorshift generator: `next(n)` is in `0..n`.
    fn random(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    /// The scan against the line-by-line one, on bytes made of newlines, prefix
    /// bytes and (sometimes broken) characters at every alignment, so that block
    /// starts fall on each byte of a word, on a word's edge, on a 64-byte
    /// chunk's edge (the vector loop) and in the tail.
    #[test]
    fn the_scan_agrees_with_a_line_by_line_scan() {
        let pieces: [&[u8]; 7] = [
            b"\n",
            b"0",
            b"1",
            "汉".as_bytes(),
            "字".as_bytes(),
            b"a",
            b"\xE6",
        ];
        let mut next = random(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let at = next(9);
            let mut bytes = vec![b'#'; at];
            for _ in 0..next(120) {
                bytes.extend_from_slice(pieces[next(pieces.len())]);
            }
            let want = scan_by_lines(&bytes, at);
            let got = scan(&bytes, at);
            assert_eq!(
                got.ok(),
                want.ok(),
                "{:?} from {at}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    /// The same on long well-formed bodies (blocks in order, so that nothing
    /// stops the scan early), cut short now and then: many 64-byte chunks, and
    /// a line running from one chunk into the next.
    #[test]
    fn the_scan_agrees_with_a_line_by_line_scan_on_long_files() {
        let mut next = random(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2_000 {
            let at = next(9);
            let mut bytes = vec![b'#'; at];
            let mut first = 'a' as u32;
            for line in 0..next(200) {
                if line == 0 || next(5) == 0 {
                    bytes.push(PREFIX_BASE);
                    first += 1 + next(3000) as u32;
                    let c = char::from_u32(first).unwrap_or('\u{E000}');
                    bytes.extend_from_slice(c.to_string().as_bytes());
                } else {
                    bytes.push(PREFIX_BASE + 1 + next(3) as u8);
                }
                for _ in 0..next(30) {
                    bytes.extend_from_slice(["汉", "\t", "x", "0"][next(4)].as_bytes());
                }
                bytes.push(b'\n');
            }
            if next(4) == 0 {
                bytes.truncate(at + next(bytes.len() - at + 1));
            }
            let want = scan_by_lines(&bytes, at);
            assert_eq!(scan(&bytes, at).ok(), want.ok(), "from {at}");
        }
    }

    #[test]
    fn a_corrupt_block_has_no_entries_and_the_file_does_not_decode() {
        // Block b: its keys out of order; block e: invalid UTF-8.
        let bytes = b"JWD1\nX\t\t5\n0a\t1\n0b\t2\n1d\t3\n1c\t4\n0e\t\xFF\n";
        let lazy = open(bytes).unwrap();
        assert_eq!(lazy.longest_prefix("a"), Some((1, "1")));
        assert_eq!(lazy.longest_prefix("bd"), None);
        assert_eq!(lazy.longest_prefix("e"), None);
        assert!(lazy.data().is_err());
        let disordered = open(b"JWD1\nX\t\t3\n0a\t1\n0b\t2\n1\t3\n").unwrap();
        let err = disordered.decode_all().unwrap_err();
        assert!(err.0.contains("out of order"), "{err}");
    }

    #[test]
    fn a_default_value_blown_up_by_its_base_is_refused() {
        // A hostile base whose one character stands for 100 KB.
        let huge = "x".repeat(100_000);
        let chars = DictData::from_pairs("C", [("a", huge.as_str())]);
        let phrases = DictData::from_pairs("P", [("aa", "y")]);
        let mut bytes = encode(&phrases, None);
        // The value left out, as a default: "0aa\n" with base C.
        bytes = String::from_utf8(bytes)
            .unwrap()
            .replace("P\t\t", "P\tC\t")
            .replace("\ty", "")
            .into_bytes();
        let base = Arc::new(BlockDict::open(file(&chars, None), None).unwrap());
        let lazy = BlockDict::open(FileBytes::Shared(Arc::new(bytes)), Some(base)).unwrap();
        assert_eq!(lazy.longest_prefix("aa"), None);
        let err = lazy.decode_all().unwrap_err();
        assert!(err.0.contains("too long"), "{err}");
    }

    #[test]
    fn first_char_decodes_as_from_utf8_does() {
        let by_std = |b: &[u8]| {
            let len = b.len().min(4);
            (1..=len).find_map(|n| std::str::from_utf8(&b[..n]).ok()?.chars().next())
        };
        // Every lead byte, followed by every byte, then by continuation bytes
        // and by bytes that are not.
        for lead in 0..=255u8 {
            for second in 0..=255u8 {
                for tail in [[0x80, 0x80], [0xBF, 0xBF], [0x90, 0x41], [0x41, 0x80]] {
                    let b = [lead, second, tail[0], tail[1]];
                    assert_eq!(first_char(&b), by_std(&b), "{b:02X?}");
                }
            }
        }
        for c in [
            '\0',
            'a',
            '\u{7F}',
            '\u{80}',
            'é',
            '\u{7FF}',
            '\u{800}',
            '汉',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFF}',
            '𠀀',
            '\u{10FFFF}',
        ] {
            let mut b = [0; 4];
            assert_eq!(first_char(c.encode_utf8(&mut b).as_bytes()), Some(c));
        }
        assert_eq!(first_char(b""), None);
        assert_eq!(first_char(&[0xE6, 0xB1]), None, "cut short");
    }
}
