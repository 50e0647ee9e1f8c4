//! Shared setup for the fuzz targets: the real content, compiled in, so the share-code and
//! search targets run against the catalog people use.

use std::collections::HashMap;

use egov_core::content::{load_content_from, Catalog};

/// Every content file of `content/`, by name, as bundled at build time.
pub const CONTENT_FILES: [(&str, &str); 9] = [
    (
        "case-studies.json",
        include_str!("../../content/case-studies.json"),
    ),
    (
        "countries.json",
        include_str!("../../content/countries.json"),
    ),
    ("editions.json", include_str!("../../content/editions.json")),
    ("glossary.json", include_str!("../../content/glossary.json")),
    (
        "organisations.json",
        include_str!("../../content/organisations.json"),
    ),
    ("people.json", include_str!("../../content/people.json")),
    (
        "presentations.json",
        include_str!("../../content/presentations.json"),
    ),
    ("sessions.json", include_str!("../../content/sessions.json")),
    (
        "site-visits.json",
        include_str!("../../content/site-visits.json"),
    ),
];

/// The content index, as bundled.
pub const INDEX: &str = include_str!("../../content/index.json");

/// The real catalog, built as the app builds it.
pub fn real_catalog() -> Catalog {
    let files: HashMap<&str, &str> = CONTENT_FILES
        .iter()
        .copied()
        .chain([("index.json", INDEX)])
        .collect();
    let assembled = load_content_from(&files).expect("the bundled index parses");
    assert!(
        assembled.problems.is_empty(),
        "bundled content is valid: {:?}",
        assembled.problems
    );
    assembled.catalog
}
