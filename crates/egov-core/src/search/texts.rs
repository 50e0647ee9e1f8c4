//! What search shows of an item: its id, its title and the passages a snippet is cut from
//! (summary, body paragraphs, things to look for, questions).
//!
//! In the app these come from the loaded [`Catalog`]. A search engine without a catalog
//! (the benchmark's) loads them from a stored-texts file written at deploy time next to the
//! index file ([`StoredTexts`]): the byte ranges of each item's texts, then one block of
//! UTF-8 with all of them, so loading is one copy and a small table, not a JSON parse.
//! Like the index file, loading is strict and never panics; each text is checked as UTF-8
//! when it is shown (a damaged one shows as empty), not all 2 MB at load.

use super::index_file::{IndexFileError, Reader, Writer};
use super::FastMap;
use crate::content::Catalog;

/// Where search finds the texts it shows, by item position.
pub trait ItemTexts {
    /// The position of the item with this id.
    fn position(&self, id: &str) -> Option<usize>;
    /// The item's id.
    fn id(&self, item: usize) -> &str;
    /// The item's title.
    fn title(&self, item: usize) -> &str;
    /// The passages a snippet may come from, in reading order.
    fn passages(&self, item: usize) -> Vec<&str>;
}

impl ItemTexts for Catalog {
    fn position(&self, id: &str) -> Option<usize> {
        Catalog::position(self, id)
    }

    fn id(&self, item: usize) -> &str {
        &self.items()[item].id
    }

    fn title(&self, item: usize) -> &str {
        &self.items()[item].title
    }

    fn passages(&self, item: usize) -> Vec<&str> {
        let item = &self.items()[item];
        std::iter::once(item.summary.as_str())
            .chain(
                item.sections
                    .iter()
                    .flat_map(|s| s.paragraphs.iter().map(String::as_str)),
            )
            .chain(
                item.look_for
                    .iter()
                    .chain(&item.questions)
                    .map(String::as_str),
            )
            .collect()
    }
}

/// First bytes of every stored-texts file.
const MAGIC: &[u8; 4] = b"EGST";
/// Bumped whenever the layout changes.
const FORMAT: u8 = 1;
/// Fewest bytes an item takes in the span table: its count of texts and the lengths of its
/// id and title (one byte each at least).
const MIN_ITEM_BYTES: usize = 3;

/// Item texts loaded from a stored-texts file: no catalog needed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredTexts {
    /// Every text, one after the other, in UTF-8 (checked per text when read).
    text: Vec<u8>,
    /// Byte ranges into `text`: per item its id, its title, then its passages.
    spans: Vec<(u32, u32)>,
    /// Per item, where its spans start in `spans` (one more entry than items).
    starts: Vec<u32>,
    /// Item position by id.
    positions: FastMap<Box<str>, u32>,
}

impl StoredTexts {
    /// The texts of every item of `catalog` as a file, for content `version`.
    pub fn to_bytes(catalog: &Catalog, version: &str) -> Vec<u8> {
        let mut text = String::new();
        let mut per_item: Vec<Vec<(usize, usize)>> = Vec::with_capacity(catalog.len());
        for item in 0..catalog.len() {
            let texts = [catalog.id(item), catalog.title(item)]
                .into_iter()
                .chain(catalog.passages(item));
            per_item.push(
                texts
                    .map(|t| {
                        text.push_str(t);
                        (text.len() - t.len(), text.len())
                    })
                    .collect(),
            );
        }
        let mut out = Writer::new(MAGIC, FORMAT);
        out.text(version);
        out.number(per_item.len());
        for spans in &per_item {
            out.number(spans.len());
            for &(start, end) in spans {
                out.number(end - start);
            }
        }
        out.block(text.as_bytes());
        out.into_bytes()
    }

    /// Loads a file written by [`StoredTexts::to_bytes`] for content `version`.
    pub fn from_bytes(bytes: &[u8], version: &str) -> Result<StoredTexts, IndexFileError> {
        let mut input = Reader::new(bytes, MAGIC, FORMAT, version)?;
        let items = input.records(MIN_ITEM_BYTES)?;
        let mut spans = Vec::new();
        let mut starts = Vec::with_capacity(items + 1);
        let mut at = 0usize;
        for _ in 0..items {
            starts.push(spans.len() as u32);
            let n = input.count()?;
            // Id and title at least.
            if n < 2 {
                return Err(input.damaged());
            }
            for _ in 0..n {
                let end = at
                    .checked_add(input.count()?)
                    .ok_or_else(|| input.damaged())?;
                spans.push((at as u32, end as u32));
                at = end;
            }
        }
        starts.push(spans.len() as u32);
        let text = input.block()?;
        input.finish()?;
        if at != text.len() {
            return Err(input.damaged());
        }
        let mut positions = FastMap::default();
        for item in 0..items {
            let (start, end) = spans[starts[item] as usize];
            let id = std::str::from_utf8(&text[start as usize..end as usize])
                .map_err(|_| input.damaged())?;
            positions.insert(id.into(), item as u32);
        }
        Ok(StoredTexts {
            text: text.to_vec(),
            spans,
            starts,
            positions,
        })
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// True when no item is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn span(&self, item: usize, nth: usize) -> &str {
        self.text_at(self.starts[item] as usize + nth)
    }

    /// The text of span `s`; empty if it is not UTF-8 (a damaged file).
    fn text_at(&self, s: usize) -> &str {
        let (start, end) = self.spans[s];
        std::str::from_utf8(&self.text[start as usize..end as usize]).unwrap_or_default()
    }
}

impl ItemTexts for StoredTexts {
    fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).map(|&p| p as usize)
    }

    fn id(&self, item: usize) -> &str {
        self.span(item, 0)
    }

    fn title(&self, item: usize) -> &str {
        self.span(item, 1)
    }

    fn passages(&self, item: usize) -> Vec<&str> {
        let (first, last) = (self.starts[item] as usize, self.starts[item + 1] as usize);
        (first + 2..last).map(|s| self.text_at(s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::postings::push_number;

    #[test]
    fn a_tiny_file_declaring_millions_of_items_is_refused_at_the_count() {
        let mut out = Writer::new(MAGIC, FORMAT);
        out.text("2026-11-27");
        let mut bytes = out.into_bytes();
        push_number(&mut bytes, 10_000_000);
        let count_end = bytes.len();
        bytes.extend_from_slice(&[2, 1, 1, 2, b'a', b'b']);
        assert_eq!(
            StoredTexts::from_bytes(&bytes, "2026-11-27"),
            Err(IndexFileError::Damaged(count_end))
        );
    }

    #[test]
    fn an_empty_catalog_round_trips() {
        let bytes = StoredTexts::to_bytes(&Catalog::default(), "2026-11-27");
        let texts = StoredTexts::from_bytes(&bytes, "2026-11-27").expect("it loads");
        assert!(texts.is_empty());
    }
}
