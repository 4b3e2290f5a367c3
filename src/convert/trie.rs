//! Longest-prefix lookup over a set of keys: the matching primitive of conversion.
//!
//! A character trie laid out for the cache, built in one linear pass from the
//! keys (no automaton is shipped or constructed, which keeps the time to first
//! conversion low):
//! - nodes are numbered breadth-first, so the children of a node are
//!   consecutive node ids — a few are scanned in place, many get a hash table;
//! - the first character, looked up at every position of the text, goes
//!   through a two-level table indexed by code point, which also holds its
//!   value (inline when it is one character, as most are);
//! - the second and third characters are screened by bit filters that stay in
//!   cache (most positions of a text start no phrase), and a phrase's first
//!   two characters find their node in one probe of a table keyed by both.
//!
//! [`PrefixMap::scan`] runs OpenCC's greedy longest match over a whole text,
//! decoding each character once; that, not the per-position
//! [`PrefixMap::match_at`], is the conversion hot path.

use super::output::Output;
use super::values::Values;

/// A node's value when it ends no key.
const NO_VALUE: u32 = u32::MAX;
/// The root table covers code points below this (all of the BMP and Han extensions B–G).
const TABLE_LIMIT: u32 = 0x40000;
const PAGE: usize = 256;

/// One trie node. The edge character, the value and where the children start
/// share a record: finding a child by scanning its siblings has already loaded
/// everything the next step needs, so a walk costs about one cache miss per
/// character.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The character on the edge into this node.
    ch: u32,
    /// The index of the value of the key ending here, or `NO_VALUE`.
    value: u32,
    first_child: u32,
    /// For nodes with many children, their hash table in `hashed`:
    /// `(start + 1) << 5 | bits` (the table has `1 << bits` slots); 0 for none.
    hash: u32,
}

/// A root table slot: (node id, value of that node as a `Hit::value`
/// reference — the character itself when the value is one character).
type RootEntry = (u32, u32);
/// A value reference with this bit set is a one-character value, inline: its
/// code point is the low bits. Most matches in a text are one character
/// (STCharacters); carrying the answer in the root table saves two lookups
/// (the value's offsets and its bytes) per match and lets the output take a
/// `char` rather than copy a string.
const INLINE: u32 = 0x8000_0000;
const NO_ROOT: RootEntry = (0, NO_VALUE);

const NO_HASH: u32 = 0;
/// The most priority tiers a map can have.
pub const MAX_TIERS: usize = 8;
/// Nodes with more children than this get a hash table of them (one probe
/// instead of a binary search over hundreds: 的, 中, 人 … start many phrases).
const HASH_FANOUT: usize = 12;

