//! `split-bodies` on a copy of the repository's content: every file it deploys carries the
//! build's stamp when the content passes every check, and none does when an item fails one,
//! so that the app then checks the content itself and names the problem.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use egov_core::content::stamp::intact;

/// A fresh copy of `content/` (the kind files and the index) in a folder of its own.
fn content_copy(name: &str) -> PathBuf {
    let from = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let to = std::env::temp_dir().join(format!("egov-split-bodies-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&to);
    fs::create_dir_all(&to).expect("a temporary folder");
    for entry in fs::read_dir(from).expect("content/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, to.join(path.file_name().expect("a name"))).expect("copied");
        }
    }
    to
}

/// Runs `split-bodies` on `content`, and gives every JSON file it leaves, with its text.
fn split(content: &Path) -> Vec<(PathBuf, String)> {
    let status = Command::new(env!("CARGO_BIN_EXE_split-bodies"))
        .arg(content)
        .status()
        .expect("split-bodies runs");
    assert!(status.success());
    let mut files = Vec::new();
    let mut folders = vec![content.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let text = fs::read_to_string(&path).expect("text");
                files.push((path, text));
            }
        }
    }
    files
}

/// The files that may carry a stamp: all but the index and the combined first load.
fn stampable(files: &[(PathBuf, String)]) -> Vec<&(PathBuf, String)> {
    files
        .iter()
        .filter(|(path, _)| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json")
                && name != "index.json"
                && name != "first-load.json"
                && name != "schema.json"
                && name != "number-allowlist.json"
        })
        .collect()
}

#[test]
fn content_that_passes_every_check_is_deployed_stamped() {
    let content = content_copy("valid");
    let files = split(&content);
    let stamped = stampable(&files);
    assert!(
        stamped.len() > 100,
        "heads, bodies and items' files: {}",
        stamped.len()
    );
    for (path, text) in stamped {
        assert!(intact(text), "{} carries an intact stamp", path.display());
    }
    fs::remove_dir_all(content).expect("removed");
}

#[test]
fn content_with_a_problem_is_deployed_without_any_stamp() {
    let content = content_copy("invalid");
    let people = content.join("people.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&people).expect("people.json")).expect("JSON");
    file["items"][0]["summary"] = "".into();
    fs::write(&people, file.to_string()).expect("written");
    let files = split(&content);
    let unstamped = stampable(&files);
    assert!(unstamped.len() > 100);
    for (path, text) in unstamped {
        assert!(
            !text.starts_with("{\"checked\""),
            "{} is not stamped",
            path.display()
        );
    }
    fs::remove_dir_all(content).expect("removed");
}
