//! Bytes → text: which encoding a document is in, and decoding it without
//! silently losing anything.
//!
//! Real scraped pages lie about their encoding (declaring GB2312 while being
//! UTF-8, or hiding the declaration beyond the first kilobyte), so a
//! `<meta charset>` is only a hint: valid UTF-8 is UTF-8; otherwise the
//! declared encoding and a statistical guess (chardetng) are both tried and the
//! one that decodes with fewer errors wins. Bytes that no candidate can decode
//! become U+FFFD and are *reported* with their offsets. Binary files (images,
//! archives …) are refused with a clear error instead of becoming garbage text.

use super::short_text;
use crate::error::{Error, Result};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use serde::Serialize;

/// Bytes that could not be decoded (they became U+FFFD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecodeError {
    /// Offset of the first bad byte in the input.
    pub offset: usize,
    /// The bad bytes, in hex.
    pub bytes: String,
}

/// The decoded document.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (WHATWG name: "UTF-8", "GBK", "gb18030", "Big5", "UTF-16LE" …).
    pub encoding: &'static str,
    /// How it was chosen.
    pub detection: Detection,
    /// Undecodable byte sequences: how many, and the first [`MAX_REPORTED_ERRORS`].
    pub error_count: usize,
    pub errors: Vec<DecodeError>,
}

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detection {
    /// A byte order mark.
    Bom,
    /// The caller said so.
    Override,
    /// The bytes are valid UTF-8 (or nearly all of them are).
    Utf8,
    /// The document's own declaration, which decoded cleanly.
    Declared,
    /// Statistical detection.
    Guessed,
}

/// At most this many decode errors are listed (all are counted).
pub const MAX_REPORTED_ERRORS: usize = 100;

/// Recognizes binary formats by their magic numbers.
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    // (magic bytes, kind id, what it is in English)
    const MAGIC: &[(&[u8], &str, &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "png", "a PNG image"),
        (b"\xFF\xD8\xFF", "jpeg", "a JPEG image"),
        (b"GIF87a", "gif", "a GIF image"),
        (b"GIF89a", "gif", "a GIF image"),
        (b"%PDF-", "pdf", "a PDF document"),
        (
            b"PK\x03\x04",
            "zip",
            "a ZIP archive (or an Office document)",
        ),
        (b"\x1F\x8B", "gzip", "a gzip archive"),
        (b"\x7FELF", "elf", "an executable"),
        (b"MZ", "exe", "a Windows executable"),
        (b"\0asm", "wasm", "a WebAssembly module"),
        (b"Rar!\x1A\x07", "rar", "a RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z", "a 7z archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "ole",
            "an old Office document",
        ),
        (b"SQLite format 3\0", "sqlite", "an SQLite database"),
        (b"ID3", "mp3", "an MP3 file"),
        (b"OggS", "ogg", "an Ogg file"),
        (b"fLaC", "flac", "a FLAC file"),
        (b"BZh", "bzip2", "a bzip2 archive"),
        (b"\xFD7zXZ\0", "xz", "an xz archive"),
        (b"wOFF", "font", "a web font"),
        (b"wOF2", "font", "a web font"),
    ];
    for &(magic, kind, what) in MAGIC {
        if bytes.starts_with(magic) {
            // "MZ"/"ID3"/"BZh" could begin a text file; require a control byte soon after.
            if magic.len() <= 3
                && !bytes
                    .iter()
                    .take(64)
                    .any(|&b| b < 0x09 || (0x0E..0x20).contains(&b))
            {
                continue;
            }
            return Some((kind, what));
        }
    }
    if bytes.len() > 12 && &bytes[4..8] == b"ftyp" {
        return Some(("mp4", "an MP4/QuickTime file"));
    }
    if bytes.starts_with(b"RIFF") && bytes.len() > 12 {
        return Some(("riff", "a RIFF media file (WebP, WAV, AVI)"));
    }
    // No magic: many control bytes (NUL above all) mean binary data.
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return None;
    }
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b) && b != 0x1B)
        .count();
    if nul * 100 > head.len() || control * 10 > head.len() {
        return Some(("binary", "binary data"));
    }
    None
}