#[inline(always)]
fn slot(c: u32, bits: u32) -> usize {
    (c.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

/// Keys mapped to values; finds the longest key that prefixes a text.
#[derive(Debug, Clone)]
pub struct PrefixMap {
    /// For each page of 256 code points, its index in `pages` (0: the empty page).
    page_of: Box<[u16; TABLE_LIMIT as usize / PAGE]>,
    /// Root children by code point: (node id, the node's value), node 0 for
    /// none. The value rides along so that a character that begins no phrase
    /// (most of them, see `pairs`) is answered from this table alone, without
    /// touching the node array.
    pages: Vec<[RootEntry; PAGE]>,
    /// Nodes in breadth-first order (node 0 is the root), plus a sentinel.
    /// Children of node `n` are the nodes `nodes[n].first_child..nodes[n + 1].first_child`.
    nodes: Vec<Node>,
    /// Child hash tables of high-fanout nodes: child node ids, 0 for empty.
    hashed: Vec<u32>,
    values: Values,
    /// Priority tiers (see [`PrefixMap::build_tiered`]); with one tier a
    /// node's `value` is the value id itself.
    tiers: usize,
    /// With several tiers: for each terminal node, `tiers` value ids (or NO_VALUE).
    tier_values: Vec<u32>,
    max_key_chars: usize,
    /// Bit per code point below `TABLE_LIMIT`: does a key start with it? (32 KiB,
    /// stays in cache, rejects most positions of a text before any table lookup.
    /// An array, so that indexing it below `TABLE_LIMIT` needs no bounds check.)
    first: Box<[u64; TABLE_LIMIT as usize / 64]>,
    /// Bit per hashed pair of first two characters of the keys with two or more
    /// (empty when there are none). Most characters of a text begin no phrase
    /// with the character after them; this filter (in cache) proves it, where
    /// finding the child in the trie would be two cache misses (a hash table
    /// slot and a node) for an answer of "none".
    pairs: Vec<u64>,
    /// The second level by (first, second character): open addressing, a power
    /// of two long (empty when no key has two characters). Finding the
    /// two-character node through its parent costs a parent record, a child
    /// hash slot and the child record — three cache misses where this takes
    /// one, and most phrases end at two characters.
    pair_slots: Vec<PairSlot>,
    /// Bit per hashed first three characters of the keys with
    /// three or more characters: most phrases that could go on past two
    /// characters do not, and this (in cache) proves it without the walk's
    /// node records.
    triples: Vec<u64>,
    /// The size of `pairs` and `triples`, as a power of two (see [`filter_bits`]).
    filter_bits: u32,
    /// The first characters' first two UTF-8 bytes, for [`PrefixMap::may_match`]:
    /// bit per (lead byte, second byte) of the multi-byte ones…
    first_bytes: Box<[u64; 1024]>,
    /// …their distinct lead bytes, the lowest and highest of their second bytes…
    first_leads: Vec<u8>,
    first_seconds: Option<(u8, u8)>,
    /// …and whether any first character is ASCII.
    first_ascii: bool,
    /// Does any key start at or above `TABLE_LIMIT`?
    high_roots: bool,
}

/// A slot of [`PrefixMap::pair_slots`].
#[derive(Debug, Clone, Copy, Default)]
struct PairSlot {
    c1: u32,
    c2: u32,
    /// The node of the two characters, `HAS_CHILDREN` set when keys go on; 0: an empty slot.
    node: u32,
    /// Its value reference (id), or NO_VALUE.
    value: u32,
}
const HAS_CHILDREN: u32 = 0x8000_0000;

#[inline(always)]
fn pair_slot(c1: u32, c2: u32, mask: usize) -> usize {
    ((c1.wrapping_mul(0x2545_F491) ^ c2).wrapping_mul(0x9E37_79B1) >> 8) as usize & mask
}

/// Is bit `b` of a bit filter set? (An empty filter holds nothing.)
#[inline(always)]
fn has_bit(filter: &[u64], b: usize) -> bool {
    filter.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0)
}

/// Sets bit `b` of a bit filter, allocating it (`1 << bits` bits) on first use.
fn set_bit(filter: &mut Vec<u64>, b: usize, bits: u32) {
    if filter.is_empty() {
        *filter = vec![0; (1 << bits) / 64];
    }
    filter[b / 64] |= 1 << (b % 64);
}

/// The pair and triple filters have about 32 bits per item, so that about
/// 3% of the bits are set (the false-positive rate), and at most `1 << 20`
/// (128 KiB: STPhrases has 32,888 distinct first pairs). A small dictionary
/// gets a small filter, which stays in the fastest cache (TWPhrases': 4 KiB).
const MAX_FILTER_BITS: u32 = 20;
const MIN_FILTER_BITS: u32 = 9;

/// The filter size (as a power of two) for `items` items.
fn filter_bits(items: usize) -> u32 {
    (items.max(1) * 32)
        .next_power_of_two()
        .trailing_zeros()
        .clamp(MIN_FILTER_BITS, MAX_FILTER_BITS)
}

/// In a [`TwoStepTable`]'s root entries, the node id is the low bits of the
/// node field (maps with more nodes get no table) and a row the bits above.
const ROW_SHIFT: u32 = 20;
const NODE_MASK: u32 = (1 << ROW_SHIFT) - 1;
/// Rows of a [`TwoStepTable`]: no key of the next step starts with the character…
const ROW_NONE: u32 = 0;
/// …any character may follow (the character is a key itself, or beyond the
/// table: the matcher decides)…
const ROW_ALL: u32 = 1;
/// …nothing follows either, and the entry holds the next step's value of a
/// character the next step replaces wherever it meets it (see
/// [`PrefixMap::two_step_table`]), not the first step's…
const ROW_REPLACED: u32 = 2;
/// …and at most this many in all (characters beyond share rows).
const MAX_ROWS: u32 = 1 << (32 - ROW_SHIFT);
/// The third character of [`TwoStepTable::continues`] for keys of two characters (no code point).
const ANY_THIRD: u32 = 0x11_0000;
/// A row has a bit per value of the following character's low 8 bits.
const ROW_WORDS: usize = 4;

/// Where row `row` keeps the bit of a following character `c2` (by its low 8
/// bits): the word's index in the rows, and the bit. (Set and tested in one
/// place, so that building and testing cannot disagree.)
#[inline(always)]
fn row_bit(row: u32, c2: u32) -> (usize, u64) {
    (
        row as usize * ROW_WORDS + (c2 as usize >> 6) % ROW_WORDS,
        1 << (c2 % 64),
    )
}

/// The first step's root table for running it with the next step in one pass
/// (`engine::convert_two_steps`). Each character's entry also holds the row,
/// in a small table of bits, of its first-step output `y` (its one-character
/// value, or itself): row 0 when no key of the next step starts with `y`,
/// [`ROW_ALL`] when `y` is a key by itself, else a row with a bit for each
/// character that follows `y` in a key and for each character the first step
/// turns into one of those (by the low 8 bits): the row is tested with the
/// character after in the text, as it stands before the first step. The pass
/// learns whether a key may start at a character from the entry it loads
/// anyway and one bit of that row: no hashing, no second table
/// per character, and no branch on the ~28% of news text's characters that
/// start a Taiwan phrase. Where `y` is a key of one character that starts no
/// longer key (most of TWVariants), the entry holds the next step's value
/// instead, so the pass writes it without stopping.
#[derive(Debug, Clone)]
pub struct TwoStepTable {
    page_of: Box<[u16; TABLE_LIMIT as usize / PAGE]>,
    pages: Vec<[RootEntry; PAGE]>,
    rows: Vec<u64>,
    /// Bit per hashed (row, second character, third character) of the next
    /// step's keys, the characters as they are before the first step (each
    /// with every character the first step turns into it); for a key of two
    /// characters, (row, second, [`ANY_THIRD`]). A row only says that the
    /// second character may follow; this also tells the keys that go on from
    /// a common beginning (數據庫 begins as 數據 does, which is no key) from
    /// those that can match here.
    continues: Vec<u64>,
    continue_bits: u32,
    /// The next step's output for each value of the first map, by value id
    /// (see [`TwoStepTable::compose_values`]): a phrase is a segment of its
    /// own, so this is what the pass writes for it.
    composed: Values,
}

impl TwoStepTable {
    /// May a key of the next step start with a character of row `row`
    /// followed by `c2`? (`false` is certain.)
    #[inline(always)]
    pub fn may_follow(&self, row: u32, c2: u32) -> bool {
        let (i, bit) = row_bit(row, c2);
        self.rows.get(i).is_some_and(|w| w & bit != 0)
    }

    /// Given [`TwoStepTable::may_follow`], may a key of the next step of two
    /// or more characters match at a character of row `row` followed by
    /// `c2`, then `c3` (the characters as they are in the text; `c3` 0 at its
    /// end)? (`false` is certain; row [`ROW_ALL`] always may.)
    #[inline(always)]
    pub fn may_continue(&self, row: u32, c2: u32, c3: u32) -> bool {
        let bits = self.continue_bits;
        row == ROW_ALL
            || has_bit(&self.continues, triple_bit(row, c2, ANY_THIRD, bits))
            || has_bit(&self.continues, triple_bit(row, c2, c3, bits))
    }

    /// Sets what the pass writes for each value id of `first` (the map this
    /// was made from): `compose(value, out)` appends the next step's output
    /// for it. (Once, when the tries are built: for s2twp's 53k values a few ms.)
    pub(crate) fn compose_values(
        &mut self,
        first: &PrefixMap,
        mut compose: impl FnMut(&str, &mut String),
    ) {
        let mut composed = Values::with_capacity(first.len(), first.values.heap_bytes());
        for id in 0..first.len() as u32 {
            composed.push_with(|out| compose(first.value(id), out));
        }
        self.composed = composed;
    }

    /// Writes what the pass writes for a phrase whose first-step value has
    /// id `id`; `false` if the table has no composed values.
    #[inline(always)]
    pub fn write_composed<O: Output>(&self, id: u32, out: &mut O) -> bool {
        if id as usize >= self.composed.len() {
            return false;
        }
        self.composed.write(id, out);
        true
    }

    /// The first step's output at byte `at` of `text` when it is one
    /// character, and where that character ends; `None` at the end of the
    /// text or where a phrase starts. What `first.match_at` answers, from
    /// this table's entries, which the pass keeps in cache (the first map's
    /// own are another table), except at a character whose entry holds the
    /// next step's value.
    #[inline(always)]
    pub(crate) fn output_at(
        &self,
        first: &PrefixMap,
        text: &[u8],
        at: usize,
    ) -> Option<(u32, usize)> {
        let (c, w) = decode(text.get(at..)?);
        if w == 0 {
            return None;
        }
        let (field, value) = self.root_entry(first, c);
        let one = Hit {
            end: at + w,
            value,
            chars: 1,
        };
        let node = field & NODE_MASK;
        if field >> ROW_SHIFT == ROW_REPLACED {
            return match first.match_at(text, at) {
                Some(h) if h.chars >= 2 => None,
                Some(h) => match first.replacement(h.value) {
                    Repl::Char(v) => Some((v as u32, h.end)),
                    Repl::Str(_) => None, // never (see `engine::two_steps_apply`)
                },
                None => Some((c, at + w)),
            };
        }
        let found = if node != 0 {
            let (c2, w2) = decode(text.get(at + w..).unwrap_or_default());
            first.longer_match(text, one, c, c2, w2)
        } else {
            one
        };
        if found.chars >= 2 {
            return None; // a phrase: the run ends
        }
        match value {
            NO_VALUE => Some((c, at + w)),
            v if v & INLINE != 0 => Some((v & !INLINE, at + w)),
            _ => None, // a longer value: never (see `engine::two_steps_apply`)
        }
    }

    /// The entry of `c` in `first` (the map this was made from), its node
    /// field holding the row too.
    #[inline(always)]
    fn root_entry(&self, first: &PrefixMap, c: u32) -> RootEntry {
        if c < TABLE_LIMIT {
            return page_entry(&self.page_of, &self.pages, c);
        }
        let (node, value) = first.root_entry(c);
        (node | ROW_ALL << ROW_SHIFT, value)
    }
}

/// The root table's slot for code point `c` (below `TABLE_LIMIT`).
#[inline(always)]
fn page_entry(
    page_of: &[u16; TABLE_LIMIT as usize / PAGE],
    pages: &[[RootEntry; PAGE]],
    c: u32,
) -> RootEntry {
    pages[page_of[c as usize / PAGE] as usize][c as usize % PAGE]
}

#[inline(always)]
fn pair_bit(c1: u32, c2: u32, bits: u32) -> usize {
    ((c1.wrapping_mul(0x9E37_79B1) ^ c2.wrapping_mul(0x85EB_CA77)).wrapping_mul(0xC2B2_AE3D)
        >> (32 - bits)) as usize
}

/// The triple filter's bit for keys starting `c1`, `c2`, `c3`.
#[inline(always)]
fn triple_bit(c1: u32, c2: u32, c3: u32, bits: u32) -> usize {
    ((c1.wrapping_mul(0x9E37_79B1) ^ c2.wrapping_mul(0x85EB_CA77) ^ c3.wrapping_mul(0x27D4_EB2F))
        .wrapping_mul(0xC2B2_AE3D)
        >> (32 - bits)) as usize
}

impl PrefixMap {
    /// Builds the map. When a key repeats, the first value given wins.
    pub fn build<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::build_tiered(entries.into_iter().map(|(k, v)| (k, v, 0)), 1)
    }

    /// Builds a map whose keys come in priority tiers (OpenCC's `short_circuit`
    /// groups): [`PrefixMap::longest`] answers with the longest match of the
    /// *first tier that has any match* — in one walk instead of one per tier.
    /// Within a tier, the first value given for a key wins.
    pub fn build_tiered<'a>(
        entries: impl IntoIterator<Item = (&'a str, &'a str, u8)>,
        tiers: usize,
    ) -> Self {
        assert!((1..=MAX_TIERS).contains(&tiers), "1 to {MAX_TIERS} tiers");
        // Sort keys; UTF-8 byte order is code point order. The sort is stable
        // (the first of equal keys stays first) and fast on the already-sorted
        // runs that dictionary files are.
        let mut items: Vec<(&'a str, &'a str, u8)> = entries
            .into_iter()
            .filter(|(k, _, t)| !k.is_empty() && (*t as usize) < tiers)
            .collect();
        items.sort_by(|a, b| a.0.cmp(b.0));
        let mut tier_values: Vec<u32> = Vec::new();

        // Breadth-first numbering, level by level. With keys sorted, the nodes of
        // one level are created in (parent, char) order, and parents were numbered
        // in the same order one level up — so every node's children get
        // consecutive ids, sorted by character, after all earlier parents' children.
        let mut chars = vec![0u32];
        let mut child_count = vec![0u32];
        let mut node_values = vec![NO_VALUE];
        let mut values = Values::with_capacity(items.len(), items.iter().map(|i| i.1.len()).sum());
        // Items still being walked: (index, node of the prefix so far, byte offset of the next char).
        let mut active: Vec<(u32, u32, u32)> = (0..items.len() as u32).map(|i| (i, 0, 0)).collect();
        let mut max_len = 0;
        while !active.is_empty() {
            max_len += 1;
            let mut last: Option<(u32, u32, u32)> = None; // (parent, char, id)
            active.retain_mut(|(i, parent, offset)| {
                let (key, value, tier) = items[*i as usize];
                let c = key[*offset as usize..].chars().next().unwrap_or('\0');
                let id = match last {
                    Some((p, lc, id)) if p == *parent && lc == c as u32 => id,
                    _ => {
                        let id = chars.len() as u32;
                        chars.push(c as u32);
                        child_count.push(0);
                        node_values.push(NO_VALUE);
                        child_count[*parent as usize] += 1;
                        id
                    }
                };
                last = Some((*parent, c as u32, id));
                *parent = id;
                *offset += c.len_utf8() as u32;
                if *offset as usize == key.len() {
                    let slot = if tiers == 1 {
                        &mut node_values[id as usize]
                    } else {
                        if node_values[id as usize] == NO_VALUE {
                            node_values[id as usize] = tier_values.len() as u32;
                            tier_values.resize(tier_values.len() + tiers, NO_VALUE);
                        }
                        &mut tier_values[node_values[id as usize] as usize + tier as usize]
                    };
                    if *slot == NO_VALUE {
                        values.push(value);
                        *slot = (values.len() - 1) as u32;
                    }
                    false
                } else {
                    true
                }
            });
        }
        let mut nodes = Vec::with_capacity(chars.len() + 1);
        let mut next = 1u32;
        for (i, &count) in child_count.iter().enumerate() {
            nodes.push(Node {
                ch: chars[i],
                value: node_values[i],
                first_child: next,
                hash: NO_HASH,
            });
            next += count;
        }
        nodes.push(Node {
            ch: 0,
            value: NO_VALUE,
            first_child: next,
            hash: NO_HASH,
        });
        let tiers = if tiers > 1 && Self::flatten_tiers(&mut nodes, &tier_values, tiers) {
            tier_values = Vec::new();
            1
        } else {
            tiers
        };
        // Root children beyond the root table are found through the root's own
        // child hash table — built only when there are any (no shipped
        // dictionary has keys starting at or above U+40000).
        let high_roots = nodes[nodes[0].first_child as usize..nodes[1].first_child as usize]
            .iter()
            .any(|n| n.ch >= TABLE_LIMIT);
        let mut hashed = Vec::new();
        for n in usize::from(!high_roots)..nodes.len() - 1 {
            let (lo, hi) = (
                nodes[n].first_child as usize,
                nodes[n + 1].first_child as usize,
            );
            if hi - lo > HASH_FANOUT {
                let bits = Self::hash_bits(hi - lo);
                let start = hashed.len();
                hashed.resize(start + (1 << bits), 0);
                for (child, node) in nodes.iter().enumerate().take(hi).skip(lo) {
                    let mut i = slot(node.ch, bits);
                    while hashed[start + i] != 0 {
                        i = (i + 1) & ((1 << bits) - 1);
                    }
                    hashed[start + i] = child as u32;
                }
                nodes[n].hash = ((start as u32 + 1) << 5) | bits;
            }
        }
        let mut map = PrefixMap {
            page_of: Box::new([0; TABLE_LIMIT as usize / PAGE]),
            pages: vec![[NO_ROOT; PAGE]],
            nodes,
            hashed,
            values,
            tiers,
            tier_values,
            max_key_chars: max_len,
            first: Box::new([0; TABLE_LIMIT as usize / 64]),
            pairs: Vec::new(),
            pair_slots: Vec::new(),
            triples: Vec::new(),
            filter_bits: MAX_FILTER_BITS,
            first_bytes: Box::new([0; 1024]),
            first_leads: Vec::new(),
            first_seconds: None,
            first_ascii: false,
            high_roots,
        };
        map.fill_root_table();
        map.fill_pairs();
        map
    }

    /// Turns tiered values into plain ones when the tiers cannot make a
    /// difference: when no key's earliest tier comes after that of a key which
    /// is a prefix of it. Then the longest match overall also belongs to the
    /// earliest tier that matches at all, so `short_circuit` answers exactly as
    /// the longest match (taking each key's earliest-tier value) does — and the
    /// map can use the single-tier scan. (TWPhrases before TWVariantsPhrases is
    /// such a pair: s2tw, s2twp, tw2sp… become one tier.) Returns whether it did.
    fn flatten_tiers(nodes: &mut [Node], tier_values: &[u32], tiers: usize) -> bool {
        let earliest = |n: &Node| -> Option<(usize, u32)> {
            let base = n.value;
            if base == NO_VALUE {
                return None;
            }
            (0..tiers).find_map(|t| {
                let v = tier_values[base as usize + t];
                (v != NO_VALUE).then_some((t, v))
            })
        };
        // The earliest tier among each node's proper prefixes that are keys
        // (breadth-first order: a parent is seen before its children).
        let mut above = vec![usize::MAX; nodes.len()];
        for n in 0..nodes.len() - 1 {
            let own = earliest(&nodes[n]);
            if own.is_some_and(|(t, _)| t > above[n]) {
                return false;
            }
            let down = above[n].min(own.map_or(usize::MAX, |(t, _)| t));
            for a in &mut above[nodes[n].first_child as usize..nodes[n + 1].first_child as usize] {
                *a = down;
            }
        }
        for n in nodes.iter_mut() {
            n.value = earliest(n).map_or(NO_VALUE, |(_, v)| v);
        }
        true
    }

    /// Sets the filter bit of every (root child, its child) edge pair.
    fn fill_pairs(&mut self) {
        let (start, end) = (
            self.nodes[0].first_child as usize,
            self.nodes[1].first_child as usize,
        );
        // Nodes at depths two and three are consecutive runs of ids.
        let depth2 = self.nodes[start].first_child as usize..self.nodes[end].first_child as usize;
        let depth3 = self.nodes[depth2.start].first_child as usize
            ..self.nodes[depth2.end].first_child as usize;
        self.filter_bits = filter_bits(depth2.len().max(depth3.len()));
        let bits = self.filter_bits;
        for id in start..end {
            let (lo, hi) = (
                self.nodes[id].first_child as usize,
                self.nodes[id + 1].first_child as usize,
            );
            for kid in lo..hi {
                set_bit(
                    &mut self.pairs,
                    pair_bit(self.nodes[id].ch, self.nodes[kid].ch, bits),
                    bits,
                );
            }
        }
        // Every node at depth two is a root child's child: they are the
        // consecutive ids from the first root child's first child on.
        let (lo, hi) = (
            self.nodes[start].first_child as usize,
            self.nodes[end].first_child as usize,
        );
        if lo == hi {
            return;
        }
        // Load between 3/8 and 3/4 (misses rarely get here: the pair filter
        // screens them), so the table stays small: 1 MB for s2t's 35k pairs.
        // Always at least one empty slot, where a lookup for a pair the
        // filter let through by mistake stops.
        let mask = (hi - lo + (hi - lo) / 3 + 1).next_power_of_two() - 1;
        self.pair_slots = vec![PairSlot::default(); mask + 1];
        for id in start..end {
            let c1 = self.nodes[id].ch;
            for kid in self.nodes[id].first_child..self.nodes[id + 1].first_child {
                let k = self.nodes[kid as usize];
                let leaf = k.first_child == self.nodes[kid as usize + 1].first_child;
                let mut i = pair_slot(c1, k.ch, mask);
                while self.pair_slots[i].node != 0 {
                    i = (i + 1) & mask;
                }
                self.pair_slots[i] = PairSlot {
                    c1,
                    c2: k.ch,
                    node: kid | if leaf { 0 } else { HAS_CHILDREN },
                    value: k.value,
                };
                let next = self.nodes[kid as usize + 1].first_child;
                for grandkid in k.first_child..next {
                    let c3 = self.nodes[grandkid as usize].ch;
                    set_bit(&mut self.triples, triple_bit(c1, k.ch, c3, bits), bits);
                }
            }
        }
    }

    /// Could a key start with `c1`, `c2`, `c3`, given that one starts with
    /// the first two? (`false` is certain.) By the characters, not the
    /// two-character node, so that the filter's load need not wait for the
    /// pair table's.
    #[inline(always)]
    fn may_triple(&self, c1: u32, c2: u32, c3: u32) -> bool {
        has_bit(&self.triples, triple_bit(c1, c2, c3, self.filter_bits))
    }

    /// The slot of the two-character node (`c1`, `c2`), if there is one.
    #[inline(always)]
    fn pair(&self, c1: u32, c2: u32) -> Option<&PairSlot> {
        let mask = self.pair_slots.len().checked_sub(1)?;
        let mut i = pair_slot(c1, c2, mask);
        loop {
            let s = self.pair_slots.get(i)?;
            if s.node == 0 {
                return None;
            }
            if s.c1 == c1 && s.c2 == c2 {
                return Some(s);
            }
            i = (i + 1) & mask;
        }
    }

    /// Could a key of two or more characters start with `c1` followed by
    /// `c2`? (`false` is certain.)
    #[inline(always)]
    fn may_pair(&self, c1: u32, c2: u32) -> bool {
        has_bit(&self.pairs, pair_bit(c1, c2, self.filter_bits))
    }

    fn fill_root_table(&mut self) {
        let (start, end) = (
            self.nodes[0].first_child as usize,
            self.nodes[1].first_child as usize,
        );
        for id in start..end {
            let c = self.nodes[id].ch;
            if let Some(ch) = char::from_u32(c) {
                let mut buf = [0u8; 4];
                match *ch.encode_utf8(&mut buf).as_bytes() {
                    [_] => self.first_ascii = true,
                    [b0, b1, ..] => {
                        let i = (b0 as usize) << 8 | b1 as usize;
                        self.first_bytes[i / 64] |= 1 << (i % 64);
                        let (lo, hi) = self.first_seconds.unwrap_or((b1, b1));
                        self.first_seconds = Some((lo.min(b1), hi.max(b1)));
                        if !self.first_leads.contains(&b0) {
                            self.first_leads.push(b0);
                        }
                    }
                    [] => {}
                }
            }
            if c >= TABLE_LIMIT {
                continue;
            }
            let p = (c as usize) / PAGE;
            if self.page_of[p] == 0 {
                self.pages.push([NO_ROOT; PAGE]);
                self.page_of[p] = (self.pages.len() - 1) as u16;
            }
            self.pages[self.page_of[p] as usize][c as usize % PAGE] =
                (id as u32, self.value_ref(self.nodes[id].value));
            self.first[c as usize / 64] |= 1 << (c % 64);
        }
    }

    /// The `Hit::value` reference of value id `id`: inline when the value is
    /// one character (single-tier maps only: a tiered node holds tier slots).
    fn value_ref(&self, id: u32) -> u32 {
        if id == NO_VALUE || self.tiers != 1 {
            return id;
        }
        let mut chars = self.value(id).chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => INLINE | c as u32,
            _ => id,
        }
    }

    /// An empty map.
    pub fn empty() -> Self {
        Self::build(std::iter::empty::<(&str, &str)>())
    }

    /// Table size (as a power of two) for a node with `fanout` children: load ≤ 1/2.
    fn hash_bits(fanout: usize) -> u32 {
        (fanout * 2).next_power_of_two().trailing_zeros()
    }

    /// The child of `node` by `c`.
    #[inline(always)]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        let c = c as u32;
        if node == 0 && c < TABLE_LIMIT {
            let (id, _) = page_entry(&self.page_of, &self.pages, c);
            return (id != 0).then_some(id);
        }
        if node == 0 && !self.high_roots {
            return None;
        }
        let id = self.child_below(node as usize, c);
        (id != 0).then_some(id)
    }

    /// The child of a node (any node but the root through its table) by code point `c`; 0 for none.
    #[inline(always)]
    fn child_below(&self, node: usize, c: u32) -> u32 {
        let Some([n, next]) = self.nodes.get(node..node + 2) else {
            return 0;
        };
        if n.hash != NO_HASH {
            let bits = n.hash & 31;
            let start = (n.hash >> 5) as usize - 1;
            let mask = (1usize << bits) - 1;
            let Some(table) = self.hashed.get(start..=start + mask) else {
                return 0;
            };
            let mut i = slot(c, bits);
            loop {
                let id = table[i & mask];
                if id == 0 || self.nodes.get(id as usize).is_some_and(|k| k.ch == c) {
                    return id;
                }
                i += 1;
            }
        }
        let lo = n.first_child as usize;
        let Some(kids) = self.nodes.get(lo..next.first_child as usize) else {
            return 0;
        };
        for (i, k) in kids.iter().enumerate() {
            if k.ch == c {
                return (lo + i) as u32;
            }
        }
        0
    }

    /// Could a key start with `c`?
    #[inline(always)]
    pub fn may_start(&self, c: char) -> bool {
        let u = c as u32;
        if u < TABLE_LIMIT {
            self.first[u as usize / 64] & (1 << (u % 64)) != 0
        } else {
            self.child(0, c).is_some()
        }
    }

    /// The root table for running `next` after this map in one pass (see
    /// [`TwoStepTable`]); `None` for a map with too many nodes to share the
    /// node field with a row, or with priority tiers.
    pub(crate) fn two_step_table(&self, next: &PrefixMap) -> Option<TwoStepTable> {
        self.two_step_table_rows(next, MAX_ROWS)
    }

    /// [`PrefixMap::two_step_table`] with at most `max_rows` rows (tests share rows early).
    pub(crate) fn two_step_table_rows(
        &self,
        next: &PrefixMap,
        max_rows: u32,
    ) -> Option<TwoStepTable> {
        if self.nodes.len() > NODE_MASK as usize || self.tiers != 1 {
            return None;
        }
        let max_rows = max_rows.clamp(4, MAX_ROWS);
        // Rows 0 and 2: nothing follows; row 1: everything does.
        let mut rows = vec![0; 3 * ROW_WORDS];
        rows[ROW_WORDS..2 * ROW_WORDS].fill(u64::MAX);
        // The characters whose first-step output is a given character (other
        // than itself): a row is tested with the character after in the text,
        // before the step, so it holds those too.
        let mut sources: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        let kids_of = |map: &PrefixMap, node: usize| match map.nodes.get(node..node + 2) {
            Some([n, after]) => n.first_child as usize..after.first_child as usize,
            _ => 0..0,
        };
        for n in self.nodes.get(kids_of(self, 0)).unwrap_or_default() {
            let value = self.value_ref(n.value);
            if value != NO_VALUE && value & INLINE != 0 && value & !INLINE != n.ch {
                sources.entry(value & !INLINE).or_default().push(n.ch);
            }
        }
        let continue_bits = filter_bits(next.nodes.len() * 2);
        let mut continues = Vec::new();
        let mut row_of = std::collections::HashMap::new();
        let mut row_for = |y: u32| -> u32 {
            let (node, value) = next.root_entry(y);
            if value != NO_VALUE {
                return ROW_ALL; // a key by itself
            }
            if node == 0 {
                return ROW_NONE;
            }
            *row_of.entry(y).or_insert_with(|| {
                let count = (rows.len() / ROW_WORDS) as u32;
                let row = if count < max_rows {
                    rows.extend([0; ROW_WORDS]);
                    count
                } else {
                    3 + y % (max_rows - 3) // shared: the union of what follows
                };
                let with_sources = |c: &u32| {
                    std::iter::once(*c).chain(sources.get(c).into_iter().flatten().copied())
                };
                for kid_id in kids_of(next, node as usize) {
                    let Some(kid) = next.nodes.get(kid_id) else {
                        break;
                    };
                    let thirds: Vec<u32> = next
                        .nodes
                        .get(kids_of(next, kid_id))
                        .unwrap_or_default()
                        .iter()
                        .flat_map(|n| with_sources(&n.ch))
                        .chain((kid.value != NO_VALUE).then_some(ANY_THIRD))
                        .collect();
                    for c2 in with_sources(&kid.ch) {
                        let (i, bit) = row_bit(row, c2);
                        rows[i] |= bit;
                        for &c3 in &thirds {
                            set_bit(
                                &mut continues,
                                triple_bit(row, c2, c3, continue_bits),
                                continue_bits,
                            );
                        }
                    }
                }
                row
            })
        };
        // A key of `next` of one character that starts no longer key, with a
        // one-character value, is replaced wherever the pass meets it (a
        // match that starts before it and spans it is found where it starts):
        // the entry of a character the first step turns into it holds the
        // replacement (row ROW_REPLACED), so the pass does not stop there.
        let replaced = |y: u32| -> Option<u32> {
            let (node, value) = next.root_entry(y);
            let one_char = node != 0 && value != NO_VALUE && value & INLINE != 0;
            (one_char && kids_of(next, node as usize).is_empty()).then_some(value)
        };
        let mut page_of = self.page_of.clone();
        let mut pages = self.pages.clone();
        // Characters with an entry: their output is their one-character value, or themselves.
        for (p, &page) in page_of.iter().enumerate() {
            if page == 0 {
                continue;
            }
            for (i, entry) in pages[page as usize].iter_mut().enumerate() {
                let (node, value) = *entry;
                if node == 0 {
                    continue;
                }
                let c = (p * PAGE + i) as u32;
                let y = match value {
                    NO_VALUE => c,
                    v if v & INLINE != 0 => v & !INLINE,
                    _ => c, // a longer value: the one pass never runs on such a map
                };
                *entry = match replaced(y) {
                    Some(z) => (node | ROW_REPLACED << ROW_SHIFT, z),
                    None => (node | row_for(y) << ROW_SHIFT, value),
                };
            }
        }
        // Characters without one stay themselves: those a key of `next` starts with.
        for (w, &bits) in next.first.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let c = (w * 64) as u32 + bits.trailing_zeros();
                bits &= bits - 1;
                let p = c as usize / PAGE;
                if pages[page_of[p] as usize][c as usize % PAGE].0 != 0 {
                    continue;
                }
                let entry = match replaced(c) {
                    Some(z) => (ROW_REPLACED << ROW_SHIFT, z),
                    None => match row_for(c) {
                        ROW_NONE => continue,
                        row => (row << ROW_SHIFT, NO_VALUE),
                    },
                };
                if page_of[p] == 0 {
                    pages.push([NO_ROOT; PAGE]);
                    page_of[p] = (pages.len() - 1) as u16;
                }
                pages[page_of[p] as usize][c as usize % PAGE] = entry;
            }
        }
        Some(TwoStepTable {
            page_of,
            pages,
            rows,
            continues,
            continue_bits,
            composed: Values::default(),
        })
    }

    /// The first-character bitset (bit per code point below U+40000).
    pub fn first_chars(&self) -> &[u64] {
        &self.first[..]
    }

    /// Could a key start anywhere in `text`? A scan of the first two UTF-8
    /// bytes of every character against those of the keys' first characters:
    /// for a small dictionary such as the CJK compatibility normalization, this
    /// proves in one quick pass that a whole text needs no conversion.
    /// (The tables it reads are made once, with the map: this runs for every text.)
    pub fn may_match(&self, text: &str) -> bool {
        if self.first_ascii {
            return true;
        }
        let bytes = text.as_bytes();
        let pairs = &self.first_bytes;
        let hit = |at: usize| {
            bytes.get(at + 1).is_some_and(|&second| {
                let i = (bytes[at] as usize) << 8 | second as usize;
                pairs[i / 64] & (1 << (i % 64)) != 0
            })
        };
        let (Some(&lowest), Some((lo, hi))) = (self.first_leads.iter().min(), self.first_seconds)
        else {
            return false;
        };
        // Eight bytes at a time, find the bytes at or above the lowest lead
        // byte that are followed by a byte in the range of second bytes (the
        // compatibility ideographs begin EF A4..AB or F0 AF; Chinese text is
        // mostly E4..E9 and continuation bytes, and its full-width
        // punctuation EF BC/BD). Portable — wasm has no SIMD here — and only
        // candidates are looked at one by one, which on Chinese text is none.
        // Neither test carries or borrows across bytes:
        // - a byte b ≥ 0x80 is ≥ `lowest` exactly when (b & 0x7F) +
        //   (0x80 - (lowest & 0x7F)) reaches 0x80;
        // - with the top bit flipped, a continuation byte is b - 0x80 < 0x40,
        //   and it is within lo..=hi (less 0x80) exactly when both
        //   (0x80 + hi) - b and b + (0x80 - lo) reach 0x80.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let k = u64::from(0x80 - (lowest & 0x7F)) * ONES;
        let (lo, hi) = (u64::from(lo & 0x3F), u64::from(hi & 0x3F));
        let (below_hi, from_lo) = ((0x80 + hi) * ONES, (0x80 - lo) * ONES);
        // Windows of eight bytes, seven apart: the eighth byte is only a second byte.
        let mut at = 0;
        while let Some(window) = bytes.get(at..at + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(window);
            let w = u64::from_le_bytes(w);
            let lead = ((w & LOW7) + k) & w & HIGH;
            let y = w ^ HIGH;
            let second = below_hi.wrapping_sub(y & LOW7) & !y & ((y & LOW7) + from_lo) & HIGH;
            let mut m = lead & (second >> 8);
            while m != 0 {
                if hit(at + m.trailing_zeros() as usize / 8) {
                    return true;
                }
                m &= m - 1;
            }
            at += 7;
        }
        (at..bytes.len()).any(|at| bytes[at] >= lowest && hit(at))
    }
}

