//! Loads the knowledge base over HTTP, relative to the document base, once per attempt.
//!
//! It fetches `content/index.json`, then each kind file it lists, and hands the text to the
//! pure [`crate::content`] parser. A file that fails (network, HTTP status, HTML where JSON
//! was expected, bad JSON) becomes a [`ContentProblem`] naming it; the other files still
//! load. Only a failed index stops the load, because without it nothing else is known.
//! Search's index file is fetched separately, when search is first used ([`prepare_search`]).

use std::sync::OnceLock;

use futures::future::join_all;

use gloo_net::http::Request;

use crate::content::{
    assemble, parse_index, parse_kind_file, Assembled, Catalog, ContentProblem, INDEX_FILE,
};
use crate::search::SearchIndex;
use crate::web::next_task;

/// Folder of the content files, relative to the document base.
const CONTENT_DIR: &str = "content/";
/// The search index, written next to `index.html` by the build.
const SEARCH_INDEX_FILE: &str = "search-index.bin";

/// A loaded knowledge base: every valid item, and every problem met on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedContent {
    /// The validated catalog.
    pub catalog: Catalog,
    /// Problems with files or items that were left out, for a visible notice.
    pub problems: Vec<ContentProblem>,
    /// The content version from `index.json`, which the search index file must match.
    version: String,
    /// The search index, once [`prepare_search`] has made it ready.
    search_index: OnceLock<SearchIndex>,
}

impl LoadedContent {
    /// The search index over the catalog, once [`prepare_search`] has finished.
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search_index.get()
    }
}

/// Makes search ready, once: loads the index file built at deploy time
/// (`tools/search-index`), or, when it cannot be fetched or does not fit the loaded content
/// (another content version, a damaged file), builds the index here from the catalog, so
/// search always works.
pub async fn prepare_search(content: &LoadedContent) {
    if content.search_index.get().is_some() {
        return;
    }
    let index = match fetch_search_index(content).await {
        Some(index) => index,
        None => SearchIndex::build(&content.catalog),
    };
    // A second caller may have finished first; both indexes are the same.
    let _ = content.search_index.set(index);
}

/// Largest search index file read, in bytes (today's is about 55 KB; 10,000 items about
/// 3 MB). Anything larger is not ours: the app builds its own index instead.
const MAX_SEARCH_INDEX_BYTES: usize = 32 * 1024 * 1024;

/// The deploy-time index file, if it downloads and fits this content.
async fn fetch_search_index(content: &LoadedContent) -> Option<SearchIndex> {
    let response = Request::get(SEARCH_INDEX_FILE).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    // A file far larger than any index of our content is refused before it is read.
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_SEARCH_INDEX_BYTES) {
        return None;
    }
    let bytes = response.binary().await.ok()?;
    if bytes.len() > MAX_SEARCH_INDEX_BYTES {
        return None;
    }
    SearchIndex::from_bytes(&bytes, &content.catalog, &content.version).ok()
}

/// Fetches and validates the whole knowledge base.
pub async fn load_content() -> Result<LoadedContent, ContentProblem> {
    let index_text = fetch_text(INDEX_FILE).await?;
    let index = parse_index(&index_text)?;
    let names = index.file_names();
    // All files at once: one round trip instead of one per file.
    let texts = join_all(names.iter().map(|name| fetch_text(name))).await;
    // Parsing, validating and then drawing the pages are each their own browser task, and
    // each file is parsed in its own, so that no single task blocks the page for long on a
    // slow phone.
    let mut files = Vec::with_capacity(names.len());
    for (name, text) in names.iter().zip(texts) {
        next_task().await;
        files.push(text.and_then(|text| parse_kind_file(name, &text)));
    }
    next_task().await;
    let Assembled {
        catalog,
        problems,
        version,
    } = assemble(&index, files, None);
    next_task().await;
    Ok(LoadedContent {
        catalog,
        problems,
        version,
        search_index: OnceLock::new(),
    })
}

/// Fetches one content file as text, turning every failure into a problem naming the file.
async fn fetch_text(name: &str) -> Result<String, ContentProblem> {
    let url = format!("{CONTENT_DIR}{name}");
    let response = Request::get(&url).send().await.map_err(|_| {
        ContentProblem::in_file(
            name,
            "could not be downloaded (no connection, or the server did not answer)",
        )
    })?;
    if !response.ok() {
        return Err(ContentProblem::in_file(
            name,
            format!(
                "could not be downloaded: the server answered {} {}",
                response.status(),
                response.status_text()
            ),
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|_| ContentProblem::in_file(name, "was cut off while downloading"))?;
    if text.trim_start().starts_with('<') {
        return Err(ContentProblem::in_file(
            name,
            "the server sent a web page instead of JSON (is the file missing on the host?)",
        ));
    }
    Ok(text)
}
