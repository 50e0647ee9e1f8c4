//! `split-bodies <content dir>`: rewrites a deployed content folder (`dist/content`) so that
//! each kind file holds only its items' heads and a `X.bodies.json` beside it their bodies,
//! writes each item's body in `items/X/<id>.json` (for a first visit to its page), and marks
//! `index.json` (`egov_core::content::bodies`); then writes the index and the heads again
//! in one file, `first-load.json`, for a first page (`egov_core::content::first_load`).
//! Run by the build after the search index, which is made from the whole files; never on
//! the repository's `content/`.
//!
//! Where the whole content passes every check the app makes, each file written (heads,
//! bodies, items' files) carries the build's stamp (`egov_core::content::stamp`), and the
//! app reads it without checking it again; otherwise nothing is stamped, and the app checks
//! and names every problem.
//!
//! Splitting is all or nothing: a file that is not a kind file stops the build, because the
//! app could not load it either. A folder already split is left as it is.

use std::path::Path;
use std::process::ExitCode;

use egov_core::content::bodies::{bodies_file_name, item_files, split_kind_file};
use egov_core::content::first_load::{first_load_file, FIRST_LOAD_FILE};
use egov_core::content::stamp::stamped;
use egov_core::content::{load_content, parse_index, ContentProblem, INDEX_FILE};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content] = args.as_slice() else {
        eprintln!("usage: split-bodies <content dir>");
        return ExitCode::from(2);
    };
    match split(Path::new(content)).and_then(|message| {
        let combined = combine(Path::new(content))?;
        Ok(format!("{message}; {combined}"))
    }) {
        Ok(message) => {
            println!("content: {message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("content: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The text of the file `name` in the content folder, or a message naming its path.
fn read_in(content: &Path, name: &str) -> Result<String, String> {
    let path = content.join(name);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn split(content: &Path) -> Result<String, String> {
    let read = |name: &str| read_in(content, name);
    let write = |name: &str, text: &str| {
        let path = content.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let index_text = read(INDEX_FILE)?;
    let index = parse_index(&index_text).map_err(|p| p.to_string())?;
    if index.split_bodies {
        return Ok("already split into heads and bodies".to_string());
    }
    // The whole content checked as the app checks it: stamped only without a problem
    // (`egov_core::content::stamp`), so that the app names every problem there is.
    let problems =
        load_content(|name| read(name).map_err(|message| ContentProblem::in_file(name, message)))
            .map_err(|p| p.to_string())?
            .problems
            .len();
    let write_checked = |name: &str, text: &str| match problems {
        0 => write(
            name,
            &stamped(text).ok_or(format!("{name}: not a JSON object"))?,
        ),
        _ => write(name, text),
    };
    let (mut heads_bytes, mut bodies_bytes, mut item_count) = (0, 0, 0);
    for name in index.file_names() {
        let whole = read(name)?;
        for (item_name, text) in
            item_files(name, &whole, &index.version).map_err(|e| format!("{name} {e}"))?
        {
            write_checked(&item_name, &text)?;
            item_count += 1;
        }
        let (heads, bodies) =
            split_kind_file(&whole, &index.version).map_err(|e| format!("{name} {e}"))?;
        heads_bytes += heads.len();
        bodies_bytes += bodies.len();
        write_checked(name, &heads)?;
        write_checked(&bodies_file_name(name), &bodies)?;
    }
    let mut marked: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&index_text).map_err(|e| format!("{INDEX_FILE}: {e}"))?;
    marked.insert("split_bodies".to_string(), serde_json::Value::Bool(true));
    let marked = serde_json::to_string(&marked).map_err(|e| format!("{INDEX_FILE}: {e}"))?;
    write(INDEX_FILE, &marked)?;
    let checked = match problems {
        0 => "checked and stamped".to_string(),
        n => format!("not stamped: {n} problems, which the app names"),
    };
    Ok(format!(
        "{} kind files split: heads {} KB, bodies {} KB; {item_count} items in files of their own; {checked}",
        index.files.len(),
        heads_bytes / 1024,
        bodies_bytes / 1024
    ))
}

/// Writes `first-load.json`: the index and every kind file it lists, as they are now.
fn combine(content: &Path) -> Result<String, String> {
    let read = |name: &str| read_in(content, name);
    let index_text = read(INDEX_FILE)?;
    let index = parse_index(&index_text).map_err(|p| p.to_string())?;
    let mut files = vec![(INDEX_FILE.to_string(), index_text)];
    for name in index.file_names() {
        files.push((name.to_string(), read(name)?));
    }
    let combined = first_load_file(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| format!("{FIRST_LOAD_FILE}: {e}"))?;
    let path = content.join(FIRST_LOAD_FILE);
    std::fs::write(&path, &combined).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!(
        "{FIRST_LOAD_FILE}: {} files, {} KB",
        files.len(),
        combined.len() / 1024
    ))
}
