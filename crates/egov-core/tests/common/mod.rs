//! Helpers shared by the native integration tests.

use std::fs;
use std::path::Path;

use egov_core::content::{build_catalog, parse_index, parse_kind_file, Catalog};

/// The real `content/`, loaded as the app loads it (problems are the content tests' job).
pub fn real_catalog() -> Catalog {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let index = parse_index(&fs::read_to_string(dir.join("index.json")).expect("index"))
        .expect("index parses");
    let files = index
        .files
        .iter()
        .map(|name| {
            let text = fs::read_to_string(dir.join(name)).expect("content file");
            parse_kind_file(name, &text).expect("content file parses")
        })
        .collect();
    build_catalog(&index.version, files, None).0
}
