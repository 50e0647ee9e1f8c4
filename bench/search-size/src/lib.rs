//! One function the size report builds twice: parse and validate content files as the app
//! does, then either search them as the app's search page does (feature `search`: load the
//! deploy-time index file or build the index, run the query with filters, read hits,
//! marked titles and snippets, facet counts and the suggestion), or just filter titles.
//! The difference between the two WebAssembly files is the search engine's code.

use egov_core::content::{build_catalog, parse_kind_file};
use wasm_bindgen::prelude::*;

/// `files` are name, JSON text pairs; the result is a few strings the query produced.
#[wasm_bindgen]
pub fn run(files: Vec<String>, index_file: &[u8], text: &str) -> Vec<String> {
    let parsed = files
        .chunks(2)
        .filter_map(|pair| match pair {
            [name, json] => parse_kind_file(name, json).ok(),
            _ => None,
        })
        .collect();
    let (catalog, _) = build_catalog("2026-11-27", parsed, None);
    #[cfg(feature = "search")]
    {
        use egov_core::search::{search, Query, SearchIndex};
        let index = SearchIndex::from_bytes(index_file, &catalog, "2026-11-27")
            .unwrap_or_else(|_| SearchIndex::build(&catalog));
        let mut query = Query::new(text);
        query.filters.topic = files.first().cloned();
        let results = search(&index, &catalog, &query);
        let mut out: Vec<String> = results
            .hits
            .iter()
            .flat_map(|hit| hit.title.iter().chain(&hit.snippet))
            .map(|segment| format!("{}{}", segment.marked, segment.text))
            .collect();
        out.push(results.total.to_string());
        out.extend(
            results
                .facets
                .topics
                .iter()
                .map(|(topic, n)| format!("{topic}{n}")),
        );
        out.extend(
            results
                .facets
                .kinds
                .iter()
                .map(|(kind, n)| format!("{kind}{n}")),
        );
        out.extend(results.suggestion);
        out
    }
    #[cfg(not(feature = "search"))]
    {
        let _ = index_file;
        catalog
            .items()
            .iter()
            .filter(|item| item.title.contains(text))
            .map(|item| item.id.clone())
            .collect()
    }
}
