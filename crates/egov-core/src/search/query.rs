//! Running a query against the index: matching, ranking, filtering, facets, suggestions.
//!
//! Every word of the query must match (AND). A word matches a vocabulary word exactly, as a
//! prefix (only the word still being typed), by initial consonants (ㅅㅇ), or within an edit
//! distance allowed by the length of the longer of the two words (transpositions count as
//! one edit; typed words under four letters must match exactly). Each word contributes
//! its best-matching vocabulary word's BM25 score, weighted by field and by how it matched.
//! Results are ordered by how exactly they matched, then by score.

use std::collections::HashMap;

use super::FastMap;

use super::analyzer::{fold, is_initial_consonants, tokenize};
use super::index::{name_key, SearchIndex, FIELD_COUNT};
use super::snippet::{mark, snippet, MatchedTerms};
use super::texts::ItemTexts;
use super::{
    FacetCounts, Filters, Hit, Query, RankingWeights, SearchResults, MAX_PREFIX_EXPANSIONS,
    MAX_QUERY_CHARS, ONE_TYPO_MIN_CHARS, TWO_TYPOS_MIN_CHARS, TYPO_MIN_TYPED_CHARS,
};
use crate::content::Kind;
use crate::sort::{sort_by, sort_by_key};

/// How a query word matched a vocabulary word; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MatchClass {
    Exact = 0,
    Prefix = 1,
    Typo = 2,
}

/// A query word, folded, and whether it may still grow (the last word, being typed).
#[derive(Debug, Clone, PartialEq)]
struct QueryWord {
    term: String,
    open: bool,
}

/// Where a document ranks: the sum of its words' match classes (lower is better), whether
/// it is *not* named by the whole query (named first), and its score (higher is better).
type Rank = (u8, bool, f32);

/// What a query matched, before anything is drawn: every matching document with its rank,
/// the vocabulary words that matched (by position, for highlighting), and what facet
/// counts and a suggestion need. [`find`] makes it once per keystroke; the hits to show,
/// the facet counts and the suggestion are each computed from it only when asked, so a page
/// can draw the count and the first hits at once, and the rest later or on request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    /// Every document matching the words, before filters: facets count over these.
    matched: Vec<u32>,
    /// The documents that also pass the filters, with their rank; in no order unless
    /// `in_order`.
    ranked: Vec<(u32, Rank)>,
    /// True when `ranked` is already in the order shown (a filters-only listing).
    in_order: bool,
    /// Vocabulary positions of the words that matched, sorted and unique.
    terms: Vec<u32>,
    /// The query's words, for a suggestion.
    words: Vec<QueryWord>,
    /// The query's filters, for facet counts.
    filters: Filters,
    /// The query's weights, to check a suggestion finds something.
    weights: RankingWeights,
}

impl Matches {
    /// How many items matched, filters applied.
    pub fn total(&self) -> usize {
        self.ranked.len()
    }

    /// The best `limit` hits in order, with titles and snippets marked; only these are
    /// marked, so asking for the first few costs little however many matched. Asking for
    /// more gives the same first hits followed by the next ones.
    pub fn hits(&self, index: &SearchIndex, items: &impl ItemTexts, limit: usize) -> Vec<Hit> {
        let order = |a: &(u32, Rank), b: &(u32, Rank)| {
            (a.1 .0, a.1 .1)
                .cmp(&(b.1 .0, b.1 .1))
                .then(b.1 .2.total_cmp(&a.1 .2))
                .then(a.0.cmp(&b.0))
        };
        let mut top: Vec<(u32, Rank)>;
        if self.in_order {
            top = self.ranked.iter().take(limit).copied().collect();
        } else {
            top = self.ranked.clone();
            // Only the first `limit` are shown: pick them, then sort just those (the order
            // is total, so the result is the same as sorting everything).
            if top.len() > limit {
                top.select_nth_unstable_by(limit, order);
                top.truncate(limit);
            }
            sort_by(&mut top, &order);
        }
        let terms = MatchedTerms::new(
            self.terms
                .iter()
                .filter_map(|&p| index.vocabulary.get(p as usize))
                .map(String::as_str)
                .collect(),
        );
        top.into_iter()
            .map(|(doc, (_, _, score))| {
                let item = index.docs[doc as usize].item;
                Hit {
                    item,
                    score,
                    title: mark(items.title(item), &terms),
                    snippet: snippet(&items.passages(item), &terms),
                }
            })
            .collect()
    }

    /// Counts per facet value over everything the words matched, each facet counted with
    /// the other filters applied.
    pub fn facets(&self, index: &SearchIndex) -> FacetCounts {
        facet_counts(index, self.matched.iter().copied(), &self.filters)
    }

