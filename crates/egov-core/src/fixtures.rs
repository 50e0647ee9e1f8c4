//! Small catalogs for tests, benchmarks and fuzzing, built through the real parser and
//! validator (so a fixture is always content the app would accept). The one fixture builder:
//! unit tests, the integration tests in `tests/` and anything else that needs a few items
//! use it rather than writing content JSON by hand.

use crate::content::{build_catalog, parse_kind_file, Catalog};

/// The content version fixtures are built with.
pub const FIXTURE_VERSION: &str = "2026-11-27";

/// A glossary term of a fixture.
#[derive(Debug, Clone, Copy)]
pub struct FixtureTerm<'a> {
    /// The item id.
    pub id: &'a str,
    /// The title (also the term's expansion).
    pub title: &'a str,
    /// Other names.
    pub aliases: &'a [&'a str],
    /// The one-line summary.
    pub summary: &'a str,
    /// One paragraph of body text, under the heading "About".
    pub body: &'a str,
}

/// A catalog of glossary terms, at [`FIXTURE_VERSION`].
///
/// # Panics
/// When a term is not valid content (a fixture is written by hand, so that is a bug in the
/// test that wrote it).
pub fn glossary_catalog(terms: &[FixtureTerm<'_>]) -> Catalog {
    let items: Vec<String> = terms
        .iter()
        .map(|term| {
            serde_json::json!({
                "id": term.id, "title": term.title, "aliases": term.aliases,
                "summary": term.summary, "expansion": term.title,
                "sections": [{"heading": "About", "paragraphs": [term.body]}],
                "sources": [{"publisher": "P", "title": "T"}]
            })
            .to_string()
        })
        .collect();
    let text = format!(r#"{{"kind": "term", "items": [{}]}}"#, items.join(","));
    let file = parse_kind_file("glossary.json", &text).expect("a fixture is valid content");
    let (catalog, problems) = build_catalog(FIXTURE_VERSION, vec![file], None);
    assert!(
        problems.is_empty(),
        "a fixture is valid content: {problems:?}"
    );
    catalog
}
