//! A map and a set kept as one sorted vector: what the library needs of `BTreeMap` and
//! `BTreeSet` (look up, insert, remove, walk in key order), for its few hundred entries at
//! most, in a fraction of the WebAssembly. The standard B-tree brings its node balancing
//! for each key and value type it holds (about 23 KB of WebAssembly for the library's three
//! before optimisation), and every page that saves a bookmark or a note waits for that code.
//!
//! Walking either gives the entries in key order, as the B-tree did, so what the library
//! stores and exports is written in the same order, byte for byte. Insert and remove move
//! the entries after the key (linear time): fine one at a time for a person's notes. Many
//! entries at once (reading a store, a backup or a `.zip`) go in through `collect` or
//! `extend`, which sort once (n log n), so a file of 65,535 entries in reverse order costs
//! no more than a sorted one. It is not a general collection: only the methods the core and
//! the app use.

use std::borrow::Borrow;
use std::fmt;

/// Values by key, kept sorted by key; at most one value per key.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `key` is, or where it would go.
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        Some(&self.entries[at].1)
    }

    /// The key as stored and the value of `key`.
    pub fn get_key_value<Q: Ord + ?Sized>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
    {
        let (k, v) = &self.entries[self.find(key).ok()?];
        Some((k, v))
    }

    /// True when `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Takes out the value of `key`.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// Keeps only the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K, V> SortedMap<K, V> {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Later values win over earlier ones of the same key, as with `BTreeMap`. Sorts once.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut entries: Vec<(K, V)> = entries.into_iter().collect();
        // Stable: of equal keys, the last given stays last, and is the one kept.
        crate::sort::sort_by(&mut entries, &|a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(K, V)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match kept.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => kept.push(entry),
            }
        }
        SortedMap { entries: kept }
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    /// Adds every entry (a value of a key already there replaces it), sorting once.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        let mine = std::mem::take(&mut self.entries);
        *self = mine.into_iter().chain(entries).collect();
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<K: Borrow<Q> + Ord, Q: Ord + ?Sized, V> std::ops::Index<&Q> for SortedMap<K, V> {
    type Output = V;

    /// The value of `key`. Panics when there is none, as `BTreeMap` does (tests only).
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

/// Keys without values, kept sorted; each at most once.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct SortedSet<K> {
    map: SortedMap<K, ()>,
}

impl<K: Ord> SortedSet<K> {
    /// An empty set.
    pub fn new() -> Self {
        SortedSet {
            map: SortedMap::new(),
        }
    }

    /// True when `key` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.map.contains_key(key)
    }

    /// Adds `key`; true when it was not in the set.
    pub fn insert(&mut self, key: K) -> bool {
        self.map.insert(key, ()).is_none()
    }

    /// Takes `key` out; true when it was in the set.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.map.remove(key).is_some()
    }
}

impl<K> SortedSet<K> {
    /// How many keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The keys in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.map.keys()
    }
}

impl<K: fmt::Debug> fmt::Debug for SortedSet<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<'a, K> IntoIterator for &'a SortedSet<K> {
    type Item = &'a K;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, ())>, fn(&'a (K, ())) -> &'a K>;

    fn into_iter(self) -> Self::IntoIter {
        self.map.entries.iter().map(|(k, _)| k)
    }
}

impl<K> IntoIterator for SortedSet<K> {
    type Item = K;
    type IntoIter = std::iter::Map<std::vec::IntoIter<(K, ())>, fn((K, ())) -> K>;

    fn into_iter(self) -> Self::IntoIter {
        self.map.entries.into_iter().map(|(k, ())| k)
    }
}

impl<K: Ord> Extend<K> for SortedSet<K> {
    /// Adds every key, sorting once.
    fn extend<I: IntoIterator<Item = K>>(&mut self, keys: I) {
        self.map.extend(keys.into_iter().map(|key| (key, ())));
    }
}

