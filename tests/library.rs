//! The stored library format, checked against frozen values: what a person saved with an
//! earlier version of the app must load in every later one.

use egov_companion::library::{decode, encode, StoreError, FORMAT_VERSION};

/// A library exactly as format 1 stored it. Never edit this string: when the format moves
/// on, add a new fixture and keep this one loading.
const FORMAT_1_VALUE: &str = r#"{"format":1,"bookmarks":[{"id":"hometax","saved_at":1764201600000},{"id":"edition-2017-seoul","saved_at":1764201700000}],"notes":{"hometax":{"text":"Ask how e-invoicing became mandatory.","updated_at":1764201800000}},"attended":["2017-wrap-up"]}"#;

#[test]
fn loads_a_version_1_value() {
    let library = decode(FORMAT_1_VALUE).expect("format 1 loads");
    let ids: Vec<&str> = library.bookmarks().iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["hometax", "edition-2017-seoul"]);
    assert_eq!(
        library.note("hometax").map(|n| n.text.as_str()),
        Some("Ask how e-invoicing became mandatory.")
    );
    assert!(library.is_attended("2017-wrap-up"));
}

#[test]
fn writes_the_current_format_and_reads_it_back() {
    let library = decode(FORMAT_1_VALUE).expect("format 1 loads");
    let text = encode(&library);
    assert!(text.contains(&format!("\"format\":{FORMAT_VERSION}")));
    assert_eq!(decode(&text), Ok(library));
}

#[test]
fn a_value_from_a_newer_app_is_refused_not_misread() {
    let newer = FORMAT_1_VALUE.replace("\"format\":1", "\"format\":7");
    assert_eq!(decode(&newer), Err(StoreError::NewerFormat(7)));
}

#[test]
fn a_truncated_value_is_reported_as_damaged() {
    let cut = &FORMAT_1_VALUE[..FORMAT_1_VALUE.len() / 2];
    let error = decode(cut).expect_err("truncated");
    assert!(
        error
            .to_string()
            .starts_with("the saved library is damaged"),
        "{error}"
    );
}