    /// A corrected query that finds something, when the words found nothing at all. This
    /// scans the whole vocabulary, so a page asks for it after the results have been drawn.
    pub fn suggestion(&self, index: &SearchIndex) -> Option<String> {
        if self.words.is_empty() || !self.matched.is_empty() {
            return None;
        }
        suggest(index, &self.words).filter(|fixed| {
            let words = query_words(fixed);
            !match_all(index, &words, &self.weights).0.is_empty()
        })
    }
}

/// Searches `index` for `query`; titles and snippets come from `items` (the catalog the
/// index was built from, or its stored texts). The same as [`find`], then its first
/// `query.limit` hits, its facets and its suggestion, all at once.
pub fn search(index: &SearchIndex, items: &impl ItemTexts, query: &Query) -> SearchResults {
    let found = find(index, items, query);
    SearchResults {
        hits: found.hits(index, items, query.limit),
        total: found.total(),
        facets: found.facets(index),
        suggestion: found.suggestion(index),
    }
}

/// Matches `query` against `index` and ranks what matched, without marking any hit,
/// counting facets or looking for a suggestion (see [`Matches`]). `items` gives the
/// titles a filters-only listing is sorted by. `query.limit` is not used here.
pub fn find(index: &SearchIndex, items: &impl ItemTexts, query: &Query) -> Matches {
    let text: String = query.text.chars().take(MAX_QUERY_CHARS).collect();
    let words = query_words(&text);
    if words.is_empty() {
        if query.filters.is_empty() {
            return Matches::default();
        }
        return browse(index, items, query);
    }
    let (matches, terms) = match_all(index, &words, &query.weights);
    let matched: Vec<u32> = matches.keys().copied().collect();
    // Among equally exact matches, an item whose whole title or alias is the query
    // (`KLID`, `Hometax`) comes first: it is what the person named.
    let phrase = name_key(
        &words
            .iter()
            .map(|w| w.term.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let ranked = matches
        .into_iter()
        .filter(|(doc, _)| passes(index, *doc, &query.filters, None))
        .map(|(doc, (class, score))| {
            let named = index.docs[doc as usize].names.contains(&phrase);
            (doc, (class, !named, score))
        })
        .collect();
    Matches {
        matched,
        ranked,
        in_order: false,
        terms,
        words,
        filters: query.filters.clone(),
        weights: query.weights,
    }
}

/// The folded words of a query; the last is open unless the text ends in a space.
fn query_words(text: &str) -> Vec<QueryWord> {
    let tokens = tokenize(text);
    let ends_open = text.chars().last().is_some_and(|c| !c.is_whitespace());
    let last = tokens.len().saturating_sub(1);
    tokens
        .into_iter()
        .enumerate()
        .map(|(i, token)| QueryWord {
            term: token.term,
            open: ends_open && i == last,
        })
        .collect()
}

/// Documents matching every word: (sum of match classes, score), and the vocabulary
/// positions of the words that matched (sorted, unique), for highlighting.
fn match_all(
    index: &SearchIndex,
    words: &[QueryWord],
    weights: &RankingWeights,
) -> (FastMap<u32, (u8, f32)>, Vec<u32>) {
    let mut combined: Option<FastMap<u32, (u8, f32)>> = None;
    let mut matched_terms: Vec<u32> = Vec::new();
    for word in words {
        // Each document's best match for this word: its class (as a number, the combined
        // map's type: one copy of the hash table's code) and score.
        let mut best: FastMap<u32, (u8, f32)> = FastMap::default();
        let found = candidates(index, word, weights);
        // The completions of an open prefix share one rarity, that of the prefix itself:
        // which completion is rare says nothing about what the person is typing, and a
        // rare random name must not outrank the common word they mean (`서` → `서울`).
        let prefix_df: usize = found
            .iter()
            .filter(|(_, class, _)| *class == MatchClass::Prefix)
            .map(|(position, _, _)| document_frequency(index, *position))
            .sum();
        let prefix_idf = idf(index, prefix_df.min(index.docs.len()));
        for (position, class, factor) in found {
            let shared = (class == MatchClass::Prefix).then_some(prefix_idf);
            let class = class as u8;
            let mut hit_any = false;
            for (doc, score) in term_scores(index, position, weights, shared) {
                hit_any = true;
                let score = score * factor;
                best.entry(doc)
                    .and_modify(|(c, s)| {
                        if (class, -score) < (*c, -*s) {
                            *c = class;
                            *s = score;
                        }
                    })
                    .or_insert((class, score));
            }
            if hit_any {
                matched_terms.push(position as u32);
            }
        }
        combined = Some(match combined {
            None => best,
            Some(mut so_far) => {
                so_far.retain(|doc, _| best.contains_key(doc));
                for (doc, (class, score)) in so_far.iter_mut() {
                    if let Some((c, s)) = best.get(doc) {
                        *class += *c;
                        *score += *s;
                    }
                }
                so_far
            }
        });
        if combined.as_ref().is_some_and(FastMap::is_empty) {
            break;
        }
    }
    sort_by(&mut matched_terms, &u32::cmp);
    matched_terms.dedup();
    (combined.unwrap_or_default(), matched_terms)
}

/// Vocabulary words a query word may stand for, with how it matched and the multiplier.
fn candidates(
    index: &SearchIndex,
    word: &QueryWord,
    weights: &RankingWeights,
) -> Vec<(usize, MatchClass, f32)> {
    let mut out: Vec<(usize, MatchClass, f32)> = Vec::new();
    if let Ok(position) = index.vocabulary.binary_search(&word.term) {
        out.push((position, MatchClass::Exact, 1.0));
    }
    if word.open {
        let mut prefixed: Vec<usize> = index
            .prefix_range(&word.term)
            .filter(|&p| index.vocabulary[p] != word.term)
            .collect();
        // Many words can share a short prefix: keep the most frequent.
        sort_by_key(&mut prefixed, |&p| {
            std::cmp::Reverse(index.posting_count(p))
        });
        prefixed.truncate(MAX_PREFIX_EXPANSIONS);
        let typed = word.term.chars().count();
        out.extend(prefixed.into_iter().map(|p| {
            let whole = usize::from(index.vocabulary_chars[p]);
            (
                p,
                MatchClass::Prefix,
                weights.prefix * closeness(typed, whole),
            )
        }));
    }
    if is_initial_consonants(&word.term) {
        let start = index
            .initials
            .partition_point(|(keys, _)| keys.as_str() < word.term.as_str());
        for (keys, position) in &index.initials[start..] {
            let exact = keys == &word.term;
            if !(exact || (word.open && keys.starts_with(&word.term))) {
                break;
            }
            let position = *position as usize;
            if !out.iter().any(|(p, _, _)| *p == position) {
                let factor = closeness(word.term.chars().count(), keys.chars().count());
                out.push((position, MatchClass::Prefix, weights.prefix * factor));
            }
        }
    }
    let length = word.term.chars().count();
    if length >= TYPO_MIN_TYPED_CHARS {
        let query: Vec<char> = word.term.chars().collect();
        let mut target: Vec<char> = Vec::new();
        let mut scratch: Vec<usize> = Vec::new();
        for (position, term) in index.vocabulary.iter().enumerate() {
            let term_length = usize::from(index.vocabulary_chars[position]);
            // The longer of the two words sets the allowance: a letter dropped from a long
            // word must not cost the word its second typo.
            let max_edits = allowed_typos(length.max(term_length));
            if max_edits == 0 || term_length.abs_diff(length) > max_edits {
                continue;
            }
            target.clear();
            target.extend(term.chars());
            let Some(edits) = distance_within(&query, &target, max_edits, &mut scratch) else {
                continue;
            };
            if edits > 0 && !out.iter().any(|(p, _, _)| *p == position) {
                let factor = if edits == 1 {
                    weights.one_typo
                } else {
                    weights.two_typos
                };
                out.push((position, MatchClass::Typo, factor));
            }
        }
    }
    out
}

/// How much of a word the typed prefix already is, as a multiplier from 0.5 (a small part)
/// to 1 (all of it): among prefix matches the shortest completion ranks first, as `서`
/// means `서울` before a three-syllable name, and `ㅅㅇ` a two-syllable word first.
fn closeness(typed: usize, whole: usize) -> f32 {
    0.5 + 0.5 * (typed as f32 / whole.max(typed).max(1) as f32)
}

/// Typos allowed for a word of `length` characters: none under 5, one for 5–8, two from 9.
/// The length is the longer of the typed and the indexed word (see `candidates`).
fn allowed_typos(length: usize) -> usize {
    if length >= TWO_TYPOS_MIN_CHARS {
        2
    } else if length >= ONE_TYPO_MIN_CHARS {
        1
    } else {
        0
    }
}

/// How many documents contain the vocabulary word at `position`.
fn document_frequency(index: &SearchIndex, position: usize) -> usize {
    let mut documents = 0usize;
    let mut last = None;
    for posting in &index.postings_of(position) {
        if last != Some(posting.doc) {
            documents += 1;
            last = Some(posting.doc);
        }
    }
    documents
}

/// BM25 inverse document frequency of a word found in `df` documents.
fn idf(index: &SearchIndex, df: usize) -> f32 {
    let (n, df) = (index.docs.len() as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25 score of one vocabulary word in every document containing it, summed over fields;
/// `idf_override` replaces the word's own rarity (see `match_all`).
fn term_scores<'a>(
    index: &'a SearchIndex,
    position: usize,
    weights: &RankingWeights,
    idf_override: Option<f32>,
) -> impl Iterator<Item = (u32, f32)> + 'a {
    let postings = index.postings_of(position);
    let idf = idf_override.unwrap_or_else(|| idf(index, document_frequency(index, position)));
    let (k1, b) = (weights.k1, weights.b);
    let fields = weights.fields;
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = postings.get(i)?;
        let doc = first.doc;
        let mut score = 0.0;
        while let Some(posting) = postings.get(i).filter(|p| p.doc == doc) {
            let f = usize::from(posting.field).min(FIELD_COUNT - 1);
            let length = f32::from(index.docs[doc as usize].lengths[f]);
            let average = index.average_lengths[f].max(1.0);
            let tf = f32::from(posting.count);
            score += fields[f] * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * length / average));
            i += 1;
        }
        Some((doc, idf * score))
    })
}

