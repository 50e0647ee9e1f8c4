//! A corpus of nasty inputs (`tests/nasty/`: deep nesting, huge strings, invalid UTF-8, NUL
//! bytes, right-to-left overrides, emoji, combining-mark floods, script payloads, wrong
//! types) fed to every parser and to search. Nothing may panic; bad input must come back
//! as the error that names what is wrong with it, and accepted text stays text.

use std::fs;
use std::path::Path;

use egov_core::content::{build_catalog, parse_index, parse_kind_file, Catalog};
use egov_core::fixtures::{glossary_catalog, FixtureTerm};
use egov_core::library::{
    decode, decode_share, parse_backup, ImportError, ShareError, StoreError, MAX_SHARED_ITEMS,
};
use egov_core::search::{search, Hit, Query, SearchIndex};

/// Every file of the corpus, read as the browser would (invalid UTF-8 replaced).
fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/nasty"));
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
    glossary_catalog(&[FixtureTerm {
        id: "g4c",
        title: "G4C",
        aliases: &["Government for Citizen"],
        summary: "An online civil-service portal.",
        body: "A portal for citizens.",
    }])
}

/// Files of the corpus that are not even a content file's outer shape (`kind` and `items`).
const NOT_KIND_FILES: [&str; 8] = [
    "backup-hostile.json",
    "backup-huge-numbers.json",
    "deep-nesting.json",
    "empty.json",
    "html-page.json",
    "not-an-object.json",
    "nul-bytes.json",
    "share-code-junk.txt",
];

/// Why `parse_backup` must refuse each file: none of the corpus is a backup it may accept.
fn expected_import_error(name: &str) -> fn(&ImportError) -> bool {
    match name {
        "empty.json" => |e| *e == ImportError::Truncated,
        "html-page.json" | "share-code-junk.txt" => |e| *e == ImportError::NotJson,
        // Shaped like a backup, with ids that are NUL bytes.
        "backup-hostile.json" => {
            |e| matches!(e, ImportError::Damaged(why) if why.contains("not an item id"))
        }
        // A format number no integer type holds is not a backup's shape.
        _ => |e| *e == ImportError::NotABackup,
    }
}

#[test]
fn no_parser_panics_and_each_refuses_for_the_right_reason() {
    let catalog = small_catalog();
    let index = SearchIndex::build(&catalog);
    for (name, text) in corpus() {
        // None of the corpus is an index file; the problem names the index file.
        let problem = parse_index(&text).expect_err(&name);
        assert_eq!(problem.file, "index.json", "{name}");
        match parse_kind_file(&name, &text) {
            Ok(file) => {
                assert!(!NOT_KIND_FILES.contains(&name.as_str()), "{name}: accepted");
                for problem in &file.problems {
                    assert_eq!(problem.file, name, "{name}: item problem names its file");
                }
                let (catalog, problems) = build_catalog("2026-11-27", vec![file], None);
                for problem in &problems {
                    assert_eq!(problem.file, name, "{name}: problem names its file");
                    assert!(problem.item.is_some(), "{name}: problem names its item");
                }
                // Whatever was accepted can be indexed and searched, and finds itself.
                let index = SearchIndex::build(&catalog);
                for (position, item) in catalog.items().iter().enumerate() {
                    let query: String = item.title.chars().take(40).collect();
                    let results = search(&index, &catalog, &Query::new(&query));
                    assert_hits_are_real(&results.hits, catalog.len(), &name);
                    assert!(
                        results.hits.iter().any(|hit| hit.item == position),
                        "{name}: `{query}` does not find its item"
                    );
                }
            }
            Err(problem) => {
                assert!(NOT_KIND_FILES.contains(&name.as_str()), "{name}: {problem}");
                assert_eq!(
                    (problem.file.as_str(), &problem.item),
                    (name.as_str(), &None)
                );
            }
        }
        // None of the corpus is a stored library of a known format.
        assert!(
            matches!(decode(&text), Err(StoreError::Corrupt(_))),
            "{name}: {:?}",
            decode(&text)
        );
        let import = parse_backup(&text).expect_err(&name);
        assert!(expected_import_error(&name)(&import), "{name}: {import:?}");
        let share = decode_share(&text, Some(&text), &catalog).expect_err(&name);
        let expected = if text.is_empty() {
            ShareError::Empty
        } else if text.len() > MAX_SHARED_ITEMS * 6 {
            // (Six characters per item's code.)
            ShareError::TooLong
        } else {
            ShareError::Malformed
        };
        assert_eq!(share, expected, "{name}");
        let results = search(&index, &catalog, &Query::new(&text));
        assert_hits_are_real(&results.hits, catalog.len(), &name);
    }
}

/// Every hit is an item of the catalog, listed once.
fn assert_hits_are_real(hits: &[Hit], items: usize, name: &str) {
    let mut seen = std::collections::HashSet::new();
    for hit in hits {
        assert!(hit.item < items, "{name}: a hit past the items");
        assert!(
            seen.insert(hit.item),
            "{name}: item {} listed twice",
            hit.item
        );
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
        .any(|p| p.message.contains("not an https address")));
    assert!(catalog.is_empty());

    // Raw NUL bytes inside strings are not JSON; escaped ones make ids that are not slugs.
    assert!(parse("nul-bytes.json").is_err());
    let escaped = files["nul-bytes.json"].replace('\0', "\\u0000");
    let file = parse_kind_file("nul-escaped.json", &escaped).expect("escaped NULs parse");
    let (catalog, problems) = build_catalog("2026-11-27", vec![file], None);
    assert!(catalog.is_empty());
    assert!(problems.iter().any(|p| p.field.as_deref() == Some("id")));

    // Hostile backups are refused before they touch the library.
    assert!(matches!(
        parse_backup(&files["backup-hostile.json"]),
        Err(ImportError::Damaged(_))
    ));
    assert_eq!(
        parse_backup(&files["backup-huge-numbers.json"]),
        Err(ImportError::NotABackup)
    );
    assert_eq!(
        decode_share(&files["share-code-junk.txt"], None, &Catalog::default()),
        Err(ShareError::TooLong)
    );
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
