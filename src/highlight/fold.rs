//! Character folding: the map that makes "the same" characters equal before
//! matching (letter case, full/half width, simplified/traditional script).
//!
//! Every character folds to exactly one character. Because of that, the
//! highlighter can search a folded copy of the text and still map each match
//! back to exact positions in the original: the n-th folded character comes
//! from the n-th original character. So we use *simple* lowercase, not Unicode
//! full case folding (which turns `ß` into `ss`), and we leave alone any
//! character whose lowercase is longer than one character.

use crate::convert::dictfile::DictData;
use crate::convert::load_dict;
use crate::error::Result;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The OpenCC dictionaries script folding is built from (see [`ScriptFold`]).
pub(crate) const SCRIPT_DICTS: &[&str] = &["TSCharacters", "TWVariantsRev", "HKVariantsRev"];

/// What a missing dictionary is "needed by" in the error message; the browser
/// side loads the script-folding dictionaries under this name.
const DICT_USER: &str = "highlight";

/// The folding a highlighter applies, to its keywords and to every text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Folder {
    case: bool,
    width: bool,
    script: Option<&'static ScriptFold>,
}

impl Folder {
    /// The folder for these options. Script folding needs the OpenCC
    /// dictionaries; in the wasm build they may not be loaded yet (an error).
    pub(crate) fn new(case: bool, width: bool, script: bool) -> Result<Self> {
        Ok(Folder {
            case,
            width,
            script: if script { Some(script_fold()?) } else { None },
        })
    }

    /// Does folding leave every character unchanged? (Then the text need not be copied.)
    pub(crate) fn is_identity(&self) -> bool {
        !self.case && !self.width && self.script.is_none()
    }

    /// Folds one character. Width first, so that `Ａ` becomes `A` and then `a`.
    #[inline]
    pub(crate) fn fold(&self, c: char) -> char {
        let mut c = c;
        if self.width {
            c = fold_width(c);
        }
        if self.case {
            c = fold_case(c);
        }
        if let Some(s) = self.script {
            c = s.fold(c);
        }
        c
    }
}

/// Full-width ASCII (U+FF01–FF5E) to ASCII, and the ideographic space to a space.
#[inline]
pub(crate) fn fold_width(c: char) -> char {
    match c {
        // The full-width block is ASCII 0x21–0x7E shifted by a constant.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Simple (1:1) lowercase of Latin letters; everything else is unchanged.
#[inline]
pub(crate) fn fold_case(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if !is_latin(c) {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        // `İ` lowercases to two characters: keep 1:1 by leaving it alone.
        _ => c,
    }
}

/// The Latin blocks (beyond ASCII) whose letters have case.
fn is_latin(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{24F}'       // Latin-1 Supplement, Extended-A, Extended-B
        | '\u{1E00}'..='\u{1EFF}'  // Latin Extended Additional (Vietnamese)
        | '\u{2C60}'..='\u{2C7F}'  // Latin Extended-C
        | '\u{A720}'..='\u{A7FF}'  // Latin Extended-D
        | '\u{FF21}'..='\u{FF3A}'  // full-width capitals (when width folding is off)
    )
}

/// Simplified/traditional folding: every character of a group that OpenCC
/// converts into one another maps to one representative.
///
/// Built from OpenCC's single-character tables: TSCharacters (traditional →
/// simplified) after TWVariantsRev/HKVariantsRev (Taiwan/Hong Kong variant →
/// standard traditional). Simply composing the maps is not quite enough to make
/// folding consistent: TWVariantsRev maps `么` → `幺` while TSCharacters maps
/// `麼` → `么`, so `么` and `麼` would fold differently. We therefore fold each
/// *group* of characters connected by any of the mappings to one member (a
/// simplified form when the group has one), which contains the composition.
#[derive(Debug)]
pub(crate) struct ScriptFold {
    /// (character, representative), sorted by character; identities left out.
    map: Vec<(char, char)>,
    /// The smallest character in `map`: a fast exit for ASCII and most text.
    min: char,
}

impl ScriptFold {
    #[inline]
    pub(crate) fn fold(&self, c: char) -> char {
        if c < self.min {
            return c;
        }
        match self.map.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => self.map[i].1,
            Err(_) => c,
        }
    }

    /// Builds the folding from TSCharacters and the variant tables.
    pub(crate) fn build(ts: &DictData, variants: &[&DictData]) -> Self {
        // Union-find over characters: each edge of a table joins two groups.
        let mut index: HashMap<char, usize> = HashMap::new();
        let mut chars: Vec<char> = Vec::new();
        let mut parent: Vec<usize> = Vec::new();
        let mut id = |c: char, chars: &mut Vec<char>, parent: &mut Vec<usize>| {
            *index.entry(c).or_insert_with(|| {
                chars.push(c);
                parent.push(chars.len() - 1);
                chars.len() - 1
            })
        };
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut ts_keys = Vec::new();
        let mut variant_keys = Vec::new();
        let tables = std::iter::once((ts, true)).chain(variants.iter().map(|d| (*d, false)));
        for (dict, is_ts) in tables {
            for (from, to) in single_char_pairs(dict) {
                let (a, b) = (
                    id(from, &mut chars, &mut parent),
                    id(to, &mut chars, &mut parent),
                );
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
                let keys = if is_ts {
                    &mut ts_keys
                } else {
                    &mut variant_keys
                };
                keys.push(from);
            }
        }
        // The representative: preferably neither a traditional form (a TS key)
        // nor a variant (a variant key), then the smallest code point, so the
        // choice is deterministic.
        ts_keys.sort_unstable();
        variant_keys.sort_unstable();
        let rank = |c: char| {
            (
                ts_keys.binary_search(&c).is_ok(),
                variant_keys.binary_search(&c).is_ok(),
                c,
            )
        };
        let mut best: HashMap<usize, char> = HashMap::new();
        for (i, &c) in chars.iter().enumerate() {
            let r = root(&mut parent, i);
            best.entry(r)
                .and_modify(|b| {
                    if rank(c) < rank(*b) {
                        *b = c
                    }
                })
                .or_insert(c);
        }
        let mut map: Vec<(char, char)> = (0..chars.len())
            .map(|i| (chars[i], best[&root(&mut parent, i)]))
            .filter(|(c, r)| c != r)
            .collect();
        map.sort_unstable();
        let min = map.first().map_or(char::MAX, |p| p.0);
        ScriptFold { map, min }
    }
}

