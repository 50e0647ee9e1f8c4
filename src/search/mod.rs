//! Finding items by what a person types: the first, simple matcher.
//!
//! Every word of the query must appear (case-insensitively) in an item's title, aliases,
//! summary or topics; the last word may be unfinished. Title and alias matches rank first.
//! This is deliberately small: it does not yet forgive typos, fold diacritics or rank with
//! BM25 — the full engine replaces it behind the same `search` function.

use crate::content::{Catalog, Item};

/// Longest query accepted, in characters; longer input is cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;

/// Items matching every word of `query`, best first. An empty query matches nothing.
pub fn search<'c>(catalog: &'c Catalog, query: &str) -> Vec<&'c Item> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Item)> = catalog
        .items()
        .iter()
        .filter_map(|item| {
            let names = std::iter::once(&item.title)
                .chain(&item.aliases)
                .map(|s| s.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            let rest = std::iter::once(&item.summary)
                .chain(&item.topics)
                .map(|s| s.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            let mut in_names = true;
            for word in &words {
                if names.contains(word.as_str()) {
                    continue;
                }
                if !rest.contains(word.as_str()) {
                    return None;
                }
                in_names = false;
            }
            Some((if in_names { 0 } else { 1 }, item))
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.title.cmp(&b.1.title)));
    hits.into_iter().map(|(_, item)| item).collect()
}
