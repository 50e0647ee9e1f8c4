//! `egov-search-index <content dir> <index file> [<texts file>]`: loads a content folder as
//! the app does (`egov_core::content::load_content`: its `index.json`, then every kind file
//! it lists, validated), builds the
//! search index and writes it as the file the app loads
//! (`egov_core::search::SearchIndex::to_bytes`); with a third argument, also the stored
//! texts a search engine without the content needs (`StoredTexts`, the benchmark's).
//!
//! Files or items that fail validation are reported and left out, exactly as the app leaves
//! them out, so the index matches what the app shows. A missing or unreadable `index.json`
//! is an error: without it there is no content to index.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use egov_core::content::{load_content, ContentProblem};
use egov_core::search::{SearchIndex, StoredTexts};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (content, output, texts) = match args.as_slice() {
        [content, output] => (content, output, None),
        [content, output, texts] => (content, output, Some(texts)),
        _ => {
            eprintln!("usage: egov-search-index <content dir> <index file> [<texts file>]");
            return ExitCode::from(2);
        }
    };
    match write_index(content, output, texts.map(PathBuf::as_path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("search index: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_index(content: &Path, output: &Path, texts: Option<&Path>) -> Result<(), String> {
    let started = Instant::now();
    let assembled = load_content(|name| {
        std::fs::read_to_string(content.join(name)).map_err(|e| {
            ContentProblem::in_file(name, format!("{}: {e}", content.join(name).display()))
        })
    })
    .map_err(|p| p.to_string())?;
    for problem in &assembled.problems {
        eprintln!("search index: left out: {problem}");
    }
    let (catalog, version) = (assembled.catalog, assembled.version);
    let bytes = SearchIndex::build(&catalog).to_bytes(&catalog, &version);
    std::fs::write(output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
    if let Some(texts) = texts {
        std::fs::write(texts, StoredTexts::to_bytes(&catalog, &version))
            .map_err(|e| format!("{}: {e}", texts.display()))?;
    }
    println!(
        "search index: {} items, {} bytes, in {:?} -> {}",
        catalog.len(),
        bytes.len(),
        started.elapsed(),
        output.display()
    );
    Ok(())
}