/// Finds a `charset=` declaration (meta tag or XML prolog) in the first 64 KiB.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(65536)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + 7;
        while j < lower.len() && matches!(lower[j], b' ' | b'"' | b'\'' | b'=') {
            j += 1;
        }
        let start = j;
        while j < lower.len()
            && (lower[j].is_ascii_alphanumeric() || matches!(lower[j], b'-' | b'_' | b':' | b'.'))
        {
            j += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..j]) {
            return Some(enc);
        }
        from = j.max(from + i + 7);
    }
    // <?xml version="1.0" encoding="gb2312"?>
    if let Some(i) = find(&lower, b"encoding=") {
        let rest = &lower[i + 9..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .unwrap_or(rest.len());
        return Encoding::for_label(&rest[..end]);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes with `enc`, replacing and recording malformed sequences.
fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, usize, Vec<DecodeError>) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
    let mut errors = Vec::new();
    let mut count = 0;
    let mut pos = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[pos..], &mut out, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                out.reserve(bytes.len() - pos + 64);
            }
            DecoderResult::Malformed(bad, extra) => {
                count += 1;
                let end = pos.saturating_sub(extra as usize);
                let start = end.saturating_sub(bad as usize);
                if errors.len() < MAX_REPORTED_ERRORS {
                    let hex = bytes[start..end]
                        .iter()
                        .map(|b| format!("{b:02X}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    errors.push(DecodeError {
                        offset: start,
                        bytes: hex,
                    });
                }
                out.push('\u{FFFD}');
            }
        }
    }
    (out, count, errors)
}

