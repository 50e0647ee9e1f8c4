//! The content parser and validator: any bytes as the index, or as any kind's file, then
//! the whole catalog build. Must never panic; every problem must be described.
#![no_main]

use egov_companion_fuzz::CONTENT_FILES;
use egov_core::content::{build_catalog, parse_index, parse_kind_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    // The browser hands the app text, replacing invalid UTF-8, and so do we.
    let text = String::from_utf8_lossy(rest);
    if let Err(problem) = parse_index(&text) {
        assert!(
            !problem.to_string().is_empty(),
            "an index problem without words"
        );
    }
    // Put the input in place of one real file, so validation sees it beside real content.
    let replaced = selector as usize % CONTENT_FILES.len();
    let mut files = Vec::new();
    for (i, (name, real)) in CONTENT_FILES.iter().enumerate() {
        let candidate = if i == replaced { text.as_ref() } else { *real };
        match parse_kind_file(name, candidate) {
            Ok(file) => files.push(file),
            Err(problem) => assert!(!problem.to_string().is_empty()),
        }
    }
    let (catalog, problems) = build_catalog("2026-11-27", files, None);
    for problem in &problems {
        assert!(
            !problem.to_string().is_empty(),
            "a content problem without words"
        );
    }
    // Whatever was accepted must be reachable by id.
    for item in catalog.items() {
        assert!(
            catalog.get(&item.id).is_some(),
            "accepted item {} not found",
            item.id
        );
    }
});
