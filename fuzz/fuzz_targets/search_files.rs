//! The deploy-time search files as downloaded: any bytes as an index file (against the real
//! catalog) and as a stored-texts file. Never a panic; an index that loads answers queries
//! (the input's own words among them) with hits that name real items, and a damaged index
//! built from the real one by the input's bytes does the same.
#![no_main]

use std::sync::OnceLock;

use egov_companion_fuzz::{real_catalog, INDEX};
use egov_core::content::{parse_index, Catalog};
use egov_core::search::{search, ItemTexts, Query, SearchIndex, StoredTexts};
use libfuzzer_sys::fuzz_target;

/// The bundled content's version, which the real files carry.
fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        parse_index(INDEX)
            .expect("the bundled index parses")
            .version
    })
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(real_catalog)
}

/// The real index file, as the build writes it.
fn real_file() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| SearchIndex::build(catalog()).to_bytes(catalog(), version()))
}

fn check(index: &SearchIndex, items: &impl ItemTexts, count: usize, text: &str) {
    for text in [text, "seoul", "정보", "ㅅㅇ", "hometx"] {
        for hit in search(index, items, &Query::new(text)).hits {
            assert!(hit.item < count, "a hit past the items");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let catalog = catalog();
    let text = String::from_utf8_lossy(data);
    // The input as an index file.
    if let Ok(index) = SearchIndex::from_bytes(data, catalog, version()) {
        check(&index, catalog, catalog.len(), &text);
    }
    // The real file with bytes overwritten where the input says (pairs of position, value).
    let mut damaged = real_file().to_vec();
    for pair in data.chunks_exact(3) {
        let at = usize::from(u16::from_le_bytes([pair[0], pair[1]])) * 7 % damaged.len();
        damaged[at] = pair[2];
    }
    if let Ok(index) = SearchIndex::from_bytes(&damaged, catalog, version()) {
        check(&index, catalog, catalog.len(), &text);
    }
    // The input as a stored-texts file, and the real index against it.
    if let Ok(texts) = StoredTexts::from_bytes(data, version()) {
        for item in 0..texts.len() {
            let _ = (texts.id(item), texts.title(item), texts.passages(item));
        }
        if let Ok(index) = SearchIndex::from_bytes(real_file(), &texts, version()) {
            check(&index, &texts, texts.len(), &text);
        }
    }
});
