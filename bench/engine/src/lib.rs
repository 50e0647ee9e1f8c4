//! Our search engine with a JavaScript face, for the benchmark only: load the two files the
//! deploy-time step writes (`tools/search-index`: the index, and the stored texts that
//! results show), then search per keystroke, returning the top hits with their marked
//! titles and snippets. The app loads the same index file; it takes the texts from the
//! content it has already loaded for browsing. Not used by the app.

use egov_core::search::{search, ItemTexts, Query, SearchIndex, Segment, StoredTexts};
use wasm_bindgen::prelude::*;

/// A loaded index with its texts.
#[wasm_bindgen]
pub struct Engine {
    texts: StoredTexts,
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Loads `texts_file` and `index_file`, both written for content `version`.
    #[wasm_bindgen(constructor)]
    pub fn new(version: &str, index_file: &[u8], texts_file: &[u8]) -> Result<Engine, JsError> {
        let texts = StoredTexts::from_bytes(texts_file, version)
            .map_err(|e| JsError::new(&format!("texts: {e}")))?;
        let index = SearchIndex::from_bytes(index_file, &texts, version)
            .map_err(|e| JsError::new(&format!("index: {e}")))?;
        Ok(Engine { texts, index })
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
        let results = search(&self.index, &self.texts, &query);
        let mut out = Vec::with_capacity(results.hits.len() * 3);
        for hit in results.hits {
            out.push(self.texts.id(hit.item).to_string());
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
