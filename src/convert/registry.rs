//! Where dictionary data comes from, and the cache of built matchers.
//!
//! Native builds embed every dictionary file. The wasm build embeds none:
//! JavaScript fetches only the files a configuration needs and hands them over
//! with [`register_dictionary`], so a page that converts s2t never downloads
//! what t2jp needs. Matchers are built lazily, once per dictionary group, and
//! shared by every configuration that uses the group (s2t, s2tw, s2hk … share
//! their first step).

use super::config::{dict_info, GroupSpec};
use super::dictfile::{self, DictData};
use super::engine::Matcher;
use super::trie::PrefixMap;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Default)]
struct Registry {
    /// Dictionary files handed over at run time (wasm).
    registered: HashMap<String, Arc<[u8]>>,
    /// Built maps, by a canonical description of the merged dictionaries.
    maps: HashMap<String, Arc<PrefixMap>>,
}

fn registry() -> &'static Mutex<Registry> {
    static R: OnceLock<Mutex<Registry>> = OnceLock::new();
    R.get_or_init(Default::default)
}

fn lock() -> std::sync::MutexGuard<'static, Registry> {
    // A panic while holding the lock cannot leave the maps half-built (they are
    // inserted whole), so a poisoned lock is still usable.
    registry().lock().unwrap_or_else(|e| e.into_inner())
}

/// Provides the bytes of a shipped dictionary file (its name is in the header).
/// Returns the dictionary's name. Data is checked before it is accepted.
pub fn register_dictionary(bytes: &[u8]) -> Result<String> {
    let (name, base) =
        dictfile::header(bytes).map_err(|e| Error::InvalidDictionary(e.to_string()))?;
    let info = dict_info(&name)
        .ok_or_else(|| Error::InvalidDictionary(format!("unknown dictionary {name:?}")))?;
    if info.base != base.as_deref() {
        return Err(Error::InvalidDictionary(format!(
            "{name}: unexpected base dictionary {base:?}"
        )));
    }
    lock().registered.insert(name.clone(), Arc::from(bytes));
    Ok(name)
}

/// Is the dictionary file available (embedded or registered)?
pub fn is_available(name: &str) -> bool {
    dict_info(name).is_some_and(|d| d.bytes.is_some()) || lock().registered.contains_key(name)
}

fn bytes_of(name: &str, config: &str) -> Result<Arc<[u8]>> {
    if let Some(b) = dict_info(name).and_then(|d| d.bytes) {
        return Ok(Arc::from(b));
    }
    lock()
        .registered
        .get(name)
        .cloned()
        .ok_or_else(|| Error::DictionaryNotLoaded {
            dict: name.to_string(),
            config: config.to_string(),
        })
}

/// Decodes one shipped dictionary file.
pub fn load_dict(name: &str, config: &str) -> Result<DictData> {
    let info = dict_info(name)
        .ok_or_else(|| Error::InvalidDictionary(format!("unknown dictionary {name:?}")))?;
    let base = match info.base {
        Some(b) => Some(load_dict(b, config)?),
        None => None,
    };
    let bytes = bytes_of(name, config)?;
    dictfile::decode(&bytes, base.as_ref()).map_err(|e| Error::InvalidDictionary(e.to_string()))
}

/// Builds (or reuses) the map of a union of dictionary files.
fn union_map(names: &[&'static str], config: &str) -> Result<Arc<PrefixMap>> {
    let key = names.join("|");
    if let Some(m) = lock().maps.get(&key) {
        return Ok(m.clone());
    }
    // Build outside the lock: decoding STPhrases takes milliseconds.
    let dicts = names
        .iter()
        .map(|n| load_dict(n, config))
        .collect::<Result<Vec<_>>>()?;
    let map = Arc::new(PrefixMap::build(dicts.iter().flat_map(|d| d.iter())));
    Ok(lock().maps.entry(key).or_insert(map).clone())
}

/// Resolves a dictionary group to a matcher. `tofu`: keep dictionaries marked
/// `may_output_tofu` (OpenCC's default, `include_tofu_risk_dictionaries`).
pub fn matcher(spec: &GroupSpec, config: &str, tofu: bool) -> Result<Matcher> {
    let keep = |g: &&GroupSpec| {
        tofu || !matches!(
            g,
            GroupSpec::Dict {
                may_output_tofu: true,
                ..
            }
        )
    };
    Ok(match spec {
        GroupSpec::Dict { name, .. } => Matcher::Map(union_map(&[name], config)?),
        GroupSpec::Union(items) => {
            let items: Vec<&GroupSpec> = items.iter().filter(keep).collect();
            if items.iter().all(|g| matches!(g, GroupSpec::Dict { .. })) {
                let names: Vec<&'static str> = items
                    .iter()
                    .map(|g| match g {
                        GroupSpec::Dict { name, .. } => *name,
                        _ => unreachable!(),
                    })
                    .collect();
                Matcher::Map(union_map(&names, config)?)
            } else {
                Matcher::Union(
                    items
                        .into_iter()
                        .map(|g| matcher(g, config, tofu))
                        .collect::<Result<_>>()?,
                )
            }
        }
        GroupSpec::ShortCircuit(items) => Matcher::ShortCircuit(
            items
                .iter()
                .filter(keep)
                .map(|g| matcher(g, config, tofu))
                .collect::<Result<_>>()?,
        ),
    })
}

/// Heap bytes held by built maps (for memory reports).
pub fn cached_bytes() -> usize {
    lock().maps.values().map(|m| m.heap_bytes()).sum::<usize>()
        + lock().registered.values().map(|b| b.len()).sum::<usize>()
}
