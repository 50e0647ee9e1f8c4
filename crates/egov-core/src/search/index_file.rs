//! The search index as a file: written at deploy time by a native step of the build
//! (`tools/search-index`), loaded by the app ready to use, so a phone never builds it.
//!
//! The format is compact and versioned: a magic number and format number, the content
//! version it was built from, then documents (by item id, so the index is tied to items, not
//! to their order), the sorted vocabulary with shared prefixes left out, and each word's
//! postings as [`super::postings`] holds them in memory, so loading copies them. The Hangul
//! initial-consonant keys are derived from the vocabulary when loading.
//!
//! # Layout (format 5)
//!
//! `varint` is an unsigned LEB128 number of at most 32 bits; `text` is a varint byte length
//! then that many bytes of UTF-8; `block` is a varint byte length then that many bytes.
//!
//! | part | bytes |
//! |---|---|
//! | magic | `EGSI` (4 bytes) |
//! | format | one byte, [`FORMAT`] (5) |
//! | content version | text (`2026-11-27`); must equal the loaded content's |
//! | documents | varint `n`, then `n` documents: |
//! | · id | text (the item id) |
//! | · field lengths | [`FIELD_COUNT`] (7) varints, words per field in [`super::Field`] order: title, alias, summary, topic, organisation, country, body; each at most 65,535 |
//! | · kind | one byte, [`Kind::code`] (not a position in `Kind::ALL`) |
//! | · topics, countries, organisations, editions | four lists, each a varint count then that many texts |
//! | · names | varint count, then per name 4 bytes: the 32-bit FNV-1a key of the folded name, little-endian ([`crate::hash::fnv1a_32`]) |
//! | vocabulary | varint `t`, then `t` words in strictly increasing byte order, each a varint (bytes shared with the previous word, ending on a character boundary) and a text (the rest) |
//! | postings table | per word, in vocabulary order: varint postings count, varint byte length in the docs stream, varint byte length in the fields stream |
//! | docs stream | block: per word, one byte `k` (Rice parameter, 0–24), then the word's document-number gaps (the first from 0), Rice-coded LSB-first: `gap >> k` one-bits, a zero-bit, the `k` low bits of `gap`; the last byte padded with zero-bits |
//! | fields stream | block: per posting, one byte `field \| count << 3` for a count of 1–31, or the `field` byte alone then the count as a varint |
//! | end | nothing may follow |
//!
//! Any change to this layout, or to what the analyzer stores in it, bumps [`FORMAT`]; the
//! golden-bytes test (`the_layout_of_a_tiny_index_is_frozen_for_its_format`) fails until it
//! is bumped and the expected bytes are updated. The limits the packing assumes are checked
//! when compiling (the `const _: () = assert!(…)` lines here and in `postings`).
//!
//! Loading is strict and never panics: a truncated, corrupt or foreign file is an
//! [`IndexFileError`], and the caller builds the index from the catalog instead. Items the
//! catalog lacks (a content file that failed to load) are left out of the loaded index.
//! This module does not fetch, rank or tokenize.

use super::index::{Doc, SearchIndex, FIELD_COUNT};
use super::postings::{push_number, read_number, PostingLists, Regions};
use super::texts::ItemTexts;
use crate::content::Kind;

/// First bytes of every index file.
const MAGIC: &[u8; 4] = b"EGSI";
/// Bumped whenever the layout or the analyzer changes what is stored.
pub const FORMAT: u8 = 5;
/// Most entries of any list the file may declare: far above real content, it keeps a
/// corrupt count from reserving gigabytes.
const MAX_ENTRIES: usize = 10_000_000;

// The limits the layout assumes.
// Counts and lengths are written as varints of at most 32 bits.
const _: () = assert!(MAX_ENTRIES <= u32::MAX as usize);
// A kind is one byte.
const _: () = assert!(Kind::ALL.len() <= 256);
// Every kind has its own code (codes are checked against each other at compile time).
const _: () = {
    let mut i = 0;
    while i < Kind::ALL.len() {
        let mut j = i + 1;
        while j < Kind::ALL.len() {
            assert!(Kind::ALL[i].code() != Kind::ALL[j].code());
            j += 1;
        }
        i += 1;
    }
};
/// Fewest bytes a document takes in the file: its id's length, a length per field, its
/// kind, the counts of its four label lists and of its name keys (one byte each when empty).
const MIN_DOC_BYTES: usize = 1 + FIELD_COUNT + 1 + 4 + 1;
/// Fewest bytes a vocabulary word takes in the file: its shared-prefix length and its
/// text's length in the vocabulary, then its count and two stream lengths in the postings
/// table.
const MIN_TERM_BYTES: usize = 2 + 3;