/// The (key, first value) pairs of a dictionary where both are one character.
fn single_char_pairs(d: &DictData) -> impl Iterator<Item = (char, char)> + '_ {
    d.iter()
        .filter_map(|(k, v)| Some((single_char(k)?, single_char(v)?)))
}

fn single_char(s: &str) -> Option<char> {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The shared script folding, built on first use. A failure (dictionaries not
/// loaded yet in the wasm build) is returned, not cached: a later call, after
/// the dictionaries are loaded, succeeds.
pub(crate) fn script_fold() -> Result<&'static ScriptFold> {
    static FOLD: OnceLock<ScriptFold> = OnceLock::new();
    if let Some(f) = FOLD.get() {
        return Ok(f);
    }
    let ts = load_dict(SCRIPT_DICTS[0], DICT_USER)?;
    let variants = SCRIPT_DICTS[1..]
        .iter()
        .map(|name| load_dict(name, DICT_USER))
        .collect::<Result<Vec<_>>>()?;
    let variants: Vec<&DictData> = variants.iter().map(|d| &**d).collect();
    let built = ScriptFold::build(&ts, &variants);
    // Two threads may build at once; both results are equal, the first is kept.
    Ok(FOLD.get_or_init(|| built))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(case: bool, width: bool, script: bool) -> Folder {
        Folder::new(case, width, script).unwrap()
    }

    fn fold_str(f: &Folder, s: &str) -> String {
        s.chars().map(|c| f.fold(c)).collect()
    }

    #[test]
    fn width_folding() {
        let f = folder(false, true, false);
        assert_eq!(fold_str(&f, "ＡＢＣ１２３！～\u{3000}"), "ABC123!~ ");
        // Only the ASCII range of the full-width block: half-width katakana stay.
        assert_eq!(fold_str(&f, "ｱ｡"), "ｱ｡");
        assert_eq!(fold_str(&folder(false, false, false), "ＡＢ"), "ＡＢ");
    }

    #[test]
    fn case_folding_is_simple_and_latin_only() {
        let f = folder(true, false, false);
        assert_eq!(fold_str(&f, "HeLLo ÉÀÇ ĐƯỜNG"), "hello éàç đường");
        // One-to-many lowercases and non-Latin scripts are left alone.
        assert_eq!(fold_str(&f, "İß"), "İß");
        assert_eq!(fold_str(&f, "ΑΒΓ"), "ΑΒΓ");
        assert_eq!(fold_str(&f, "中文"), "中文");
        // Width then case: full-width capitals become ASCII lowercase.
        assert_eq!(fold_str(&folder(true, true, false), "ＡＢ"), "ab");
        // Without width folding, full-width capitals lowercase to full-width.
        assert_eq!(fold_str(&f, "ＡＢ"), "ａｂ");
        assert_eq!(fold_str(&folder(false, false, false), "ABC"), "ABC");
    }

    #[test]
    fn script_folding_joins_simplified_and_traditional() {
        let f = folder(false, false, true);
        assert_eq!(fold_str(&f, "頭髮"), fold_str(&f, "头发"));
        assert_eq!(fold_str(&f, "發展"), fold_str(&f, "发展"));
        assert_eq!(
            fold_str(&f, "头发"),
            "头发",
            "simplified forms represent their group"
        );
        // Taiwan variant 裡 → 裏 → 里.
        assert_eq!(f.fold('裡'), f.fold('里'));
        // Taiwan variant 著 → 着 (not in TSCharacters at all).
        assert_eq!(f.fold('著'), f.fold('着'));
        // Not consistent with plain composition (麼 → 么, 么 → 幺), consistent here.
        assert_eq!(f.fold('麼'), f.fold('么'));
        assert_eq!(f.fold('中'), '中');
        assert_eq!(f.fold('a'), 'a');
        assert_eq!(folder(false, false, false).fold('頭'), '頭');
    }

    #[test]
    fn script_folding_is_idempotent() {
        let s = script_fold().unwrap();
        assert!(s.map.len() > 3000);
        for &(c, r) in &s.map {
            assert_eq!(s.fold(r), r, "{c} → {r} is not final");
        }
    }

    #[test]
    fn script_fold_from_small_tables() {
        let ts = DictData::from_pairs("TS", [("麼", "么"), ("頭", "头"), ("頭髮", "头发")]);
        let v = DictData::from_pairs("V", [("么", "幺"), ("著", "着")]);
        let s = ScriptFold::build(&ts, &[&v]);
        assert_eq!(s.fold('頭'), '头');
        assert_eq!(s.fold('麼'), '幺');
        assert_eq!(s.fold('么'), '幺');
        assert_eq!(s.fold('著'), '着');
        assert_eq!(s.fold('x'), 'x');
        assert_eq!(
            s.map.len(),
            4,
            "multi-character keys are ignored: {:?}",
            s.map
        );
    }
}
