//! Search: finding items by what a person types, instantly, forgiving typos, accents and
//! scripts.
//!
//! The pipeline is `analyzer` (split and fold words) → `index` (an inverted index built
//! once from the catalog) → `query` (AND across words, prefix on the word being typed, typo
//! tolerance by word length, BM25 ranking with field weights, filters and facet counts,
//! "did you mean") → `snippet` (the matched words marked). Call [`SearchIndex::build`] once
//! (at deploy time: `index_file` writes it as a file the app loads ready to use), then
//! [`search`] per keystroke; or [`find`] per keystroke and, from its [`Matches`], only the
//! hits that are shown, and the facet counts and suggestion once those are drawn (what the
//! search page does, so a key press paints fast on a slow phone). Pure: no browser, no
//! storage, no rendering.

pub mod analyzer;
mod index;
mod index_file;
mod params;
mod postings;
mod query;
mod snippet;
mod texts;

pub use index::{Field, SearchIndex, FIELD_COUNT};
pub use index_file::IndexFileError;
pub use params::{SearchParams, MAX_FILTER_CHARS, SEARCH_PATH};
pub use query::{find, search, Matches};
pub use snippet::Segment;
pub use texts::{ItemTexts, StoredTexts};

use crate::content::Kind;

/// A hash map with FNV-1a hashing (one copy, in [`crate::hash`]).
pub(crate) use crate::hash::FastMap;

/// Longest query accepted, in characters; longer input is cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;

/// How results are ranked. Every knob has a default chosen on the real content; the
/// benchmark reports what changing them does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankingWeights {
    /// Weight of a match in each [`Field`], in field order (title, alias, summary, topic,
    /// organisation, country, body). Default 10, 9, 4, 3, 2, 2, 1: names first, body last.
    pub fields: [f32; FIELD_COUNT],
    /// BM25 term-frequency saturation, usually 1.2 (range 0–3).
    pub k1: f32,
    /// BM25 length normalisation, usually 0.75 (range 0–1).
    pub b: f32,
    /// Multiplier for a word that is a prefix of the indexed word (default 0.6).
    pub prefix: f32,
    /// Multiplier for a word one edit away (default 0.35).
    pub one_typo: f32,
    /// Multiplier for a word two edits away (default 0.2).
    pub two_typos: f32,
}

impl Default for RankingWeights {
    fn default() -> Self {
        Self {
            fields: [10.0, 9.0, 4.0, 3.0, 2.0, 2.0, 1.0],
            k1: 1.2,
            b: 0.75,
            prefix: 0.6,
            one_typo: 0.35,
            two_typos: 0.2,
        }
    }
}

/// Shortest word (in characters) allowed one typo; shorter words must match exactly.
pub const ONE_TYPO_MIN_CHARS: usize = 5;
/// Shortest word allowed two typos.
pub const TWO_TYPOS_MIN_CHARS: usize = 9;
/// Shortest typed word that may match by typo at all (a longer indexed word can lend it
/// its allowance: `deəș` finds `deəăș`), so that `tax` never matches `taxes` by typo.
pub const TYPO_MIN_TYPED_CHARS: usize = 4;
/// At most this many vocabulary words are tried for a prefix, most frequent first.
pub const MAX_PREFIX_EXPANSIONS: usize = 64;

/// Narrowing a search to a kind, topic, country or edition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only items of this kind.
    pub kind: Option<Kind>,
    /// Only items with this topic label.
    pub topic: Option<String>,
    /// Only items about this country (a country id).
    pub country: Option<String>,
    /// Only items of or linked to this organisation (an organisation id).
    pub organisation: Option<String>,
    /// Only items of this edition (an edition id).
    pub edition: Option<String>,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.topic.is_none()
            && self.country.is_none()
            && self.organisation.is_none()
            && self.edition.is_none()
    }
}

/// What was asked: the text as typed, filters, and how many hits to return.
#[derive(Debug, Clone, PartialEq)]
pub struct Query<'a> {
    /// The text as typed; a trailing space means the last word is finished.
    pub text: &'a str,
    /// Filters.
    pub filters: Filters,
    /// How many hits to return (all are counted).
    pub limit: usize,
    /// Ranking knobs.
    pub weights: RankingWeights,
}

impl<'a> Query<'a> {
    /// A query for `text` with default weights, no filters and the first 50 hits.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            filters: Filters::default(),
            limit: 50,
            weights: RankingWeights::default(),
        }
    }
}

/// One result: the item, its score, and its title and snippet with matches marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the item in `Catalog::items()`.
    pub item: usize,
    /// Relevance; higher is better.
    pub score: f32,
    /// The title, with matched words marked.
    pub title: Vec<Segment>,
    /// A short passage of the summary or body, with matched words marked.
    pub snippet: Vec<Segment>,
}

/// How many results each facet value would give, with the other filters applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Per kind.
    pub kinds: Vec<(Kind, usize)>,
    /// Per topic label.
    pub topics: Vec<(String, usize)>,
    /// Per country id.
    pub countries: Vec<(String, usize)>,
    /// Per organisation id.
    pub organisations: Vec<(String, usize)>,
    /// Per edition id.
    pub editions: Vec<(String, usize)>,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// The best hits, at most `limit`.
    pub hits: Vec<Hit>,
    /// How many items matched in all.
    pub total: usize,
    /// Counts per facet value.
    pub facets: FacetCounts,
    /// A corrected query that has results, when this one has none.
    pub suggestion: Option<String>,
}