/// The restricted Damerau–Levenshtein distance between `a` and `b` (a transposition of
/// neighbours is one edit), or `None` when it is more than `max`.
pub(super) fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    distance_within(a, b, max, &mut Vec::new())
}

/// [`edit_distance`] with its three rows in `scratch`, reused across calls so scanning the
/// vocabulary allocates nothing.
fn distance_within(a: &[char], b: &[char], max: usize, scratch: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    scratch.clear();
    scratch.resize(3 * width, 0);
    let (before, rest) = scratch.split_at_mut(width);
    let (previous, current) = rest.split_at_mut(width);
    let (mut before, mut previous, mut current) = (before, previous, current);
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= max)
}

/// A corrected query: each unknown word (of 3 letters or more) replaced by the closest
/// vocabulary word within two edits, when that changes anything.
fn suggest(index: &SearchIndex, words: &[QueryWord]) -> Option<String> {
    let mut changed = false;
    let mut fixed = Vec::with_capacity(words.len());
    for word in words {
        if index.vocabulary.binary_search(&word.term).is_ok() || word.term.chars().count() < 3 {
            fixed.push(word.term.clone());
            continue;
        }
        let query: Vec<char> = word.term.chars().collect();
        let best = index
            .vocabulary
            .iter()
            .enumerate()
            .filter_map(|(position, term)| {
                let target: Vec<char> = term.chars().collect();
                // Closest first; then words that start like the typed one (people
                // rarely mistype the first letter); then the most common.
                edit_distance(&query, &target, 2).map(|d| {
                    let other_start = target.first() != query.first();
                    let common = std::cmp::Reverse(index.posting_count(position));
                    (d, other_start, common, term)
                })
            })
            .min();
        match best {
            Some((_, _, _, term)) => {
                changed = true;
                fixed.push(term.clone());
            }
            None => fixed.push(word.term.clone()),
        }
    }
    changed.then(|| fixed.join(" "))
}

