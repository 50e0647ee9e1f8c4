//! Posting lists kept compact: every word's postings encoded in one byte buffer, and
//! decoded only for the words a query touches.
//!
//! Two streams, each word's bytes one after the other:
//! - the docs stream: per word, a Rice parameter byte `k`, then its document-number gaps
//!   Rice-coded, least significant bit first (`gap >> k` one-bits, a zero-bit, the `k` low
//!   bits), the last byte padded;
//! - the fields stream: per posting, the field and count packed in one byte
//!   (`field | count << 3`, count 1–31), or the field alone followed by the count as a
//!   LEB128 varint when it is larger.
//!
//! The same bytes are written to the index file (its layout is in [`super::index_file`]),
//! so loading the file is a copy, not a decode; that is what makes a deploy-time index
//! searchable in a few milliseconds on a phone. Decoding never panics: a damaged list ends
//! where it breaks.

use super::index::FIELD_COUNT;

/// Largest Rice parameter: gaps are below 2^32, and a larger `k` saves nothing.
const MAX_RICE_PARAMETER: u32 = 24;
/// Bits of a packed fields byte that hold the field; the count takes the other five.
const FIELD_BITS: u32 = 3;
/// Largest count packed with its field in one byte.
const MAX_PACKED_COUNT: u16 = 31;

// The limits the packing assumes.
// Every field number fits in the low bits of a packed byte.
const _: () = assert!(FIELD_COUNT <= 1 << FIELD_BITS);
// A packed count fits in the high bits, and 0 there means "a varint follows".
const _: () = assert!((MAX_PACKED_COUNT as u32) < 1 << (8 - FIELD_BITS));
// The Rice parameter fits its byte and shifts a u32 safely.
const _: () = assert!(MAX_RICE_PARAMETER < 32);

/// Where a term occurs: which document, which field, how often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Document number.
    pub doc: u32,
    /// Field number (a `Field` as `u8`).
    pub field: u8,
    /// Occurrences in that field.
    pub count: u16,
}

/// Bytes per vocabulary word, word after word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Regions {
    /// Every word's bytes.
    pub(super) bytes: Vec<u8>,
    /// Where each word's bytes start (one more entry than words).
    pub(super) starts: Vec<u32>,
}

impl Regions {
    /// The bytes of the word at `position` (none if there is no such word).
    pub(super) fn of(&self, position: usize) -> &[u8] {
        let start = self.starts.get(position).map_or(0, |&s| s as usize);
        let end = self.starts.get(position + 1).map_or(start, |&e| e as usize);
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// Ends the current word's bytes.
    fn close(&mut self) {
        self.starts.push(self.bytes.len() as u32);
    }
}

/// Every word's postings, by vocabulary position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostingLists {
    /// Each word's document numbers, Rice-coded gaps (see [`PostingLists::encode`]).
    pub(super) docs: Regions,
    /// Each word's fields and counts, a byte per posting (more for a count over 31).
    pub(super) fields: Regions,
    /// How many postings each word has (as stored).
    pub(super) counts: Vec<u32>,
    /// Stored document number → document number in this index, `u32::MAX` for a document
    /// left out; empty when they are the same.
    pub(super) doc_map: Vec<u32>,
    /// Number of documents in the index: a decoded document number is always below it.
    pub(super) doc_limit: u32,
}

