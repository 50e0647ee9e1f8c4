//! A corpus of nasty inputs (`tests/nasty/`: deep nesting, huge strings, invalid UTF-8, NUL
//! bytes, right-to-left overrides, emoji, combining-mark floods, script payloads, wrong
//! types) fed to every parser and to search. Nothing may panic; bad input must come back
//! as a described error, and accepted text stays text.

use std::fs;
use std::path::Path;

use egov_companion::content::{build_catalog, parse_index, parse_kind_file, Catalog};
use egov_companion::library::{decode, decode_share, parse_backup};
use egov_companion::search::{search, Query, SearchIndex};

/// Every file of the corpus, read as the browser would (invalid UTF-8 replaced).
fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/nasty"));
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .expect("tests/nasty")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let bytes = fs::read(&path).expect("readable");
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 15, "the corpus is in tests/nasty");
    files
}

fn small_catalog() -> Catalog {
    let text = r#"{"kind": "term", "items": [{"id": "g4c", "title": "G4C", "expansion": "Government for Citizen",
      "summary": "An online civil-service portal.", "sources": [{"publisher": "P", "title": "T"}]}]}"#;
    build_catalog(
        "2026-11-27",
        vec![parse_kind_file("g.json", text).expect("fixture")],
        None,
    )
    .0
}

#[test]
fn no_parser_panics_and_every_refusal_says_why() {
    let catalog = small_catalog();
    let index = SearchIndex::build(&catalog);
    for (name, text) in corpus() {
        if let Err(problem) = parse_index(&text) {
            assert!(!problem.message.is_empty(), "{name}: index message");
        }
        match parse_kind_file(&name, &text) {
            Ok(file) => {
                for problem in &file.problems {
                    assert!(!problem.message.is_empty(), "{name}: item message");
                }
                let (catalog, problems) = build_catalog("2026-11-27", vec![file], None);
                for problem in &problems {
                    assert!(!problem.to_string().is_empty(), "{name}: problem");
                }
                // Whatever was accepted can be indexed and searched.
                let index = SearchIndex::build(&catalog);
                for item in catalog.items() {
                    let query: String = item.title.chars().take(40).collect();
                    let _ = search(&index, &catalog, &Query::new(&query));
                }
            }
            Err(problem) => assert!(!problem.message.is_empty(), "{name}: file message"),
        }
        if let Err(error) = decode(&text) {
            assert!(!error.to_string().is_empty(), "{name}: storage message");
        }
        if let Err(error) = parse_backup(&text) {
            assert!(!error.to_string().is_empty(), "{name}: import message");
        }
        if let Err(error) = decode_share(&text, Some(&text), &catalog) {
            assert!(!error.to_string().is_empty(), "{name}: share message");
        }
        let results = search(&index, &catalog, &Query::new(&text));
        assert!(results.hits.len() <= 50, "{name}: search stays bounded");
    }
}

#[test]
fn the_worst_files_are_refused_for_the_right_reason() {
    let files: std::collections::HashMap<String, String> = corpus().into_iter().collect();
    let parse = |name: &str| parse_kind_file(name, &files[name]);
    assert!(parse("deep-nesting.json").is_err());
    assert!(parse("empty.json").is_err());
    assert!(parse("not-an-object.json").is_err());
    assert!(parse("html-page.json").is_err());
    let wrong = parse("wrong-types.json").expect("outer shape is fine");
    assert_eq!(wrong.items.len(), 0);
    assert_eq!(wrong.problems.len(), 1);

    // A script URL in a source is refused; markup in text is kept as text, not obeyed.
    let payloads = parse("script-payloads.json").expect("parses");
    let (catalog, problems) = build_catalog("2026-11-27", vec![payloads], None);
    assert!(problems
        .iter()
        .any(|p| p.message.contains("not an http(s) address")));
    assert!(catalog.is_empty());

    // Raw NUL bytes inside strings are not JSON; escaped ones make ids that are not slugs.
    assert!(parse("nul-bytes.json").is_err());
    let escaped = files["nul-bytes.json"].replace('\0', "\\u0000");
    let file = parse_kind_file("nul-escaped.json", &escaped).expect("escaped NULs parse");
    let (catalog, problems) = build_catalog("2026-11-27", vec![file], None);
    assert!(catalog.is_empty());
    assert!(problems.iter().any(|p| p.field.as_deref() == Some("id")));

    // Hostile backups are refused before they touch the library.
    assert!(parse_backup(&files["backup-hostile.json"]).is_err());
    assert!(parse_backup(&files["backup-huge-numbers.json"]).is_err());
    assert!(decode_share(&files["share-code-junk.txt"], None, &Catalog::default()).is_err());
}

#[test]
fn unusual_but_valid_text_is_kept_exactly() {
    let files: std::collections::HashMap<String, String> = corpus().into_iter().collect();
    for name in [
        "emoji.json",
        "rtl-override.json",
        "combining-flood.json",
        "huge-string.json",
    ] {
        let file = parse_kind_file(name, &files[name]).expect("parses");
        let (catalog, problems) = build_catalog("2026-11-27", vec![file], None);
        assert!(problems.is_empty(), "{name}: {problems:?}");
        assert_eq!(catalog.len(), 1, "{name}");
    }
}
