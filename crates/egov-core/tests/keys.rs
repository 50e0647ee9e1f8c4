//! Keys named outside Rust agree with `egov_core::keys`.

use std::fs;

use egov_core::keys;

#[test]
fn the_theme_script_reads_the_theme_key_the_app_writes() {
    let script = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/theme.js"
    ))
    .expect("public/theme.js");
    let read = format!("localStorage.getItem(\"{}\")", keys::THEME);
    assert!(
        script.contains(&read),
        "public/theme.js must read the theme with {read}"
    );
    assert_eq!(
        script.matches("egov-companion/").count(),
        1,
        "public/theme.js names no other key"
    );
}

#[test]
fn every_storage_key_is_distinct_and_under_the_app_prefix() {
    let keys = [
        keys::LIBRARY,
        keys::LIBRARY_UNREADABLE_PREFIX,
        keys::THEME,
        keys::LOCAL_TIMES,
    ];
    for (i, key) in keys.iter().enumerate() {
        assert!(key.starts_with("egov-companion/"), "{key}");
        assert!(
            keys[i + 1..].iter().all(|other| !other.starts_with(key)),
            "{key} is a prefix of another key"
        );
    }
}
