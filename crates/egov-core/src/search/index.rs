//! The inverted index: every folded word of every item, with where it occurs.
//!
//! Built once from the catalog. Each item becomes a document with fields (title, aliases,
//! summary, topics, organisations, countries, body) whose lengths BM25 needs, and with the
//! facet values search results are filtered and counted by. The vocabulary is sorted, so a
//! prefix is a contiguous range found by binary search. This module does not rank.
use super::analyzer::{fold_into, for_each_word, initials_of_folded, joined_runs, tokenize};
use super::postings::{Posting, PostingLists};
use super::FastMap;
use crate::content::{Catalog, Item, Kind};
use crate::sort::sort_by;

/// The fields of a document, in the order of their weights in `RankingWeights`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The item's title.
    Title = 0,
    /// Acronyms, former names, Hangul and native-language names.
    Alias = 1,
    /// The summary.
    Summary = 2,
    /// Topic labels.
    Topic = 3,
    /// Titles and aliases of linked organisations.
    Organisation = 4,
    /// Titles and aliases of linked countries.
    Country = 5,
    /// Body sections, things to look for, questions, expansion, role, place.
    Body = 6,
}

/// Number of fields.
pub const FIELD_COUNT: usize = 7;

/// A searchable item: its place in the catalog, field lengths and facet values.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Index of the item in `Catalog::items()`.
    pub item: usize,
    /// Words per field.
    pub lengths: [u16; FIELD_COUNT],
    /// The item's kind.
    pub kind: Kind,
    /// Topic labels.
    pub topics: Vec<String>,
    /// Ids of countries the item is about.
    pub countries: Vec<String>,
    /// Ids of organisations the item is about (or itself, for an organisation).
    pub organisations: Vec<String>,
    /// Ids of editions the item belongs or relates to.
    pub editions: Vec<String>,
    /// Keys of the title and aliases ([`name_key`]), for whole-name matches: compact, and
    /// a query's phrase is compared by its key.
    pub names: Vec<u32>,
}

/// The search index over a catalog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    pub(super) docs: Vec<Doc>,
    /// Sorted, unique folded words.
    pub(super) vocabulary: Vec<String>,
    /// Length of each vocabulary word in characters (at most 255), so typo matching can skip
    /// words of the wrong length without decoding them.
    pub(super) vocabulary_chars: Vec<u8>,
    /// Where each vocabulary word (same position) occurs, encoded.
    pub(super) postings: PostingLists,
    /// Initial-consonant keys of Hangul words (ㅅㅇ), sorted, with their vocabulary position.
    pub(super) initials: Vec<(String, u32)>,
    /// Average words per field over all documents.
    pub(super) average_lengths: [f32; FIELD_COUNT],
}

impl SearchIndex {
    /// Indexes every item of `catalog`.
    pub fn build(catalog: &Catalog) -> Self {
        let mut vocabulary = VocabularyBuilder::default();
        let mut docs = Vec::with_capacity(catalog.len());
        let mut counts: FastMap<(u32, u8), u16> = FastMap::default();
        let mut folded = String::new();
        let mut words: Vec<(usize, usize, u32)> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut joined = String::new();
        for (item_index, item) in catalog.items().iter().enumerate() {
            let doc = docs.len() as u32;
            let mut lengths = [0u16; FIELD_COUNT];
            counts.clear();
            let mut count = |id: u32, field: Field| {
                let n = counts.entry((id, field as u8)).or_default();
                *n = n.saturating_add(1);
            };
            for (field, text) in field_texts(catalog, item) {
                // Words as (start, end, term number), folded into one reused buffer: a new
                // string only for a word never seen before.
                words.clear();
                for_each_word(text, |start, end| {
                    folded.clear();
                    fold_into(&text[start..end], &mut folded);
                    if !folded.is_empty() {
                        words.push((start, end, vocabulary.intern(&folded)));
                    }
                });
                let f = field as usize;
                lengths[f] = lengths[f].saturating_add(words.len() as u16);
                spans.clear();
                spans.extend(words.iter().map(|&(start, end, _)| (start, end)));
                for run in joined_runs(text, &spans) {
                    joined.clear();
                    for &(_, _, id) in &words[run] {
                        joined.push_str(vocabulary.term(id));
                    }
                    count(vocabulary.intern(&joined), field);
                }
                for &(_, _, id) in &words {
                    count(id, field);
                }
            }
            for (&(id, field), &n) in &counts {
                vocabulary.lists[id as usize].push(Posting {
                    doc,
                    field,
                    count: n,
                });
            }
            docs.push(Doc {
                item: item_index,
                lengths,
                kind: item.kind,
                topics: item.topics.clone(),
                countries: countries_of(item),
                organisations: organisations_of(item),
                editions: editions_of(catalog, item),
                names: std::iter::once(&item.title)
                    .chain(&item.aliases)
                    .map(|name| name_key(&folded_phrase(name)))
                    .collect(),
            });
        }
        let (vocabulary, postings) = vocabulary.into_sorted();
        let postings = PostingLists::encode(&postings, docs.len() as u32);
        Self::from_parts(docs, vocabulary, postings)
    }

