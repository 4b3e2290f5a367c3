//! Longest-prefix lookup over a set of keys: the matching primitive of conversion.
//!
//! A character trie whose edges live in one open-addressing hash table keyed by
//! (parent node, character). It is built from a decoded dictionary in a few
//! milliseconds (nothing but hashing), which is what keeps the time to first
//! conversion low, and each step of a lookup is one multiplication and usually
//! one cache line. A bitset of the characters that start any key rejects most
//! positions of the text without touching the table.

/// A node's value when it ends no key.
const NO_VALUE: u32 = u32::MAX;
const EMPTY: u64 = 0;

/// Keys mapped to values; finds the longest key that prefixes a text.
#[derive(Debug, Clone)]
pub struct PrefixMap {
    /// Edge keys `(parent + 1) << 21 | char`; `EMPTY` marks a free slot.
    slots: Vec<u64>,
    /// Child node of each occupied slot.
    children: Vec<u32>,
    /// For each node, the index of its value, or `NO_VALUE`.
    node_values: Vec<u32>,
    values: String,
    value_ends: Vec<u32>,
    shift: u32,
    /// Bit per BMP character: does any key start with it? (Astral characters always probe.)
    first_bmp: Vec<u64>,
    max_key_chars: usize,
}

#[inline]
fn edge_key(node: u32, c: char) -> u64 {
    ((node as u64 + 1) << 21) | c as u64
}

impl PrefixMap {
    /// Builds the map. When a key repeats, the first value given wins.
    pub fn build<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let entries = entries.into_iter();
        // Most keys are two or three characters long; the table grows if needed.
        let capacity = (entries.size_hint().0.max(4) * 4).next_power_of_two();
        let mut map = PrefixMap {
            slots: vec![EMPTY; capacity],
            children: vec![0; capacity],
            node_values: vec![NO_VALUE],
            values: String::new(),
            value_ends: Vec::new(),
            shift: 64 - capacity.trailing_zeros(),
            first_bmp: vec![0; 0x10000 / 64],
            max_key_chars: 0,
        };
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }

    /// An empty map.
    pub fn empty() -> Self {
        Self::build(std::iter::empty::<(&str, &str)>())
    }

    fn insert(&mut self, key: &str, value: &str) {
        if key.is_empty() {
            return;
        }
        let mut node = 0u32;
        let mut chars = 0;
        for c in key.chars() {
            chars += 1;
            node = match self.child(node, c) {
                Some(child) => child,
                None => self.add_child(node, c),
            };
        }
        if let Some(first) = key.chars().next() {
            if (first as u32) < 0x10000 {
                self.first_bmp[first as usize / 64] |= 1 << (first as u32 % 64);
            }
        }
        if self.node_values[node as usize] == NO_VALUE {
            self.values.push_str(value);
            self.value_ends.push(self.values.len() as u32);
            self.node_values[node as usize] = (self.value_ends.len() - 1) as u32;
            self.max_key_chars = self.max_key_chars.max(chars);
        }
    }

    fn add_child(&mut self, node: u32, c: char) -> u32 {
        if (self.node_values.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let child = self.node_values.len() as u32;
        self.node_values.push(NO_VALUE);
        let key = edge_key(node, c);
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = key;
        self.children[i] = child;
        child
    }

    fn grow(&mut self) {
        let old_slots = std::mem::take(&mut self.slots);
        let old_children = std::mem::take(&mut self.children);
        let capacity = old_slots.len() * 2;
        self.slots = vec![EMPTY; capacity];
        self.children = vec![0; capacity];
        self.shift = 64 - capacity.trailing_zeros();
        let mask = capacity - 1;
        for (key, child) in old_slots.into_iter().zip(old_children) {
            if key != EMPTY {
                let mut i = self.slot_of(key);
                while self.slots[i] != EMPTY {
                    i = (i + 1) & mask;
                }
                self.slots[i] = key;
                self.children[i] = child;
            }
        }
    }

    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        let key = edge_key(node, c);
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let k = self.slots[i];
            if k == key {
                return Some(self.children[i]);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Could a key start with `c`? (A cheap filter; `true` may be a false positive
    /// only for characters outside the BMP.)
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        let u = c as u32;
        u >= 0x10000 || self.first_bmp[u as usize / 64] & (1 << (u % 64)) != 0
    }

    /// The longest key that is a prefix of `text`: (its length in bytes, its value id).
    #[inline]
    pub fn longest(&self, text: &str) -> Option<(usize, u32)> {
        let mut node = 0u32;
        let mut best = None;
        for (i, c) in text.char_indices() {
            match self.child(node, c) {
                Some(next) => {
                    node = next;
                    let v = self.node_values[node as usize];
                    if v != NO_VALUE {
                        best = Some((i + c.len_utf8(), v));
                    }
                }
                None => break,
            }
        }
        best
    }

    /// The value with id `id`.
    #[inline]
    pub fn value(&self, id: u32) -> &str {
        let end = self.value_ends[id as usize] as usize;
        let start = if id == 0 {
            0
        } else {
            self.value_ends[id as usize - 1] as usize
        };
        &self.values[start..end]
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.value_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value_ends.is_empty()
    }

    /// The most characters any key has.
    pub fn max_key_chars(&self) -> usize {
        self.max_key_chars
    }

    /// Approximate heap size, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.slots.len() * 12
            + self.node_values.len() * 4
            + self.values.len()
            + self.value_ends.len() * 4
            + self.first_bmp.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix() {
        let m = PrefixMap::build([
            ("a", "1"),
            ("an", "2"),
            ("ban", "3"),
            ("bana", "4"),
            ("香港", "5"),
        ]);
        assert_eq!(
            m.longest("banana").map(|(l, v)| (l, m.value(v))),
            Some((4, "4"))
        );
        assert_eq!(m.longest("bx"), None);
        assert_eq!(
            m.longest("and").map(|(l, v)| (l, m.value(v))),
            Some((2, "2"))
        );
        assert_eq!(
            m.longest("香港人").map(|(l, v)| (l, m.value(v))),
            Some((6, "5"))
        );
        assert_eq!(m.longest("香"), None);
        assert!(m.may_start('香') && !m.may_start('x'));
        assert_eq!(m.max_key_chars(), 4);
    }

    #[test]
    fn first_value_wins_and_growth_keeps_keys() {
        let keys: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        let mut entries: Vec<(&str, &str)> =
            keys.iter().map(|k| (k.as_str(), k.as_str())).collect();
        entries.push(("k7", "other"));
        let m = PrefixMap::build(entries);
        assert_eq!(m.len(), 5000);
        assert_eq!(m.longest("k7").map(|(_, v)| m.value(v)), Some("k7"));
        assert_eq!(
            m.longest("k4999x").map(|(l, v)| (l, m.value(v))),
            Some((5, "k4999"))
        );
        assert!(PrefixMap::empty().longest("abc").is_none());
    }
}
