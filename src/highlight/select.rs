//! Leftmost-longest choice among overlapping candidate matches, streamed.
//!
//! Whole-word matching cannot filter the automaton's own leftmost-longest
//! matches: a match that fails the word test would hide a valid one it overlaps
//! (keywords ["x-a", "ab"] on "x-ab": "x-a" is chosen, rejected because "b"
//! follows, and "ab" is never seen). So the automaton reports every candidate,
//! invalid ones are dropped, and this picks the leftmost-longest
//! non-overlapping set of the rest.
//!
//! Candidates arrive ordered by end. One ending at `e` starts at or after
//! `e - max_len`, so once a candidate ending at `e` is seen, every start before
//! `e - max_len` is final. Only the longest candidate per start matters, kept in
//! a ring of `max_len + 1` slots: memory is bounded by the longest keyword and
//! time is linear in the text plus the candidates.

/// The streaming selector. Positions are byte offsets in the searched text.
#[derive(Debug)]
pub(crate) struct Selector {
    /// Longest candidate (end, keyword) per start, at `start % slots.len()`.
    slots: Vec<Option<(usize, u32)>>,
    max_len: usize,
    /// Starts before this are final (their slots are empty).
    settled: usize,
    /// The end of the last chosen match: later matches start at or after it.
    cursor: usize,
    /// Occupied slots (lets `settle` skip stretches without candidates).
    live: usize,
}

impl Selector {
    /// A selector for candidates at most `max_len` bytes long.
    pub(crate) fn new(max_len: usize) -> Self {
        Selector {
            slots: vec![None; max_len + 1],
            max_len,
            settled: 0,
            cursor: 0,
            live: 0,
        }
    }

    /// Adds a candidate; emits the matches it makes final. Candidates must come
    /// ordered by end and be at most `max_len` long.
    pub(crate) fn push(
        &mut self,
        start: usize,
        end: usize,
        keyword: u32,
        emit: &mut impl FnMut(usize, usize, u32),
    ) {
        self.settle(end.saturating_sub(self.max_len), emit);
        if start < self.cursor || start < self.settled || end - start > self.max_len {
            return; // overlaps a chosen match (or breaks the contract: ignore it)
        }
        let n = self.slots.len();
        match &mut self.slots[start % n] {
            Some((e, _)) if *e >= end => {}
            Some(slot) => *slot = (end, keyword),
            empty => {
                *empty = Some((end, keyword));
                self.live += 1;
            }
        }
    }

    /// Emits the remaining matches.
    pub(crate) fn finish(&mut self, emit: &mut impl FnMut(usize, usize, u32)) {
        self.settle(usize::MAX, emit);
    }

    /// Makes every start before `upto` final, in order, choosing greedily.
    fn settle(&mut self, upto: usize, emit: &mut impl FnMut(usize, usize, u32)) {
        let n = self.slots.len();
        let mut start = self.settled;
        while start < upto && self.live > 0 {
            if let Some((end, keyword)) = self.slots[start % n].take() {
                self.live -= 1;
                if start >= self.cursor {
                    emit(start, end, keyword);
                    self.cursor = end;
                }
            }
            start += 1;
        }
        self.settled = self.settled.max(upto);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds candidates (sorted here by end, then by start) and collects the choice.
    fn select(max_len: usize, cands: &[(usize, usize, u32)]) -> Vec<(usize, usize, u32)> {
        let mut cands = cands.to_vec();
        cands.sort_by_key(|&(s, e, _)| (e, s));
        let mut out = Vec::new();
        let mut emit = |s, e, k| out.push((s, e, k));
        let mut sel = Selector::new(max_len);
        for (s, e, k) in cands {
            sel.push(s, e, k, &mut emit);
        }
        sel.finish(&mut emit);
        out
    }

    #[test]
    fn leftmost_then_longest() {
        assert_eq!(select(4, &[(0, 2, 0), (0, 4, 1)]), [(0, 4, 1)]);
        assert_eq!(
            select(4, &[(1, 5, 0), (0, 2, 1), (2, 3, 2)]),
            [(0, 2, 1), (2, 3, 2)]
        );
        assert_eq!(
            select(3, &[(0, 3, 0), (2, 5, 1), (5, 6, 2)]),
            [(0, 3, 0), (5, 6, 2)]
        );
        assert_eq!(select(3, &[]), []);
    }

    #[test]
    fn far_apart_candidates_and_ring_reuse() {
        let cands: Vec<_> = (0..100).map(|i| (i * 10, i * 10 + 2, i as u32)).collect();
        assert_eq!(select(2, &cands), cands);
        // Every start has a candidate; the greedy choice tiles the text.
        let cands: Vec<_> = (0..50).map(|i| (i, i + 3, i as u32)).collect();
        let got = select(3, &cands);
        assert_eq!(got.len(), 17);
        assert!(got.windows(2).all(|w| w[0].1 == w[1].0));
    }

    #[test]
    fn matches_a_brute_force_greedy() {
        // Deterministic pseudo-random candidates against the obvious algorithm.
        let mut x: u64 = 12345;
        let mut rnd = |m: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % m
        };
        for _ in 0..200 {
            let max_len = 1 + rnd(6);
            let mut cands: Vec<(usize, usize, u32)> = (0..rnd(30))
                .map(|k| {
                    let s = rnd(40);
                    (s, s + 1 + rnd(max_len), k as u32)
                })
                .collect();
            cands.sort_by_key(|&(s, e, _)| (s, e));
            cands.dedup_by_key(|c| (c.0, c.1));
            let mut want = Vec::new();
            let mut sorted = cands.clone();
            sorted.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            let mut cursor = 0;
            for (s, e, k) in sorted {
                if s >= cursor {
                    want.push((s, e, k));
                    cursor = e;
                }
            }
            assert_eq!(select(max_len, &cands), want, "{cands:?}");
        }
    }
}