/// Why an index file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexFileError {
    /// Not an index file at all (an HTML error page, another format).
    #[error("not a search index file")]
    NotAnIndex,
    /// Written by another version of the app.
    #[error("search index format {0}, this app reads format {FORMAT}")]
    OtherFormat(u8),
    /// Built from another version of the content.
    #[error("search index built for content {found:?}, the content is {expected:?}")]
    OtherContent {
        /// The content version the file was built from.
        found: String,
        /// The content version loaded.
        expected: String,
    },
    /// Cut short or damaged.
    #[error("search index damaged at byte {0}")]
    Damaged(usize),
}

impl SearchIndex {
    /// The index as a file, tied to `catalog` (the catalog it was built from) and to its
    /// content `version`.
    pub fn to_bytes(&self, items: &impl ItemTexts, version: &str) -> Vec<u8> {
        let mut out = Writer::new(MAGIC, FORMAT);
        out.text(version);
        out.number(self.docs.len());
        for doc in &self.docs {
            out.text(items.id(doc.item));
            for length in doc.lengths {
                out.number(usize::from(length));
            }
            out.0.push(doc.kind.code());
            for list in [
                &doc.topics,
                &doc.countries,
                &doc.organisations,
                &doc.editions,
            ] {
                out.texts(list);
            }
            out.number(doc.names.len());
            for key in &doc.names {
                out.0.extend_from_slice(&key.to_le_bytes());
            }
        }
        out.number(self.vocabulary.len());
        let mut previous = "";
        for term in &self.vocabulary {
            let shared = shared_prefix_bytes(previous, term);
            out.number(shared);
            out.text(&term[shared..]);
            previous = term;
        }
        // The postings as they are held (see `postings`): counts and each stream's byte
        // lengths per word, then the two streams. An index loaded without some items is
        // re-encoded without them.
        let renumbered;
        let postings = if self.postings.doc_map.is_empty() {
            &self.postings
        } else {
            let lists: Vec<_> = (0..self.vocabulary.len())
                .map(|p| self.postings_of(p))
                .collect();
            renumbered = PostingLists::encode(&lists, self.docs.len() as u32);
            &renumbered
        };
        for position in 0..self.vocabulary.len() {
            out.number(postings.count(position));
            out.number(postings.docs.of(position).len());
            out.number(postings.fields.of(position).len());
        }
        out.block(&postings.docs.bytes);
        out.block(&postings.fields.bytes);
        out.into_bytes()
    }

