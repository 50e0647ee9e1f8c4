//! Our search engine with a JavaScript face, for the benchmark only: load the content files
//! (the JSON the app fetches) and the search index file built at deploy time, as the app
//! does, then search per keystroke, returning the top hits with their marked titles and
//! snippets. Not used by the app.

use egov_companion::content::{build_catalog, parse_kind_file, Catalog};
use egov_companion::search::{search, Query, SearchIndex, Segment};
use wasm_bindgen::prelude::*;

/// A built index over a catalog.
#[wasm_bindgen]
pub struct Engine {
    catalog: Catalog,
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Parses and validates `files` (pairs of name and JSON text, flattened) as the app
    /// does, then loads `index_file` (written by `tools/search-index` from the same files
    /// with content version `version`), or builds the index when `index_file` is empty.
    #[wasm_bindgen(constructor)]
    pub fn new(files: Vec<String>, version: &str, index_file: &[u8]) -> Result<Engine, JsError> {
        let mut parsed = Vec::new();
        for pair in files.chunks(2) {
            let [name, text] = pair else {
                return Err(JsError::new("files come in name, text pairs"));
            };
            parsed.push(parse_kind_file(name, text).map_err(|p| JsError::new(&p.to_string()))?);
        }
        let (catalog, problems) = build_catalog(version, parsed, None);
        if let Some(problem) = problems.first() {
            return Err(JsError::new(&problem.to_string()));
        }
        let index = if index_file.is_empty() {
            SearchIndex::build(&catalog)
        } else {
            SearchIndex::from_bytes(index_file, &catalog, version)
                .map_err(|e| JsError::new(&e.to_string()))?
        };
        Ok(Engine { catalog, index })
    }

    /// Items indexed.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The top `limit` hits for `text` as `[id, title, snippet, id, title, snippet, …]`,
    /// with matched words wrapped in « ».
    pub fn search(&self, text: &str, limit: usize) -> Vec<String> {
        let mut query = Query::new(text);
        query.limit = limit;
        let results = search(&self.index, &self.catalog, &query);
        let mut out = Vec::with_capacity(results.hits.len() * 3);
        for hit in results.hits {
            out.push(self.catalog.items()[hit.item].id.clone());
            out.push(marked(&hit.title));
            out.push(marked(&hit.snippet));
        }
        out
    }
}

/// Segments as one string, matched words in « ».
fn marked(segments: &[Segment]) -> String {
    let mut text = String::new();
    for segment in segments {
        if segment.marked {
            text.push('«');
            text.push_str(&segment.text);
            text.push('»');
        } else {
            text.push_str(&segment.text);
        }
    }
    text
}
