//! Where dictionary data comes from, and the cache of built matchers.
//!
//! Native builds embed every dictionary file. The wasm build embeds only the
//! compatibility-ideograph table every configuration needs (9.7 KB):
//! JavaScript fetches the other files a configuration needs and hands them
//! over with [`register_dictionary`], so a page that converts s2t never
//! downloads what t2jp needs. Matchers are built lazily, once per dictionary group, and
//! shared by every configuration that uses the group (s2t, s2tw, s2hk … share
//! their first step).

use super::blocks::{BlockDict, FileBytes};
use super::config::{dict_info, GroupSpec};
use super::dictfile::{self, DictData};
use super::engine::Matcher;
use super::lazy::LazyMap;
use super::trie::MAX_TIERS;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Default)]
struct Registry {
    /// Dictionary files handed over at run time (wasm).
    registered: HashMap<String, Arc<Vec<u8>>>,
    /// Maps (built or not yet, see [`LazyMap`]), by a canonical description of
    /// the merged dictionaries.
    maps: HashMap<String, Arc<LazyMap>>,
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
pub fn register_dictionary(bytes: Vec<u8>) -> Result<String> {
    let (name, base) =
        dictfile::header(&bytes).map_err(|e| Error::InvalidDictionary(e.to_string()))?;
    let info = dict_info(&name)
        .ok_or_else(|| Error::InvalidDictionary(format!("unknown dictionary {name:?}")))?;
    if info.base != base.as_deref() {
        return Err(Error::InvalidDictionary(format!(
            "{name}: unexpected base dictionary {base:?}"
        )));
    }
    lock().registered.insert(name.clone(), Arc::new(bytes));
    Ok(name)
}

/// Is the dictionary file available (embedded or registered)?
pub fn is_available(name: &str) -> bool {
    dict_info(name).is_some_and(|d| d.bytes.is_some()) || lock().registered.contains_key(name)
}

fn bytes_of(name: &str, config: &str) -> Result<FileBytes> {
    if let Some(b) = dict_info(name).and_then(|d| d.bytes) {
        return Ok(FileBytes::Static(b));
    }
    lock()
        .registered
        .get(name)
        .cloned()
        .map(FileBytes::Shared)
        .ok_or_else(|| Error::DictionaryNotLoaded {
            dict: name.to_string(),
            config: config.to_string(),
        })
}

/// Decodes one shipped dictionary file whole (the script-folding tables use it).
pub fn load_dict(name: &str, config: &str) -> Result<Arc<DictData>> {
    let dict = open_with(name, config, &mut HashMap::new())?;
    dict.decode_all()
        .map(Arc::new)
        .map_err(|e| Error::InvalidDictionary(e.to_string()))
}

/// Opens a dictionary file for lookups (see [`BlockDict`]), reusing (and
/// filling) `opened`: a base dictionary (STCharacters under STPhrases) that is
/// also a member of the same group is opened once.
fn open_with(
    name: &str,
    config: &str,
    opened: &mut HashMap<String, Arc<BlockDict>>,
) -> Result<Arc<BlockDict>> {
    if let Some(d) = opened.get(name) {
        return Ok(d.clone());
    }
    let info = dict_info(name)
        .ok_or_else(|| Error::InvalidDictionary(format!("unknown dictionary {name:?}")))?;
    let base = match info.base {
        Some(b) => Some(open_with(b, config, opened)?),
        None => None,
    };
    let dict = BlockDict::open(bytes_of(name, config)?, base)
        .map_err(|e| Error::InvalidDictionary(e.to_string()))?;
    let dict = Arc::new(dict);
    opened.insert(name.to_string(), dict.clone());
    Ok(dict)
}

/// The map of dictionary files in priority tiers: opened now (or reused),
/// its trie built when a converter decides it pays off.
fn tiered_map(tiers: &[Vec<&'static str>], config: &str) -> Result<Arc<LazyMap>> {
    let key = tiers
        .iter()
        .map(|t| t.join("|"))
        .collect::<Vec<_>>()
        .join(" > ");
    if let Some(m) = lock().maps.get(&key) {
        return Ok(m.clone());
    }
    // Open outside the lock: scanning STPhrases takes a millisecond.
    let mut dicts = Vec::new();
    let mut opened = HashMap::new();
    for (t, names) in tiers.iter().enumerate() {
        for n in names {
            dicts.push((t, open_with(n, config, &mut opened)?));
        }
    }
    let map = Arc::new(LazyMap::new(dicts, tiers.len()));
    Ok(lock().maps.entry(key).or_insert(map).clone())
}

/// Shortest and longest key (in characters) of a shipped dictionary.
pub fn key_lengths(name: &'static str) -> Result<(usize, usize)> {
    dict_info(name)
        .map(|d| (d.min_key_chars, d.max_key_chars))
        .ok_or_else(|| Error::InvalidDictionary(format!("unknown dictionary {name:?}")))
}

/// A group as priority tiers of dictionary files: each tier is a `union`
/// (files in priority order), the tiers a `short_circuit` — the shape one
/// [`PrefixMap`](super::trie::PrefixMap) answers in a single walk. `None` for shapes it cannot express
/// (a `union` of `short_circuit`s, or too many tiers).
///
/// Adjacent tiers merge into one when every key of the earlier is at least as
/// long as every key of the later: a match of the earlier is then never shorter,
/// and ties go to the earlier either way, so `short_circuit` and `union` agree.
/// OpenCC's groups are mostly phrases before characters, which merge.
pub fn tiers(spec: &GroupSpec, tofu: bool) -> Result<Option<Vec<Vec<&'static str>>>> {
    let keep = |g: &&GroupSpec| {
        tofu || !matches!(
            g,
            GroupSpec::Dict {
                may_output_tofu: true,
                ..
            }
        )
    };
    let raw: Vec<Vec<&'static str>> = match spec {
        GroupSpec::Dict { name, .. } => vec![vec![*name]],
        GroupSpec::Union(items) => {
            let mut names = Vec::new();
            for g in items.iter().filter(keep) {
                match g {
                    GroupSpec::Dict { name, .. } => names.push(*name),
                    _ => return Ok(None),
                }
            }
            vec![names]
        }
        GroupSpec::ShortCircuit(items) => {
            let mut all = Vec::new();
            for g in items.iter().filter(keep) {
                match tiers(g, tofu)? {
                    Some(t) => all.extend(t),
                    None => return Ok(None),
                }
            }
            all
        }
    };
    let span = |names: &[&'static str]| -> Result<(usize, usize)> {
        names.iter().try_fold((usize::MAX, 0), |(lo, hi), n| {
            key_lengths(n).map(|(a, b)| (lo.min(a), hi.max(b)))
        })
    };
    let mut merged: Vec<Vec<&'static str>> = Vec::new();
    for tier in raw.into_iter().filter(|t| !t.is_empty()) {
        if let Some(last) = merged.last_mut() {
            if span(last)?.0 >= span(&tier)?.1 {
                last.extend(tier);
                continue;
            }
        }
        merged.push(tier);
    }
    Ok((merged.len() <= MAX_TIERS).then_some(merged))
}

/// Resolves a dictionary group to a matcher. `tofu`: keep dictionaries marked
/// `may_output_tofu` (OpenCC's default, `include_tofu_risk_dictionaries`).
pub fn matcher(spec: &GroupSpec, config: &str, tofu: bool) -> Result<Matcher> {
    if let Some(t) = tiers(spec, tofu)? {
        return Ok(Matcher::lazy(tiered_map(&t, config)?));
    }
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
        GroupSpec::Dict { name, .. } => Matcher::lazy(tiered_map(&[vec![*name]], config)?),
        GroupSpec::Union(items) => Matcher::union(
            items
                .iter()
                .filter(keep)
                .map(|g| matcher(g, config, tofu))
                .collect::<Result<_>>()?,
        ),
        GroupSpec::ShortCircuit(items) => Matcher::short_circuit(
            items
                .iter()
                .filter(keep)
                .map(|g| matcher(g, config, tofu))
                .collect::<Result<_>>()?,
        ),
    })
}

/// Heap bytes held by maps and dictionary files (for memory reports).
pub fn cached_bytes() -> usize {
    lock().maps.values().map(|m| m.heap_bytes()).sum::<usize>()
        + lock().registered.values().map(|b| b.len()).sum::<usize>()
}