/// The character at byte `pos` of `text` (on a boundary); 0 at the end.
#[inline(always)]
pub(crate) fn char_at(text: &str, pos: usize) -> u32 {
    decode(text.as_bytes().get(pos..).unwrap_or_default()).0
}

/// Decodes the UTF-8 character at the start of `b` (valid UTF-8 from a
/// `str`, on a boundary): (code point, width); (0, 0) at the end. One length
/// check per character, not one per byte.
#[inline(always)]
fn decode(b: &[u8]) -> (u32, usize) {
    match *b {
        // Chinese first: one test for its three-byte characters.
        [x, y, z, ..] if x & 0xF0 == 0xE0 => (
            ((x as u32 & 0x0F) << 12) | ((y as u32 & 0x3F) << 6) | (z as u32 & 0x3F),
            3,
        ),
        [x, ..] if x < 0x80 => (x as u32, 1),
        [x, y, ..] if x < 0xE0 => (((x as u32 & 0x1F) << 6) | (y as u32 & 0x3F), 2),
        [x, y, z, w, ..] => (
            ((x as u32 & 0x07) << 18)
                | ((y as u32 & 0x3F) << 12)
                | ((z as u32 & 0x3F) << 6)
                | (w as u32 & 0x3F),
            4,
        ),
        _ => (0, 0),
    }
}

