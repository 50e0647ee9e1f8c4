//! Posting lists kept compact: every word's postings encoded in one byte buffer, and
//! decoded only for the words a query touches.
//!
//! A posting is a document-number gap (a LEB128 varint), then the field and count packed
//! in one byte (`field | count << 3`, count 1–31), or the field alone followed by the count
//! as a varint when it is larger. The same bytes are written to the index file, so loading
//! the file is a copy, not a decode; that is what makes a deploy-time index searchable in a
//! few milliseconds on a phone. Decoding never panics: a damaged list ends where it breaks.

use super::index::FIELD_COUNT;

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

/// Every word's postings, by vocabulary position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostingLists {
    /// The encoded postings, word after word.
    pub(super) bytes: Vec<u8>,
    /// Where each word's postings start in `bytes` (one more entry than words).
    pub(super) starts: Vec<u32>,
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
    /// `doc_limit` documents.
    pub fn encode(lists: &[Vec<Posting>], doc_limit: u32) -> Self {
        let mut out = Self {
            bytes: Vec::new(),
            starts: Vec::with_capacity(lists.len() + 1),
            counts: Vec::with_capacity(lists.len()),
            doc_map: Vec::new(),
            doc_limit,
        };
        for list in lists {
            out.starts.push(out.bytes.len() as u32);
            out.counts.push(list.len() as u32);
            let mut last_doc = 0;
            for posting in list {
                push_number(&mut out.bytes, posting.doc - last_doc);
                match posting.count {
                    count @ 1..=31 => out.bytes.push(posting.field | (count as u8) << 3),
                    count => {
                        out.bytes.push(posting.field);
                        push_number(&mut out.bytes, u32::from(count));
                    }
                }
                last_doc = posting.doc;
            }
        }
        out.starts.push(out.bytes.len() as u32);
        out
    }

    /// How many postings the word at `position` has (counting documents left out).
    pub fn count(&self, position: usize) -> usize {
        self.counts.get(position).map_or(0, |&n| n as usize)
    }

    /// The encoded postings of the word at `position`.
    pub(super) fn encoded(&self, position: usize) -> &[u8] {
        let start = self.starts.get(position).map_or(0, |&s| s as usize);
        let end = self.starts.get(position + 1).map_or(start, |&e| e as usize);
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// The postings of the word at `position`, decoded into `out` (cleared first).
    pub fn decode_into(&self, position: usize, out: &mut Vec<Posting>) {
        out.clear();
        let bytes = self.encoded(position);
        let mut at = 0;
        let mut doc: u32 = 0;
        while at < bytes.len() {
            let Some(gap) = read_number(bytes, &mut at) else {
                return;
            };
            let Some(&packed) = bytes.get(at) else {
                return;
            };
            at += 1;
            let field = packed & 0b111;
            let count = match packed >> 3 {
                0 => match read_number(bytes, &mut at).and_then(|n| u16::try_from(n).ok()) {
                    Some(count) => count,
                    None => return,
                },
                count => u16::from(count),
            };
            doc = doc.saturating_add(gap);
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
        let mut out = Vec::with_capacity(self.count(position));
        self.decode_into(position, &mut out);
        out
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
fn read_number(bytes: &[u8], at: &mut usize) -> Option<u32> {
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
    fn leaves_out_documents_mapped_away() {
        let mut lists = PostingLists::encode(&[vec![posting(0, 0, 1), posting(1, 0, 2)]], 2);
        lists.doc_map = vec![u32::MAX, 0];
        assert_eq!(lists.decode(0), [posting(0, 0, 2)]);
    }

    #[test]
    fn a_damaged_list_ends_where_it_breaks() {
        let mut lists = PostingLists::encode(&[vec![posting(0, 0, 1), posting(5, 2, 3)]], 6);
        let last = lists.bytes.len() - 1;
        lists.bytes[last] = 0b111; // field 7 does not exist
        assert_eq!(lists.decode(0), [posting(0, 0, 1)]);
        lists.bytes.truncate(1);
        assert!(lists.decode(0).is_empty());
    }

    #[test]
    fn never_gives_a_document_past_the_index() {
        let lists = PostingLists::encode(&[vec![posting(0, 0, 1), posting(9, 0, 1)]], 5);
        assert_eq!(lists.decode(0), [posting(0, 0, 1)]);
    }
}