    /// Loads an index file written by [`SearchIndex::to_bytes`] for content `version`,
    /// tying its documents to `items` (the catalog, or stored texts) by id.
    pub fn from_bytes(
        bytes: &[u8],
        items: &impl ItemTexts,
        version: &str,
    ) -> Result<SearchIndex, IndexFileError> {
        let mut input = Reader::new(bytes, MAGIC, FORMAT, version)?;
        // Documents, renumbered to leave out items the catalog does not have.
        let stored_docs = input.records(MIN_DOC_BYTES)?;
        let mut renumbered: Vec<Option<u32>> = Vec::with_capacity(stored_docs);
        let mut docs = Vec::with_capacity(stored_docs);
        for _ in 0..stored_docs {
            let id = input.text()?;
            let mut lengths = [0u16; FIELD_COUNT];
            for length in &mut lengths {
                *length = input.small()?;
            }
            let kind = Kind::from_code(input.byte()?).ok_or_else(|| input.damaged())?;
            let doc = Doc {
                item: 0,
                lengths,
                kind,
                topics: input.texts()?,
                countries: input.texts()?,
                organisations: input.texts()?,
                editions: input.texts()?,
                names: input.keys()?,
            };
            match items.position(id) {
                Some(item) => {
                    renumbered.push(Some(docs.len() as u32));
                    docs.push(Doc { item, ..doc });
                }
                None => renumbered.push(None),
            }
        }
        let terms = input.records(MIN_TERM_BYTES)?;
        let mut vocabulary: Vec<String> = Vec::with_capacity(terms);
        for _ in 0..terms {
            let shared = input.count()?;
            let previous = vocabulary.last().map_or("", String::as_str);
            let prefix = previous.get(..shared).ok_or_else(|| input.damaged())?;
            let mut term = String::with_capacity(shared + 8);
            term.push_str(prefix);
            term.push_str(input.text()?);
            if term.as_str() <= previous && !vocabulary.is_empty() {
                return Err(input.damaged());
            }
            vocabulary.push(term);
        }
        // Postings stay encoded (decoded per word when a query needs it): only their
        // table is read here, and the two streams copied.
        let mut counts = Vec::with_capacity(terms);
        let mut ends = [0usize; 2];
        let mut starts = [vec![0u32], vec![0u32]];
        for _ in 0..terms {
            let count = input.count()?;
            let before = ends;
            for (end, starts) in ends.iter_mut().zip(&mut starts) {
                *end = end
                    .checked_add(input.count()?)
                    .filter(|&end| end <= u32::MAX as usize)
                    .ok_or_else(|| input.damaged())?;
                starts.push(*end as u32);
            }
            // Every posting takes at least a byte of the fields stream, so a larger count is
            // damage (and would make decoding reserve room for postings that are not there).
            if count > ends[1] - before[1] {
                return Err(input.damaged());
            }
            counts.push(count as u32);
        }
        let [doc_starts, field_starts] = starts;
        let doc_bytes = input.block()?;
        let field_bytes = input.block()?;
        if doc_bytes.len() != ends[0] || field_bytes.len() != ends[1] {
            return Err(input.damaged());
        }
        let all_kept = renumbered
            .iter()
            .enumerate()
            .all(|(i, doc)| *doc == Some(i as u32));
        let postings = PostingLists {
            docs: Regions {
                bytes: doc_bytes.to_vec(),
                starts: doc_starts,
            },
            fields: Regions {
                bytes: field_bytes.to_vec(),
                starts: field_starts,
            },
            counts,
            doc_map: if all_kept {
                Vec::new()
            } else {
                renumbered
                    .iter()
                    .map(|doc| doc.unwrap_or(u32::MAX))
                    .collect()
            },
            doc_limit: docs.len() as u32,
        };
        input.finish()?;
        Ok(SearchIndex::from_parts(docs, vocabulary, postings))
    }
}

/// Bytes `a` and `b` share at their start, ending on a character boundary.
fn shared_prefix_bytes(a: &str, b: &str) -> usize {
    let mut shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(shared) {
        shared -= 1;
    }
    shared
}

/// Appends numbers and strings in the files' encoding (shared with the stored texts).
pub(super) struct Writer(Vec<u8>);

impl Writer {
    /// A file starting with `magic` and `format`.
    pub(super) fn new(magic: &[u8; 4], format: u8) -> Self {
        let mut bytes = Vec::with_capacity(64 * 1024);
        bytes.extend_from_slice(magic);
        bytes.push(format);
        Writer(bytes)
    }

    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// A number as a varint (every number in the files fits in 32 bits).
    pub(super) fn number(&mut self, n: usize) {
        push_number(&mut self.0, u32::try_from(n).unwrap_or(u32::MAX));
    }