/// A match: where it ends (byte offset), its value, and how many characters it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub end: usize,
    /// A value id, or an inline one-character value (see [`PrefixMap::replacement`]).
    pub value: u32,
    pub chars: u32,
}

/// What [`PrefixMap::scan`] reports, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A match at `start`; `first` is its first character.
    Hit { start: usize, hit: Hit, first: u32 },
    /// Text where nothing matches, kept as it is: one character `c`, or a
    /// whole IDS (then `c` is its operator and the unit is longer than it).
    Keep { start: usize, end: usize, c: u32 },
}

/// The Ideographic Description Characters: where nothing matches at one,
/// its whole sequence is kept as one unit.
const IDS_OPERATORS: std::ops::RangeInclusive<u32> = 0x2FF0..=0x2FFF;

/// A position [`PrefixMap::scan_positions`] stops at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Position {
    pub start: usize,
    /// The longest match here; `value` is `NO_VALUE` when nothing matches
    /// (then `end` is after the character).
    pub found: Hit,
    /// The character here, and the one after the longest match's first
    /// character (0 at the end of the text).
    pub c: u32,
    pub c2: u32,
    /// Where the character after the first one ends (the text's end at the end).
    pub after2: usize,
    /// Its row in the two-step table, if scanning through one.
    pub row: u32,
}

