//! Loads the knowledge base over HTTP, relative to the document base, once per attempt.
//!
//! It fetches `content/index.json` and each kind file it lists, and hands the text to the
//! pure [`crate::content`] parser. Where the build wrote them in one file as well
//! (`content::first_load`), that one file comes instead (on a first visit, as the page's
//! loader unpacked it where it downloaded it packed); whatever it lacks, or all of them
//! when it cannot be read, is fetched file by file. A file that fails (network, HTTP
//! status, HTML where JSON was expected, bad JSON) becomes a [`ContentProblem`] naming it;
//! the other files still load. Only a failed index stops the load, because without it
//! nothing else is known. Where the build deployed the items' bodies apart
//! (`content::bodies`), the load is in two parts: [`load_content`] what a first page needs,
//! [`load_bodies`] the rest. A first visit to an item's page takes that item's body from its
//! own file, instead of its kind's bodies.
//! Content the build checked in full carries its stamp (`content::stamp`) and is read as
//! written; where any file's stamp is missing or does not match, the content is checked in
//! full, by code the caller fetches only then ([`CheckContent`]).
//! Search's index file is fetched separately, when search is first used ([`prepare_search`]).
//! A load the person asked for again (Retry, [`Freshness::Revalidated`]) checks every file
//! with the host instead of taking the browser's cached copy.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::Poll;

use gloo_net::http::Request;
use web_sys::RequestCache;

use crate::content::bodies::{
    bodies_file_name, item_file_name, kind_file_from_parts, kind_file_with_item,
};
use crate::content::first_load::{first_load_parts, FIRST_LOAD_FILE};
use crate::content::raw::RawIndex;
use crate::content::{
    assemble_as_written, parse_index, parse_kind_file, stamp, Assembled, Catalog, ContentProblem,
    Kind, KindFile, INDEX_FILE,
};
use crate::search::SearchIndex;
use crate::web::next_task;

/// Folder of the content files, relative to the document base.
const CONTENT_DIR: &str = "content/";
/// The search index, written next to `index.html` by the build.
const SEARCH_INDEX_FILE: &str = "search-index.bin";

/// A loaded knowledge base: every valid item, and every problem met on the way.
#[derive(Debug, Clone, Default)]
pub struct LoadedContent {
    /// The validated catalog.
    pub catalog: Catalog,
    /// Problems with files or items that were left out, for a visible notice.
    pub problems: Vec<ContentProblem>,
    /// The content version from `index.json`, which the search index file must match.
    version: String,
    /// The search index, once [`prepare_search`] has made it ready.
    search_index: OnceLock<SearchIndex>,
    /// When the items' bodies are deployed apart (`content::bodies`) and some are still to
    /// come: what [`load_bodies`] needs to finish the load.
    pending: Option<PendingBodies>,
    /// The kinds whose bodies came with a first load that left others to come.
    bodies_of: Vec<Kind>,
    /// The item whose body came with such a load, from the item's own file.
    whole_item: Option<(Kind, String)>,
}

/// What a first load fetched, kept for [`load_bodies`]: the index, and each kind file's
/// heads and, where they came with it, bodies (in the index's order), and whether the load
/// checks every file with the host ([`Freshness`]).
#[derive(Debug, Clone)]
struct PendingBodies {
    freshness: Freshness,
    index: RawIndex,
    heads: Vec<Result<String, ContentProblem>>,
    bodies: Vec<Option<Result<String, ContentProblem>>>,
}

impl LoadedContent {
    /// Whether the item `id` of `kind` has its body, so that its page can be drawn.
    pub fn has_body_of(&self, kind: Kind, id: &str) -> bool {
        self.pending.is_none()
            || self.bodies_of.contains(&kind)
            || self
                .whole_item
                .as_ref()
                .is_some_and(|(whole_kind, whole_id)| *whole_kind == kind && whole_id == id)
    }

    /// The search index over the catalog, once [`prepare_search`] has finished.
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search_index.get()
    }
}

