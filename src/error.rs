//! The crate's error type: every failure the public API can report.
//!
//! Errors carry what a user needs to fix the call (for an unknown name, the
//! valid names). The wasm binding turns each into a JavaScript `Error` whose
//! message is this `Display` text.

use thiserror::Error;

/// Everything that can go wrong in jingwen.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// A conversion configuration name that OpenCC does not have.
    #[error("unknown conversion config {name:?}; valid configs are: {valid}")]
    UnknownConfig { name: String, valid: String },

    /// The dictionary data a conversion needs has not been provided (wasm: not yet fetched).
    #[error("dictionary {dict:?} (needed by {config}) is not loaded; load it first (in the browser: await load({config:?}))")]
    DictionaryNotLoaded { dict: String, config: String },

    /// Dictionary bytes that do not decode.
    #[error("{0}")]
    InvalidDictionary(String),

    /// A user dictionary that cannot be parsed.
    #[error("invalid user dictionary: {0}")]
    InvalidUserDictionary(String),

    /// An option value that is not one of the allowed ones.
    #[error("invalid value {value:?} for option {option:?}; valid values are: {valid}")]
    InvalidOption {
        option: String,
        value: String,
        valid: String,
    },

    /// An option name that does not exist.
    #[error("unknown option {option:?}; valid options are: {valid}")]
    UnknownOption { option: String, valid: String },

    /// Input that is not a text document at all (an image, an archive, …):
    /// `kind` is a short id (`png`, `zip`, …), `what` says it in English.
    #[error("not a text document: the bytes look like {what}")]
    NotText {
        kind: &'static str,
        what: &'static str,
    },

    /// Input larger than the configured limit.
    #[error("input too large: {} (limit {})", bytes(*size), bytes(*limit))]
    TooLarge { size: usize, limit: usize },

    /// A keyword list that cannot be compiled.
    #[error("invalid keywords: {0}")]
    InvalidKeywords(String),
}

impl Error {
    /// A stable id of the kind of error (the binding gives it to JavaScript as
    /// `error.code`), so that a caller can react to it, or say it in its own
    /// language, without parsing the English message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownConfig { .. } => "unknown-config",
            Error::DictionaryNotLoaded { .. } => "dictionary-not-loaded",
            Error::InvalidDictionary(_) => "invalid-dictionary",
            Error::InvalidUserDictionary(_) => "invalid-user-dictionary",
            Error::InvalidOption { .. } => "invalid-option",
            Error::UnknownOption { .. } => "unknown-option",
            Error::NotText { .. } => "not-text",
            Error::TooLarge { .. } => "too-large",
            Error::InvalidKeywords(_) => "invalid-keywords",
        }
    }
}

/// Shorthand for results with [`enum@Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// "1 byte", "2 bytes".
fn bytes(n: usize) -> String {
    if n == 1 {
        "1 byte".into()
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_counts_bytes_in_english() {
        let e = Error::TooLarge { size: 1, limit: 0 };
        assert_eq!(e.to_string(), "input too large: 1 byte (limit 0 bytes)");
        let e = Error::TooLarge {
            size: 300,
            limit: 256,
        };
        assert_eq!(
            e.to_string(),
            "input too large: 300 bytes (limit 256 bytes)"
        );
    }
}
