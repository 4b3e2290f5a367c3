//! jingwen (净文): clean noisy Chinese documents, convert between simplified and
//! traditional Chinese exactly as OpenCC does, and highlight keywords.
//!
//! The core modules are plain Rust and know nothing of JavaScript; the `wasm`
//! module is the only binding.

#[cfg(feature = "clean")]
pub mod clean;
pub mod convert;
pub mod error;
#[cfg(feature = "highlight")]
pub mod highlight;
pub mod offsets;
pub mod oom;
pub mod utf16;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use error::{Error, Result};

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
