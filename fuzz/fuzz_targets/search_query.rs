//! The search query path: any text typed into the search box, against the real catalog.
//! Never a panic; hits are distinct real items and marked text is the item's own.
#![no_main]

use std::sync::OnceLock;

use egov_companion_fuzz::real_catalog;
use egov_core::content::Catalog;
use egov_core::search::{search, Query, SearchIndex};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static (Catalog, SearchIndex) {
    static ENGINE: OnceLock<(Catalog, SearchIndex)> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let catalog = real_catalog();
        let index = SearchIndex::build(&catalog);
        (catalog, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let (catalog, index) = engine();
    let text = String::from_utf8_lossy(data);
    let mut query = Query::new(&text);
    query.limit = 10;
    let results = search(index, catalog, &query);
    assert!(results.hits.len() <= 10);
    assert!(results.total >= results.hits.len());
    let mut seen = std::collections::HashSet::new();
    for hit in &results.hits {
        assert!(seen.insert(hit.item), "item {} listed twice", hit.item);
    }
    for hit in &results.hits {
        let item = &catalog.items()[hit.item];
        let title: String = hit.title.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            title, item.title,
            "the marked title is not the item's title"
        );
    }
});