impl Position {
    /// The first character of what converting writes here: a one-character
    /// match's value, else the character itself (a phrase's output is not
    /// this).
    #[inline(always)]
    pub fn output_char(&self) -> u32 {
        let v = self.found.value;
        if v & INLINE != 0 && v != NO_VALUE {
            v & !INLINE
        } else {
            self.c
        }
    }

    /// Writes what converting with `map` (which the scan ran over) puts
    /// here, in `text`, and answers where the scan goes on. `unit` as in
    /// [`PrefixMap::scan`].
    #[inline(always)]
    pub fn write<O: Output>(
        &self,
        map: &PrefixMap,
        text: &str,
        unit: impl Fn(&str) -> usize,
        out: &mut O,
    ) -> usize {
        let v = self.found.value;
        if v & INLINE == 0 {
            map.write_value(v, out);
            return self.found.end;
        }
        // A one-character value, or none: the character stays. (An IDS
        // operator is tested first: almost never one, so that `v` is not
        // branched on.)
        match char::from_u32(if v == NO_VALUE { self.c } else { v & !INLINE }) {
            Some(c) if !IDS_OPERATORS.contains(&self.c) || v != NO_VALUE => out.push_char(c),
            _ => {
                let end = self.unit_end(text, unit);
                out.push_str(&text[self.start..end]); // a whole IDS
                return end;
            }
        }
        self.found.end
    }