/// Decodes `bytes`. `encoding`: a label (e.g. "gbk") that overrides detection.
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded> {
    let done = |enc: &'static Encoding, detection, body: &[u8]| {
        let (text, error_count, errors) = decode_with(body, enc);
        // The GBK decoder is GB18030's (WHATWG): a text using GB18030's four-byte
        // characters (𠀀, 𪚥 …) decodes right, and is named for what it is.
        let enc = if enc == encoding_rs::GBK && has_four_byte_gb18030(body) {
            encoding_rs::GB18030
        } else {
            enc
        };
        Decoded {
            text,
            encoding: enc.name(),
            detection,
            error_count,
            errors,
        }
    };
    if let Some(label) = encoding {
        let enc =
            Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::InvalidOption {
                option: "encoding".into(),
                value: label.into(),
                valid: "an encoding label such as utf-8, gbk, gb18030, big5, utf-16le".into(),
            })?;
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
            _ => bytes,
        };
        return Ok(done(enc, Detection::Override, body));
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return Ok(done(enc, Detection::Bom, &bytes[len..]));
    }
    if let Some((kind, what)) = binary_kind(bytes) {
        // UTF-16 without a BOM has a NUL in every other byte of ASCII text.
        if let Some(enc) = utf16_without_bom(bytes) {
            let decoded = done(enc, Detection::Guessed, bytes);
            // The guess reads only the first 4 KB. A text in UTF-16 decodes with next
            // to no errors anywhere (an unpaired surrogate, an odd last byte of a
            // cut-off file); binary data that passed for text at its start (a
            // compiled Python file's names and strings) has them by the hundred
            // further on. Allowed: 2, or one per 1,000 units.
            if decoded.error_count <= (bytes.len() / 2 / 1000).max(2) {
                return Ok(decoded);
            }
        }
        return Err(Error::NotText { kind, what });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(done(UTF_8, Detection::Utf8, bytes));
    }
    // Damaged UTF-8 (a few bad bytes among many good sequences) is still UTF-8.
    let (utf8_text, utf8_errors, utf8_list) = decode_with(bytes, UTF_8);
    let non_ascii = utf8_text.chars().filter(|c| !c.is_ascii()).count();
    if utf8_errors * 50 < non_ascii {
        return Ok(Decoded {
            text: utf8_text,
            encoding: UTF_8.name(),
            detection: Detection::Utf8,
            error_count: utf8_errors,
            errors: utf8_list,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // A text of a few characters is too short for chardetng's statistics.
    let guess = short_text::chinese_encoding(bytes, guess).unwrap_or(guess);
    let guessed = done(guess, Detection::Guessed, bytes);
    match declared(bytes) {
        // Pages declaring an encoding the guess disagrees with: the fewer errors win.
        Some(decl) if decl != guess && decl != UTF_8 => {
            // GB2312 pages often use GBK/GB18030 characters; decode with the superset.
            let decl = if decl.name() == "GBK" {
                encoding_rs::GB18030
            } else {
                decl
            };
            let declared = done(decl, Detection::Declared, bytes);
            Ok(if declared.error_count <= guessed.error_count {
                declared
            } else {
                guessed
            })
        }
        _ => Ok(guessed),
    }
}

/// Does `bytes` (read as GBK/GB18030) hold a four-byte sequence? A lead byte
/// 0x81–0xFE followed by a digit: a two-byte character's second byte is never one.
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x81..=0xFE => {
                if matches!(bytes.get(i + 1), Some(0x30..=0x39)) {
                    return true;
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    false
}

/// UTF-16 without a BOM, told from binary data by its NUL bytes (the high bytes
/// of ASCII characters) and what it reads as: mostly ASCII text with a NUL in
/// every other byte, or — Chinese text, whose characters rarely have a NUL
/// byte — NULs mostly in one byte parity and, read that way, almost only characters a
/// text is made of (CJK, its punctuation, ASCII …), surrogates in pairs.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) / 2 * 2;
    if n < 4 {
        return None;
    }
    let even = bytes[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let half = n / 2;
    if odd * 10 > half * 4 && even * 20 < half {
        return Some(UTF_16LE);
    }
    if even * 10 > half * 4 && odd * 20 < half {
        return Some(UTF_16BE);
    }
    // (enc, NULs in the high byte's parity, NULs in the other)
    for (enc, high, low) in [(UTF_16LE, odd, even), (UTF_16BE, even, odd)] {
        // (A few in the other parity: common ideographs such as 一 U+4E00 and
        // 开 U+5F00 end in 00. Read in the wrong byte order, ASCII becomes
        // U+0A00 …, which the count of textual units below refuses.)
        if high == 0 || low * 20 > half {
            continue;
        }
        let unit = |i: usize| {
            let pair = [bytes[2 * i], bytes[2 * i + 1]];
            if enc == UTF_16LE {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        };
        // (textual units; units from U+3400 up, the CJK blocks and what follows them,
        // called ideographs below; those of them whose two bytes are both printable ASCII)
        let (mut textual, mut ideographs, mut ascii_pairs, mut i) = (0, 0, 0, 0);
        while i < half {
            let u = unit(i);
            if u >= 0x3400 {
                ideographs += 1;
                if u.to_be_bytes().iter().all(|b| (0x20..0x7F).contains(b)) {
                    ascii_pairs += 1;
                }
            }
            if (0xD800..0xDC00).contains(&u)
                && i + 1 < half
                && (0xDC00..0xE000).contains(&unit(i + 1))
            {
                textual += 2;
                i += 2;
                continue;
            }
            if reads_as_text(u) {
                textual += 1;
            }
            i += 1;
        }
        // ASCII bytes read two at a time land in the CJK blocks ("ab" is U+6162): in
        // mostly-ASCII binary data nearly every "ideograph" is such a pair, in Chinese
        // text about a fifth are (the low byte is spread over all 256 values).
        let ascii_read_as_cjk = ascii_pairs >= 16 && ascii_pairs * 10 > ideographs * 6;
        if textual * 100 >= half * 97 && !ascii_read_as_cjk {
            return Some(enc);
        }
    }
    None
}

/// Is UTF-16 unit `u` a character a Chinese (or East Asian) text is made of?
fn reads_as_text(u: u16) -> bool {
    matches!(u,
        0x09 | 0x0A | 0x0D | 0x20..=0x7E // ASCII text
        | 0xA0..=0x24F // Latin-1, Latin Extended
        | 0x2000..=0x206F // general punctuation
        | 0x2190..=0x25FF // arrows, symbols, box drawing, shapes
        | 0x3000..=0x30FF // CJK punctuation, kana
        | 0x3100..=0x31BF // bopomofo
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK ideographs
        | 0xAC00..=0xD7A3 // hangul
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE30..=0xFE4F // CJK compatibility forms
        | 0xFF00..=0xFFEF // full-width forms
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_wins_over_a_lying_declaration() {
        let html = "<meta charset=gb2312><p>疫情防控</p>";
        let d = decode(html.as_bytes(), None).unwrap();
        assert_eq!(
            (d.encoding, d.detection, d.text.as_str()),
            ("UTF-8", Detection::Utf8, html)
        );
    }

    #[test]
    fn gbk_and_big5_are_detected() {
        let text = "陕西连续三天本土确诊病例破百，自12月9日以来，全省累计报告本土确诊病例831例。距离陕西西安两百多公里的邻省河南三门峡市，也积极防控。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk, None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str(), d.error_count),
            ("GBK", text, 0)
        );
        let trad = "劉國中指出，當前社區病例仍然較多，影響疫情防控成效的關鍵在社會面風險人群管控。要突出快和準，加強核酸篩查和結果運用。";
        let (big5, _, _) = encoding_rs::BIG5.encode(trad);
        let d = decode(&big5, None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("Big5", trad));
    }

    #[test]
    fn declaration_past_first_kilobyte_is_honoured_when_it_decodes_cleanly() {
        let mut html = format!(
            "<html><head>{}<meta charset=\"gbk\"></head><body><p>",
            " ".repeat(2000)
        );
        html.push_str("人民网北京电，记者从有关部门获悉。");
        let (bytes, _, _) = encoding_rs::GBK.encode(&html);
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("人民网北京电"), "{}", d.text);
        assert_eq!(d.error_count, 0);
    }

    #[test]
    fn gb18030_four_byte_characters_name_the_encoding() {
        let text =
            "罕见字𠀀和𪚥出现在这段足够长的简体中文文本里，用于检测编码是否正确识别为国标扩展。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str(), d.error_count),
            ("gb18030", text, 0)
        );
        let (gbk, _, _) = encoding_rs::GB18030
            .encode("这段文本只用到常见的汉字，没有四字节的字符，所以仍然叫作国标扩展的简称。");
        assert_eq!(decode(&gbk, None).unwrap().encoding, "GBK");
    }

    /// Chinese text in UTF-16 without a BOM has NULs only in the high bytes of
    /// its ASCII characters (newlines, digits): it was taken for binary data.
    #[test]
    fn chinese_utf16_without_a_bom_is_text() {
        let text =
            "疫情防控工作会议召开\n2024年3月5日，会议部署了下一阶段的工作。\n（记者 张三）\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes, None).unwrap();
            assert_eq!(
                (d.encoding, d.text.as_str(), d.error_count),
                (name, text, 0)
            );
        }
        // Random bytes (NULs in both parities, few textual units either way) are still refused.
        let mut x = 12345u32;
        let random: Vec<u8> = (0..4000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        assert!(decode(&random, None).is_err());
    }

    /// Mostly-ASCII binary data (names and strings with a type byte and a NUL
    /// before each, as a compiled Python file has them) reads in UTF-16BE as
    /// "ideographs" made of ASCII byte pairs; it had passed for text.
    #[test]
    fn ascii_binary_is_not_utf16() {
        let words = [
            "co_names", "__init__", "selfself", "argvargs", "printout", "_modules",
        ];
        let mut bytes = Vec::new();
        for i in 0..600 {
            bytes.extend_from_slice(&[0x00, b'z']);
            bytes.extend_from_slice(words[i % words.len()].as_bytes());
        }
        assert!(decode(&bytes, None).is_err());
    }

    /// The guess reads the first 4 KB; what follows must read as UTF-16 too.
    #[test]
    fn utf16_start_then_binary_is_refused() {
        let text = "疫情防控工作会议召集，会议部署了下阶段的工作。\n".repeat(120);
        let mut bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(decode(&bytes, None).is_ok());
        for i in 0..2000u16 {
            bytes.extend_from_slice(&[0xDA, (i % 30) as u8, b'a', b'b']); // lone high surrogates
        }
        assert!(decode(&bytes, None).is_err());
    }

    /// A short UTF-16 text cut off mid-unit (an odd last byte) is still read, its
    /// damage reported.
    #[test]
    fn short_utf16_with_an_odd_last_byte_is_read() {
        let text = "疫情防控工作会议\n记者 张三\n";
        let mut bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.push(0x41);
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.encoding, d.error_count), ("UTF-16LE", 1));
        assert!(d.text.starts_with(text), "{}", d.text);
    }

    #[test]
    fn bom_and_override() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "疫情".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str(), d.detection),
            ("UTF-16LE", "疫情", Detection::Bom)
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("汉字");
        assert_eq!(decode(&gbk, Some("gb2312")).unwrap().text, "汉字");
        assert!(decode(b"x", Some("klingon"))
            .unwrap_err()
            .to_string()
            .contains("klingon"));
    }

    #[test]
    fn bad_bytes_are_reported_not_dropped() {
        let mut bytes = "正常的文字，".repeat(20).into_bytes();
        bytes.extend_from_slice(&[0xE6, 0xB1]); // a truncated UTF-8 sequence
        bytes.extend_from_slice("后面还有。".as_bytes());
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.error_count, 1);
        assert_eq!(d.errors[0].bytes, "E6 B1");
        assert!(d.text.contains("\u{FFFD}后面还有"));
    }

    #[test]
    fn binary_files_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(decode(png, None).unwrap_err().to_string().contains("PNG"));
        assert!(decode(&[0u8; 100], None).is_err());
        assert_eq!(decode(b"", None).unwrap().text, "");
    }
}