    pub(super) fn text(&mut self, text: &str) {
        self.number(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    pub(super) fn block(&mut self, bytes: &[u8]) {
        self.number(bytes.len());
        self.0.extend_from_slice(bytes);
    }

    fn texts(&mut self, texts: &[String]) {
        self.number(texts.len());
        for text in texts {
            self.text(text);
        }
    }
}

/// Reads numbers and strings back, every step checked.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader past the header, which must be `magic`, `format` and content `version`.
    pub(super) fn new(
        bytes: &'a [u8],
        magic: &[u8; 4],
        format: u8,
        version: &str,
    ) -> Result<Self, IndexFileError> {
        if bytes.get(..magic.len()) != Some(magic.as_slice()) {
            return Err(IndexFileError::NotAnIndex);
        }
        let mut input = Reader {
            bytes,
            at: magic.len(),
        };
        let found_format = input.byte()?;
        if found_format != format {
            return Err(IndexFileError::OtherFormat(found_format));
        }
        let found = input.text()?;
        if found != version {
            return Err(IndexFileError::OtherContent {
                found: found.to_string(),
                expected: version.to_string(),
            });
        }
        Ok(input)
    }

    /// The error for damage at the current position.
    pub(super) fn damaged(&self) -> IndexFileError {
        IndexFileError::Damaged(self.at)
    }

    /// Succeeds only at the very end of the file: nothing may follow.
    pub(super) fn finish(&self) -> Result<(), IndexFileError> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(self.damaged())
        }
    }

    fn byte(&mut self) -> Result<u8, IndexFileError> {
        let byte = *self.bytes.get(self.at).ok_or_else(|| self.damaged())?;
        self.at += 1;
        Ok(byte)
    }

    /// A varint of at most 32 bits.
    fn number(&mut self) -> Result<u32, IndexFileError> {
        read_number(self.bytes, &mut self.at).ok_or_else(|| self.damaged())
    }

    /// A count or position, bounded so a damaged file cannot ask for huge allocations.
    pub(super) fn count(&mut self) -> Result<usize, IndexFileError> {
        let n = self.number()? as usize;
        if n > MAX_ENTRIES {
            return Err(self.damaged());
        }
        Ok(n)
    }

    /// A count of records that each take at least `min_bytes` of what follows: refused
    /// when the rest of the file is too short to hold them, so reserving room for that many
    /// costs at most a small multiple of the file's size, never what a damaged count says.
    pub(super) fn records(&mut self, min_bytes: usize) -> Result<usize, IndexFileError> {
        let n = self.count()?;
        let remaining = self.bytes.len() - self.at;
        if n > remaining / min_bytes.max(1) {
            return Err(self.damaged());
        }
        Ok(n)
    }

    fn small(&mut self) -> Result<u16, IndexFileError> {
        u16::try_from(self.number()?).map_err(|_| self.damaged())
    }

    /// A length and that many bytes.
    pub(super) fn block(&mut self) -> Result<&'a [u8], IndexFileError> {
        let length = self.number()? as usize;
        let end = self.at.checked_add(length).ok_or_else(|| self.damaged())?;
        let bytes = self.bytes.get(self.at..end).ok_or_else(|| self.damaged())?;
        self.at = end;
        Ok(bytes)
    }

    /// A length and that many bytes of UTF-8.
    pub(super) fn text(&mut self) -> Result<&'a str, IndexFileError> {
        let bytes = self.block()?;
        std::str::from_utf8(bytes).map_err(|_| self.damaged())
    }

    /// A count and that many 32-bit little-endian keys.
    fn keys(&mut self) -> Result<Vec<u32>, IndexFileError> {
        let n = self.count()?;
        let mut keys = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            let bytes = self
                .bytes
                .get(self.at..self.at + 4)
                .ok_or_else(|| self.damaged())?;
            keys.push(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
            self.at += 4;
        }
        Ok(keys)
    }

    fn texts(&mut self) -> Result<Vec<String>, IndexFileError> {
        let n = self.count()?;
        let mut texts = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            texts.push(self.text()?.to_string());
        }
        Ok(texts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Catalog;
    use crate::fixtures::{glossary_catalog, FixtureTerm};

    /// Glossary terms (id, title, aliases).
    fn catalog_of(terms: &[(&str, &str, &[&str])]) -> Catalog {
        let summaries: Vec<String> = terms
            .iter()
            .map(|(_, title, _)| format!("{title}: a term of Korean e-government, 서울."))
            .collect();
        let terms: Vec<FixtureTerm> = terms
            .iter()
            .zip(&summaries)
            .map(|((id, title, aliases), summary)| FixtureTerm {
                id,
                title,
                aliases,
                summary,
                body: "Seen in Bakı and Seoul.",
            })
            .collect();
        glossary_catalog(&terms)
    }

    fn catalog() -> Catalog {
        catalog_of(&[
            ("unipass", "UNI-PASS", &["Customs clearance system"]),
            ("hometax", "Hometax", &["홈택스"]),
        ])
    }

    /// The index file of [`catalog`], byte for byte, as format [`GOLDEN_FORMAT`] writes it
    /// (hex, 32 bytes a line).
    const GOLDEN: &str = "
        45475349050a323032362d31312d32370207756e697061737302030900000008
        0800000000028e97527fde86491e07686f6d6574617801010800000007080000
        0000029f5bb248a7f28f0b160001610104626f757401026e64000462616b6900
        09636c656172616e636501067573746f6d73000165010a676f7665726e6d656e
        74000a676f7665726e6d656e740007686f6d657461780002696e00066b6f7265
        616e00026f6600047061737300047365656e02036f756c0105797374656d0004
        7465726d0003756e69030470617373000fe38585e38593e38587e3859ce384b9
        0018e3858ee38597e38581e3858ce38590e384b1e38585e385a1020202020202
        0202020202020102010102010202020202020202020302030202020202020202
        020302030202020202020102010202020302030302030202020102012c000200
        0200020002000000000002000200020001000200020002000000020002000000
        0200000000000200012c0a0a0e0e0e0e0e0e09090a0a0a0a0a0a080a0e0e0e0a
        0a0a0a080a0e0e0e0e0e090a0a080a0e080a0e0a0a09
    ";
    /// The format [`GOLDEN`] was written in.
    const GOLDEN_FORMAT: u8 = 5;

    fn hex(bytes: &[u8]) -> String {
        bytes
            .chunks(32)
            .map(|line| line.iter().map(|b| format!("{b:02x}")).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_layout_of_a_tiny_index_is_frozen_for_its_format() {
        let catalog = catalog();
        let bytes = SearchIndex::build(&catalog).to_bytes(&catalog, "2026-11-27");
        let written = hex(&bytes);
        let golden: String = GOLDEN.split_whitespace().collect::<Vec<_>>().join("\n");
        if FORMAT == GOLDEN_FORMAT {
            assert!(
                written == golden,
                "the index file's layout changed but FORMAT is still {FORMAT}: bump FORMAT \
                 (old files must be refused, not misread), document the layout in this \
                 module's table, then set GOLDEN_FORMAT and GOLDEN to:\n{written}"
            );
        } else {
            panic!(
                "FORMAT is {FORMAT}, the frozen bytes are format {GOLDEN_FORMAT}: check the \
                 layout table in this module's doc, then set GOLDEN_FORMAT to {FORMAT} and \
                 GOLDEN to:\n{written}"
            );
        }
    }

    #[test]
    fn kind_codes_are_frozen() {
        let codes = [
            (Kind::Edition, 0),
            (Kind::Session, 1),
            (Kind::Presentation, 2),
            (Kind::SiteVisit, 3),
            (Kind::CaseStudy, 4),
            (Kind::Organisation, 5),
            (Kind::Country, 6),
            (Kind::Person, 7),
            (Kind::Term, 8),
        ];
        assert_eq!(codes.len(), Kind::ALL.len(), "a new kind needs a code here");
        for (kind, code) in codes {
            assert_eq!(kind.code(), code, "{kind:?}");
            assert_eq!(Kind::from_code(code), Some(kind));
        }
        assert_eq!(Kind::from_code(9), None);
    }

    #[test]
    fn loads_what_it_wrote_as_the_same_index() {
        let catalog = catalog();
        let index = SearchIndex::build(&catalog);
        let bytes = index.to_bytes(&catalog, "2026-11-27");
        let loaded = SearchIndex::from_bytes(&bytes, &catalog, "2026-11-27");
        assert_eq!(loaded, Ok(index));
    }

    #[test]
    fn refuses_files_that_are_not_an_index_or_of_another_version() {
        let catalog = catalog();
        let bytes = SearchIndex::build(&catalog).to_bytes(&catalog, "2026-11-27");
        assert_eq!(
            SearchIndex::from_bytes(b"<!doctype html>", &catalog, "2026-11-27"),
            Err(IndexFileError::NotAnIndex)
        );
        let mut other_format = bytes.clone();
        other_format[4] = FORMAT + 1;
        assert_eq!(
            SearchIndex::from_bytes(&other_format, &catalog, "2026-11-27"),
            Err(IndexFileError::OtherFormat(FORMAT + 1))
        );
        assert!(matches!(
            SearchIndex::from_bytes(&bytes, &catalog, "2026-12-01"),
            Err(IndexFileError::OtherContent { .. })
        ));
    }

    #[test]
    fn refuses_every_truncation_and_survives_every_flipped_byte() {
        let catalog = catalog();
        let bytes = SearchIndex::build(&catalog).to_bytes(&catalog, "2026-11-27");
        for end in 0..bytes.len() {
            assert!(
                SearchIndex::from_bytes(&bytes[..end], &catalog, "2026-11-27").is_err(),
                "cut at {end}"
            );
        }
        for at in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] ^= flip;
                // Loading may succeed (a changed byte in a posting or a label), but what it
                // loads only ever points at real items.
                let Ok(index) = SearchIndex::from_bytes(&damaged, &catalog, "2026-11-27") else {
                    continue;
                };
                assert!(index.len() <= catalog.len(), "byte {at} ^ {flip:#x}");
                for position in 0..index.vocabulary.len() {
                    let postings = index.postings_of(position);
                    assert!(postings.iter().all(|p| (p.doc as usize) < index.len()));
                }
                for text in ["hometax", "uni", "customs", "홈택스", "seoul", "baku"] {
                    let results =
                        crate::search::search(&index, &catalog, &crate::search::Query::new(text));
                    let mut seen = std::collections::HashSet::new();
                    for hit in &results.hits {
                        assert!(hit.item < catalog.len(), "byte {at} ^ {flip:#x}: {text}");
                        assert!(seen.insert(hit.item), "byte {at} ^ {flip:#x}: {text}");
                    }
                }
            }
        }
    }

    /// The header of an index file for content `2026-11-27`, then `rest`.
    fn file_with(rest: &[u8]) -> Vec<u8> {
        let mut out = Writer::new(MAGIC, FORMAT);
        out.text("2026-11-27");
        out.0.extend_from_slice(rest);
        out.into_bytes()
    }

    #[test]
    fn a_tiny_file_declaring_millions_of_records_is_refused_at_the_count() {
        let catalog = catalog();
        let mut huge = Vec::new();
        push_number(&mut huge, MAX_ENTRIES as u32);
        // Ten million documents declared, a dozen bytes follow: refused where the count
        // ends, before anything is reserved for them.
        let docs = file_with(&[huge.as_slice(), &[0; 12]].concat());
        let count_end = docs.len() - 12;
        assert_eq!(
            SearchIndex::from_bytes(&docs, &catalog, "2026-11-27"),
            Err(IndexFileError::Damaged(count_end))
        );
        // The same for the vocabulary, after no documents.
        let terms = file_with(&[&[0], huge.as_slice(), &[0; 12]].concat());
        let count_end = terms.len() - 12;
        assert_eq!(
            SearchIndex::from_bytes(&terms, &catalog, "2026-11-27"),
            Err(IndexFileError::Damaged(count_end))
        );
        // And a word claiming more postings than its fields stream has bytes.
        let mut one_word = vec![0, 1, 0, 1, b'a'];
        push_number(&mut one_word, MAX_ENTRIES as u32);
        one_word.extend_from_slice(&[1, 1, 1, 0, 1, 0]);
        assert!(matches!(
            SearchIndex::from_bytes(&file_with(&one_word), &catalog, "2026-11-27"),
            Err(IndexFileError::Damaged(_))
        ));
        // (The same word with one posting is a file that loads.)
        let honest = [&[0, 1, 0, 1, b'a', 1][..], &[1, 1, 1, 0, 1, 0]].concat();
        assert!(SearchIndex::from_bytes(&file_with(&honest), &catalog, "2026-11-27").is_ok());
    }

    #[test]
    fn as_many_records_as_the_bytes_can_hold_are_still_read() {
        // The bound is a floor on record size, not a guess: a real file is never refused.
        let catalog = catalog();
        let index = SearchIndex::build(&catalog);
        let bytes = index.to_bytes(&catalog, "2026-11-27");
        assert_eq!(
            SearchIndex::from_bytes(&bytes, &catalog, "2026-11-27"),
            Ok(index)
        );
        let empty = SearchIndex::build(&Catalog::default());
        let bytes = empty.to_bytes(&Catalog::default(), "2026-11-27");
        assert_eq!(
            SearchIndex::from_bytes(&bytes, &Catalog::default(), "2026-11-27"),
            Ok(empty)
        );
    }

    #[test]
    fn leaves_out_items_the_catalog_does_not_have() {
        let full = catalog();
        let bytes = SearchIndex::build(&full).to_bytes(&full, "2026-11-27");
        let partial = catalog_of(&[("hometax", "Hometax", &["홈택스"])]);
        let loaded =
            SearchIndex::from_bytes(&bytes, &partial, "2026-11-27").expect("a loadable index");
        assert_eq!(loaded.len(), 1);
        assert!(loaded.postings_of(0).iter().all(|p| p.doc == 0));
        let hometax = loaded.vocabulary.binary_search(&"hometax".to_string());
        assert_eq!(loaded.postings_of(hometax.expect("indexed")).len(), 3);
        // Written again, it holds only what it kept, and loads with the same postings.
        let again = loaded.to_bytes(&partial, "2026-11-27");
        assert!(again.len() < bytes.len());
        let reloaded =
            SearchIndex::from_bytes(&again, &partial, "2026-11-27").expect("a loadable index");
        assert_eq!(
            (&reloaded.docs, &reloaded.vocabulary),
            (&loaded.docs, &loaded.vocabulary)
        );
        for position in 0..loaded.vocabulary.len() {
            assert_eq!(reloaded.postings_of(position), loaded.postings_of(position));
        }
    }
}