    /// Where what is kept unchanged here ends when nothing matches: after
    /// the character, or at an IDS operator after the unit (`unit(rest)` bytes).
    #[inline(always)]
    pub fn unit_end(&self, text: &str, unit: impl Fn(&str) -> usize) -> usize {
        if IDS_OPERATORS.contains(&self.c) {
            self.start + unit(&text[self.start..])
        } else {
            self.found.end
        }
    }
}

/// What a match is replaced with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repl<'a> {
    Str(&'a str),
    Char(char),
}

impl PrefixMap {
    /// The longest match at `pos` of `text` (UTF-8 bytes of a `str`, `pos` on a
    /// char boundary), under the tier rule. The hot path of conversion: one
    /// decode per character; the first character through the root table (which
    /// holds its value), then the pair filter on it and the next character; only
    /// where a phrase may start are the nodes walked.
    #[inline(always)]
    pub fn match_at(&self, text: &[u8], pos: usize) -> Option<Hit> {
        let (c, w) = decode(text.get(pos..)?);
        // The bitmap (in cache) first: most characters start no key.
        if c < TABLE_LIMIT && self.first[c as usize / 64] & (1 << (c % 64)) == 0 {
            return None;
        }
        let (mut node, root_value) = self.root_entry(c);
        if node == 0 {
            return None;
        }
        let mut p = pos + w;
        let mut depth = 1u32;
        let first = c;
        if self.tiers == 1 {
            // Does a phrase start with this character and the next? Most often
            // not: answered from the root entry and the pair filter, without
            // the node array (a leaf has no pairs either).
            let (c2, _) = decode(text.get(p..).unwrap_or_default());
            let mut best = Hit {
                end: p,
                value: root_value,
                chars: 1,
            };
            if self.may_pair(first, c2) {
                best = self.walk_from(text, node, best, p, 1);
            }
            return (best.value != NO_VALUE).then_some(best);
        }
        let mut best = [Hit {
            end: 0,
            value: NO_VALUE,
            chars: 0,
        }; MAX_TIERS];
        loop {
            let base = self.nodes[node as usize].value;
            if base != NO_VALUE {
                for (t, b) in best.iter_mut().enumerate().take(self.tiers) {
                    let v = self.tier_values[base as usize + t];
                    if v != NO_VALUE {
                        *b = Hit {
                            end: p,
                            value: v,
                            chars: depth,
                        };
                    }
                }
            }
            if self.nodes[node as usize].first_child == self.nodes[node as usize + 1].first_child {
                break;
            }
            let (c, w) = decode(text.get(p..).unwrap_or_default());
            if w == 0 || (depth == 1 && !self.may_pair(first, c)) {
                break;
            }
            let next = self.child_below(node as usize, c);
            if next == 0 {
                break;
            }
            node = next;
            p += w;
            depth += 1;
        }
        best[..self.tiers]
            .iter()
            .find(|b| b.value != NO_VALUE)
            .copied()
    }

    /// Greedy longest-match scan of all of `text`, the way OpenCC converts a
    /// segment: calls `step` with a `Step::Hit` for each match, left to
    /// right, never overlapping, and where nothing matches with a
    /// `Step::Keep` of one unit — a character, or at an IDS operator
    /// (U+2FF0..U+2FFF) `unit(rest)` bytes. Equivalent to calling [`PrefixMap::match_at`] at each position,
    /// but every character is decoded once and its root entry read once (the
    /// character after a position, which the pair filter needs, becomes the
    /// next position's). Single-tier maps only.
    #[inline(always)]
    pub fn scan(&self, text: &str, unit: impl Fn(&str) -> usize, mut step: impl FnMut(Step)) {
        self.scan_positions(None, text, |at| {
            if at.found.value != NO_VALUE {
                step(Step::Hit {
                    start: at.start,
                    hit: at.found,
                    first: at.c,
                });
                return at.found.end;
            }
            let end = at.unit_end(text, &unit);
            step(Step::Keep {
                start: at.start,
                end,
                c: at.c,
            });
            end
        });
    }

    /// The scan under [`PrefixMap::scan`], for callers that write as they go:
    /// `step` gets each position the scan stops at — a match, or a character
    /// nothing matches at (`found.value` is `NO_VALUE`) — and answers where
    /// the scan goes on (the match's end, a unit's end, or further on when
    /// it has dealt with the text up to there itself). Through `table` (made
    /// from this map by [`PrefixMap::two_step_table`]), each position also
    /// has its first character's row. One character of the text is decoded
    /// ahead: the character after a position, which the pair filter needs,
    /// becomes the next position's character.
    ///
    /// Most positions are a character that begins no phrase with the one
    /// after it, answered from the root entry alone; a converter writes its
    /// value, or the character itself, without telling a match from none
    /// ([`Position::write`]): on Chinese text that is a branch no predictor
    /// can learn, where it writes one of the two.
    #[inline(always)]
    pub(crate) fn scan_positions(
        &self,
        table: Option<&TwoStepTable>,
        text: &str,
        mut step: impl FnMut(Position) -> usize,
    ) {
        debug_assert_eq!(self.tiers, 1);
        let b = text.as_bytes();
        let at = |p: usize| decode(b.get(p..).unwrap_or_default());
        let mut pos = 0;
        let (mut c, mut w) = at(0);
        while w != 0 {
            let next = pos + w;
            let (c2, w2) = at(next);
            let ((node, row), value) = match table {
                None => {
                    let (node, value) = self.root_entry(c);
                    ((node, ROW_NONE), value)
                }
                Some(t) => {
                    let (field, value) = t.root_entry(self, c);
                    ((field & NODE_MASK, field >> ROW_SHIFT), value)
                }
            };
            let mut found = Hit {
                end: next,
                value,
                chars: 1,
            };
            if node != 0 {
                found = self.longer_match(b, found, c, c2, w2);
            }
            // One call site for `step`, so that it is inlined (in wasm too).
            let end = step(Position {
                start: pos,
                found,
                c,
                row,
                c2,
                after2: next + w2,
            });
            if end == next {
                (pos, c, w) = (next, c2, w2);
            } else {
                debug_assert!(end > pos, "the scan goes on");
                pos = end;
                (c, w) = at(pos);
            }
        }
    }