/// With no words but some filters: every item that passes them, in title order.
fn browse(index: &SearchIndex, items: &impl ItemTexts, query: &Query) -> Matches {
    let matched: Vec<u32> = (0..index.docs.len() as u32).collect();
    let mut docs: Vec<u32> = matched
        .iter()
        .copied()
        .filter(|&d| passes(index, d, &query.filters, None))
        .collect();
    sort_by_key(&mut docs, |&d| {
        fold(items.title(index.docs[d as usize].item))
    });
    Matches {
        matched,
        ranked: docs.into_iter().map(|doc| (doc, (0, false, 0.0))).collect(),
        in_order: true,
        terms: Vec::new(),
        words: Vec::new(),
        filters: query.filters.clone(),
        weights: query.weights,
    }
}

/// Which facet a filter check may ignore (its own, when counting that facet's values).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    Kind,
    Topic,
    Country,
    Organisation,
    Edition,
}

/// True when document `doc` passes every filter except `ignoring`.
fn passes(index: &SearchIndex, doc: u32, filters: &Filters, ignoring: Option<Facet>) -> bool {
    let d = &index.docs[doc as usize];
    let check = |facet: Facet, ok: bool| ignoring == Some(facet) || ok;
    check(Facet::Kind, filters.kind.is_none_or(|k| d.kind == k))
        && check(
            Facet::Topic,
            filters.topic.as_ref().is_none_or(|t| d.topics.contains(t)),
        )
        && check(
            Facet::Country,
            filters
                .country
                .as_ref()
                .is_none_or(|c| d.countries.contains(c)),
        )
        && check(
            Facet::Organisation,
            filters
                .organisation
                .as_ref()
                .is_none_or(|o| d.organisations.contains(o)),
        )
        && check(
            Facet::Edition,
            filters
                .edition
                .as_ref()
                .is_none_or(|e| d.editions.contains(e)),
        )
}