impl<K: Ord> FromIterator<K> for SortedSet<K> {
    /// Sorts once.
    fn from_iter<I: IntoIterator<Item = K>>(keys: I) -> Self {
        SortedSet {
            map: keys.into_iter().map(|key| (key, ())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// A small deterministic stream of numbers (no test dependency needed).
    fn numbers(seed: u64, count: usize) -> Vec<u64> {
        let mut state = seed;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                state >> 33
            })
            .collect()
    }

    #[test]
    fn behaves_as_the_standard_b_tree_map_through_any_mix_of_edits() {
        for seed in 0..20 {
            let mut ours = SortedMap::new();
            let mut theirs = BTreeMap::new();
            for n in numbers(seed, 400) {
                let key = format!("item-{}", n % 37);
                match n % 5 {
                    0..=2 => assert_eq!(ours.insert(key.clone(), n), theirs.insert(key, n)),
                    3 => assert_eq!(ours.remove(key.as_str()), theirs.remove(key.as_str())),
                    _ => {
                        ours.retain(|_, v| *v % 3 != 0);
                        theirs.retain(|_, v| *v % 3 != 0);
                    }
                }
                assert_eq!(ours.get("item-7"), theirs.get("item-7"));
                assert_eq!(ours.contains_key("item-8"), theirs.contains_key("item-8"));
                assert_eq!(ours.len(), theirs.len());
            }
            assert!(ours.iter().eq(theirs.iter()), "seed {seed}");
            assert!(ours.keys().eq(theirs.keys()));
            assert!(ours.values().eq(theirs.values()));
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        }
    }

    #[test]
    fn behaves_as_the_standard_b_tree_set_through_any_mix_of_edits() {
        for seed in 0..20 {
            let mut ours = SortedSet::new();
            let mut theirs = BTreeSet::new();
            for n in numbers(seed, 300) {
                let key = format!("visit-{}", n % 23);
                if n % 3 == 0 {
                    assert_eq!(ours.remove(key.as_str()), theirs.remove(key.as_str()));
                } else {
                    assert_eq!(ours.insert(key.clone()), theirs.insert(key));
                }
                assert_eq!(ours.contains("visit-4"), theirs.contains("visit-4"));
            }
            assert!(ours.iter().eq(theirs.iter()), "seed {seed}");
            assert_eq!(ours.len(), theirs.len());
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
            assert!(ours.into_iter().eq(theirs.into_iter()));
        }
    }

    #[test]
    fn collecting_and_extending_behave_as_the_b_tree_does_in_any_order() {
        for seed in 0..20 {
            let pairs: Vec<(String, u64)> = numbers(seed, 300)
                .into_iter()
                .map(|n| (format!("note-{}", n % 97), n))
                .collect();
            let (first, rest) = pairs.split_at(120);
            let mut ours: SortedMap<String, u64> = first.iter().cloned().collect();
            let mut theirs: BTreeMap<String, u64> = first.iter().cloned().collect();
            assert!(ours.iter().eq(theirs.iter()), "seed {seed}");
            ours.extend(rest.iter().cloned());
            theirs.extend(rest.iter().cloned());
            assert!(ours.iter().eq(theirs.iter()), "seed {seed}");
            let mut set: SortedSet<&str> = first.iter().map(|(k, _)| k.as_str()).collect();
            let mut btree: BTreeSet<&str> = first.iter().map(|(k, _)| k.as_str()).collect();
            set.extend(rest.iter().map(|(k, _)| k.as_str()));
            btree.extend(rest.iter().map(|(k, _)| k.as_str()));
            assert!(set.iter().eq(btree.iter()), "seed {seed}");
        }
        // As many entries as a .zip can hold, in reverse order: one sort, not 65,535 moves
        // of everything after each new key.
        let many: SortedSet<u32> = (0..65_535).rev().collect();
        assert!(many.iter().copied().eq(0..65_535));
    }

    #[test]
    fn collecting_keeps_the_last_value_of_a_key_and_sorts() {
        let map: SortedMap<&str, u8> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
        assert_eq!(map.iter().collect::<Vec<_>>(), [(&"a", &2), (&"b", &3)]);
        assert_eq!(map["b"], 3);
        let set: SortedSet<&str> = ["c", "a", "c"].into_iter().collect();
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["a", "c"]);
    }
}