    /// The longest match at a character `c` that begins keys, given the
    /// match of that character alone (`one`: its end is where `c2`, `w2`
    /// bytes long, begins; `w2` is 0 at the end of `text`).
    #[inline(always)]
    fn longer_match(&self, text: &[u8], one: Hit, c: u32, c2: u32, w2: usize) -> Hit {
        let mut found = one;
        let next = one.end;
        // Does a phrase start with this character and the next? Most often
        // not, and the pair filter (in cache) says so.
        if self.may_pair(c, c2) && w2 != 0 {
            if let Some(s) = self.pair(c, c2) {
                if s.value != NO_VALUE {
                    found = Hit {
                        end: next + w2,
                        value: s.value,
                        chars: 2,
                    };
                }
                // (The third character is decoded only where keys go on.)
                let c3 = || decode(text.get(next + w2..).unwrap_or_default()).0;
                if s.node & HAS_CHILDREN != 0 && self.may_triple(c, c2, c3()) {
                    let node2 = s.node & !HAS_CHILDREN;
                    found = self.walk_from(text, node2, found, next + w2, 2);
                }
            }
        }
        found
    }

    /// The root table's entry for `c`: (node, value reference); node 0 when no key starts with `c`.
    #[inline(always)]
    fn root_entry(&self, c: u32) -> RootEntry {
        if c < TABLE_LIMIT {
            return page_entry(&self.page_of, &self.pages, c);
        }
        if !self.high_roots {
            return NO_ROOT; // (variation selectors, private use: never a key's start here)
        }
        match char::from_u32(c).and_then(|ch| self.child(0, ch)) {
            Some(node) => (node, self.value_ref(self.nodes[node as usize].value)),
            None => NO_ROOT,
        }
    }

    /// The longest match down from `node` (at `depth` characters, its key
    /// ending at byte `p`), or `best` (the longest match above it): a
    /// single-tier walk.
    #[inline(always)]
    fn walk_from(
        &self,
        text: &[u8],
        mut node: u32,
        mut best: Hit,
        mut p: usize,
        mut depth: u32,
    ) -> Hit {
        while let Some([n, next]) = self.nodes.get(node as usize..node as usize + 2) {
            if n.first_child == next.first_child {
                break; // a leaf
            }
            let (c, w) = decode(text.get(p..).unwrap_or_default());
            if w == 0 {
                break; // the end of the text
            }
            let child = self.child_below(node as usize, c);
            if child == 0 {
                break;
            }
            node = child;
            p += w;
            depth += 1;
            let v = self.nodes[node as usize].value;
            if v != NO_VALUE {
                best = Hit {
                    end: p,
                    value: v,
                    chars: depth,
                };
            }
        }
        best
    }

    /// The longest key spelled by the characters `next` yields one by one
    /// (`None`: no more): (characters matched, value id). Single-tier maps.
    /// For texts that exist only as they are produced (the one-pass two
    /// steps of conversion); a text in memory has [`PrefixMap::match_at`].
    pub fn longest_chars(&self, mut next: impl FnMut() -> Option<u32>) -> Option<(u32, u32)> {
        let mut node = 0u32;
        let mut best = None;
        let mut depth = 0;
        while let Some(c) = next() {
            node = if node == 0 {
                self.root_entry(c).0
            } else {
                self.child_below(node as usize, c)
            };
            if node == 0 {
                break;
            }
            let Some([n, after]) = self.nodes.get(node as usize..node as usize + 2) else {
                break;
            };
            depth += 1;
            if n.value != NO_VALUE {
                best = Some((depth, n.value));
            }
            if n.first_child == after.first_child {
                break; // a leaf
            }
        }
        best
    }

    /// Does any key contain a character of `range`?
    pub fn has_key_char_in(&self, range: std::ops::RangeInclusive<u32>) -> bool {
        self.nodes[1..self.nodes.len() - 1]
            .iter()
            .any(|n| range.contains(&n.ch))
    }

    /// Is every one-character key's value one character, outside `avoid`?
    /// (Then scan hits of one character carry an inline value.)
    /// Single-tier maps.
    pub fn one_char_values(&self, avoid: std::ops::RangeInclusive<char>) -> bool {
        let root =
            &self.nodes[self.nodes[0].first_child as usize..self.nodes[1].first_child as usize];
        root.iter().all(|n| {
            let mut chars = (n.value != NO_VALUE).then(|| self.value(n.value).chars());
            match chars.as_mut().map(|c| (c.next(), c.next())) {
                None => true,
                Some((Some(c), None)) => !avoid.contains(&c),
                Some(_) => false,
            }
        })
    }

    /// Does the map have a single priority tier (what [`PrefixMap::scan`] needs)?
    pub fn is_single_tier(&self) -> bool {
        self.tiers == 1
    }

    /// The longest key that is a prefix of `text`: (its length in bytes, its value id).
    #[inline]
    pub fn longest(&self, text: &str) -> Option<(usize, u32)> {
        if text.is_empty() {
            return None;
        }
        let hit = self.match_at(text.as_bytes(), 0)?;
        if hit.value & INLINE == 0 || hit.value == NO_VALUE {
            return Some((hit.end, hit.value));
        }
        // An inline value came from the root table: the id is on the first character's node.
        let node = self.child(0, text.chars().next()?)?;
        Some((hit.end, self.nodes[node as usize].value))
    }