/// Counts per facet value over `docs`, each facet counted with the other filters applied.
fn facet_counts(
    index: &SearchIndex,
    docs: impl Iterator<Item = u32> + Clone,
    filters: &Filters,
) -> FacetCounts {
    // By kind, in `Kind::ALL`'s order (the kinds' own order): nine counters, no map.
    let mut kinds = [0usize; Kind::ALL.len()];
    let mut topics: HashMap<String, usize> = HashMap::new();
    let mut countries: HashMap<String, usize> = HashMap::new();
    let mut editions: HashMap<String, usize> = HashMap::new();
    let mut organisations: HashMap<String, usize> = HashMap::new();
    for doc in docs {
        let d = &index.docs[doc as usize];
        if passes(index, doc, filters, Some(Facet::Kind)) {
            if let Some(at) = Kind::ALL.iter().position(|kind| *kind == d.kind) {
                kinds[at] += 1;
            }
        }
        if passes(index, doc, filters, Some(Facet::Topic)) {
            for topic in &d.topics {
                *topics.entry(topic.clone()).or_default() += 1;
            }
        }
        if passes(index, doc, filters, Some(Facet::Country)) {
            for country in &d.countries {
                *countries.entry(country.clone()).or_default() += 1;
            }
        }
        if passes(index, doc, filters, Some(Facet::Organisation)) {
            for organisation in &d.organisations {
                *organisations.entry(organisation.clone()).or_default() += 1;
            }
        }
        if passes(index, doc, filters, Some(Facet::Edition)) {
            for edition in &d.editions {
                *editions.entry(edition.clone()).or_default() += 1;
            }
        }
    }
    // A filter in use is listed even where nothing passes it (with 0), so that the person
    // sees why nothing is found, and can take it off.
    FacetCounts {
        kinds: Kind::ALL
            .into_iter()
            .zip(kinds)
            .filter(|&(kind, count)| count > 0 || filters.kind == Some(kind))
            .collect(),
        topics: by_count(topics, &filters.topic),
        countries: by_count(countries, &filters.country),
        organisations: by_count(organisations, &filters.organisation),
        editions: by_count(editions, &filters.edition),
    }
}

/// Facet values: the value filtered on first, if any (with 0 when nothing has it), so a
/// shortened list still shows it; then most results first, then alphabetically.
fn by_count(mut counts: HashMap<String, usize>, in_use: &Option<String>) -> Vec<(String, usize)> {
    if let Some(value) = in_use {
        counts.entry(value.clone()).or_default();
    }
    let mut values: Vec<(String, usize)> = counts.into_iter().collect();
    let used = |value: &String| Some(value) == in_use.as_ref();
    sort_by(&mut values, &|a, b| {
        used(&b.0)
            .cmp(&used(&a.0))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_counted_in_their_own_order() {
        // `facet_counts` counts per kind in `Kind::ALL`'s order, and lists them in it.
        assert!(Kind::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn counts_a_transposition_as_one_edit() {
        assert_eq!(
            edit_distance(&chars("hometax"), &chars("hoemtax"), 2),
            Some(1)
        );
        assert_eq!(
            edit_distance(&chars("koneps"), &chars("konesp"), 1),
            Some(1)
        );
    }

    #[test]
    fn gives_up_beyond_the_allowed_edits() {
        assert_eq!(edit_distance(&chars("seoul"), &chars("busan"), 2), None);
        assert_eq!(edit_distance(&chars("abc"), &chars("abcdef"), 2), None);
        assert_eq!(
            edit_distance(&chars("government"), &chars("govrenment"), 2),
            Some(1)
        );
    }

    #[test]
    fn allows_typos_by_word_length() {
        assert_eq!(allowed_typos(4), 0);
        assert_eq!(allowed_typos(5), 1);
        assert_eq!(allowed_typos(8), 1);
        assert_eq!(allowed_typos(9), 2);
    }
}
