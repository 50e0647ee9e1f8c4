//! FNV-1a, the one hash of the core: 32-bit for keys that are stored or shared (a name's key
//! in the search index file, an item's share code), 64-bit for the search engine's in-memory
//! maps, where the standard SipHash's protection against crafted keys buys nothing.
//!
//! [`fnv1a_32`]'s values are a published format: the index file and every share link made
//! so far hold them, so it never changes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const OFFSET_32: u32 = 0x811c_9dc5;
const PRIME_32: u32 = 0x0100_0193;
const OFFSET_64: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME_64: u64 = 0x0000_0100_0000_01b3;

/// The 32-bit FNV-1a hash of `bytes`.
pub fn fnv1a_32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(OFFSET_32, |hash, byte| {
        (hash ^ u32::from(*byte)).wrapping_mul(PRIME_32)
    })
}

/// 64-bit FNV-1a as a [`Hasher`], for [`FastMap`].
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { OFFSET_64 } else { self.0 };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(PRIME_64);
        }
        self.0 = hash;
    }
}

/// A hash map with [`Fnv`] hashing, for short keys (words, document numbers).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_32_bit_hash_gives_the_published_fnv_1a_values() {
        assert_eq!(fnv1a_32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a_32(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a_32(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn the_64_bit_hasher_gives_the_published_fnv_1a_values() {
        let hash = |bytes: &[u8]| {
            let mut hasher = Fnv::default();
            hasher.write(bytes);
            hasher.finish()
        };
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