    /// The replacement a `Hit::value` stands for.
    #[inline(always)]
    pub fn replacement(&self, value: u32) -> Repl<'_> {
        if value & INLINE != 0 {
            if let Some(c) = char::from_u32(value & !INLINE) {
                return Repl::Char(c);
            }
        }
        Repl::Str(self.value(value))
    }

    /// The value id a value reference stands for (none for an inline one-character value).
    #[inline(always)]
    pub fn value_id(&self, value: u32) -> Option<u32> {
        (value & INLINE == 0 || self.tiers != 1).then_some(value)
    }

    /// The value with id `id`.
    #[inline]
    pub fn value(&self, id: u32) -> &str {
        self.values.get(id)
    }

    /// Writes the value with id `id` to `out`.
    #[inline(always)]
    pub fn write_value<O: Output>(&self, id: u32, out: &mut O) {
        self.values.write(id, out)
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The most characters any key has.
    pub fn max_key_chars(&self) -> usize {
        self.max_key_chars
    }

    /// Approximate heap size, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.page_of.len() * 2
            + self.pages.len() * PAGE * std::mem::size_of::<RootEntry>()
            + self.nodes.len() * std::mem::size_of::<Node>()
            + self.hashed.len() * 4
            + self.tier_values.len() * 4
            + self.values.heap_bytes()
            + self.first.len() * 8
            + self.pairs.len() * 8
            + self.pair_slots.len() * std::mem::size_of::<PairSlot>()
            + self.triples.len() * 8
            + std::mem::size_of_val(&*self.first_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(m: &PrefixMap, s: &str) -> Option<(usize, String)> {
        m.longest(s).map(|(l, v)| (l, m.value(v).to_string()))
    }

    #[test]
    fn longest_prefix() {
        let m = PrefixMap::build([
            ("a", "1"),
            ("an", "2"),
            ("ban", "3"),
            ("bana", "4"),
            ("香港", "5"),
            ("𠀀x", "6"),
        ]);
        assert_eq!(get(&m, "banana"), Some((4, "4".into())));
        assert_eq!(get(&m, "bx"), None);
        assert_eq!(get(&m, "and"), Some((2, "2".into())));
        assert_eq!(get(&m, "香港人"), Some((6, "5".into())));
        assert_eq!(get(&m, "香"), None);
        assert_eq!(get(&m, "𠀀xy"), Some((5, "6".into())));
        assert!(m.may_start('香') && !m.may_start('x') && m.may_start('𠀀'));
        assert_eq!(m.max_key_chars(), 4);
    }

    #[test]
    fn first_value_wins_and_many_keys() {
        let keys: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        let mut entries: Vec<(&str, &str)> =
            keys.iter().map(|k| (k.as_str(), k.as_str())).collect();
        entries.insert(0, ("k7", "first"));
        let m = PrefixMap::build(entries);
        assert_eq!(m.len(), 5000);
        assert_eq!(get(&m, "k7").unwrap().1, "first");
        assert_eq!(get(&m, "k4999x"), Some((5, "k4999".into())));
        assert!(PrefixMap::empty().longest("abc").is_none());
    }

    #[test]
    fn tiers_behave_like_short_circuit() {
        // d1 = {AB, A}, d2 = {ABC, A, B}: the first tier with a match wins, even if shorter.
        let m = PrefixMap::build_tiered(
            [
                ("AB", "x1", 0),
                ("A", "y1", 0),
                ("ABC", "x2", 1),
                ("A", "y2", 1),
                ("B", "b2", 1),
            ],
            2,
        );
        assert_eq!(get(&m, "ABC"), Some((2, "x1".into())));
        assert_eq!(get(&m, "BC"), Some((1, "b2".into())));
        assert_eq!(get(&m, "C"), None);
        // A key present in both tiers keeps both values.
        assert_eq!(get(&m, "A"), Some((1, "y1".into())));
        assert!(!m.is_single_tier(), "ABC (tier 1) extends AB (tier 0)");
    }

    #[test]
    fn tiers_that_cannot_differ_become_one() {
        // No key of a later tier extends a key of an earlier one: the longest
        // match is always in the first tier that matches, so one tier will do.
        let m = PrefixMap::build_tiered(
            [
                ("AB", "x1", 0),
                ("CD", "z1", 0),
                ("A", "a2", 1),
                ("AB", "never", 1),
                ("C", "c2", 1),
                ("B", "b2", 1),
            ],
            2,
        );
        assert!(m.is_single_tier());
        assert_eq!(get(&m, "ABC"), Some((2, "x1".into())));
        assert_eq!(get(&m, "AC"), Some((1, "a2".into())));
        assert_eq!(get(&m, "CDB"), Some((2, "z1".into())));
        assert_eq!(get(&m, "BA"), Some((1, "b2".into())));
        // A shorter later-tier key under an earlier-tier key is fine too;
        // an earlier-tier key under a later-tier one is not.
        let m = PrefixMap::build_tiered([("A", "a1", 0), ("AB", "x2", 1)], 2);
        assert!(!m.is_single_tier());
        assert_eq!(get(&m, "AB"), Some((1, "a1".into())));
    }

    #[test]
    fn scan_edge_cases() {
        fn hits<'m>(m: &'m PrefixMap, text: &str) -> Vec<(usize, usize, Repl<'m>)> {
            let mut found = Vec::new();
            m.scan(
                text,
                |_| 1,
                |step| {
                    if let Step::Hit { start, hit, .. } = step {
                        found.push((start, hit.end, m.replacement(hit.value)));
                    }
                },
            );
            found
        }
        // One phrase: a pair the filter lets through by mistake (发账 shares
        // 发展's filter bit) must end at an empty slot, not loop.
        let one = PrefixMap::build([("发展", "x")]);
        assert!(hits(&one, "发账发展").contains(&(6, 12, Repl::Str("x"))));
        assert_eq!(hits(&one, "发账"), []);
        // The end of the text is not a NUL character.
        let nul = PrefixMap::build([("X\0", "n"), ("X", "x")]);
        assert_eq!(hits(&nul, "X"), [(0, 1, Repl::Char('x'))]);
        assert_eq!(hits(&nul, "X\0"), [(0, 2, Repl::Str("n"))]);
        // Keys beyond the root table (plane 15) are found through the root's hash table.
        let keys: Vec<String> = (0..40)
            .map(|i| char::from_u32(0xF0000 + i).unwrap().to_string())
            .collect();
        let high = PrefixMap::build(keys.iter().map(|k| (k.as_str(), "h")).chain([("a", "b")]));
        assert_eq!(hits(&high, "\u{F0027}a").len(), 2);
        assert!(high.may_start('\u{F0001}') && !high.may_start('\u{F0100}'));
        assert_eq!(hits(&one, "\u{E0100}\u{F0000}"), []);
    }

    #[test]
    fn may_match_is_never_wrong_about_a_match() {
        let few = PrefixMap::build([("\u{F900}", "x"), ("\u{2F800}", "y")]);
        assert!(!few.may_match("汉字，标点。"));
        assert!(few.may_match("汉\u{F900}"));
        assert!(few.may_match("\u{2F800}"));
        assert!(
            !few.may_match("\u{FB00}"),
            "the same lead byte, another second byte"
        );
        let many = PrefixMap::build([("é", "1"), ("汉", "2"), ("Ω", "3"), ("𠀀", "4")]);
        assert!(many.may_match("zz汉") && many.may_match("𠀀") && !many.may_match("zz字"));
        assert!(
            PrefixMap::build([("a", "b")]).may_match("汉"),
            "ASCII keys: always maybe"
        );
        assert!(!PrefixMap::empty().may_match("汉a"));

        // Every offset within the eight-byte windows, against a naive check of
        // each character's first two bytes.
        let alphabet = [
            '汉',
            '，',
            '\u{F900}',
            '\u{FA2D}',
            'a',
            'é',
            '\u{2F800}',
            '\u{FB00}',
            '𠀀',
        ];
        let leads = |c: char| {
            let mut b = [0u8; 4];
            let b = c.encode_utf8(&mut b).as_bytes();
            (b[0], b.get(1).copied())
        };
        let mut seed = 7u32;
        for n in 0..3000 {
            let mut text = String::new();
            for _ in 0..n % 23 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push(alphabet[(seed >> 16) as usize % alphabet.len()]);
            }
            let naive = text
                .chars()
                .any(|c| [leads('\u{F900}'), leads('\u{2F800}')].contains(&leads(c)));
            assert_eq!(few.may_match(&text), naive, "{text:?}");
        }
    }

    #[test]
    fn agrees_with_a_naive_longest_match() {
        // Pseudo-random keys over a small alphabet, checked at every position.
        let alphabet: Vec<char> = "甲乙丙丁戊a𠀀".chars().collect();
        let mut seed = 12345u64;
        let mut rnd = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let keys: Vec<String> = (0..400)
            .map(|_| {
                (0..1 + rnd(5))
                    .map(|_| alphabet[rnd(alphabet.len())])
                    .collect()
            })
            .collect();
        let m = PrefixMap::build(keys.iter().map(|k| (k.as_str(), k.as_str())));
        let text: String = (0..2000).map(|_| alphabet[rnd(alphabet.len())]).collect();
        // The scan finds what a match_at at each position (moving on by one
        // character where nothing matches) finds, values included.
        let mut scanned = Vec::new();
        let mut kept = String::new();
        m.scan(
            &text,
            |_| unreachable!("no IDS here"),
            |step| match step {
                Step::Hit { start, hit, .. } => {
                    scanned.push((start, hit.end, m.replacement(hit.value)))
                }
                Step::Keep { start, end, c } => {
                    let unit: Vec<char> = text[start..end].chars().collect();
                    assert_eq!(unit, [char::from_u32(c).unwrap()]);
                    kept.push_str(&text[start..end]);
                }
            },
        );
        let mut expected = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            match m.match_at(text.as_bytes(), pos) {
                Some(hit) => {
                    expected.push((pos, hit.end, m.replacement(hit.value)));
                    pos = hit.end;
                }
                None => pos += text[pos..].chars().next().unwrap().len_utf8(),
            }
        }
        assert_eq!(scanned, expected);
        let matched: usize = expected.iter().map(|e| e.1 - e.0).sum();
        assert_eq!(kept.len() + matched, text.len());
        assert!(expected.iter().any(|e| matches!(e.2, Repl::Char(_))));
        for (i, _) in text.char_indices() {
            let rest = &text[i..];
            let naive = keys
                .iter()
                .filter(|k| rest.starts_with(k.as_str()))
                .map(|k| k.len())
                .max();
            assert_eq!(m.longest(rest).map(|(l, _)| l), naive, "at {i}");
        }
    }
}
