//! Helpers shared by the native integration tests.

use std::fs;
use std::path::Path;

use egov_core::content::{load_content, Catalog, ContentProblem};

/// The real `content/`, loaded as the app loads it (problems are the content tests' job).
pub fn real_catalog() -> Catalog {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    load_content(|name| {
        fs::read_to_string(dir.join(name)).map_err(|e| ContentProblem::in_file(name, e.to_string()))
    })
    .expect("index.json loads")
    .catalog
}
