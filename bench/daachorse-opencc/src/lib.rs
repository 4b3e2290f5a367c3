//! OpenCC s2t as one daachorse charwise automaton (leftmost-longest: at each
//! position the longest key, as OpenCC's greedy scan), UTF-8 in, UTF-16 out,
//! like jingwen's wasm. A benchmark yardstick, not part of jingwen.
//!
//! Exports: `alloc(n)` (bytes in wasm memory), `build(ptr, len)` (dictionary
//! lines `key\tvalue…`, first value of a repeated key wins), `convert(ptr, len)`
//! (returns the output's length in UTF-16 units) and `out_ptr()`.
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use std::cell::RefCell;
use std::collections::HashMap;

struct State {
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    values: Vec<String>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    static OUT: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

#[no_mangle]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// # Safety
/// `p..p + n` is UTF-8 written into memory from `alloc`.
#[no_mangle]
pub unsafe extern "C" fn build(p: *const u8, n: usize) {
    let text = std::str::from_utf8(std::slice::from_raw_parts(p, n)).expect("UTF-8");
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut keys = Vec::new();
    let mut values = Vec::new();
    for line in text.lines() {
        let mut it = line.split('\t');
        let (Some(k), Some(v)) = (it.next(), it.next()) else {
            continue;
        };
        if k.is_empty() || seen.contains_key(k) {
            continue;
        }
        seen.insert(k, keys.len());
        keys.push(k);
        values.push(v.split(' ').next().unwrap_or(v).to_string());
    }
    let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(keys.iter().enumerate().map(|(i, k)| (*k, i as u32)))
        .expect("automaton");
    STATE.with(|s| *s.borrow_mut() = Some(State { automaton, values }));
}

/// # Safety
/// As `build`; call `build` first.
#[no_mangle]
pub unsafe extern "C" fn convert(p: *const u8, n: usize) -> usize {
    let text = std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, n));
    STATE.with(|s| {
        let s = s.borrow();
        let s = s.as_ref().expect("build first");
        OUT.with(|out| {
            let mut out = out.borrow_mut();
            out.clear();
            let mut last = 0;
            for m in s.automaton.leftmost_find_iter(text) {
                out.extend(text[last..m.start()].encode_utf16());
                out.extend(s.values[m.value() as usize].encode_utf16());
                last = m.end();
            }
            out.extend(text[last..].encode_utf16());
            out.len()
        })
    })
}

#[no_mangle]
pub extern "C" fn out_ptr() -> *const u16 {
    OUT.with(|out| out.borrow().as_ptr())
}
