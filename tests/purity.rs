//! The architecture rule, checked: pure modules never name browser or UI crates, so they
//! build and test natively in seconds.

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
/// Crates that only `web/` and `ui/` may name.
const BROWSER_CRATES: [&str; 5] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

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

fn names_crate(line: &str, krate: &str) -> bool {
    line.match_indices(krate).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + krate.len()..].chars().next();
        let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        boundary(before) && boundary(after)
    })
}

#[test]
fn pure_modules_do_not_import_browser_or_ui_crates() {
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
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for krate in BROWSER_CRATES {
                if names_crate(code, krate) {
                    offences.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "pure modules name browser crates:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_check_recognises_a_browser_import() {
    assert!(names_crate("use web_sys::Window;", "web_sys"));
    assert!(names_crate("leptos::prelude::*", "leptos"));
    assert!(!names_crate("let leptos_like = 1;", "leptos"));
}