/// Whether a load may take the browser's cached copy of a file, as a first load does (the
/// host's caching rules apply, and the page's early requests are reused), or checks every
/// file with the host. A host may let browsers keep files for minutes (`max-age=600`): a
/// person who came back between two deployments can hold the old index and heads while the
/// bodies come from the new one, and their version check leaves those kinds out. Retry
/// must then fetch anew, not meet the same cached files again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// The browser's cached copy will do: a first load.
    Cached,
    /// Every file checked with the host: Retry, after a failed file or parts of two
    /// deployments. [`load_bodies`] fetches the rest the same way.
    Revalidated,
}

/// Makes search ready, once: loads the index file built at deploy time
/// (`tools/search-index`), or, when it cannot be fetched or does not fit the loaded content
/// (another content version, a damaged file), has `build` make one from the catalog, so
/// search always works. (`build` is the caller's: the search page's code for it is fetched
/// only when it is needed. It is given the content itself, not a copy of its catalog.)
pub async fn prepare_search<Built>(
    content: &Arc<LoadedContent>,
    build: impl FnOnce(Arc<LoadedContent>) -> Built,
) where
    Built: std::future::Future<Output = SearchIndex>,
{
    if content.search_index.get().is_some() {
        return;
    }
    let index = match fetch_search_index(content).await {
        Some(index) => index,
        None => build(Arc::clone(content)).await,
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

/// Fetches and validates the knowledge base, as far as a first page needs it: the index,
/// every kind file (from the combined file where it has them), and, when the bodies are
/// deployed apart, only what the item in the URL needs (`/case-studies/hometax`): on a
/// first visit its body from the item's own file, on a visit the service worker serves
/// (which holds every file) its kind's bodies.
/// [`load_bodies`] then fetches the rest.
pub async fn load_content(
    freshness: Freshness,
    check: CheckContent,
) -> Result<LoadedContent, ContentProblem> {
    let unpacked = match freshness {
        Freshness::Cached => take_unpacked_first_load().await,
        Freshness::Revalidated => {
            refresh_packed_first_load();
            None
        }
    };
    let mut combined = match unpacked.as_deref().and_then(first_load_parts) {
        Some(parts) => parts,
        None => fetch_text(FIRST_LOAD_FILE, freshness)
            .await
            .ok()
            .and_then(|text| first_load_parts(&text))
            .unwrap_or_default(),
    };
    let mut part = |name: &str| {
        let at = combined.iter().position(|(part, _)| part == name)?;
        Some(combined.swap_remove(at).1)
    };
    let index_text = match part(INDEX_FILE) {
        Some(text) => text,
        None => fetch_text(INDEX_FILE, freshness).await?,
    };
    let index = parse_index(&index_text)?;
    let names: Vec<String> = index.file_names().into_iter().map(String::from).collect();
    let combined_heads: Vec<Option<String>> = names.iter().map(|name| part(name)).collect();
    let item = if index.split_bodies {
        item_in_url(&names)
    } else {
        None
    };
    let from_worker = crate::web::offline::served_by_worker();
    let kind_bodies = item.as_ref().filter(|_| from_worker).map(|(file, _)| file);
    let wanted = names
        .iter()
        .map(|name| (Some(name) == kind_bodies).then(|| bodies_file_name(name)));
    let item_file = item
        .as_ref()
        .filter(|_| !from_worker)
        .map(|(file, id)| item_file_name(file, id));
    // All files at once, heads not in the combined file, bodies, the item's own: one round
    // trip instead of one each.
    let count = names.len();
    let heads_wanted = names
        .iter()
        .zip(&combined_heads)
        .map(|(name, head)| head.is_none().then(|| name.clone()));
    let mut fetched = fetch_each(
        heads_wanted.chain(wanted).chain([item_file]).collect(),
        freshness,
    )
    .await;
    let whole_item = fetched
        .pop()
        .flatten()
        .zip(item)
        .map(|(text, (file, id))| (text, file, id));
    let bodies = fetched.split_off(count);
    let heads = fetched
        .into_iter()
        .zip(combined_heads)
        .filter_map(|(fetched, combined)| combined.map(Ok).or(fetched))
        .collect();
    Ok(assembled(freshness, index, heads, bodies, whole_item, check).await)
}

/// The rest of a first load ([`load_content`]): every kind file's bodies that did not come
/// with it, and the whole knowledge base parsed and validated again in full. Its catalog and
/// problems replace the first load's. `None` when the first load is already complete: it
/// is the whole knowledge base as it is (no copy made).
pub async fn load_bodies(first: &LoadedContent, check: CheckContent) -> Option<LoadedContent> {
    let PendingBodies {
        freshness,
        index,
        heads,
        bodies,
    } = first.pending.clone()?;
    let wanted = index
        .file_names()
        .into_iter()
        .zip(&bodies)
        .map(|(name, fetched)| fetched.is_none().then(|| bodies_file_name(name)));
    let more = fetch_each(wanted.collect(), freshness).await;
    let bodies = bodies
        .into_iter()
        .zip(more)
        .map(|(early, late)| early.or(late))
        .collect();
    Some(assembled(freshness, index, heads, bodies, None, check).await)
}

/// Fetches every named file at once; `None` for no name. (A list, not any iterator: one
/// copy of this function and its futures for every caller, for the WebAssembly's size.)
async fn fetch_each(
    names: Vec<Option<String>>,
    freshness: Freshness,
) -> Vec<Option<Result<String, ContentProblem>>> {
    let fetches: Vec<_> = names
        .into_iter()
        .map(|name| Box::pin(async move { Some(fetch_text(&name?, freshness).await) }))
        .collect();
    all_of(fetches).await
}

/// Runs every future of `futures` at once and gives their outputs in order, once all are
/// done: `futures::join_all` for our few fetches, without its second way for long lists
/// (about 2 KB of WebAssembly on every page's start-up path).
async fn all_of<F: Future + Unpin>(mut futures: Vec<F>) -> Vec<F::Output> {
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|context| {
        let mut waiting = false;
        for (future, output) in futures.iter_mut().zip(&mut outputs) {
            if output.is_none() {
                match Pin::new(future).poll(context) {
                    Poll::Ready(value) => *output = Some(value),
                    Poll::Pending => waiting = true,
                }
            }
        }
        if waiting {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}

/// Parses and validates the fetched kind files into the knowledge base. Parsing,
/// validating and then drawing the pages are each their own browser task, and each file is
/// parsed in its own, so that no single task blocks the page for long on a slow phone. With
/// the bodies apart and some of them missing, the result keeps what [`load_bodies`] needs.
/// `whole_item` is an item's own file (its body), the kind file it belongs to, and its id.
async fn assembled(
    freshness: Freshness,
    index: RawIndex,
    heads: Vec<Result<String, ContentProblem>>,
    bodies: Vec<Option<Result<String, ContentProblem>>>,
    mut whole_item: Option<(Result<String, ContentProblem>, String, String)>,
    check: CheckContent,
) -> LoadedContent {
    let complete = !index.split_bodies || bodies.iter().all(Option::is_some);
    let stamped = all_stamped(
        &heads,
        &bodies,
        whole_item
            .as_ref()
            .and_then(|(text, _, _)| text.as_deref().ok()),
    );
    let mut files = Vec::with_capacity(heads.len());
    let mut bodies_of = Vec::new();
    let mut whole = None;
    for ((name, text), body) in index.file_names().into_iter().zip(&heads).zip(&bodies) {
        next_task().await;
        let item_file = whole_item
            .take_if(|(_, of, _)| of == name && body.is_none())
            .map(|(item_file, _, id)| (item_file, id));
        let file = if let Some((item_file, id)) = item_file {
            let (file, came) =
                kind_file_with_item(name, text.clone(), item_file, &id, &index.version);
            if let (Ok(file), true) = (&file, came) {
                whole = Some((file.kind, id));
            }
            file
        } else if index.split_bodies {
            kind_file_from_parts(name, text.clone(), body.clone(), &index.version)
        } else {
            text.clone().and_then(|text| parse_kind_file(name, &text))
        };
        if let Ok(file) = &file {
            if !file.bodies_pending {
                bodies_of.push(file.kind);
            }
        }
        files.push(file);
    }
    next_task().await;
    let Assembled {
        catalog,
        problems,
        version,
    } = if stamped {
        assemble_as_written(&index, files)
    } else {
        check(index.clone(), files).await
    };
    next_task().await;
    LoadedContent {
        catalog,
        problems,
        version,
        search_index: OnceLock::new(),
        pending: (!complete).then_some(PendingBodies {
            freshness,
            index,
            heads,
            bodies,
        }),
        bodies_of,
        whole_item: whole,
    }
}

/// Whether every content file that arrived carries the build's stamp, intact
/// (`content::stamp`): the build then checked this content in full, and it is read as
/// written. (A file that failed is a problem of its own either way.)
fn all_stamped(
    heads: &[Result<String, ContentProblem>],
    bodies: &[Option<Result<String, ContentProblem>>],
    whole_item: Option<&str>,
) -> bool {
    let arrived = heads
        .iter()
        .chain(bodies.iter().flatten())
        .filter_map(|text| text.as_deref().ok());
    arrived.chain(whole_item).all(stamp::intact)
}

/// The content checked in full (`content::assemble`), for when some file is not as the
/// build stamped it (changed on the host, another deployment's, or never stamped because
/// the build found problems). The caller's: its code is then fetched only when needed, as
/// the content a build deploys is stamped and a first page does without it.
pub type CheckContent =
    fn(RawIndex, Vec<Result<KindFile, ContentProblem>>) -> Pin<Box<dyn Future<Output = Assembled>>>;

/// The item page the URL names (`/case-studies/hometax`): its kind file
/// (`case-studies.json`, whose name is its kind's URL segment), if it is one of `names`, and
/// its id.
fn item_in_url(names: &[String]) -> Option<(String, String)> {
    let path = crate::web::app_path();
    let mut segments = path.trim_start_matches('/').split('/');
    let (kind, id, rest) = (segments.next()?, segments.next()?, segments.next());
    if id.is_empty() || rest.is_some() {
        return None;
    }
    let file = format!("{kind}.json");
    names.contains(&file).then(|| (file, id.to_string()))
}

/// The combined first-load file as the page's loader unpacked it, taken once: on a first
/// visit from a host that does not compress with brotli, the page downloads it xz-packed
/// beside the packed module and leaves the promise of its text in `window.egovFirstLoad`
/// (`startAfterFirstPaint` in `scripts/post-build.mjs`). `None` when the page did not, or it
/// failed (missing, damaged, no decoder): the plain file is fetched instead.
async fn take_unpacked_first_load() -> Option<String> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("egovFirstLoad");
    let promise = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let promise = wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(promise).ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()?;
    PACKED_FIRST_LOAD_USED.store(true, Ordering::Relaxed);
    Some(text)
}

/// Whether this page took the combined file from its packed copy.
static PACKED_FIRST_LOAD_USED: AtomicBool = AtomicBool::new(false);

/// On Retry, where this page took the combined file packed: the packed copy checked with
/// the host too, in the background, so that the browser's copy is the host's. Otherwise a
/// host that lets browsers keep files (GitHub Pages: ten minutes) would give the next page
/// opened the same stale copy that Retry was pressed for.
fn refresh_packed_first_load() {
    if !PACKED_FIRST_LOAD_USED.load(Ordering::Relaxed) {
        return;
    }
    let url = format!("{CONTENT_DIR}{FIRST_LOAD_FILE}.xz");
    wasm_bindgen_futures::spawn_local(async move {
        // Read whole, so that the browser's cache holds all of it.
        if let Ok(response) = Request::get(&url).cache(RequestCache::NoCache).send().await {
            let _ = response.binary().await;
        }
    });
}

/// Fetches one content file as text, turning every failure into a problem naming the file.
async fn fetch_text(name: &str, freshness: Freshness) -> Result<String, ContentProblem> {
    let url = format!("{CONTENT_DIR}{name}");
    let request = match freshness {
        Freshness::Cached => Request::get(&url),
        Freshness::Revalidated => Request::get(&url).cache(RequestCache::NoCache),
    };
    let response = request.send().await.map_err(|_| {
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
