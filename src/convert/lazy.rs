//! A dictionary group whose trie is built only once it pays off.
//!
//! Building the trie of s2t's first step (54k keys) was most of the time to a
//! first conversion: ~9 ms natively and ~16 ms in Chromium (measured: the
//! first conversion went from 33 to 17 ms without it), for a page that may
//! only ever convert a sentence. Until the trie is
//! built, the group answers from its dictionary files, decoded only in the
//! blocks a text needs (see [`BlockDict`]), with exactly the group's rules
//! (`short_circuit` across tiers, `union` within one, earlier files winning
//! ties). The converter builds the trie as soon as a text is big enough, or
//! enough small ones have gone through, for it to be faster.

use super::blocks::BlockDict;
use super::trie::PrefixMap;
use std::sync::{Arc, OnceLock};

/// Dictionary files in priority tiers (see `registry::tiers`), and their trie once built.
#[derive(Debug)]
pub struct LazyMap {
    /// (tier, dictionary), in priority order.
    dicts: Vec<(usize, Arc<BlockDict>)>,
    tiers: usize,
    /// The trie once built; `None` inside if a file failed to decode in full
    /// (corrupt data): the group then keeps answering block by block.
    built: OnceLock<Option<Arc<PrefixMap>>>,
    /// See [`LazyMap::lead_bytes`]; made once, not per converter.
    lead: [bool; 256],
}

impl LazyMap {
    pub fn new(dicts: Vec<(usize, Arc<BlockDict>)>, tiers: usize) -> Self {
        let mut lead = [false; 256];
        for (_, d) in &dicts {
            for c in d.first_chars() {
                lead[c.encode_utf8(&mut [0; 4]).as_bytes()[0] as usize] = true;
            }
        }
        LazyMap {
            dicts,
            tiers: tiers.max(1),
            built: OnceLock::new(),
            lead,
        }
    }

    /// The trie, if it has been built.
    pub fn map(&self) -> Option<&PrefixMap> {
        self.built.get().and_then(Option::as_deref)
    }

    /// Has building been done (or tried)?
    pub fn is_built(&self) -> bool {
        self.built.get().is_some()
    }

    /// Builds the trie now if it was not yet (decoding every file in full).
    pub fn build(&self) {
        self.built.get_or_init(|| {
            let data = self
                .dicts
                .iter()
                .map(|(t, d)| Some((*t as u8, d.decode_all().ok()?)))
                .collect::<Option<Vec<_>>>()?;
            let entries = data
                .iter()
                .flat_map(|(t, d)| d.iter().map(move |(k, v)| (k, v, *t)));
            Some(Arc::new(PrefixMap::build_tiered(entries, self.tiers)))
        });
    }

    /// The longest match at the start of `text` under the group's rules:
    /// (length in bytes, replacement).
    pub fn longest(&self, text: &str) -> Option<(usize, &str)> {
        if let Some(map) = self.map() {
            return map.longest(text).map(|(len, v)| (len, map.value(v)));
        }
        for tier in 0..self.tiers {
            let mut best: Option<(usize, &str)> = None;
            for (_, d) in self.dicts.iter().filter(|(t, _)| *t == tier) {
                if let Some(hit) = d.longest_prefix(text) {
                    if best.is_none_or(|(len, _)| hit.0 > len) {
                        best = Some(hit);
                    }
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// Could a key start with `c`?
    pub fn may_start(&self, c: char) -> bool {
        match self.map() {
            Some(map) => map.may_start(c),
            None => self.dicts.iter().any(|(_, d)| d.has_key_starting_with(c)),
        }
    }

    /// Which UTF-8 lead bytes begin a character that can start a key.
    pub fn lead_bytes(&self) -> [bool; 256] {
        self.lead
    }

    /// Approximate heap size, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.map().map_or(0, PrefixMap::heap_bytes)
            + self
                .dicts
                .iter()
                .map(|(_, d)| d.heap_bytes())
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::dictfile::DictData;

    #[test]
    fn answers_like_its_trie_before_and_after_building() {
        let d = |name: &str, pairs: &[(&str, &str)]| {
            let data = DictData::from_pairs(name, pairs.iter().copied());
            Arc::new(BlockDict::from_data(&data))
        };
        // short_circuit(union(d1, d2), d3): the tier rule, the union tie rule.
        let lazy = LazyMap::new(
            vec![
                (0, d("d1", &[("AB", "x1"), ("A", "y1")])),
                (0, d("d2", &[("ABC", "x2"), ("A", "y2"), ("B", "b2")])),
                (1, d("d3", &[("ABCD", "x3"), ("C", "c3"), ("D", "d3")])),
            ],
            2,
        );
        let cases = ["ABCD", "ABD", "A", "BCD", "CD", "D", "", "x", "AAB"];
        let before: Vec<_> = cases.iter().map(|t| lazy.longest(t)).collect();
        assert_eq!(before[0], Some((3, "x2")));
        assert_eq!(before[2], Some((1, "y1")));
        assert_eq!(before[4], Some((1, "c3")));
        assert!(lazy.may_start('D') && !lazy.may_start('x'));
        assert!(lazy.map().is_none());
        lazy.build();
        let after: Vec<_> = cases.iter().map(|t| lazy.longest(t)).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn a_file_that_fails_to_decode_whole_keeps_answering_block_by_block() {
        use crate::convert::blocks::FileBytes;
        // Block b's keys are out of order: the file opens, block a decodes.
        let bytes = b"JWD1\nX\t\t3\n0a\t1\n0b\t2\n1\t3\n";
        let dict = BlockDict::open(FileBytes::Shared(Arc::new(bytes.to_vec())), None).unwrap();
        let lazy = LazyMap::new(vec![(0, Arc::new(dict))], 1);
        lazy.build();
        assert!(
            lazy.is_built() && lazy.map().is_none(),
            "tried once, no trie"
        );
        assert_eq!(lazy.longest("ab"), Some((1, "1")));
        assert_eq!(lazy.longest("b"), None);
    }
}
