//! Where the time to become searchable goes, natively: parsing, validating and indexing a
//! content directory, then ten typical keystrokes. For profiling the engine between
//! benchmark runs, e.g. on the benchmark's corpus:
//! `cargo run --release --example index_timing -- target/bench/data/1000/content`.

use std::time::Instant;

use egov_core::content::{build_catalog, parse_kind_file};
use egov_core::search::{search, Query, SearchIndex, StoredTexts};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: index_timing <content directory>");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        if let Some(name) = name.filter(|n| n.ends_with(".json") && n != "index.json") {
            let text = std::fs::read_to_string(&path).expect("a readable file");
            texts.push((name, text));
        }
    }
    let started = Instant::now();
    let files: Vec<_> = texts
        .iter()
        .filter_map(|(name, text)| parse_kind_file(name, text).ok())
        .collect();
    let parsed = started.elapsed();
    let started = Instant::now();
    let (catalog, problems) = build_catalog("2026-11-27", files, None);
    let validated = started.elapsed();
    let started = Instant::now();
    let index = SearchIndex::build(&catalog);
    let indexed = started.elapsed();
    let bytes = index.to_bytes(&catalog, "2026-11-27");
    let texts = StoredTexts::to_bytes(&catalog, "2026-11-27");
    let started = Instant::now();
    let stored = StoredTexts::from_bytes(&texts, "2026-11-27").expect("the texts load");
    let texts_loaded = started.elapsed();
    let started = Instant::now();
    let loaded = SearchIndex::from_bytes(&bytes, &stored, "2026-11-27");
    let index_loaded = started.elapsed();
    assert!(
        loaded.as_ref() == Ok(&index),
        "the index file loads as built"
    );
    println!(
        "deploy-time files: index {} bytes loaded in {index_loaded:?}, texts {} bytes loaded in {texts_loaded:?}",
        bytes.len(),
        texts.len()
    );
    let started = Instant::now();
    let mut hits = 0;
    for text in [
        "ελ",
        "ελπ",
        "luüde",
        "ba",
        "bar",
        "baro",
        "서울",
        "ㅅㅇ",
        "stefan cel",
        "zz",
    ] {
        let mut query = Query::new(text);
        query.limit = 10;
        hits += search(&index, &catalog, &query).hits.len();
    }
    println!(
        "{} items ({} problems), {} words: parse {parsed:?}, validate {validated:?}, index {indexed:?}, 10 keystrokes {:?} ({hits} hits)",
        catalog.len(),
        problems.len(),
        index.vocabulary_len(),
        started.elapsed()
    );
}