impl PostingLists {
    /// Encodes `lists` (each sorted by document, then field), one per word, over
    /// `doc_limit` documents. Document numbers are gaps in a Rice code whose parameter
    /// (the word's first byte) suits the word's average gap; fields and counts go to a
    /// separate stream, where alike bytes compress well.
    pub fn encode(lists: &[Vec<Posting>], doc_limit: u32) -> Self {
        let mut out = Self {
            docs: Regions {
                bytes: Vec::new(),
                starts: vec![0],
            },
            fields: Regions {
                bytes: Vec::new(),
                starts: vec![0],
            },
            counts: Vec::with_capacity(lists.len()),
            doc_map: Vec::new(),
            doc_limit,
        };
        for list in lists {
            out.counts.push(list.len() as u32);
            let last = list.last().map_or(0, |p| p.doc);
            let k = rice_parameter(last, list.len());
            out.docs.bytes.push(k as u8);
            let mut bits = BitWriter::new(&mut out.docs.bytes);
            let mut last_doc = 0;
            for posting in list {
                bits.rice(posting.doc - last_doc, k);
                last_doc = posting.doc;
            }
            bits.finish();
            out.docs.close();
            for posting in list {
                match posting.count {
                    count @ 1..=MAX_PACKED_COUNT => out
                        .fields
                        .bytes
                        .push(posting.field | (count as u8) << FIELD_BITS),
                    count => {
                        out.fields.bytes.push(posting.field);
                        push_number(&mut out.fields.bytes, u32::from(count));
                    }
                }
            }
            out.fields.close();
        }
        out
    }

    /// How many postings the word at `position` has (counting documents left out).
    pub fn count(&self, position: usize) -> usize {
        self.counts.get(position).map_or(0, |&n| n as usize)
    }

    /// The postings of the word at `position`, decoded into `out` (cleared first).
    pub fn decode_into(&self, position: usize, out: &mut Vec<Posting>) {
        out.clear();
        let fields = self.fields.of(position);
        let Some((&k, gaps)) = self.docs.of(position).split_first() else {
            return;
        };
        let mut gaps = BitReader::new(gaps);
        let mut at = 0;
        let mut doc: u32 = 0;
        for _ in 0..self.count(position) {
            let Some(gap) = gaps.rice(u32::from(k)) else {
                return;
            };
            doc = doc.saturating_add(gap);
            let Some(&packed) = fields.get(at) else {
                return;
            };
            at += 1;
            let field = packed & ((1 << FIELD_BITS) - 1);
            let count = match packed >> FIELD_BITS {
                0 => match read_number(fields, &mut at).and_then(|n| u16::try_from(n).ok()) {
                    Some(count) => count,
                    None => return,
                },
                count => u16::from(count),
            };
            if usize::from(field) >= FIELD_COUNT {
                return;
            }
            let mapped = if self.doc_map.is_empty() {
                doc
            } else {
                // Past the map: damaged.
                let Some(&mapped) = self.doc_map.get(doc as usize) else {
                    return;
                };
                mapped
            };
            if mapped < self.doc_limit {
                out.push(Posting {
                    doc: mapped,
                    field,
                    count,
                });
            }
        }
    }

    /// The postings of the word at `position`.
    pub fn decode(&self, position: usize) -> Vec<Posting> {
        // Each posting has at least a byte in the fields stream: a damaged count cannot
        // reserve more than the bytes there are.
        let mut out = Vec::with_capacity(self.count(position).min(self.fields.of(position).len()));
        self.decode_into(position, &mut out);
        out
    }
}

/// The Rice parameter for `n` sorted document numbers up to `last`: about log2 of the
/// average gap times ln 2, which makes the code near the shortest for random gaps.
fn rice_parameter(last: u32, n: usize) -> u32 {
    if n == 0 {
        return 0;
    }
    let mean = (f64::from(last) + 1.0) / n as f64;
    (mean * std::f64::consts::LN_2)
        .log2()
        .floor()
        .clamp(0.0, f64::from(MAX_RICE_PARAMETER)) as u32
}

/// Writes bits, least significant first, into bytes.
struct BitWriter<'a> {
    out: &'a mut Vec<u8>,
    byte: u8,
    used: u32,
}

impl<'a> BitWriter<'a> {
    fn new(out: &'a mut Vec<u8>) -> Self {
        Self {
            out,
            byte: 0,
            used: 0,
        }
    }

    fn bit(&mut self, one: bool) {
        if one {
            self.byte |= 1 << self.used;
        }
        self.used += 1;
        if self.used == 8 {
            self.out.push(self.byte);
            self.byte = 0;
            self.used = 0;
        }
    }

    /// `value` as a Rice code with parameter `k`: the quotient in unary, then `k` low bits.
    fn rice(&mut self, value: u32, k: u32) {
        for _ in 0..(value >> k) {
            self.bit(true);
        }
        self.bit(false);
        for i in 0..k {
            self.bit(value >> i & 1 == 1);
        }
    }