    /// An index from its stored parts, with what is derived from them (average field
    /// lengths, word lengths, Hangul initial-consonant keys) computed.
    pub(super) fn from_parts(
        docs: Vec<Doc>,
        vocabulary: Vec<String>,
        postings: PostingLists,
    ) -> Self {
        // Initial-consonant keys of the Hangul words (ㅅㅇ for 서울), sorted.
        let mut initials: Vec<(String, u32)> = vocabulary
            .iter()
            .enumerate()
            .filter_map(|(position, term)| {
                initials_of_folded(term).map(|keys| (keys, position as u32))
            })
            .collect();
        sort_by(&mut initials, &|a, b| a.cmp(b));
        let mut average_lengths = [0f32; FIELD_COUNT];
        if !docs.is_empty() {
            for (f, average) in average_lengths.iter_mut().enumerate() {
                let total: u32 = docs.iter().map(|d| u32::from(d.lengths[f])).sum();
                *average = total as f32 / docs.len() as f32;
            }
        }
        let vocabulary_chars = vocabulary
            .iter()
            .map(|t| t.chars().count().min(255) as u8)
            .collect();
        Self {
            docs,
            vocabulary,
            vocabulary_chars,
            postings,
            initials,
            average_lengths,
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct words indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Where the vocabulary word at `position` occurs, by document then field.
    pub(super) fn postings_of(&self, position: usize) -> Vec<Posting> {
        self.postings.decode(position)
    }

    /// How many postings the vocabulary word at `position` has: how common it is.
    pub(super) fn posting_count(&self, position: usize) -> usize {
        self.postings.count(position)
    }

    /// Vocabulary positions of the words that start with `prefix`.
    pub(super) fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.vocabulary.partition_point(|t| t.as_str() < prefix);
        let end = start
            + self.vocabulary[start..]
                .iter()
                .take_while(|t| t.starts_with(prefix))
                .count();
        start..end
    }
}

/// The key of a folded name or query phrase: its 32-bit FNV-1a hash. Two different names
/// share a key about once in four billion pairs, and then only the order of two equally exact
/// matches changes.
pub(super) fn name_key(phrase: &str) -> u32 {
    crate::hash::fnv1a_32(phrase.as_bytes())
}

/// A name folded word by word and joined by single spaces (`UNI-PASS` → `uni pass`).
pub(super) fn folded_phrase(text: &str) -> String {
    tokenize(text)
        .into_iter()
        .map(|t| t.term)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The vocabulary while it is being built: words numbered as first met, each with its
/// postings.
#[derive(Default)]
struct VocabularyBuilder {
    ids: FastMap<String, u32>,
    terms: Vec<String>,
    lists: Vec<Vec<Posting>>,
}

impl VocabularyBuilder {
    /// The number of `term`, adding it if new.
    fn intern(&mut self, term: &str) -> u32 {
        if let Some(id) = self.ids.get(term) {
            return *id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        self.lists.push(Vec::new());
        id
    }

    fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The words sorted, and their postings in the same order (each list by document,
    /// then field).
    fn into_sorted(self) -> (Vec<String>, Vec<Vec<Posting>>) {
        let Self {
            terms, mut lists, ..
        } = self;
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        sort_by(&mut order, &|a, b| {
            terms[*a as usize].cmp(&terms[*b as usize])
        });
        let mut terms: Vec<Option<String>> = terms.into_iter().map(Some).collect();
        let mut vocabulary = Vec::with_capacity(terms.len());
        let mut postings = Vec::with_capacity(terms.len());
        for id in order {
            vocabulary.push(terms[id as usize].take().unwrap_or_default());
            let mut list = std::mem::take(&mut lists[id as usize]);
            sort_by(&mut list, &|a, b| (a.doc, a.field).cmp(&(b.doc, b.field)));
            postings.push(list);
        }
        (vocabulary, postings)
    }
}

/// The texts of an item, field by field.
fn field_texts<'a>(catalog: &'a Catalog, item: &'a Item) -> Vec<(Field, &'a str)> {
    let mut texts = vec![
        (Field::Title, item.title.as_str()),
        (Field::Summary, item.summary.as_str()),
    ];
    texts.extend(item.aliases.iter().map(|a| (Field::Alias, a.as_str())));
    texts.extend(item.topics.iter().map(|t| (Field::Topic, t.as_str())));
    for (field, ids) in [
        (Field::Organisation, &item.organisations),
        (Field::Country, &item.countries),
    ] {
        for linked in ids.iter().filter_map(|id| catalog.get(id)) {
            texts.push((field, linked.title.as_str()));
            texts.extend(linked.aliases.iter().map(|a| (field, a.as_str())));
        }
    }
    for section in &item.sections {
        texts.push((Field::Body, section.heading.as_str()));
        texts.extend(section.paragraphs.iter().map(|p| (Field::Body, p.as_str())));
    }
    let extras = [
        &item.expansion,
        &item.role,
        &item.place,
        &item.status,
        &item.format,
    ];
    texts.extend(
        extras
            .into_iter()
            .flatten()
            .map(|t| (Field::Body, t.as_str())),
    );
    texts.extend(
        item.look_for
            .iter()
            .chain(&item.questions)
            .map(|t| (Field::Body, t.as_str())),
    );
    texts
}

/// The countries an item is about: its links, or itself for a country.
fn countries_of(item: &Item) -> Vec<String> {
    let mut ids = item.countries.clone();
    if item.kind == Kind::Country {
        ids.push(item.id.clone());
    }
    ids
}

/// The organisations an item is about: its links, or itself for an organisation.
fn organisations_of(item: &Item) -> Vec<String> {
    let mut ids = item.organisations.clone();
    if item.kind == Kind::Organisation {
        ids.push(item.id.clone());
    }
    ids
}

/// The editions an item belongs or relates to, in either direction.
fn editions_of(catalog: &Catalog, item: &Item) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !ids.iter().any(|known| known == id) {
            ids.push(id.to_string());
        }
    };
    if item.kind == Kind::Edition {
        add(&item.id);
    }
    if let Some(edition) = &item.edition {
        add(edition);
    }
    for id in &item.related {
        if catalog.get_of_kind(Kind::Edition, id).is_some() {
            add(id);
        }
    }
    for other in catalog.linking_to_unordered(&item.id) {
        if other.kind == Kind::Edition {
            add(&other.id);
        }
    }
    ids
}
