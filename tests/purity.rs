//! The app's layer rules, checked: `ui/` never names a browser crate (only `web/` talks to
//! the browser), and `web/` never names Leptos nor the app's `ui` layer.
//!
//! The pure core needs no such check any more: it is its own crate (`crates/egov-core`)
//! with no browser or UI dependency, so the compiler refuses any such name there.
//!
//! The check reads the source as tokens, not lines: an import split over lines by rustfmt
//! (`use crate::{\n    web,\n    ui,\n};`) is caught like one on a single line. It errs on
//! the side of flagging: any identifier that is a forbidden crate's name or starts with it and
//! `_` (`gloo_net`, `leptos_router`, `wasm_bindgen_futures`) counts, wherever it appears.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates (and, through the `_` rule, their companion crates) that only `web/` may name.
const BROWSER_CRATES: [&str; 4] = ["web_sys", "js_sys", "gloo", "wasm_bindgen"];
/// Path roots that lead to the app's top-level modules (`super` may, from a module's root).
const PATH_ROOTS: [&str; 3] = ["crate", "super", "egov_companion"];

/// A layer's rule: the folder, the crates it may not name, the app modules it may not reach.
struct Rule {
    folder: &'static str,
    crates: &'static [&'static str],
    modules: &'static [&'static str],
}

/// `ui/` draws; `web/` talks to the browser; neither reaches into the other's job.
const RULES: [Rule; 2] = [
    Rule {
        folder: "src/ui",
        crates: &BROWSER_CRATES,
        modules: &[],
    },
    Rule {
        folder: "src/web",
        crates: &["leptos"],
        modules: &["ui"],
    },
];

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

/// True when `ident` is one of `crates`, or one of their companions (`gloo_net`).
fn names_crate(ident: &str, crates: &[&str]) -> bool {
    crates.iter().any(|krate| {
        ident == *krate
            || ident
                .strip_prefix(krate)
                .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// Line numbers of `source` that name one of `crates` or reach one of `modules` through a
/// path from the crate's root (`crate::ui`, `super::ui`, `use crate::{content, ui::x}`).
fn offences(source: &str, crates: &[&str], modules: &[&str]) -> Vec<usize> {
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
                if names_crate(ident, crates) {
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
                if rooted && modules.contains(&ident.as_str()) {
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
fn ui_never_names_browser_crates_and_web_never_names_leptos_or_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for rule in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(rule.folder), &mut files);
        assert!(files.len() >= 3, "expected the files of {}", rule.folder);
        for file in files {
            let text = fs::read_to_string(&file).expect("readable source");
            let lines: Vec<&str> = text.lines().collect();
            for number in offences(&text, rule.crates, rule.modules) {
                found.push(format!(
                    "{}:{number}: {}",
                    file.display(),
                    lines[number - 1].trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a layer names what it must not:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_recognises_browser_crates_and_their_companions() {
    for line in [
        "use web_sys::Window;",
        "use gloo_net::http::Request;",
        "wasm_bindgen_futures::spawn_local(task);",
        "use js_sys::Date;",
        "use gloo::timers;",
        "let web_sys_like = 1;",
    ] {
        assert_eq!(offences(line, &BROWSER_CRATES, &[]), [1], "{line}");
    }
    for line in [
        "leptos::prelude::*",
        "let page = leptos_router::hooks::use_params();",
    ] {
        assert_eq!(offences(line, &["leptos"], &[]), [1], "{line}");
    }
}

#[test]
fn the_check_recognises_imports_of_the_ui_layer() {
    for source in [
        "crate::ui::library_state::use_library()",
        "use super::ui;",
        "use super::super::ui::pages;",
        "use egov_companion::ui::App;",
        "use crate::{ui, content};",
        "use crate::{content::Kind, ui::components};",
    ] {
        assert!(!offences(source, &[], &["ui"]).is_empty(), "{source}");
    }
    assert_eq!(
        offences(
            "use crate::{\n    content::{Catalog, Kind},\n    ui::components,\n};",
            &[],
            &["ui"]
        ),
        [3]
    );
}

#[test]
fn the_check_leaves_allowed_code_alone() {
    for source in [
        "use crate::content::{Catalog, Kind};",
        "use super::{decode, Library};",
        "use crate::{content::Kind, search::ui_like};",
        "let gloomy = web + ui;",
        "fn ui_label(web_page: &str) {}",
        "let web_sysish = 1; // web_sys is named only in a comment",
        "/// Not for `crate::ui`: this module talks to the browser.",
        "use crate::search::{index::Doc, ui_free};",
    ] {
        assert_eq!(
            offences(source, &BROWSER_CRATES, &["ui"]),
            Vec::<usize>::new(),
            "{source}"
        );
    }
}