    /// Writes the last, partly filled byte.
    fn finish(self) {
        if self.used > 0 {
            self.out.push(self.byte);
        }
    }
}

/// Reads what [`BitWriter`] wrote; `None` past the end.
struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> BitReader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    fn bit(&mut self) -> Option<bool> {
        let byte = self.bytes.get(self.at / 8)?;
        let one = byte >> (self.at % 8) & 1 == 1;
        self.at += 1;
        Some(one)
    }

    fn rice(&mut self, k: u32) -> Option<u32> {
        let mut quotient: u32 = 0;
        while self.bit()? {
            quotient = quotient.checked_add(1)?;
        }
        let mut value = quotient.checked_mul(1u32.checked_shl(k)?)?;
        for i in 0..k {
            if self.bit()? {
                value |= 1 << i;
            }
        }
        Some(value)
    }
}

/// Appends `n` as a LEB128 varint.
pub(super) fn push_number(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Reads a LEB128 varint of at most 32 bits at `at`, moving past it.
pub(super) fn read_number(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in [0, 7, 14, 21, 28] {
        let byte = *bytes.get(*at)?;
        *at += 1;
        let part = u32::from(byte & 0x7f);
        if shift == 28 && part > 0x0f {
            return None;
        }
        value |= part << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::Lcg;

    fn posting(doc: u32, field: u8, count: u16) -> Posting {
        Posting { doc, field, count }
    }

    #[test]
    fn decodes_what_it_encoded_including_large_counts_and_gaps() {
        let lists = vec![
            vec![posting(0, 0, 1), posting(0, 6, 31), posting(300, 2, 32)],
            vec![],
            vec![posting(70_000, 1, 65_535)],
        ];
        let encoded = PostingLists::encode(&lists, 70_001);
        for (position, list) in lists.iter().enumerate() {
            assert_eq!(&encoded.decode(position), list);
            assert_eq!(encoded.count(position), list.len());
        }
        assert!(encoded.decode(3).is_empty(), "a word past the end has none");
    }

    #[test]
    fn round_trips_sparse_and_dense_lists() {
        // Deterministic: sparse and dense words, repeated documents.
        let mut rng = Lcg::new(7);
        let lists: Vec<Vec<Posting>> = (0..200)
            .map(|word| {
                let step = 1 + word * word % 997;
                let mut doc = 0;
                (0..rng.below(300))
                    .map(|_| {
                        doc += rng.below(step) as u32;
                        posting(doc, rng.below(7) as u8, 1 + rng.below(40) as u16)
                    })
                    .collect()
            })
            .collect();
        let encoded = PostingLists::encode(&lists, u32::MAX);
        for (position, list) in lists.iter().enumerate() {
            assert_eq!(&encoded.decode(position), list, "word {position}");
        }
    }

    #[test]
    fn leaves_out_documents_mapped_away() {
        let mut lists = PostingLists::encode(&[vec![posting(0, 0, 1), posting(1, 0, 2)]], 2);
        lists.doc_map = vec![u32::MAX, 0];
        assert_eq!(lists.decode(0), [posting(0, 0, 2)]);
    }

    #[test]
    fn a_damaged_list_ends_where_it_breaks() {
        let mut lists = PostingLists::encode(&[vec![posting(0, 0, 1), posting(5, 2, 3)]], 6);
        let last = lists.fields.bytes.len() - 1;
        lists.fields.bytes[last] = 0b111; // field 7 does not exist
        assert_eq!(lists.decode(0), [posting(0, 0, 1)]);
        lists.docs.bytes.truncate(1);
        assert!(lists.decode(0).is_empty(), "the gaps are cut off");
    }

    #[test]
    fn never_gives_a_document_past_the_index() {
        let lists = PostingLists::encode(&[vec![posting(0, 0, 1), posting(9, 0, 1)]], 5);
        assert_eq!(lists.decode(0), [posting(0, 0, 1)]);
    }
}
