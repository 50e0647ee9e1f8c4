//! Content assembled as the app loads it: the index file, then every kind file it lists
//! (each once), parsed and validated into one catalog with the index's featured items. The
//! app's loader, the deploy-time index tool, the tests and the fuzz targets all assemble
//! content here, so they see the same catalog; only how the files' text arrives differs
//! (fetched, read from disk, compiled in).

use std::collections::{HashMap, HashSet};

use super::bodies::{bodies_file_name, kind_file_from_parts};
use super::raw::RawIndex;
use super::validate::{
    build_catalog, catalog_as_written, parse_index, parse_kind_file, KindFile, INDEX_FILE,
};
use super::{Catalog, ContentProblem};

/// A catalog and every problem met while assembling it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assembled {
    /// The validated catalog (featured items included).
    pub catalog: Catalog,
    /// Files or items left out, and featured ids that name no item.
    pub problems: Vec<ContentProblem>,
    /// The content version from the index.
    pub version: String,
}

impl RawIndex {
    /// The kind files the index lists, each once, in the order listed.
    pub fn file_names(&self) -> Vec<&str> {
        // A dozen names: no hash set (another copy of its code in the WebAssembly).
        let mut names: Vec<&str> = Vec::with_capacity(self.files.len());
        for name in &self.files {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        names
    }
}

/// The catalog of `index` from its kind files as parsed (a file that failed is its
/// problem), checking cited fact ids against `known_facts` when given.
pub fn assemble(
    index: &RawIndex,
    files: impl IntoIterator<Item = Result<KindFile, ContentProblem>>,
    known_facts: Option<&HashSet<String>>,
) -> Assembled {
    assembled_by(index, files, |version, parsed| {
        build_catalog(version, parsed, known_facts)
    })
}

/// [`assemble`] with no check of the items ([`catalog_as_written`]): for content the build
/// checked whole and stamped (`super::stamp`).
pub fn assemble_as_written(
    index: &RawIndex,
    files: impl IntoIterator<Item = Result<KindFile, ContentProblem>>,
) -> Assembled {
    assembled_by(index, files, catalog_as_written)
}

fn assembled_by(
    index: &RawIndex,
    files: impl IntoIterator<Item = Result<KindFile, ContentProblem>>,
    catalog_of: impl FnOnce(&str, Vec<KindFile>) -> (Catalog, Vec<ContentProblem>),
) -> Assembled {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match file {
            Ok(file) => parsed.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    let (catalog, more) = catalog_of(&index.version, parsed);
    problems.extend(more);
    let (catalog, more) = catalog.with_featured(&index.featured);
    problems.extend(more);
    Assembled {
        catalog,
        problems,
        version: index.version.clone(),
    }
}

/// Assembles content whose files `read` gives by name (relative to `content/`): the index
/// first, then each kind file it lists (with its bodies file, when the index says the
/// bodies are apart: a deployed `dist/content`). Only an unreadable or invalid index is an error;
/// a kind file that cannot be read or parsed is a problem, and the rest still load.
pub fn load_content(
    mut read: impl FnMut(&str) -> Result<String, ContentProblem>,
) -> Result<Assembled, ContentProblem> {
    let index = parse_index(&read(INDEX_FILE)?)?;
    let files: Vec<_> = index
        .file_names()
        .into_iter()
        .map(|name| {
            if index.split_bodies {
                let bodies = read(&bodies_file_name(name));
                kind_file_from_parts(name, read(name), Some(bodies), &index.version)
            } else {
                read(name).and_then(|text| parse_kind_file(name, &text))
            }
        })
        .collect();
    Ok(assemble(&index, files, None))
}

/// [`load_content`] over files held in memory, by name (as the fuzz targets compile them
/// in); a name missing from `files` is a problem naming it.
pub fn load_content_from(files: &HashMap<&str, &str>) -> Result<Assembled, ContentProblem> {
    load_content(|name| {
        files
            .get(name)
            .map(|text| text.to_string())
            .ok_or_else(|| ContentProblem::in_file(name, "is listed but missing"))
    })
}
