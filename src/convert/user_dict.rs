//! User dictionaries: the user's own phrase overrides.
//!
//! A user entry beats every built-in dictionary: the text is first split at
//! the user's keys (leftmost-longest), the pieces between them are converted
//! with the configuration, and each matched key becomes its value *verbatim*
//! (later conversion steps do not touch it). Entries come as pairs or in
//! OpenCC's text format (`key<TAB>value`, `#` comments; the first of several
//! space-separated values is used, as in OpenCC).

use super::trie::PrefixMap;
use crate::error::{Error, Result};

/// A piece of text as the user dictionary splits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text without user keys: converted with the configuration.
    Plain(&'a str),
    /// A user value: output as it is.
    Replacement(&'a str),
}

/// A compiled set of user overrides.
#[derive(Debug, Clone)]
pub struct UserDict {
    map: PrefixMap,
}

impl UserDict {
    /// From (key, value) pairs. Empty keys are rejected, and so are empty values:
    /// an entry that deletes its key from the text is far likelier a slip (a
    /// missing value) than a wish, and would lose the user's text silently. A
    /// repeated key keeps its last value (a later override replaces an earlier
    /// one, as in an object literal).
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> Result<Self> {
        let mut entries: Vec<(&str, &str)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs.iter().rev() {
            let (k, v) = (k.as_ref(), v.as_ref());
            if k.is_empty() {
                return Err(Error::InvalidUserDictionary("empty key".into()));
            }
            if v.is_empty() {
                return Err(Error::InvalidUserDictionary(format!(
                    "{k:?} has an empty value (it would delete the phrase from the text)"
                )));
            }
            entries.push((k, v));
        }
        Ok(UserDict {
            map: PrefixMap::build(entries),
        })
    }

    /// From OpenCC's text format. A byte order mark at the start (as a file saved
    /// by Windows Notepad has) is not part of the first key.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut pairs = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, values)) = line.split_once('\t') else {
                return Err(Error::InvalidUserDictionary(format!(
                    "line {}: expected \"key<TAB>value\", got {line:?}",
                    i + 1
                )));
            };
            let value = values.split(' ').next().unwrap_or("");
            if value.is_empty() {
                return Err(Error::InvalidUserDictionary(format!(
                    "line {}: {key:?} has no value after the tab",
                    i + 1
                )));
            }
            pairs.push((key.to_string(), value.to_string()));
        }
        Self::from_pairs(&pairs)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Walks `text` in order, giving stretches without user keys and the user's replacements.
    pub fn split<'t>(&'t self, text: &'t str, mut f: impl FnMut(Piece<'t>)) {
        let mut pos = 0;
        let mut pending = 0;
        while pos < text.len() {
            let rest = &text[pos..];
            let c = rest.chars().next().unwrap_or('\0');
            if self.map.may_start(c) {
                if let Some((len, v)) = self.map.longest(rest) {
                    if pos > pending {
                        f(Piece::Plain(&text[pending..pos]));
                    }
                    f(Piece::Replacement(self.map.value(v)));
                    pos += len;
                    pending = pos;
                    continue;
                }
            }
            pos += c.len_utf8();
        }
        if pos > pending {
            f(Piece::Plain(&text[pending..]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_opencc_format_and_rejects_garbage() {
        let d = UserDict::parse("# mine\n香菜\t芫荽 胡荽\n\n").unwrap();
        assert_eq!(d.len(), 1);
        assert!(UserDict::parse("no tab here")
            .unwrap_err()
            .to_string()
            .contains("line 1"));
        assert!(UserDict::from_pairs(&[("", "x")]).is_err());
    }

    #[test]
    fn empty_values_are_refused_and_a_bom_is_not_part_of_a_key() {
        let e = UserDict::parse("头发\t頭髮\n香菜\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("香菜"), "{e}");
        assert!(UserDict::from_pairs(&[("香菜", "")])
            .unwrap_err()
            .to_string()
            .contains("empty value"));
        let d = UserDict::parse("\u{feff}香菜\t芫荽\n").unwrap();
        let mut got = String::new();
        d.split("香菜", |p| match p {
            Piece::Plain(t) | Piece::Replacement(t) => got.push_str(t),
        });
        assert_eq!(got, "芫荽");
    }

    #[test]
    fn later_pairs_override_earlier() {
        let d = UserDict::from_pairs(&[("a", "1"), ("a", "2")]).unwrap();
        let mut got = String::new();
        d.split("xa", |p| match p {
            Piece::Plain(t) | Piece::Replacement(t) => got.push_str(t),
        });
        assert_eq!(got, "x2");
    }
}
