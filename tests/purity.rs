//! The architecture rule, checked: pure modules never name browser or UI crates, nor the
//! app's own browser and UI layers (`web`, `ui`), so they build and test natively in seconds.
//!
//! The check reads the source as tokens, not lines: an import split over lines by rustfmt
//! (`use crate::{\n    content,\n    web,\n};`) is caught like one on a single line. It errs on
//! the side of flagging: any identifier that is a browser crate's name or starts with it and
//! `_` (`gloo_net`, `leptos_router`, `wasm_bindgen_futures`) counts, wherever it appears.

use std::fs;
use std::path::{Path, PathBuf};

/// Modules that must stay pure.
const PURE_MODULES: [&str; 5] = [
    "src/content",
    "src/search",
    "src/library",
    "src/sort.rs",
    "src/charts.rs",
];
/// Crates (and, through the `_` rule, their companion crates) that only `web/` and `ui/` may
/// name.
const BROWSER_CRATES: [&str; 5] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen"];
/// The app's own modules that only `web/`, `ui/` and `main.rs` may name.
const BROWSER_MODULES: [&str; 2] = ["web", "ui"];
/// Path roots that lead to the app's top-level modules (`super` may, from a module's root).
const PATH_ROOTS: [&str; 3] = ["crate", "super", "egov_companion"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A piece of source that matters to paths, with its line number (from 1).
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Other,
}

/// The tokens of `source`, line comments (and doc comments) left out.
fn tokens(source: &str) -> Vec<(usize, Token)> {
    let mut out = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let chars: Vec<char> = code.chars().collect();
        let mut at = 0;
        while at < chars.len() {
            let c = chars[at];
            let token = if c.is_alphanumeric() || c == '_' {
                let start = at;
                while at < chars.len() && (chars[at].is_alphanumeric() || chars[at] == '_') {
                    at += 1;
                }
                out.push((number + 1, Token::Ident(chars[start..at].iter().collect())));
                continue;
            } else if c == ':' && chars.get(at + 1) == Some(&':') {
                at += 1;
                Token::PathSep
            } else if c == '{' {
                Token::Open
            } else if c == '}' {
                Token::Close
            } else if c == ',' {
                Token::Comma
            } else if c.is_whitespace() {
                at += 1;
                continue;
            } else {
                Token::Other
            };
            out.push((number + 1, token));
            at += 1;
        }
    }
    out
}

/// True when `ident` is a browser crate's name, or one of its companions (`gloo_net`).
fn is_browser_crate(ident: &str) -> bool {
    BROWSER_CRATES.iter().any(|krate| {
        ident == *krate
            || ident
                .strip_prefix(krate)
                .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// Line numbers of `source` that name a browser crate or reach `web`/`ui` through a path
/// from the crate's root (`crate::web`, `super::ui`, `use crate::{content, web::x}`).
fn offences(source: &str) -> Vec<usize> {
    let tokens = tokens(source);
    let mut lines = Vec::new();
    // Per open brace: whether it groups the rest of a path that started at a root.
    let mut groups: Vec<bool> = Vec::new();
    // Whether the path being read started at a root.
    let mut rooted = false;
    for (i, (line, token)) in tokens.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| &tokens[p].1);
        match token {
            Token::Ident(ident) => {
                if is_browser_crate(ident) {
                    lines.push(*line);
                }
                rooted = match previous {
                    // The next segment of the same path.
                    Some(Token::PathSep) => rooted,
                    // An item of a group: it continues the group's path.
                    Some(Token::Open | Token::Comma) => groups.last().copied().unwrap_or(false),
                    // A new path.
                    _ => false,
                };
                if rooted && BROWSER_MODULES.contains(&ident.as_str()) {
                    lines.push(*line);
                }
                if PATH_ROOTS.contains(&ident.as_str())
                    && tokens.get(i + 1).map(|(_, t)| t) == Some(&Token::PathSep)
                {
                    rooted = true;
                }
            }
            Token::PathSep | Token::Comma => {}
            Token::Open => groups.push(rooted && previous == Some(&Token::PathSep)),
            Token::Close => {
                groups.pop();
                rooted = false;
            }
            Token::Other => rooted = false,
        }
    }
    lines.sort_unstable();
    lines.dedup();
    lines
}

#[test]
fn pure_modules_do_not_import_browser_or_ui_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for module in PURE_MODULES {
        let path = root.join(module);
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    assert!(files.len() >= 3, "expected the pure modules' files");
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        let lines: Vec<&str> = text.lines().collect();
        for number in offences(&text) {
            found.push(format!(
                "{}:{number}: {}",
                file.display(),
                lines[number - 1].trim()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "pure modules name browser crates or the web/ui layers:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_recognises_browser_crates_and_their_companions() {
    for line in [
        "use web_sys::Window;",
        "leptos::prelude::*",
        "use gloo_net::http::Request;",
        "let page = leptos_router::hooks::use_params();",
        "wasm_bindgen_futures::spawn_local(task);",
        "use js_sys::Date;",
        "use gloo::timers;",
        "let leptos_like = 1;",
    ] {
        assert_eq!(offences(line), [1], "{line}");
    }
}

#[test]
fn the_check_recognises_imports_of_the_web_and_ui_layers() {
    for source in [
        "use crate::web::storage;",
        "crate::ui::library::use_library()",
        "use super::web;",
        "use super::super::ui::pages;",
        "use egov_companion::web::loader;",
        "use crate::{content::Kind, web::storage};",
        "use crate::{ui, content};",
        "use crate::{\n    content::{Catalog, Kind},\n    web::storage,\n};",
    ] {
        assert!(!offences(source).is_empty(), "{source}");
    }
    assert_eq!(
        offences("use crate::{\n    content::{Catalog, Kind},\n    web::storage,\n};"),
        [3]
    );
}

#[test]
fn the_check_leaves_pure_code_alone() {
    for source in [
        "use crate::content::{Catalog, Kind};",
        "use super::{decode, Library};",
        "use crate::{content::Kind, search::web_like};",
        "let gloomy = web + ui;",
        "fn ui_label(web_page: &str) {}",
        "let leptosish = 1; // leptos is named only in a comment",
        "/// Not for `crate::web`: this module is pure.",
        "use crate::search::{index::Doc, ui_free};",
    ] {
        assert_eq!(offences(source), Vec::<usize>::new(), "{source}");
    }
}
