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
            return Ok(done(enc, Detection::Guessed, bytes));
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

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) / 2 * 2;
    if n < 4 {
        return None;
    }
    let even = bytes[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let half = n / 2;
    if odd * 10 > half * 4 && even * 20 < half {
        Some(UTF_16LE)
    } else if even * 10 > half * 4 && odd * 20 < half {
        Some(UTF_16BE)
    } else {
        None
    }
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
